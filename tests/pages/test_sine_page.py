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
    assert float(table.loc["least squares (the best cubic)", "sum of squares"]) == pytest.approx(4.427, abs=1e-3)
    assert float(metric(app, "Final loss")) == pytest.approx(float(table.loc["trained", "sum of squares"]), rel=1e-4)


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
    assert app.session_state["sine.shown"].run is None  # the cubic's run is its own: none was trained


def test_by_hand_and_autograd_agree_on_the_page(app):
    open_page(app, PAGE)
    app.number_input(key="sine.epochs").set_value(300).run()
    app.button(key="sine.compare_button").click().run()
    # the comparison's table (the untrained cubic's, drawn before any Train, comes first)
    table = next(t for t in (d.value.set_index("") for d in app.dataframe) if "by hand" in t.index)
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


def test_ten_thousand_points_warn_before_train_and_one_click_makes_it_stable(app):
    """The sum of squares over 10,000 points diverges at lr 1e-6: warned before Train, fixed in a click."""
    open_page(app, PAGE)
    assert not [w for w in app.warning if "diverge" in w.value]  # 1,000 points at 1e-6: fine
    app.number_input(key="sine.points").set_value(10_000).run()
    assert any("diverge" in w.value for w in app.warning)
    app.button(key="sine.fix_points").click().run()
    assert app.number_input(key="sine.points").value < 10_000
    assert not [w for w in app.warning if "diverge" in w.value]
    app.number_input(key="sine.epochs").set_value(50).run()
    train(app, "sine")
    assert metric(app, "Final loss") not in ("nan", "inf", "–")


def test_a_rate_from_the_list_is_offered_when_one_is_stable(app):
    open_page(app, PAGE)
    app.select_slider(key="sine.lr").set_value(1e-5).run()  # too big even for 1,000 points
    assert any("diverge" in w.value for w in app.warning)
    app.button(key="sine.fix_lr").click().run()
    assert app.select_slider(key="sine.lr").value == 5e-6
    assert not [w for w in app.warning if "diverge" in w.value]


def test_the_tip_follows_the_momentum(app):
    open_page(app, PAGE)
    assert any("Set Momentum to 0.9" in i.value for i in app.info)
    app.slider(key="sine.momentum").set_value(0.9).run()
    assert not any("Set Momentum to 0.9" in i.value for i in app.info)
    assert any("With momentum 0.9" in i.value for i in app.info)


def test_a_link_carries_the_data_and_the_network():
    from streamlit.testing.v1 import AppTest
    from apptest_helpers import APP
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in dict(model="net", points="300", noise="0.2", data_seed="7", width="64", depth="3",
                     activation="relu").items():
        at.query_params[k] = v
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert at.number_input(key="sine.points").value == 300 and at.number_input(key="sine.noise").value == 0.2
    assert at.number_input(key="sine.data_seed").value == 7 and at.select_slider(key="sine.width").value == 64
    assert at.number_input(key="sine.depth").value == 3 and at.selectbox(key="sine.activation").value == "relu"
    at.radio(key="sine.model").set_value("cubic").run()
    at.radio(key="sine.gradients").set_value("hand").run()
    assert {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}["gradients"] == "hand"


def test_choosing_the_network_says_its_settings_are_its_own_and_keeps_the_cubics_runs(app):
    """The sidebar silently became Adam, lr 0.002, 2000 epochs, and the runs list emptied."""
    open_page(app, PAGE)
    app.number_input(key="sine.epochs").set_value(20).run()
    train(app, "sine")
    app.radio(key="sine.model").set_value("net").run()
    note = next(c.value for c in app.caption if "own settings in the sidebar" in c.value)
    assert "Adam" in note and "0.002" in note and "2,000" in note
    table = app.dataframe[-1].value
    assert table.iloc[:, 2].tolist() == ["#1 · newest"]            # the cubic's run, still listed
    app.number_input(key="sine_net.epochs").set_value(20).run()
    train(app, "sine_net")
    labels = app.dataframe[-1].value.iloc[:, 2].tolist()
    assert len(labels) == 2 and "cubic" in labels[0]               # labelled by what it is
    app.radio(key="sine.model").set_value("cubic").run()
    assert app.number_input(key="sine.epochs").value == 20 and len(app.dataframe[-1].value) == 2
    assert not app.exception
