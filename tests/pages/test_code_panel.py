"""The code panel: every training page's script, run for real, prints the page's Final loss."""
import os
import shutil
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
    "mnist-cnn": ("pages/mnist.py", "mnist", [("selectbox", "mnist.arch", "cnn"), ("number_input", "mnist.epochs", 2),
                                             ("number_input", "mnist.seed", 3)]),
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
    # as a student runs it: no OMP_NUM_THREADS, so torch uses every core unless the script says otherwise
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    last = out.stdout.strip().splitlines()[-1]
    assert last == f"final loss: {shown}", f"the script printed {last!r}; the page shows {shown!r}"


def test_the_mnist_script_runs_outside_the_apps_folder(app, tmp_path):
    """Saved anywhere with the sample beside it, the script finds it, run from another folder."""
    open_page(app, "pages/mnist.py")
    code = next(c.value for c in app.code if "final loss" in c.value)
    (tmp_path / "saved").mkdir()
    shutil.copy(ROOT / "data" / "mnist_sample.npz", tmp_path / "saved")
    saved = tmp_path / "saved" / "mnist_mlp.py"
    saved.write_text(code.replace("range(5)", "range(1)"))  # one epoch is enough to show it runs
    out = subprocess.run([sys.executable, str(saved)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1].startswith("final loss: ")


def test_the_mnist_script_without_the_app_or_network_says_why(app, tmp_path):
    """No sample beside it or in ./data, no torchvision download: one clear sentence, no traceback."""
    open_page(app, "pages/mnist.py")
    code = next(c.value for c in app.code if "final loss" in c.value)
    # a torchvision that cannot download, as offline
    (tmp_path / "torchvision").mkdir()
    (tmp_path / "torchvision" / "__init__.py").write_text("")
    (tmp_path / "torchvision" / "datasets.py").write_text(
        "class MNIST:\n    def __init__(self, *a, **k):\n        raise RuntimeError('no network')\n")
    saved = tmp_path / "mnist_mlp.py"
    saved.write_text(code)
    out = subprocess.run([sys.executable, str(saved)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "Could not get MNIST" in out.stderr and "no network" in out.stderr
    assert "is neither beside this script nor in ./data" in out.stdout


def test_the_script_uses_the_servers_thread_count(app):
    """The app caps torch's threads (core.devices.share_the_cores); a student's python does not, and a sum split
    over another number of threads rounds differently (0.000718 against the page's 0.000949)."""
    import core
    open_page(app, "pages/sine.py")
    app.radio(key="sine.model").set_value("net").run()
    assert f"torch.set_num_threads({core.devices.share_the_cores()})" in shown_script(app)


def test_in_korean_the_scripts_comments_are_korean_and_it_still_runs():
    from streamlit.testing.v1 import AppTest
    from apptest_helpers import APP
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang="ko", noise="0.1", epochs="20")
    at.switch_page("pages/sine.py")
    at.run()
    code = shown_script(at)
    assert "# 순전파" in code and "# 역전파" in code and "위 y = sin(x)의 점 1000개" in code
    assert "# forward" not in code and "# the whole data set" not in code
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip().splitlines()[-1].startswith("final loss: ")


@pytest.mark.parametrize("optimizer, schedule, knobs", [
    ("sgd", "step", [("slider", "linear.momentum", 0.9), ("checkbox", "linear.nesterov", True),
                     ("select_slider", "linear.weight_decay", 0.01)]),
    ("rmsprop", "cosine", [("slider", "linear.momentum", 0.5)]),
    ("adagrad", "constant", [("select_slider", "linear.weight_decay", 0.001)]),
    ("adamw", "cosine", [("select_slider", "linear.weight_decay", 0.1)]),
], ids=["sgd-nesterov-step", "rmsprop-cosine", "adagrad", "adamw-cosine"])
def test_every_optimizer_and_schedule_script_prints_the_pages_final_loss(app, optimizer, schedule, knobs):
    open_page(app, "pages/linear_regression.py")
    apply(app, "linear", [("radio", "linear.dataset", "noisy"), ("selectbox", "linear.optimizer", optimizer),
                          ("selectbox", "linear.schedule", schedule), ("number_input", "linear.epochs", 60),
                          ("select_slider", "linear.lr", 0.005), *knobs])
    train(app, "linear")
    code = shown_script(app)
    assert f"torch.optim.{core_label(optimizer)}(" in code
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == f"final loss: {metric(app, 'Final loss')}"


def core_label(name: str) -> str:
    import core
    return core.optimizers.OPTIMIZERS[name].label


def test_the_code_panel_shows_the_script_of_the_run_picked():
    from test_links import opened
    at = opened("pages/linear_regression.py", epochs="30", lr="0.01")
    at.button(key="linear.preset_sweep").click().run()
    assert "lr=0.01" in shown_script(at)
    at.selectbox(key="linear.code_of").set_value(1).run()          # run 1: the rate ten times smaller
    code = shown_script(at)
    assert "lr=0.001" in code
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    first = at.session_state["linear.runs"].kept[0].run.hist.loss[-1]
    assert out.stdout.strip().splitlines()[-1] == f"final loss: {first:.6g}"
