"""The sine page in AppTest: the cubic by autograd and by hand, the network, and the comparison."""
import json

import pytest

from apptest_helpers import apply, metric, open_page, train

PAGE = "pages/sine.py"


def chart_specs(at):
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def curve_names(at):
    """The series a chart's colour legend lists (charts.curves sorts its colours by the curve names)."""
    names = set()

    def walk(spec):
        names.update(spec.get("encoding", {}).get("color", {}).get("sort", []))
        for layer in spec.get("layer", []):
            walk(layer)

    for spec in chart_specs(at):
        walk(spec)
    return names


@pytest.mark.parametrize("gradients", ["autograd", "hand"])
def test_the_cubic_trains_both_ways_with_the_three_curves(app, gradients):
    open_page(app, PAGE)
    app.radio(key="sine.gradients").set_value(gradients).run()
    app.number_input(key="sine.epochs").set_value(200).run()
    train(app, "sine")
    assert {"sin(x)", "before training", "prediction now"} <= curve_names(app)
    table = app.dataframe[0].value.set_index("")
    assert table.loc["least squares (the best cubic)", "sum of squares"] == pytest.approx(4.427, abs=1e-3)
    assert float(metric(app, "Final loss")) == pytest.approx(table.loc["trained", "sum of squares"], rel=1e-4)


def test_defaults_with_momentum_reach_the_best_cubic(app):
    open_page(app, PAGE)
    app.slider(key="sine.momentum").set_value(0.9).run()
    train(app, "sine")
    assert float(metric(app, "Final loss")) == pytest.approx(4.427, rel=0.01)


def test_the_network_trains(app):
    open_page(app, PAGE)
    app.radio(key="sine.model").set_value("net").run()
    app.number_input(key="sine_net.epochs").set_value(300).run()
    app.select_slider(key="sine_net.lr").set_value(0.01).run()
    app.selectbox(key="sine.activation").set_value("relu").run()
    train(app, "sine_net")
    assert float(metric(app, "Final loss")) < 10
    assert {"sin(x)", "before training", "prediction now"} <= curve_names(app)
    assert "sine.run" not in app.session_state  # the cubic's run is its own


def test_by_hand_and_autograd_agree_on_the_page(app):
    open_page(app, PAGE)
    app.number_input(key="sine.epochs").set_value(300).run()
    app.button(key="sine.compare_button").click().run()
    table = app.dataframe[0].value.set_index("")
    for col in ("a", "b", "c", "d", "final loss"):
        assert table.loc["by hand", col] == pytest.approx(table.loc["with autograd", col], rel=1e-4, abs=1e-6)
    assert app.success


def test_a_bigger_network_lowers_the_epoch_cap_with_a_note(app):
    open_page(app, PAGE)
    apply(app, "sine", [("radio", "model", "net"), ("number_input", "sine_net.epochs", 5000),
                        ("select_slider", "width", 128), ("number_input", "depth", 4),
                        ("number_input", "points", 10_000)])
    assert not app.exception
    assert app.number_input(key="sine_net.epochs").value < 1000
    assert any("lowered" in i.value for i in app.info)
