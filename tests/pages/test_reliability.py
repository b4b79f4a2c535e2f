"""Reliability in AppTest: a device that fails mid-run, page switches mid-run, divergence on every page."""
import pytest
import torch

import core
from apptest_helpers import PAGES, apply, is_running, metric, open_page, train


LINEAR = core.models.linear


class FailsOnce(torch.nn.Module):
    """A line whose forward raises a CUDA-like out-of-memory error once, on its `when`-th call."""

    def __init__(self, when: int):
        super().__init__()
        self.inner, self.calls, self.when = LINEAR(init="zeros"), 0, when
        self.weight, self.bias = self.inner.weight, self.inner.bias

    def forward(self, x):
        self.calls += 1
        if self.calls == self.when:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return self.inner(x)


def test_a_device_failure_keeps_what_was_learned_and_continues_on_the_cpu(app, monkeypatch):
    monkeypatch.setattr(core.models, "linear", lambda **kw: FailsOnce(when=301))
    open_page(app, "pages/linear_regression.py")
    app.button(key="linear.train").click().run()
    for _ in range(50):
        if not is_running(app):
            break
        app.run()
    assert not app.exception
    failed = app.session_state["linear.shown"].run
    assert failed.hist.error and len(failed.hist.loss) == 300
    assert any("out of memory" in e.value and "300 of 1000" in e.value for e in app.error)
    learned = failed.model.weight.item()
    assert learned != 0.0
    app.button(key="linear.continue_cpu").click().run()
    for _ in range(50):
        if not is_running(app):
            break
        app.run()
    resumed = app.session_state["linear.shown"].run
    assert resumed is not failed and resumed.done and not resumed.hist.error
    assert len(resumed.hist.loss) == 1000 and resumed.hist.loss[:300] == failed.hist.loss[:300]
    assert float(metric(app, "Final loss")) < resumed.hist.loss[299]


def test_switching_pages_mid_run_keeps_the_run_and_it_finishes(app):
    open_page(app, "pages/sine.py")
    app.number_input(key="sine.epochs").set_value(20000).run()
    app.button(key="sine.train").click().run()
    assert is_running(app)
    run = app.session_state["sine.shown"].run
    open_page(app, "pages/mnist.py")
    assert not app.exception
    open_page(app, "pages/sine.py")
    assert app.session_state["sine.shown"].run is run
    for _ in range(300):
        if not is_running(app):
            break
        app.run()
    assert run.done and len(run.hist.loss) == 20000 and not run.hist.stopped


DIVERGING = {  # page: settings whose loss blows up
    "tensors": [("select_slider", "lr", 1.0), ("number_input", "epochs", 100)],
    "linear": [("radio", "dataset", "hours"), ("select_slider", "lr", 1.0), ("number_input", "epochs", 200)],
    "descent": [("select_slider", "lr", 0.5), ("number_input", "epochs", 500)],
    "sine": [("select_slider", "lr", 0.01), ("number_input", "epochs", 200)],
    "mnist": [("selectbox", "optimizer", "sgd"), ("select_slider", "lr", 1.0), ("slider", "momentum", 0.99),
              ("select_slider", "batch_size", 1024), ("number_input", "epochs", 3)],
    # tanh saturates and caps the loss near 5; with no activation the logits grow without end
    "classify": [("selectbox", "activation", "linear"), ("selectbox", "optimizer", "sgd"), ("select_slider", "lr", 1.0),
                 ("slider", "momentum", 0.99), ("select_slider", "batch_size", 10), ("number_input", "epochs", 60)],
}


@pytest.mark.parametrize("page", list(PAGES))
def test_divergence_is_reported_with_the_epoch_and_advice(app, page):
    key = PAGES[page]
    open_page(app, page)
    apply(app, key, DIVERGING[key])
    train(app, key)
    warning = next(w.value for w in app.warning if "diverged" in w.value)
    assert "at epoch" in warning and "smaller learning rate" in warning
    assert not app.exception
