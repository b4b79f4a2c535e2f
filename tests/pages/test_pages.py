"""Every page renders, has the shared controls, and trains through them (AppTest)."""
import pytest

from apptest_helpers import PAGES, is_running, metric, open_page, train


def test_home_links_every_page(app):
    assert app.title[0].value == "Torch Playground"
    assert not app.exception


def test_home_compares_four_learning_rates_on_one_chart(app):
    table = app.table[0].value  # one row a learning rate, slowest first
    assert list(table["how it goes"]) == ["slow", "converging", "oscillating", "diverging"]
    final = [float(v) for v in table["cost after 10 steps"]]
    assert final[1] < final[2] < final[0] < 18.67 < final[3]  # 18.67: the cost at W = 0
    assert len(app.get("vega_lite_chart")) == 1


@pytest.mark.parametrize("page, key", PAGES.items())
def test_page_renders_with_the_shared_controls(app, page, key):
    open_page(app, page)
    assert app.select_slider(key=f"{key}.lr").label == "Learning rate"
    assert app.number_input(key=f"{key}.epochs").label == "Epochs"
    optimizer = app.selectbox(key=f"{key}.optimizer")
    assert optimizer.label == "Optimizer" and set(optimizer.options) >= {"SGD", "Adam", "AdamW", "RMSprop", "Adagrad"}
    if optimizer.value == "sgd":  # momentum is shown only for the optimizers that take it
        assert app.slider(key=f"{key}.momentum").label == "Momentum"
    else:
        assert not [s for s in app.slider if s.key == f"{key}.momentum"]
    device = app.selectbox(key=f"{key}.device")
    assert device.label == "Device" and device.options[0] == "cpu"


@pytest.mark.parametrize("page, key", PAGES.items())
def test_train_works_on_every_page(app, page, key):
    open_page(app, page)
    app.number_input(key=f"{key}.epochs").set_value(3).run()
    train(app, key)
    assert float(metric(app, "Final loss")) >= 0
    assert any("Trained 3 epochs" in s.value for s in app.success)
    assert app.get("vega_lite_chart"), "no chart drawn"


def test_a_control_change_does_not_retrain_or_lose_the_result(app):
    open_page(app, "pages/linear_regression.py")
    train(app, "linear")
    run = app.session_state["linear.shown"].run
    app.slider(key="linear.momentum").set_value(0.5).run()
    assert app.session_state["linear.shown"].run is run
    assert metric(app, "Final loss")
    assert any("settings have changed" in c.value for c in app.caption)


def test_results_and_controls_survive_a_visit_to_another_page(app):
    open_page(app, "pages/linear_regression.py")
    app.number_input(key="linear.epochs").set_value(40).run()
    train(app, "linear")
    loss = metric(app, "Final loss")
    open_page(app, "pages/sine.py")
    open_page(app, "pages/linear_regression.py")
    assert app.number_input(key="linear.epochs").value == 40
    assert metric(app, "Final loss") == loss


def test_stop_keeps_what_was_learned(app):
    open_page(app, "pages/sine.py")
    app.number_input(key="sine.epochs").set_value(20000).run()
    app.button(key="sine.train").click().run()
    assert is_running(app)
    app.button(key="sine.stop").click().run()
    assert not is_running(app)
    run = app.session_state["sine.shown"].run
    assert run.hist.stopped and 0 < len(run.hist.loss) < 20000
    assert any("Stopped after" in i.value for i in app.info)
    assert metric(app, "Final loss")
    train(app, "sine")  # Train again starts a clean run
    assert app.session_state["sine.shown"].run is not run


def test_the_sidebar_shows_only_the_knobs_the_optimizer_takes(app):
    open_page(app, "pages/linear_regression.py")
    def keys():
        return {w.key for kind in ("slider", "checkbox", "select_slider") for w in getattr(app.sidebar, kind)}
    assert {"linear.momentum", "linear.nesterov", "linear.weight_decay"} <= keys()
    app.selectbox(key="linear.optimizer").set_value("adagrad").run()
    assert "linear.momentum" not in keys() and "linear.nesterov" not in keys() and "linear.weight_decay" in keys()
    app.selectbox(key="linear.schedule").set_value("step").run()
    app.number_input(key="linear.epochs").set_value(9).run()
    train(app, "linear")
    hist = app.session_state["linear.shown"].run.hist
    assert app.session_state["linear.shown"].run.cfg.optimizer == "adagrad"
    assert hist.lr[0] == 0.01 and hist.lr[3] == 0.001          # StepLR: a tenth after each third
    assert any("Learning rate over the run" in str(c.proto.spec) for c in app.get("vega_lite_chart"))
