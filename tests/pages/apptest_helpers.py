"""Driving the app in AppTest: open a page, press Train, read a metric."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui import nav

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")

# page file -> the key prefix its controls and run use: every training page of the app's registry
PAGES = {page.file: page.name for page in nav.TRAINING}



def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def apply(at: AppTest, key: str, settings: list[tuple[str, str, object]]) -> AppTest:
    """Set widgets f"{key}.{name}" (or a full key with a dot) one by one: [(kind, name, value), ...]."""
    for kind, name, value in settings:
        getattr(at, kind)(key=name if "." in name else f"{key}.{name}").set_value(value).run()
    return at


def is_running(at: AppTest) -> bool:
    return any(b.label == "Stop" and not b.disabled for b in at.button)  # the stage shows it greyed when idle


def train(at: AppTest, key: str, max_reruns: int = 200) -> AppTest:
    """Press Train, then rerun (each rerun trains one chunk in the fragment) until the run ends."""
    at.button(key=f"{key}.train").click().run()
    for _ in range(max_reruns):
        if not is_running(at):
            break
        at.run()
    assert not is_running(at), "the run did not finish"
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)
