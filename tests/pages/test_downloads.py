"""Downloads do not rerun the page: a rerun during a live run replaced the file before the browser got it."""
import ast
from pathlib import Path

from streamlit.testing.v1 import AppTest

from apptest_helpers import APP

ROOT = Path(__file__).resolve().parents[2]


def download_calls():
    """(file, line, the on_click keyword's value or None) of every download_button call in pages/ and ui/."""
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "streamlit_app.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "download_button"
            ):
                on_click = next((k.value for k in node.keywords if k.arg == "on_click"), None)
                yield path.relative_to(ROOT), node.lineno, on_click


def test_every_download_button_passes_on_click_ignore():
    calls = list(download_calls())
    assert len(calls) >= 4  # the code panel's script, the runs table's CSV, MNIST's model and history
    wrong = [(str(f), line) for f, line, v in calls if not (isinstance(v, ast.Constant) and v.value == "ignore")]
    assert not wrong, wrong


def test_the_script_download_tells_the_browser_not_to_rerun():
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/linear_regression.py").run()
    buttons = [e.proto for e in at.get("download_button")]
    assert buttons and all(b.ignore_rerun for b in buttons)
