"""Same seed, same result: on every page, training twice with the same settings gives identical numbers."""
import pytest

from apptest_helpers import PAGES, open_page, train

EPOCHS = {"tensors": 10, "linear": 100, "descent": 30, "sine": 100, "mnist": 1, "classify": 20}


@pytest.mark.parametrize("page", list(PAGES))
def test_two_runs_with_the_same_settings_are_identical(app, page):
    key = PAGES[page]
    open_page(app, page)
    app.number_input(key=f"{key}.epochs").set_value(EPOCHS[key]).run()
    if not app.number_input(key=f"{key}.seed").disabled:  # disabled where nothing is random (zero start, full batch)
        app.number_input(key=f"{key}.seed").set_value(11).run()
    train(app, key)
    first = app.session_state[f"{key}.shown"].run
    train(app, key)
    second = app.session_state[f"{key}.shown"].run
    assert second is not first
    assert second.hist.loss == first.hist.loss and second.hist.metrics == first.hist.metrics
    for p, q in zip(first.model.parameters(), second.model.parameters()):
        assert p.detach().equal(q.detach())
