"""Altair chart builders: pure functions from numbers to a chart, no streamlit."""
import altair as alt
import pandas as pd


def loss_curve(loss: list[float], title: str = "Loss", log_scale: bool = False,
               x_title: str = "Epoch") -> alt.Chart:
    """The loss per epoch as a line."""
    frame = pd.DataFrame({"epoch": range(len(loss)), "loss": loss})
    scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)
    return (alt.Chart(frame, title=title)
            .mark_line(point=len(loss) <= 30)
            .encode(x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
                    y=alt.Y("loss:Q", title="Loss", scale=scale),
                    tooltip=["epoch", alt.Tooltip("loss:Q", format=".4g")]))


def fit_line(x: list[float], y: list[float], line_x: list[float], line_y: list[float],
             title: str = "Data and fitted line") -> alt.Chart:
    """The data as points and the model's predictions as a line over them.

    The x axis spans line_x, so give the line's ends a margin beyond the data.
    """
    points = pd.DataFrame({"x": x, "y": y})
    line = pd.DataFrame({"x": line_x, "y": line_y})
    x_scale = alt.Scale(domain=[min(line_x), max(line_x)], nice=False)
    base = (alt.Chart(points, title=title).mark_circle(size=120, color="#1c7ed6")
            .encode(x=alt.X("x:Q", scale=x_scale), y="y:Q"))
    return base + alt.Chart(line).mark_line(color="#e4572e", strokeWidth=3).encode(x="x:Q", y="y:Q")


def cost_curve(w: list[float], cost: list[float], path_w: list[float], path_cost: list[float],
               title: str = "cost(W)") -> alt.Chart:
    """cost(W) as a parabola, and the W the optimizer visited as points on it."""
    curve = pd.DataFrame({"W": w, "cost": cost})
    path = pd.DataFrame({"W": path_w, "cost": path_cost, "step": range(len(path_w))})
    line = alt.Chart(curve, title=title).mark_line().encode(x="W:Q", y=alt.Y("cost:Q", title="cost"))
    dots = (alt.Chart(path).mark_line(point=True, color="#e4572e", strokeDash=[4, 3])
            .encode(x="W:Q", y="cost:Q", order="step:Q", tooltip=["step", "W", "cost"]))
    return line + dots


def heatmap(matrix: list[list[float]], title: str = "") -> alt.Chart:
    """A 2-D tensor as coloured cells with their values written in."""
    rows = [{"row": i, "col": j, "value": float(v)} for i, r in enumerate(matrix) for j, v in enumerate(r)]
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("col:O", title="column (dim 1)"), y=alt.Y("row:O", title="row (dim 0)"))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="blueorange"), legend=None),
        tooltip=["row", "col", alt.Tooltip("value:Q", format=".4g")])
    if len(rows) > 400:  # too many cells to write numbers in
        return cells.properties(height=alt.Step(max(8, 360 // len(matrix))))
    text = base.mark_text(fontSize=14).encode(text=alt.Text("value:Q", format=".3~g"))
    return (cells + text).properties(height=alt.Step(36))


def lines_to_point(point: tuple[float, float], lines: list[tuple[str, float, float]],
                   x_range: tuple[float, float], title: str = "") -> alt.Chart:
    """A data point and several lines y = W x + b, each named (e.g. "before", "after")."""
    lo, hi = x_range
    frame = pd.DataFrame([{"line": name, "x": x, "y": w * x + b}
                          for name, w, b in lines for x in (lo, hi)])
    names = [name for name, _, _ in lines]
    drawn = (alt.Chart(frame, title=title).mark_line(strokeWidth=3)
             .encode(x=alt.X("x:Q", scale=alt.Scale(domain=[lo, hi], nice=False)), y="y:Q",
                     color=alt.Color("line:N", sort=names, title=None,
                                     scale=alt.Scale(range=["#adb5bd", "#e4572e", "#1c7ed6", "#2b8a3e"])),
                     detail="line:N"))
    dot = (alt.Chart(pd.DataFrame({"x": [point[0]], "y": [point[1]]})).mark_point(
        size=220, filled=True, color="#111111").encode(x="x:Q", y="y:Q"))
    return drawn + dot
