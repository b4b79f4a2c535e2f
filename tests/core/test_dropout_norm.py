"""Classify's dropout, batch norm, squared-error loss and early stopping: the app's run and its script agree
to the last digit, dropout draws what nn.Dropout draws, and testing is done in model.eval()."""
import pytest
import torch
from torch import nn

import core
from core.problems import Problem


@pytest.mark.parametrize("p", [0.1, 0.5])
def test_the_apps_dropout_draws_the_masks_nn_dropout_draws_after_manual_seed(p):
    x = torch.randn(6, 16, generator=torch.Generator().manual_seed(1), requires_grad=True)
    torch.manual_seed(5)
    expected = [nn.Dropout(p)(x) for _ in range(3)]
    mine = core.models.Dropout(p, torch.Generator().manual_seed(5))
    got = [mine(x) for _ in range(3)]
    assert all(torch.equal(a, b) for a, b in zip(expected, got))
    assert torch.equal(mine.eval()(x), x)  # model.eval(): nothing dropped, nothing rescaled


def run_and_script(setup, cfg, capsys):
    experiment = core.classify.experiment(setup, batch_size=cfg.batch_size)
    run = experiment.start(cfg)
    run.advance()
    exec(core.codegen.script(experiment.recipe, cfg), {"__name__": "script"})
    return run, capsys.readouterr().out.strip().splitlines()


@pytest.mark.parametrize("loss, norm, drop, reg", [
    ("mse", (), (), "none"),
    ("cross_entropy", (0, 1), (), "none"),
    ("cross_entropy", (), (0, 1), "l2"),
    ("mse", (0,), (1,), "l1"),
])
def test_a_script_with_dropout_batch_norm_and_either_loss_prints_the_apps_final_loss(loss, norm, drop, reg, capsys):
    setup = core.classify.Setup("blobs", 0.1, 0, 0.5, ("x1", "x2"), (6, 5), "relu", reg, 0.001, n=90, classes=3,
                                loss=loss, norm=norm, dropout=0.3, drop=drop)
    run, out = run_and_script(setup, core.TrainConfig(lr=0.03, epochs=4, optimizer="adam", batch_size=10, seed=2),
                              capsys)
    model = run.experiment.make_model(seed=2)
    assert sum(isinstance(m, nn.BatchNorm1d) for m in model) == len(norm)
    assert sum(isinstance(m, nn.Dropout) for m in model) == len(drop)
    assert out[-1] == f"final loss: {run.hist.loss[-1]:.6g}"
    assert out[-2] == f"test accuracy: {run.hist.metrics['test accuracy'][-1]:.1%}"  # tested in eval() both sides


def test_early_stopping_ends_where_the_script_ends(capsys):
    # 10 training points of a 3-arm spiral and a wide network: the test loss turns up within a few epochs
    setup = core.classify.Setup("spiral", 0.2, 0, 0.95, ("x1", "x2"), (16, 16), "relu", "none", 0.0, n=200, classes=3)
    cfg = core.TrainConfig(lr=0.03, epochs=300, optimizer="adam", batch_size=10, seed=0, patience=5)
    run, out = run_and_script(setup, cfg, capsys)
    test_loss = run.hist.metrics["test loss"]
    assert run.hist.early_stop is not None and run.hist.early_stop < 300 and run.done and not run.hist.stopped
    assert len(run.hist.loss) == run.hist.early_stop
    assert min(test_loss[-5:]) >= min(test_loss[:-5])  # five epochs with no better test loss
    assert f"early stop after epoch {run.hist.early_stop}" in out
    assert out[-1] == f"final loss: {run.hist.loss[-1]:.6g}"


def test_batch_norm_refuses_a_batch_of_one_point():
    setup = core.classify.Setup("circle", 0.0, 0, 0.5, ("x1", "x2"), (4,), "tanh", "none", 0.0, n=42, norm=(0,))
    with pytest.raises(Problem) as err:  # 21 training points in batches of 10: the third batch is one point
        core.classify.experiment(setup, batch_size=10)
    assert err.value.code == "points.batch_of_one"
    core.classify.experiment(setup, batch_size=25)  # one batch of 21


@pytest.mark.parametrize("raw", ["0", "1,x", "9", "1;2", "-1"])
def test_a_links_hostile_layer_marks_are_a_problem(raw):
    with pytest.raises(Problem):
        core.classify.parse_marks(raw, (4, 4), "bn")


def test_marks_past_the_last_layer_are_dropped():
    assert core.classify.parse_marks("1,3", (4, 4), "bn") == (0,)
    assert core.classify.format_marks((0, 2)) == "1,3"


def test_the_pictures_test_in_eval_and_leave_the_model_training():
    setup = core.classify.Setup("xor", 0.1, 0, 0.5, ("x1", "x2"), (4, 4), "tanh", "none", 0.0, n=60,
                                norm=(0, 1), dropout=0.5, drop=(0, 1))
    model = core.classify.network(setup.features, setup.layers, setup.activation, 0, norm=setup.norm,
                                  dropout=setup.dropout, drop=setup.drop)
    first = core.plane_maps.neuron_maps(model, setup.features)
    assert model.training
    assert all(torch.equal(a, b) for a, b in zip(first, core.plane_maps.neuron_maps(model, setup.features)))
    assert len(first) == 4  # inputs, two hidden layers, output: batch norm and dropout are inside a layer
