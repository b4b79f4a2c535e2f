"""Presenter mode (?present=1): a stage for a projector. Under the page's title, one compact row (Train,
Stop, the knobs that matter, and a Settings popover holding all the rest), then the live picture, sized
to stay wholly in view at 1024 x 768 from Train to the end. The page's other text follows below."""
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import address, keys
from ui.i18n import t

KEY = keys.PRESENT
STAGE = "_present.stage"        # this script run's Stage (made again every full run)
ON_STAGE = "_present.on_stage"  # True while the live picture is being drawn in presenter mode
# A chart's plot on the stage, in px, without its title, axes and legend (about 200 px more at a projector's
# fonts): with a number above it (Final loss) it fits a 768 px screen under the page links, the title, the
# Train row and the progress bar.
STAGE_HEIGHT = 165

# The sidebar is hidden: its controls are in the stage's Settings. Text grows with the root font size
# (Streamlit sizes it in rem); charts draw in pixels, so ui.chart.show enlarges their fonts. (CSS zoom
# would enlarge both, but Vega then measures its column wrongly and overflows it.) The page links and
# the title are small, and the stage's gaps narrow: every pixel of a projector's 768 goes to the picture.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: 24px !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 0.6rem 2.5rem 1.5rem; }
[data-testid="stHeader"] { display: none; }
.st-key-present_links { gap: 0.2rem; }
.st-key-present_links a { padding: 0 0.3rem; }
.st-key-present_links a p { font-size: 0.6rem; }
[data-testid="stMain"] h1 { font-size: 1.2rem; padding: 0; }
.st-key-stage { gap: 0.4rem; }
/* "small" is 1 rem, 24 px at this root size: five such gaps in the row pushed the knobs onto two lines */
.st-key-stage_row, .st-key-stage_buttons, .st-key-stage_knobs, .st-key-stage_row [class*="_halt"] { gap: 0.4rem; }
.st-key-stage [data-testid="stAlertContainer"] { padding: 0.4rem 0.8rem; }
.st-key-live_picture [data-testid="stMetricValue"] { font-size: 1.5rem; }
/* a run's ending and "the settings have changed" share its line: the ending as wide as its words */
.st-key-run_outcome > div:first-child { flex: 0 1 auto; width: auto; max-width: 65%; }
.st-key-run_outcome > div:last-child { flex: 1 1 0; min-width: 0; }
.st-key-run_outcome [data-testid="stCaptionContainer"] { line-height: 1.3; }
/* a lesson on the stage: its one line takes the title's place (the page's name stays lit in the links above) */
[data-testid="stMainBlockContainer"]:has(.st-key-stage_lesson) [data-testid="stElementContainer"]:has(h1) {
    display: none; }
.st-key-stage_lesson { margin-top: -0.8rem; }  /* up into the room the title's margin took */
.st-key-stage_lesson button { min-height: 0; padding: 0.15rem 0.6rem; }
.st-key-stage_lesson button p { font-size: 0.75rem; }
/* a popover (the lesson's task, Settings) scrolls inside the screen: at this font a hint ran past its foot */
[data-testid="stPopoverBody"] { max-height: calc(100vh - 8rem); overflow-y: auto; }
.st-key-stage_lesson > div:first-child { flex: 1 1 0; min-width: 0; }
.st-key-stage_lesson [data-testid="stMarkdownContainer"] p { white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; font-size: 0.75rem; margin: 0; }
</style>
"""


def presenting() -> bool:
    return st.session_state.get(KEY, False)


def setup(link_params: dict) -> None:
    """Turn presenter mode on from the link a session was opened with, and keep it in the address."""
    if KEY not in st.session_state:
        st.session_state[KEY] = (link_params.get("present") or [""])[-1] in ("1", "true", "yes")
    st.session_state[STAGE] = None  # a stage belongs to one script run: the page makes its own
    st.session_state[ON_STAGE] = False
    if presenting():
        st.markdown(CSS, unsafe_allow_html=True)
        address.write("present", "1")


@dataclass
class Stage:
    """Where presenter mode puts things: the row's parts, and the place of the live picture under it."""
    buttons: DeltaGenerator   # Train, One epoch, Stop (ui.live_run)
    knobs: DeltaGenerator     # the learning rate and the epochs (ui.controls)
    settings: DeltaGenerator  # a popover with everything else the page asks
    picture: DeltaGenerator   # the live run: its progress, then the picture
    task: DeltaGenerator      # a lesson's task box (ui.lesson_box), above the row


def stage() -> Stage | None:
    """When presenting, this run's stage, made where it is first asked for (pages ask under their title)."""
    if not presenting():
        return None
    if st.session_state.get(STAGE) is None:
        box = st.container(key="stage")
        task = box.container()
        row = box.container(horizontal=True, vertical_alignment="bottom", gap="small", key="stage_row")
        st.session_state[STAGE] = Stage(
            buttons=row.container(horizontal=True, width="content", gap="small", key="stage_buttons"),
            knobs=row.container(horizontal=True, gap="small", key="stage_knobs"),
            settings=row.popover(t("present.settings"), icon=":material/tune:"),
            picture=box.container(), task=task)
    return st.session_state[STAGE]


def settings() -> DeltaGenerator:
    """Where a page's own settings go: folded into the stage's Settings when presenting, else in place."""
    here = stage()
    return here.settings if here else st.container()


@contextmanager
def picture():
    """The live picture, what a class watches: a box tests find by its class, st-key-live_picture.
    When presenting, the charts in it take the stage's height (ui.chart.show), so it fits the screen."""
    st.session_state[ON_STAGE] = presenting()
    try:
        with st.container(key="live_picture"):
            yield
    finally:
        st.session_state[ON_STAGE] = False


def on_stage() -> bool:
    return st.session_state.get(ON_STAGE, False)


def leave_button() -> None:
    """At the foot of the page: the way back to the controls."""
    if presenting() and st.button(t("present.leave"), key="app.leave_present", icon=":material/close_fullscreen:"):
        st.session_state[KEY] = False
        st.query_params.pop("present", None)
        st.rerun()
