"""The learning-rate finder on every training page: the rate it suggests trains without diverging, and
on Sine's cubic (lr 1e-6 by default) it finds a larger one that reaches a lower loss in the same epochs."""
import pytest

import core
from apptest_helpers import train
from test_links import opened

PAGES = {"linear": "pages/linear_regression.py", "descent": "pages/gradient_descent.py", "sine": "pages/sine.py",
         "tensors": "pages/tensors.py", "mnist": "pages/mnist.py", "classify": "pages/classify.py"}


def find_and_use(at, key: str) -> float:
    """Press Find, then Use: the rate the control now holds."""
    at.button(key=f"{key}.find_lr").click().run()
    assert not at.exception and at.session_state[f"{key}.lr_found"][0].suggested is not None
    assert any("falls fastest" in c.value for c in at.caption)
    at.button(key=f"{key}.use_lr").click().run()
    return at.select_slider(key=f"{key}.lr").value


@pytest.mark.parametrize("key, params", [
    ("linear", {}), ("descent", {}), ("tensors", {}), ("mnist", {"epochs": "1"}),
    *[("classify", {"dataset": kind, "epochs": "60"}) for kind in core.points.KINDS],
], ids=lambda v: v if isinstance(v, str) else "-".join(v.values()) or "defaults")
def test_the_suggested_rate_trains_without_diverging(key, params):
    at = opened(PAGES[key], **params)
    runs_before = len(at.session_state[f"{key}.runs"].kept) if f"{key}.runs" in at.session_state else 0
    rate = find_and_use(at, key)
    # the finder trained a model of its own: nothing was added to the runs
    assert (len(at.session_state[f"{key}.runs"].kept) if f"{key}.runs" in at.session_state else 0) == runs_before
    train(at, key)
    run = at.session_state[f"{key}.shown"].run
    assert run.cfg.lr == rate and not run.hist.diverged, (rate, run.hist.loss[-3:])


def test_on_the_cubic_it_finds_a_rate_that_reaches_a_lower_loss():
    at = opened(PAGES["sine"])
    train(at, "sine")
    default = at.session_state["sine.shown"].run
    rate = find_and_use(at, "sine")
    assert rate > default.cfg.lr
    train(at, "sine")
    found = at.session_state["sine.shown"].run
    assert found.cfg.epochs == default.cfg.epochs and found.hist.loss[-1] < default.hist.loss[-1] / 2
