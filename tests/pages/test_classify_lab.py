"""Classify's overfitting lab and the new network choices, in AppTest: a spiral learnt from 5% of its points
overfits and the preset's L2 and dropout runs narrow the gap; the loss preset; batch norm and dropout per
layer from a link, in the network and its script; early stopping; hostile links."""
import pytest

from apptest_helpers import train
from test_classify_page import PAGE, address
from test_links import opened


def gap(kept) -> float:
    m = kept.run.hist.metrics
    return m["test loss"][-1] - m["train loss"][-1]


def test_a_spiral_learnt_from_5_percent_overfits_and_l2_or_dropout_narrows_the_gap():
    at = opened(PAGE, dataset="spiral", test_share="95")
    assert not at.exception and "25 points to train on, 475 to test on." in [c.value for c in at.caption]
    at.button(key="classify.preset_regularise").click().run(timeout=120)
    assert not at.exception
    plain, l2, dropout = at.session_state["classify.runs"].kept
    assert (plain.inputs["reg"], l2.inputs["reg"], dropout.inputs.get("drop")) == ("none", "l2", "1,2,3")
    assert gap(plain) > 1.0  # the network learnt its 25 points by heart
    assert gap(l2) < gap(plain) - 0.3 and gap(dropout) < gap(plain) - 0.3, (gap(plain), gap(l2), gap(dropout))
    said = next(c.value for c in at.caption if c.value.startswith("Test loss − training loss"))
    shown = float(said.split("**")[1])  # the page names the gap of the run it shows
    assert any(abs(shown - gap(k)) < 1e-3 for k in (plain, l2, dropout))


def test_the_loss_preset_trains_both_losses_from_the_same_start():
    at = opened(PAGE, dataset="xor", epochs="5")
    at.button(key="classify.preset_losses").click().run(timeout=60)
    runs = at.session_state["classify.runs"].kept
    assert [k.inputs["loss"] for k in runs] == ["mse", "cross_entropy"]
    assert runs[0].run.fresh().state_dict().keys() == runs[1].run.fresh().state_dict().keys()
    assert all((a == b).all() for a, b in zip(runs[0].run.fresh().parameters(), runs[1].run.fresh().parameters()))


def test_batch_norm_and_dropout_from_a_link_are_in_the_network_the_script_and_the_cards():
    at = opened(PAGE, dataset="circle", layers="4-4", bn="1", drop="1,2", dropout="0.3", loss="mse", epochs="3")
    assert not at.exception and not at.warning
    assert at.checkbox(key="classify.bn_0").value and not at.checkbox(key="classify.bn_1").value
    assert at.checkbox(key="classify.drop_1").value and at.select_slider(key="classify.dropout").value == 0.3
    code = at.code[-1].value
    assert code.count("nn.BatchNorm1d(4)") == 1 and code.count("nn.Dropout(0.3)") == 2 and "one_hot(y" in code
    train(at, "classify")
    assert not at.exception
    assert any("model.eval()" in c.value for c in at.caption)  # why train and test behave differently
    at.checkbox(key="classify.bn_1").check().run()
    assert address(at)["bn"] == "1,2"


def test_early_stopping_ends_the_run_and_says_so():
    at = opened(PAGE, dataset="spiral", test_share="95", patience="5", epochs="300")
    train(at, "classify")
    run = at.session_state["classify.runs"].kept[-1].run
    assert run.hist.early_stop is not None and len(run.hist.loss) < 300
    assert any(f"after epoch {run.hist.early_stop}" in s.value for s in at.success)
    assert "early stop after epoch" in at.code[-1].value


@pytest.mark.parametrize("name, raw, default", [("dropout", "2", "0.5"), ("bn", "x", ""), ("drop", "1,99", ""),
                                                ("loss", "hinge", "cross_entropy"), ("patience", "-3", "0")])
def test_hostile_links_to_the_new_settings_give_a_warning_and_the_default(name, raw, default):
    at = opened(PAGE, **{name: raw})
    assert not at.exception
    assert any("From the link" in w.value for w in at.warning), [w.value for w in at.warning]
    assert address(at).get(name, "") == default
