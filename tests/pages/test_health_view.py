"""Training health on the network pages: off until asked, the untrained model's picture before Train, and
after a run the diagnosis its settings cause, in English and in Korean."""
import pytest

from apptest_helpers import train
from test_links import opened


def health_on(at, key: str):
    at.toggle(key=f"{key}.health").set_value(True).run()
    assert not at.exception, at.exception
    return at


def test_it_is_off_until_asked_then_draws_the_start_before_train():
    at = opened("pages/classify.py", epochs="5")
    charts = len(at.get("vega_lite_chart"))
    health_on(at, "classify")
    assert any("Press Train: each layer's gradient" in i.value for i in at.info)
    assert len(at.get("vega_lite_chart")) >= charts + 2  # the starting weights, the stuck units


@pytest.mark.parametrize("lang, words", [("en", "Nothing learns"), ("ko", "아무것도 배우지 않습니다")])
def test_zero_starting_weights_are_named_after_training(lang, words):
    at = opened("pages/classify.py", epochs="5", init="zeros", lang=lang)
    health_on(at, "classify")
    train(at, "classify")
    assert any(words in w.value for w in at.warning), [w.value for w in at.warning]


def test_the_mnist_default_is_healthy_and_its_step_sizes_are_drawn():
    at = opened("pages/mnist.py", epochs="1")
    health_on(at, "mnist")
    train(at, "mnist")
    assert any("No problem found" in s.value for s in at.success)
    run = at.session_state["mnist.shown"].run
    assert run.health.series.epochs == [1] and len(run.health.series.ratio) == 3


def test_the_sine_network_shows_it_and_the_cubic_does_not():
    at = opened("pages/sine.py", model="net", epochs="20")
    health_on(at, "sine_net")
    train(at, "sine_net")
    assert not at.exception
    cubic = opened("pages/sine.py")
    assert not [t for t in cubic.toggle if t.key and t.key.endswith(".health")]
