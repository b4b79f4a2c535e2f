"""Showing an Altair chart: the one place that sizes chart text, larger in presenter mode."""
import altair as alt
import streamlit as st

from ui import present


PRESENT_HEIGHT = 1.5  # charts grow with the text when presenting


def show(chart: alt.TopLevelMixin, width: str = "stretch") -> None:
    """Draw an Altair chart, with fonts a projector can carry when presenting (charts draw in pixels).

    We turn the chart into its Vega-Lite spec ourselves, without schema validation, and hand the spec
    to st.vega_lite_chart: st.altair_chart validates every chart (15 to 45 ms here) while holding a
    lock that all sessions share, and with a class training at once, redrawing live, that lock
    became the server's bottleneck. Our charts are built by tested code, so validation finds nothing.
    """
    if present.presenting():
        chart = (chart.configure_axis(labelFontSize=17, titleFontSize=19)
                 .configure_title(fontSize=23).configure_legend(labelFontSize=17, titleFontSize=17)
                 .configure_text(fontSize=16))
    spec = chart.to_dict(validate=False)
    spec.get("config", {}).pop("view", None)  # Altair's default theme fixes views at 300 px; Streamlit sizes them
    if present.presenting() and not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        spec["height"] = int(spec.get("height", 300) * PRESENT_HEIGHT)  # taller, so it is not squat
    st.vega_lite_chart(spec, width=width)
