"""Links that carry the settings: they set the controls, follow every change, and survive hostile values."""
import re

import pytest
from streamlit.testing.v1 import AppTest

from apptest_helpers import APP, PAGES

HOSTILE = {"lr": "abc", "epochs": "-5", "momentum": "nan", "device": "cuda:7", "seed": "banana",
           "optimizer": "lbfgs", "batch_size": "0", "dataset": "../../etc/passwd", "model": "<script>"}


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


def test_link_text_is_shown_as_text_not_markdown():
    for hostile in ("**bold**", "![](https://example.org/p.png)", ":red[red] $x^2$ :material/home:"):
        at = opened("pages/sine.py", model=hostile)
        assert not at.exception
        said = " ".join(w.value for w in at.warning)
        assert "From the link" in said
        bare = re.sub(r"\\.", "", said)  # what is left once every escaped character is taken out
        for piece in ("**", "![", "](", ":red[", "$", ":material/"):
            assert piece not in bare, (hostile, said)  # every Markdown character came escaped


def test_the_share_link_is_percent_encoded():
    from ui.address import link_for
    url = link_for("http://host/linear_regression", {"lr": "0.1", "note": "a&lr=1#x"})
    assert url == "http://host/linear_regression?lr=0.1&note=a%26lr%3D1%23x"


def test_parameters_the_page_does_not_use_leave_the_address_with_a_note():
    at = opened("pages/linear_regression.py", lr="0.1", note="x" * 100_000)
    assert not at.exception
    assert "note" not in at.query_params and at.query_params["lr"] in ("0.1", ["0.1"])
    assert any("note" in w.value and "not a setting" in w.value for w in at.warning)


def test_a_repeated_key_says_which_value_it_took():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lr"] = ["0.5", "0.1"]
    at.switch_page("pages/linear_regression.py").run()
    assert at.select_slider(key="linear.lr").value == 0.1
    assert any("given 2 times" in w.value for w in at.warning)


def test_digits_of_other_scripts_are_not_numbers():
    at = opened("pages/linear_regression.py", lr="\u0661")
    assert at.select_slider(key="linear.lr").value == 0.01
    assert any("not a number" in w.value for w in at.warning)


def test_presenter_mode_keeps_the_main_knobs_and_the_pages_on_the_page():
    at = opened("pages/linear_regression.py", present="1", lr="0.1")
    assert not at.exception
    on_page = {
        w.key for kind in ("select_slider", "number_input", "selectbox", "slider") for w in getattr(at.main, kind)
    }
    assert {"linear.lr", "linear.epochs", "linear.optimizer", "linear.momentum"} <= on_page
    assert at.main.select_slider(key="linear.lr").value == 0.1
    at.main.select_slider(key="linear.lr").set_value(0.5).run()   # a teacher turns it in front of the class
    assert at.query_params["lr"] in ("0.5", ["0.5"])
    links = [e.proto.label for e in at.main.get("page_link")]
    assert {"Home", "Tensors", "Sine", "MNIST"} <= set(links)


def test_a_link_carries_the_optimizer_its_knobs_and_the_schedule():
    at = opened("pages/linear_regression.py", optimizer="adamw", weight_decay="0.01", schedule="cosine")
    assert not at.warning and not at.exception
    assert at.selectbox(key="linear.optimizer").value == "adamw"
    assert at.select_slider(key="linear.weight_decay").value == 0.01
    assert at.selectbox(key="linear.schedule").value == "cosine"
    at = opened("pages/linear_regression.py", schedule="<b>x</b>", nesterov="maybe", weight_decay="-1")
    assert not at.exception and len(at.warning) == 3


def test_a_linked_optimizer_has_its_own_help_from_the_first_draw():
    from ui import lang_en
    at = opened("pages/linear_regression.py", optimizer="adam")
    assert at.selectbox(key="linear.optimizer").help == lang_en.STRINGS["optimizer.help.adam"]


def test_a_linked_nesterov_without_momentum_trains_plain_sgd():
    at = opened("pages/linear_regression.py", optimizer="sgd", momentum="0", nesterov="true", epochs="3")
    at.button(key="linear.train").click().run()
    assert not at.exception and at.session_state["linear.shown"].run.cfg.nesterov is False


def test_a_first_run_cut_short_leaves_the_link_to_the_next_run(monkeypatch):
    """A rerun asked for while the first run waits for torch (a busy server) must not lose the link."""
    import streamlit as st

    from ui import nav
    real, calls = nav.wait_ready, []

    def cut_short_once():
        calls.append(1)
        if len(calls) == 1:
            st.rerun()   # the run ends here, before any control has read the link
        real()

    monkeypatch.setattr(nav, "wait_ready", cut_short_once)
    at = opened("pages/linear_regression.py", epochs="7", lr="0.1")
    assert len(calls) >= 2 and not at.exception
    assert at.number_input(key="linear.epochs").value == 7 and at.select_slider(key="linear.lr").value == 0.1
