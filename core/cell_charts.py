"""Charts of cells: a 2-D tensor as a heatmap, and a classifier's confusion matrix. Pure functions from
numbers to an Altair chart, no streamlit (the curves and lines are in core/charts.py)."""
import math

import altair as alt
import pandas as pd

MOST_CELLS = 2500  # heatmap cells drawn; a larger tensor is shown as the means of blocks


def _cells(matrix: list[list[float]]) -> list[dict]:
    """The heatmap's cells: one an element, or the mean of a block when there are more than MOST_CELLS."""
    n_rows, n_cols = len(matrix), max((len(r) for r in matrix), default=0)
    if n_rows * n_cols <= MOST_CELLS:
        return [{"row": i, "col": j, "value": float(v)} for i, r in enumerate(matrix) for j, v in enumerate(r)]
    # keep rows and columns in the tensor's proportions: about sqrt(MOST_CELLS * rows / cols) rows
    keep_r = max(1, min(n_rows, MOST_CELLS, int(math.sqrt(MOST_CELLS * n_rows / n_cols))))
    step_r = math.ceil(n_rows / keep_r)
    keep_c = max(1, MOST_CELLS // math.ceil(n_rows / step_r))
    step_c = math.ceil(n_cols / keep_c)
    cells = []
    for i in range(0, n_rows, step_r):
        for j in range(0, n_cols, step_c):
            block = [float(v) for r in matrix[i:i + step_r] for v in r[j:j + step_c]]
            cells.append({"row": i, "col": j, "value": sum(block) / len(block)})
    return cells


def heatmap(matrix: list[list[float]], title: str = "", x_title: str = "column (dim 1)",
            y_title: str = "row (dim 0)") -> alt.Chart:
    """A 2-D tensor as coloured cells with their values written in.

    More than MOST_CELLS cells (a 100 x 100 tensor is 10,000; Altair refuses 5,000 rows) are drawn as
    blocks: each cell is the mean of a block of the tensor, named by its first row and column.
    """
    rows = _cells(matrix)
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("col:O", title=x_title), y=alt.Y("row:O", title=y_title))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="blueorange"), legend=None),
        tooltip=["row", "col", alt.Tooltip("value:Q", format=".4g")])
    if len(rows) > 400:  # too many cells to write numbers in
        drawn_rows = len({c["row"] for c in rows})  # blocks of rows when the tensor is large
        thinned = alt.Axis(labelOverlap="parity")  # hundreds of ordinal labels: only those that fit
        cells = cells.encode(
            x=alt.X("col:O", title=x_title, axis=thinned), y=alt.Y("row:O", title=y_title, axis=thinned)
        )
        return cells.properties(height=alt.Step(max(8, 360 // drawn_rows)) if drawn_rows <= 45 else 360)
    text = base.mark_text(fontSize=14).encode(text=alt.Text("value:Q", format=".3~g"))
    return (cells + text).properties(height=alt.Step(36))


def confusion_matrix(matrix: list[list[int]], title: str = "Confusion matrix", x_title: str = "predicted label",
                     y_title: str = "true label") -> alt.Chart:
    """Counts of (true label, predicted label) as a heatmap; the diagonal is what the model got right."""
    rows = [{"true": i, "predicted": j, "count": int(v)} for i, r in enumerate(matrix) for j, v in enumerate(r)]
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame, title=title).encode(x=alt.X("predicted:O", title=x_title),
                                                y=alt.Y("true:O", title=y_title))
    cells = base.mark_rect().encode(color=alt.Color("count:Q", scale=alt.Scale(type="symlog", scheme="oranges"),
                                                    legend=None),
                                    tooltip=["true", "predicted", "count"])
    text = base.mark_text(fontSize=12).encode(
        text=alt.condition(alt.datum.count > 0, alt.Text("count:Q"), alt.value("")),
        color=alt.condition(alt.datum.true == alt.datum.predicted, alt.value("white"), alt.value("#111111")))
    return (cells + text).properties(height=alt.Step(30), width=alt.Step(30))


def confusion_matrix_fitted(matrix: list[list[int]], title: str = "Confusion matrix",
                            x_title: str = "predicted label", y_title: str = "true label",
                            height: int = 320) -> alt.Chart:
    """confusion_matrix sized to its column (all ten columns on a projector's narrow screen), not 30 px a cell."""
    return confusion_matrix(matrix, title, x_title, y_title).properties(width="container", height=height)
