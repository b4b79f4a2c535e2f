"""Presenter mode (?present=1): no sidebar, big text and charts for a projector, Train still there."""
import streamlit as st

from ui import address, keys
from ui.i18n import t

KEY = keys.PRESENT

# The controls stay in the (hidden) sidebar, so the page keeps its settings. Text grows with the root
# font size (Streamlit sizes it in rem); charts draw in pixels, so ui.chart.show enlarges their fonts.
# (CSS zoom would enlarge both, but Vega then measures its column wrongly and overflows it.)
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: 24px !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.5rem 2.5rem; }
</style>
"""


def presenting() -> bool:
    return st.session_state.get(KEY, False)


def setup(link_params: dict) -> None:
    """Turn presenter mode on from the link a session was opened with, and keep it in the address."""
    if KEY not in st.session_state:
        st.session_state[KEY] = (link_params.get("present") or [""])[-1] in ("1", "true", "yes")
    if presenting():
        st.markdown(CSS, unsafe_allow_html=True)
        address.write("present", "1")


def leave_button() -> None:
    """At the foot of the page: the way back to the controls."""
    if presenting() and st.button(t("present.leave"), key="app.leave_present", icon=":material/close_fullscreen:"):
        st.session_state[KEY] = False
        st.query_params.pop("present", None)
        st.rerun()
