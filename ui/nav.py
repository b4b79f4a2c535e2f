"""The app's pages and navigation, kept under the entrypoint even on a deep link."""
import functools
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

import core
from core import malloc, settings
from ui import address, controls, i18n, lesson_box, present, sessions
from ui.i18n import t

# before any session's thread allocates: two malloc arenas, not one a thread (core.malloc says why)
malloc.cap_arenas()

# Bundled: an emoji or :material/ icon as page_icon makes every browser fetch it from the internet,
# which fails in a classroom without wifi.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
ROOT = Path(__file__).resolve().parent.parent  # the repository: pages/ is here, wherever the entrypoint is

@dataclass(frozen=True)
class PageEntry:
    """One page: its name is its session-state prefix ("linear.lr") and finds its words ("nav.linear",
    "home.blurb.linear"); adding a page is adding an entry here and those two words."""
    name: str
    file: str   # relative to the repository's root, as tests and docs name it
    icon: str
    trains: bool = True  # a training page: it needs torch, and has the training controls

    @property
    def path(self) -> Path:
        """The page's file, absolute: Streamlit reads a relative one against the entrypoint's folder, which is
        cloud/ for Community Cloud's entrypoint (cloud/streamlit_app.py)."""
        return ROOT / self.file


PAGES = (
    PageEntry("home", "pages/home.py", ":material/home:", trains=False),
    PageEntry("tensors", "pages/tensors.py", ":material/grid_on:"),
    PageEntry("linear", "pages/linear_regression.py", ":material/show_chart:"),
    PageEntry("descent", "pages/gradient_descent.py", ":material/trending_down:"),
    PageEntry("sine", "pages/sine.py", ":material/waves:"),
    PageEntry("mnist", "pages/mnist.py", ":material/draw:"),
    PageEntry("classify", "pages/classify.py", ":material/scatter_plot:"),
    PageEntry("lessons", "pages/lessons.py", ":material/school:", trains=False),
)
TRAINING = tuple(p for p in PAGES if p.trains)


def entry(name: str) -> PageEntry:
    """The page called `name`."""
    return next(p for p in PAGES if p.name == name)


def compile_pages() -> None:
    """Streamlit compiles a page's file (and rewrites it for its "magic") the first time anyone opens it:
    about 60 to 90 ms on a 2-core machine, which the first visitor of each page would wait for. Done here
    for the entrypoint and every page, once for the server; nothing if there is no server (AppTest)."""
    try:
        from streamlit.runtime import Runtime
        if not Runtime.exists():
            return
        runtime = Runtime.instance()
        cache, main = runtime._script_cache, runtime._main_script_path  # private in 1.67: hence the guard
        for path in (main, *(str(p.path) for p in PAGES)):
            cache.get_bytecode(path)
    except Exception:
        return  # each page is then compiled by its first visitor, as Streamlit does anyway


def _load_torch(ready: threading.Event) -> None:
    """What every training page needs, loaded once: torch, the training loop, the charts, the data sets;
    `ready` is set once a page can be drawn. Then, with no page waiting for it, what the first Train
    and the first chart and the first MNIST page would otherwise wait for."""
    compile_pages()  # before torch: Home's own file and every page's, ~0.5 s of first visits in all
    try:
        for name in ("training", "charts", "codegen", "data", "models", "optimizers", "experiment"):
            getattr(core, name)
        from ui import chart, code_panel, live_run, runs_list  # noqa: F401  the training pages' own modules
    except Exception:
        return  # the page that needs them imports them again, and shows the error itself
    finally:
        ready.set()  # never a wait without end
    core.training.warm_up()    # the first optimizer imports torch._dynamo: ~1 s off the first Train or Compare
    core.charts.warm_up()      # Altair's first chart: ~0.1 s off the first page with a chart
    core.data.sample()         # the MNIST sample, read once for every session: ~50 ms off the first MNIST visit
    from ui import descent
    descent.warm_up()          # Gradient descent's default regime pictures: ~0.2 s off its first visit
    # closed sessions' memory back to the system, every 30 s: their state emptied first (ui.sessions says why)
    core.memory.reclaim_in_background(first=sessions.let_go_of_closed)


@dataclass(frozen=True)
class WarmUp:
    ready: threading.Event     # set once a training page can be drawn
    thread: threading.Thread   # ends once the first Train and chart have nothing left to load


@functools.cache  # once per server process (the module is imported once), shared by every session
def warm_up() -> WarmUp:
    """Load torch in the background. server.py starts it as the server starts, before any visitor;
    under a plain `streamlit run streamlit_app.py`, the first session starts it once its page is drawn."""
    ready = threading.Event()
    thread = threading.Thread(target=_load_torch, args=(ready,), name="torch-playground-warm-up", daemon=True)
    thread.start()
    return WarmUp(ready, thread)


def load_now() -> None:
    """Everything the warm-up loads, loaded now (server.py, before the server answers)."""
    warm_up().thread.join()


def wait_ready() -> None:
    """Before a page that trains: if torch is still loading, say so rather than hang."""
    ready = warm_up().ready
    if not ready.is_set():
        with st.spinner(t("app.getting_ready")):
            ready.wait()
    core.devices.share_the_cores()


def run_app() -> None:
    """What streamlit_app.py does: page settings, language, navigation over PAGES and the chosen page."""
    st.set_page_config(page_title="Torch Playground", page_icon=str(FAVICON), layout="wide")
    address.open_link()
    st.sidebar.selectbox("Language · 언어", list(i18n.LANGS), format_func=i18n.LANGS.get,
                         **controls.linked("app", settings.choice("lang", i18n.LANGS, "en")))
    i18n.style()
    pages = [st.Page(p.path, title=t(f"nav.{p.name}"), icon=p.icon, default=i == 0)  # addresses: the file names
             for i, p in enumerate(PAGES)]
    page = st.navigation(pages, position="hidden" if present.presenting() else "sidebar")
    sessions.note()  # so what this session keeps can be let go of once it is closed
    present.setup(st.session_state[address.LINK]["params"])
    if present.presenting():  # no sidebar: the pages are a row of links above the page
        row = st.container(horizontal=True, key="present_links")  # small and on one line: see ui.present.CSS
        for p in pages:
            row.page_link(p, label=p.title, icon=p.icon)
    address.replace_history()
    completed = False
    try:
        entry_now = next(p for p, shown in zip(PAGES, pages) if shown.url_path == page.url_path)
        if entry_now.trains:
            wait_ready()  # torch, loaded in the background
            if not present.presenting():
                lesson_box.banner(entry_now.name)  # a lesson opened on this page: where its box is
        page.run()
        if st.query_params and not present.presenting():
            address.share_link()
        present.leave_button()
        completed = True
    finally:
        address.close_link(tidy=completed)
        warm_up()  # after the page is drawn: loading torch competes with drawing for the CPU and the GIL


def ensure_entrypoint() -> None:
    """Called first by every page: if Streamlit ran the page on its own, run the app around it.

    Streamlit starts in the old pages/-folder mode whenever a pages/ folder exists, and leaves it
    only once st.navigation has run. If a fresh server's first visitor opens a deep link such as
    /tensors (and in every AppTest run after a switch_page), it runs pages/tensors.py directly: no
    navigation, no wide layout, the folder's file names in the sidebar. Then we run the entrypoint's
    navigation here, which runs this same page inside it, and stop this outer run. It all happens in
    one script run, so a button press is not lost.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without it has no such mode
        return
    if PagesManager.uses_pages_directory:
        run_app()  # st.navigation switches the old mode off, then runs this page once more
        st.stop()
