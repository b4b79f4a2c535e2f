"""Showing an Altair chart: the one place that sizes chart text, larger in presenter mode."""
import altair as alt
import streamlit as st

from ui import present


def show(chart: alt.TopLevelMixin, width: str = "stretch") -> None:
    """st.altair_chart, with fonts a projector can carry when presenting (charts draw in pixels)."""
    if present.presenting():
        chart = (chart.configure_axis(labelFontSize=17, titleFontSize=19)
                 .configure_title(fontSize=23).configure_legend(labelFontSize=17, titleFontSize=17)
                 .configure_text(fontSize=16))
    st.altair_chart(chart, width=width)
