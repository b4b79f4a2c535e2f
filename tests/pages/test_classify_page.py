"""The Classify page in AppTest: links, the network's +/- buttons, data set defaults, Train, Korean."""
import pytest

from apptest_helpers import metric, train
from test_links import opened
from ui import lang_ko

PAGE = "pages/classify.py"


def address(at) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_the_page_opens_with_the_circles_defaults_in_the_address():
    at = opened(PAGE)
    assert not at.exception and not at.warning and not at.error
    got = address(at)
    assert got["dataset"] == "circle" and got["layers"] == "4-4" and got["features"] == "x1,x2"
    assert at.checkbox(key="classify.f_x1").value and not at.checkbox(key="classify.f_x1sq").value


def test_a_link_carries_data_features_layers_activation_and_regularisation():
    at = opened(PAGE, dataset="xor", noise="20", features="x1x2,x1", layers="3-2", activation="relu",
                reg="l2", reg_rate="0.01", test_share="30")
    assert not at.exception and not at.warning
    assert at.slider(key="classify.noise").value == 20 and at.slider(key="classify.test_share").value == 30
    assert [k for k in ("x1", "x2", "x1x2") if at.checkbox(key=f"classify.f_{k}").value] == ["x1", "x1x2"]
    assert at.selectbox(key="classify.activation").value == "relu"
    assert at.selectbox(key="classify.reg").value == "l2" and at.select_slider(key="classify.reg_rate").value == 0.01
    assert at.markdown and "**Layer 2**  \n2 neurons" in [m.value for m in at.markdown]
    assert "nn.Linear(2, 3)" in at.code[-1].value and "nn.ReLU()" in at.code[-1].value
    assert "+ 0.01 * sum(" in at.code[-1].value and "# L2" in at.code[-1].value


@pytest.mark.parametrize("name, raw, default", [("layers", "99", "4-4"), ("features", "evil", "x1,x2"),
                                                ("noise", "-1", "0"), ("layers", "16-16-16-16-16-16-16-16-16", "4-4"),
                                                ("activation", "swish", "tanh")])
def test_hostile_links_give_a_warning_and_the_default(name, raw, default):
    at = opened(PAGE, **{name: raw})
    assert not at.exception
    assert any("From the link" in w.value for w in at.warning), [w.value for w in at.warning]
    assert address(at)[name] == default


def test_five_blobs_train_to_95_percent_and_a_hostile_number_of_classes_is_five():
    at = opened(PAGE, dataset="blobs", classes="99")
    assert any("From the link" in w.value for w in at.warning) and address(at)["classes"] == "5"
    train(at, "classify")
    run = at.session_state["classify.shown"].run
    assert run.model[-1].out_features == 5 and run.hist.metrics["test accuracy"][-1] >= 0.95
    assert "classes=5)" in at.code[-1].value and "nn.Linear(4, 5)" in at.code[-1].value


def test_the_number_of_classes_brings_a_spirals_defaults():
    at = opened(PAGE, dataset="spiral")
    at.number_input(key="classify.classes").set_value(3).run()
    assert address(at)["layers"] == "16-16-16" and address(at)["classes"] == "3"


def test_buttons_add_and_remove_layers_and_neurons():
    at = opened(PAGE)
    at.button(key="classify.add_layer").click().run()
    assert address(at)["layers"] == "4-4-4"
    at.button(key="classify.add_neuron_2").click().run()
    at.button(key="classify.remove_neuron_0").click().run()
    assert address(at)["layers"] == "3-4-5"
    at.button(key="classify.remove_layer").click().run()
    assert address(at)["layers"] == "3-4"
    assert "nn.Linear(4, 2)" in at.code[-1].value and not at.exception


def test_removing_every_layer_leaves_logistic_regression_and_a_full_network_stops_growing():
    at = opened(PAGE, layers="1")
    assert at.button(key="classify.remove_neuron_0").disabled   # at least one neuron
    at.button(key="classify.remove_layer").click().run()
    assert address(at)["layers"] == "0" and "nn.Linear(2, 2)" in at.code[-1].value
    at = opened(PAGE, layers="16-16-16-16-16-16-16-16")  # the most: 8 layers of 16
    assert at.button(key="classify.add_layer").disabled and at.button(key="classify.add_neuron_7").disabled


def test_picking_a_data_set_brings_its_defaults():
    at = opened(PAGE, layers="2", features="x1")
    at.button(key="classify.pick_spiral").click().run()
    got = address(at)
    assert got["dataset"] == "spiral" and got["layers"] == "8-8-8" and got["features"] == "x1,x2,sin_x1,sin_x2"
    assert at.number_input(key="classify.epochs").value == 300


def test_unticking_every_input_says_so():
    at = opened(PAGE, features="x1")
    at.checkbox(key="classify.f_x1").uncheck().run()
    assert not at.exception and any("at least one input" in e.value for e in at.error)


def test_train_on_gauss_shows_test_accuracy_and_draws_the_pictures():
    at = opened(PAGE, dataset="gauss")
    train(at, "classify")
    assert float(metric(at, "Test accuracy").rstrip("%")) >= 95
    assert len(at.get("vega_lite_chart")) >= 3   # boundary, network, loss curves (and the runs' chart)


def test_new_points_draws_other_points():
    at = opened(PAGE)
    at.button(key="classify.new_points").click().run()
    assert address(at)["points"] == "1" and "manual_seed(1)" in at.code[-1].value


def test_korean():
    at = opened(PAGE, lang="ko")
    assert not at.exception
    assert at.title[0].value == lang_ko.STRINGS["classify.title"]
    assert at.button(key="classify.add_layer").label == "층 추가"


def test_step_trains_one_epoch_at_a_time():
    at = opened(PAGE, dataset="xor")
    at.button(key="classify.train_step").click().run()
    at.button(key="classify.train_step").click().run()
    assert "epoch 2 of 100" in " ".join(p.text for p in at.get("progress"))
    assert not at.exception


def test_runs_are_kept_side_by_side_labelled_by_what_differs():
    at = opened(PAGE, dataset="gauss", epochs="5")
    train(at, "classify")
    at.button(key="classify.add_layer").click().run()
    train(at, "classify")
    table = at.dataframe[-1].value
    assert len(table) == 2
    assert any("layers 2-2" in str(v) for v in table["Settings"]), table


@pytest.mark.parametrize("change", ["features", "dataset", "layers"])
def test_a_trained_run_is_drawn_with_what_it_was_trained_on_after_the_page_changes(change):
    at = opened(PAGE, epochs="5", show_test="true")
    train(at, "classify")
    if change == "features":      # three inputs now: the kept network takes two
        at.checkbox(key="classify.f_x1sq").check().run()
    elif change == "dataset":     # spiral's defaults: four inputs, three layers
        at.button(key="classify.pick_spiral").click().run()
    else:
        at.button(key="classify.add_layer").click().run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) >= 3
    assert any("settings" in c.value for c in at.caption)   # and says the picture is of the old settings


def test_the_code_panel_shows_any_kept_runs_script():
    at = opened(PAGE, dataset="gauss", epochs="3")
    train(at, "classify")
    at.button(key="classify.add_layer").click().run()
    train(at, "classify")
    at.selectbox(key="classify.code_of").set_value(1).run()
    assert "nn.Linear(2, 2)," in at.code[-1].value and "nn.Linear(2, 2, " not in at.code[-1].value
    at.selectbox(key="classify.code_of").set_value(0).run()
    assert at.code[-1].value.count("nn.Linear(") == 3
