"""The code panel's notebook: each training page's, run cell by cell in a Jupyter kernel (nbclient), prints
the page's final loss, as its script does; its cells are the script's parts, after a heading each."""
import json
from pathlib import Path

import nbclient
import nbformat
import pytest

from apptest_helpers import apply, metric, open_page, train
from test_code_panel import CASES, shown_script

import core
from ui.i18n import TABLES

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_CASES = {**{name: CASES[name] for name in ("tensors", "linear-noisy", "descent", "sine-hand-momentum",
                                                     "sine-net", "mnist-cnn")},
                  "classify": ("pages/classify.py", "classify", [("number_input", "classify.epochs", 5)])}


def notebook_of(at, key: str, lang: str = "en") -> str:
    """The notebook the code panel offers for the page's newest run, built as ui/code_panel.py builds it."""
    kept = at.session_state[f"{key.split('_')[0]}.runs"].kept[-1]  # Sine's network ("sine_net") is in sine.runs
    words = TABLES[lang]
    parts = core.codegen.script_parts(kept.recipe, kept.run.cfg, threads=core.devices.share_the_cores(),
                                      words={k: words[k] for k in core.codegen.COMMENT_KEYS})
    assert "\n\n".join(c for _, c in parts) == shown_script(at).rstrip("\n")  # the cells are the page's script
    return core.notebook.notebook(parts, {n: words[f"notebook.{n}"] for n in core.codegen.PARTS}, kept.recipe.title)


def run(book: str) -> list[str]:
    """Execute every cell in a fresh kernel -> the printed lines, in order."""
    nb = nbformat.reads(book, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    return [line for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
            if out.get("name") == "stdout" for line in out["text"].splitlines()]


@pytest.mark.parametrize("case", NOTEBOOK_CASES, ids=list(NOTEBOOK_CASES))
def test_the_notebook_prints_the_pages_final_loss(app, case):
    page, key, settings = NOTEBOOK_CASES[case]
    open_page(app, page)
    apply(app, key, settings)
    train(app, key)
    book = notebook_of(app, key)
    cells = json.loads(book)["cells"]
    assert [c["cell_type"] for c in cells[:3]] == ["markdown", "markdown", "code"]  # title, then heading + code
    assert any("".join(c["source"]).startswith("## Training loop") for c in cells)
    # the run's own final loss, as the script prints it (Classify's number on the page shows 4 digits)
    kept = app.session_state[f"{key.split('_')[0]}.runs"].kept[-1]
    assert run(book)[-1] == f"final loss: {kept.run.hist.loss[-1]:.6g}"


def test_a_korean_notebook_has_korean_headings_and_runs(app):
    open_page(app, "pages/linear_regression.py")
    apply(app, "linear", [("number_input", "linear.epochs", 30)])
    train(app, "linear")
    kept = app.session_state["linear.runs"].kept[-1]
    words = TABLES["ko"]
    parts = core.codegen.script_parts(kept.recipe, kept.run.cfg, threads=core.devices.share_the_cores(),
                                      words={k: words[k] for k in core.codegen.COMMENT_KEYS})
    book = core.notebook.notebook(parts, {n: words[f"notebook.{n}"] for n in core.codegen.PARTS}, kept.recipe.title)
    assert "## 학습 루프" in book
    assert run(book)[-1] == f"final loss: {metric(app, 'Final loss')}"


def test_the_code_panel_offers_the_notebook_beside_the_script(app):
    open_page(app, "pages/linear_regression.py")
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Download as .py" in labels and "Download as a notebook" in labels
