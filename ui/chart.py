"""Showing an Altair chart: the one place that sizes chart text, larger in presenter mode."""
import altair as alt
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from ui import present


PRESENT_HEIGHT = 1.5  # charts grow with the text when presenting


def show(chart: alt.TopLevelMixin, width: str = "stretch", stage_height: int | None = None,
         square: bool = False, plot_height: int | None = None) -> None:
    """Draw an Altair chart, with fonts a projector can carry when presenting (charts draw in pixels).
    stage_height, square: its plot on the stage (show_spec). plot_height: the plot itself this high,
    whatever its title, legend and axes take (a chart's own height holds them all: a two-line title and a
    legend of seven layers left a 220 px chart a 40 px plot)."""
    out = spec(chart, present.presenting())
    if plot_height is not None:
        scale = PRESENT_HEIGHT if present.presenting() else 1
        out = {**out, "height": int(plot_height * scale), "autosize": {"type": "fit-x", "contains": "padding"}}
    show_spec(out, width, stage_height, square)


def spec(chart: alt.TopLevelMixin, presenting: bool) -> dict:
    """The chart's Vega-Lite spec, sized for presenting or not: what a page may cache and show later.

    We turn the chart into its spec ourselves, without schema validation: st.altair_chart validates
    every chart (15 to 45 ms here) while holding a lock that all sessions share, and with a class
    training at once, redrawing live, that lock became the server's bottleneck. Our charts are built
    by tested code, so validation finds nothing.
    """
    if presenting:
        chart = (chart.configure_axis(labelFontSize=17, titleFontSize=19)
                 .configure_title(fontSize=23).configure_legend(labelFontSize=17, titleFontSize=17)
                 .configure_text(fontSize=16))
    out = chart.to_dict(validate=False)
    out.get("config", {}).pop("view", None)  # Altair's default theme fixes views at 300 px; Streamlit sizes them
    # a height that is not a number ({"step": 20}: a heatmap's cells) already grows with what it shows
    if presenting and isinstance(out.get("height", 300), (int, float)) and not any(
            k in out for k in ("hconcat", "vconcat", "concat", "facet")):
        out["height"] = int(out.get("height", 300) * PRESENT_HEIGHT)  # taller, so it is not squat
    if "datasets" in out:
        out["datasets"] = {name: arrow(rows) for name, rows in out["datasets"].items()}
    return out


def arrow(rows):
    """A chart's rows as the Arrow bytes Streamlit sends, made straight from them.

    Given rows, Streamlit builds a pandas frame of each and converts it (about 10 ms a data set here, 136
    ms for Gradient descent's six charts on every visit); from the rows themselves it is a fraction of a
    millisecond, and a cached spec keeps the bytes. Rows Arrow cannot type on its own (a column of
    numbers and words, nested values) are left to Streamlit."""
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        return rows
    keys = rows[0].keys()  # Arrow takes the columns from the first row: rows that differ are left as they are
    if any(r.keys() != keys or any(isinstance(v, (list, dict)) for v in r.values()) for r in rows):
        return rows
    try:
        return dataframe_util.convert_arrow_table_to_arrow_bytes(pa.Table.from_pylist(rows))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return rows


def show_spec(vega_lite: dict, width: str = "stretch", stage_height: int | None = None, square: bool = False) -> None:
    """Draw a Vega-Lite spec. On the stage (the live picture in presenter mode) its plot is stage_height
    px high (present.STAGE_HEIGHT unless a page's picture has more room), and as wide if square."""
    if present.on_stage() and not any(k in vega_lite for k in ("hconcat", "vconcat", "concat", "facet")):
        # all of it on the screen (a copy: a page may cache its spec). The height is the plot's own
        # (fit-x): with "fit" it held the title, the axes and a legend too, and at a projector's font
        # sizes they left the plot a 40 px strip
        height = stage_height or present.STAGE_HEIGHT
        vega_lite = {**vega_lite, "height": height, "autosize": {"type": "fit-x", "contains": "padding"}}
        if square:  # a map of the plane: stretched, its axes stood far off the shaded square
            vega_lite.update(width=height, autosize={"type": "pad", "contains": "padding"})
            width = "content"
    st.vega_lite_chart(vega_lite, width=width)


def picked(spec, key: str) -> tuple[float, float] | None:
    """Draw a chart whose selection "pick" holds the (x, y) of what was clicked (core.network_picture.editor),
    and return that (x, y), or None before a click. A new key draws it with nothing selected: give one
    for each state of what it shows, so the same cell clicked twice still counts twice."""
    event = st.vega_lite_chart(spec.to_dict(), width="content", key=key, on_select="rerun",
                               selection_mode=["pick"])
    chosen = (event.selection.get("pick") or []) if event else []
    return (float(chosen[0]["x"]), float(chosen[0]["y"])) if chosen and "x" in chosen[0] else None
