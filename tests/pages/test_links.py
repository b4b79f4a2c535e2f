"""Links that carry the settings: they set the controls, follow every change, and survive hostile values."""
import pytest
from streamlit.testing.v1 import AppTest

from apptest_helpers import APP, PAGES

HOSTILE = {"lr": "abc", "epochs": "-5", "momentum": "nan", "device": "cuda:7", "seed": "banana",
           "optimizer": "rmsprop", "batch_size": "0", "dataset": "../../etc/passwd", "model": "<script>"}


def opened(page: str, **params) -> AppTest:
    """A new session opened on `page` with the address ?params."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(page)
    at.run()
    return at


def test_a_link_sets_the_controls():
    # lr 0.05: the page warns (rightly) that 0.5 diverges on the hours data
    at = opened("pages/linear_regression.py", lr="0.05", epochs="42", momentum="0.9", dataset="hours", seed="7")
    assert not at.warning and not at.exception
    assert at.select_slider(key="linear.lr").value == 0.05
    assert at.number_input(key="linear.epochs").value == 42
    assert at.slider(key="linear.momentum").value == 0.9
    assert at.radio(key="linear.dataset").value == "hours"
    assert at.number_input(key="linear.seed").value == 7


def test_a_change_is_written_to_the_address():
    at = opened("pages/sine.py")
    def address():
        return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}

    at.number_input(key="sine.epochs").set_value(123).run()
    assert address()["epochs"] == "123"
    at.radio(key="sine.model").set_value("net").run()
    assert address()["model"] == "net" and address()["optimizer"] == "adam"


def test_the_link_is_read_once_not_by_controls_drawn_later():
    """The cubic's link must not set the network's controls when the student switches model."""
    at = opened("pages/sine.py", optimizer="sgd", lr="1e-06")
    at.radio(key="sine.model").set_value("net").run()
    assert at.selectbox(key="sine_net.optimizer").value == "adam"


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_value_gives_a_warning_and_a_default(page, name):
    at = opened(page, **{name: HOSTILE[name]})
    assert not at.exception
    key = f"{PAGES[page]}.{name}"
    drawn = key in at.session_state
    if drawn:  # this page has such a control: it must say what it did
        assert any("From the link" in w.value and name in w.value for w in at.warning)


@pytest.mark.parametrize("params", [
    {"epochs": "1000000000"}, {"lr": "1e308"}, {"batch_size": "100000"}, {"epochs": "1e400"},
], ids=["huge-epochs", "huge-lr", "huge-batch", "overflow"])
def test_huge_values_become_the_nearest_allowed(params):
    at = opened("pages/mnist.py", **params)
    assert not at.exception
    assert at.warning
    assert at.number_input(key="mnist.epochs").value <= 10
    assert at.select_slider(key="mnist.batch_size").value <= 1024


def test_presenter_mode_hides_the_sidebar_and_keeps_train():
    at = opened("pages/linear_regression.py", present="1")
    assert any("stSidebar" in m.value and "display: none" in m.value for m in at.markdown)
    assert at.button(key="linear.train").label == "Train"
    at.button(key="app.leave_present").click().run()
    assert not any("stSidebar" in m.value for m in at.markdown)
    assert "present" not in at.query_params


def test_without_present_there_is_no_presenter_style():
    at = opened("pages/linear_regression.py")
    assert not any("stSidebar" in m.value for m in at.markdown)
