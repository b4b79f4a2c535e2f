"""Every page's code boxes, opened from hostile links (and a CSV with a hostile header): they hold no trace of
the text, and what they show runs as tensor code and nothing else, in a folder of its own."""
import csv
import io
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: code_safety
import core  # noqa: E402
from apptest_helpers import APP, PAGES  # noqa: E402
from code_safety import PAYLOAD, SHORT, holds_no_payload, run_in  # noqa: E402
from test_links import opened  # noqa: E402


def python_boxes(at: AppTest) -> list[str]:
    return [c.value for c in at.code if c.language == "python"]


def check_boxes(at: AppTest, folder: Path) -> int:
    """Assert every Python box is clean and run the runnable ones (the scripts, Tensors' snippets in the
    order a student pastes them); -> how many ran."""
    assert not at.exception, at.exception
    boxes = python_boxes(at)
    assert all(holds_no_payload(code) for code in boxes), boxes
    scope, ran = {}, 0
    for code in boxes:
        if "final loss:" in code or code.startswith("import torch\n\nx, y"):  # a script, the one step: alone
            run_in(folder, code)
            ran += 1
        elif code.startswith("import torch\n\nA = ") or code.startswith("import torch\n\ntorch.manual_seed"):
            run_in(folder, code, scope)  # Tensors' A, which the combine box goes on from
            ran += 1
        elif "C = " in code and "A" in scope:
            run_in(folder, code, scope)
            ran += 1
    return ran


@pytest.fixture
def folder(tmp_path):
    """A folder for the boxes' code, with the MNIST sample in ./data (where the MNIST script looks)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / core.data.SAMPLE.name).symlink_to(core.data.SAMPLE)
    return tmp_path


def test_the_issues_link_shows_no_code_box_holding_import():
    at = opened("pages/tensors.py", values="1) ; __import__('os').system('touch pwned') ; (1")
    assert not at.exception and at.error  # "Malformed values"
    assert not any("__import__" in c.value for c in at.code)


TENSORS = [dict(constructor="tensor", values="{}"), dict(constructor="zeros", shape="{}"),
           dict(constructor="randn", shape="{}"), dict(op="add", b_values="{}"), dict(op="matmul", b_values="{}"),
           dict(op="reshape", new_shape="{}"), dict(op="view", new_shape="{}")]


@pytest.mark.parametrize("link", TENSORS, ids=lambda link: "-".join(link.values()).replace("{}", "H"))
@pytest.mark.parametrize("text", SHORT, ids=range(len(SHORT)))
def test_tensors_boxes_from_a_hostile_link(link, text, folder):
    at = opened("pages/tensors.py", epochs="1", **{k: v.format(text) if v == "{}" else v for k, v in link.items()})
    # the one step and the script always; A's box too where the text was B's or the new shape
    assert check_boxes(at, folder) == (2 if "constructor" in link else 3)
    assert at.error  # the text was refused, and said so


@pytest.mark.parametrize("page", [p for p in PAGES if p != "pages/tensors.py"])
def test_every_other_pages_script_from_a_link_of_hostile_values(page, folder):
    names = [n for n in opened(page).query_params if n not in ("lang", "epochs")]
    for text in SHORT[:2]:
        at = opened(page, epochs="1", **{n: text for n in names})
        assert check_boxes(at, folder) >= 1, page  # its script


def test_linear_regressions_script_from_a_csv_with_a_hostile_header_and_name(folder):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(dataset="csv", epochs="1")
    at.switch_page("pages/linear_regression.py").run()
    table = io.StringIO()
    # (the reader splits lines as str.splitlines does, so a header holds no line break of any kind)
    csv.writer(table).writerows([[f"x''') {PAYLOAD} #\"\"\"", f"y\\ {{{PAYLOAD}}}"], [1, 2], [2, 4], [3, 6]])
    assert all("__import__" in name for name in core.data.read_xy_csv(table.getvalue().encode())[2])  # a header
    at.file_uploader(key="linear.csv").upload(f"{PAYLOAD}\n'''.csv", table.getvalue().encode(),
                                              "text/csv").run()
    assert not at.error, [e.value for e in at.error]
    assert check_boxes(at, folder) == 1
