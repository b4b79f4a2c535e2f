"""The code panel: every training page's script, run for real, prints the page's Final loss."""
import subprocess
import sys
from pathlib import Path

import pytest

from apptest_helpers import apply, metric, open_page, train

ROOT = Path(__file__).resolve().parents[2]

CASES = {  # id: (page, key, settings to apply before training)
    "tensors": ("pages/tensors.py", "tensors", [("number_input", "tensors.epochs", 7)]),
    "linear": ("pages/linear_regression.py", "linear", [("number_input", "linear.epochs", 300)]),
    "linear-noisy": ("pages/linear_regression.py", "linear", [
        ("radio", "linear.dataset", "noisy"), ("number_input", "linear.epochs", 50),
        ("slider", "linear.momentum", 0.5), ("select_slider", "linear.lr", 0.005)]),
    "linear-adam-heights": ("pages/linear_regression.py", "linear", [
        ("radio", "linear.dataset", "heights"), ("selectbox", "linear.optimizer", "adam"),
        ("number_input", "linear.epochs", 40)]),
    "descent": ("pages/gradient_descent.py", "descent", [("number_input", "descent.epochs", 30)]),
    "sine-autograd": ("pages/sine.py", "sine", [("number_input", "sine.epochs", 200),
                                                ("number_input", "sine.seed", 3)]),
    "sine-hand-momentum": ("pages/sine.py", "sine", [
        ("radio", "sine.gradients", "hand"), ("slider", "sine.momentum", 0.9),
        ("number_input", "sine.epochs", 150), ("number_input", "sine.noise", 0.1)]),
    "sine-net": ("pages/sine.py", "sine_net", [("radio", "sine.model", "net"),
                                               ("number_input", "sine_net.epochs", 40)]),
    "mnist": ("pages/mnist.py", "mnist", [("number_input", "mnist.seed", 5)]),
    "mnist-sgd-batches": ("pages/mnist.py", "mnist", [
        ("selectbox", "mnist.optimizer", "sgd"), ("slider", "mnist.momentum", 0.9),
        ("select_slider", "mnist.lr", 0.01), ("select_slider", "mnist.batch_size", 256)]),
}


def shown_script(at) -> str:
    return next(c.value for c in at.code if "print(f'final loss:" in c.value)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_script_prints_the_pages_final_loss(app, case):
    page, key, settings = CASES[case]
    open_page(app, page)
    apply(app, key, settings)
    train(app, key)
    shown = metric(app, "Final loss")
    code = shown_script(app)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    last = out.stdout.strip().splitlines()[-1]
    assert last == f"final loss: {shown}", f"the script printed {last!r}; the page shows {shown!r}"
