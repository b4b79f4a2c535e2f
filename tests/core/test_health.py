"""core.health: what a Watch takes matches autograd and the step, each diagnosis comes from the settings
that cause it and not from any page's defaults."""
import pytest
import torch

import core
from core import classify, health

SINE_X, SINE_Y = core.data.sine(1000)


def _classify(kind="circle", layers=None, activation=None, init="default", lr=None, optimizer="adam", epochs=None):
    d = classify.defaults(kind)
    setup = classify.Setup(kind, 0.0, 0, 0.5, d.features, d.layers if layers is None else layers,
                           activation or d.activation, "none", 0.0, init=init)
    run = classify.experiment(setup).start(core.TrainConfig(lr=lr or d.lr, epochs=epochs or d.epochs,
                                                            optimizer=optimizer, batch_size=d.batch_size))
    run.advance()
    return run


def _mnist(arch="mlp", lr=1e-3, optimizer="adam", epochs=1):
    x, y, _, _, _ = core.data.load_mnist("sample")
    make = core.models.cnn if arch == "cnn" else core.models.mlp
    experiment = core.Experiment(make_model=lambda seed: make(seed=seed), loss_fn=core.losses.cross_entropy,
                                 x=x, y=y, recipe=None)
    run = experiment.start(core.TrainConfig(lr=lr, epochs=epochs, optimizer=optimizer, batch_size=64))
    run.advance()
    return run


def _sine(lr=0.002, optimizer="adam", epochs=200):
    experiment = core.Experiment(make_model=lambda seed: core.models.mlp((32, 32), "tanh", 1, 1, seed=seed),
                                 loss_fn=core.losses.sum_of_squares, x=SINE_X, y=SINE_Y, recipe=None)
    run = experiment.start(core.TrainConfig(lr=lr, epochs=epochs, optimizer=optimizer))
    run.advance()
    return run


def codes(run) -> list[str]:
    found = health.diagnose(run.health.series, health.units(run.model, run.x), run.hist.loss, run.hist.diverged)
    return [code for code, _ in found]


def test_a_watch_takes_autograds_gradient_and_the_steps_size():
    """Full batch, SGD: epoch 1's gradient is the starting weights' (torch.autograd.grad of the loss), and
    the step moves each weight by lr times it."""
    lr = 0.05
    setup = classify.Setup("xor", 0.0, 0, 0.5, ("x1", "x2"), (4, 3), "tanh", "none", 0.0)
    experiment = classify.experiment(setup)
    run = experiment.start(core.TrainConfig(lr=lr, epochs=2, optimizer="sgd"))
    start = experiment.make_model(seed=0)
    weights = [m.weight for _, m in health.weighted_layers(start)]
    grads = torch.autograd.grad(experiment.loss_fn(start(experiment.x), experiment.y), weights)
    run.advance()
    series = run.health.series
    assert series.epochs == [1, 2] and list(series.grad_norm) == ["Linear 1", "Linear 2", "Linear 3"]
    for name, w, g in zip(series.grad_norm, weights, grads):
        assert series.grad_norm[name][0] == pytest.approx(g.norm().item(), rel=1e-5)
        assert series.ratio[name][0] == pytest.approx(lr * g.norm().item() / w.norm().item(), rel=1e-4)


def test_a_long_full_batch_run_is_measured_at_most_200_times_and_at_its_end():
    run = _sine(epochs=1000)
    epochs = run.health.series.epochs
    assert len(epochs) <= health.MOST_POINTS and epochs[-1] == 1000 and epochs[:2] == [5, 10]


def test_a_line_has_no_layers_to_watch():
    experiment = core.Experiment(make_model=lambda seed: core.models.linear(), loss_fn=core.losses.mse,
                                 x=SINE_X, y=SINE_Y, recipe=None)
    assert experiment.start(core.TrainConfig()).health is None


def test_units_that_never_fire_or_sit_at_a_bound_are_counted():
    model = core.models.mlp((6, 4), "relu", 2, 2)
    with torch.no_grad():
        model[1].bias[:3] = -100.0  # three of the first layer's six units below zero for every input
    x = torch.rand(100, 2)
    assert [(u.layer, u.activation, u.units, u.stuck) for u in health.units(model, x)][0] == ("Linear 1", "ReLU", 6, 3)
    tanh = core.models.mlp((5,), "tanh", 2, 2)
    with torch.no_grad():
        tanh[1].bias[:2] = 50.0
    assert health.units(tanh, x)[0].stuck == 2 and health.units(tanh, x)[0].kind == "saturated"
    cnn = core.models.cnn()
    with torch.no_grad():
        cnn[0].bias[:4] = -100.0  # four channels of the first convolution
    assert health.units(cnn, torch.rand(8, 1, 28, 28))[0].stuck == 4


@pytest.mark.parametrize("kind", core.points.KINDS)
def test_no_classify_data_sets_defaults_is_diagnosed(kind):
    assert codes(_classify(kind)) == []


@pytest.mark.parametrize("arch", ["mlp", "cnn"])
def test_mnists_defaults_are_not_diagnosed(arch):
    assert codes(_mnist(arch)) == []


def test_the_sine_networks_defaults_are_not_diagnosed():
    assert codes(_sine()) == []


def test_sigmoid_six_layers_deep_with_sgd_vanishes():
    run = _classify(layers=(8,) * 6, activation="sigmoid", optimizer="sgd")
    assert "vanishing" in codes(run)


def test_zero_starting_weights_learn_nothing():
    assert codes(_classify(init="zeros")) == ["no_gradient"]


def test_adam_at_a_rate_of_1_on_mnist_kills_relus():
    assert "dead" in codes(_mnist(lr=1.0))


def test_sgd_at_a_millionth_moves_nothing():
    assert codes(_mnist(lr=1e-6, optimizer="sgd")) == ["tiny_steps"]


def test_a_rate_too_large_for_the_sine_network_explodes():
    assert "exploding" in codes(_sine(lr=1e-3, optimizer="sgd"))


def test_histograms_cover_every_weight_and_gradient():
    run = _classify(epochs=3)
    found = health.histograms(run.model)
    assert [(h.layer, h.of) for h in found] == [(f"Linear {i}", of) for i in (1, 2, 3) for of in ("weight", "grad")]
    for h, (_, layer) in zip(found[::2], health.weighted_layers(run.model)):
        assert sum(h.counts) == layer.weight.numel() and len(h.edges) == health.BINS + 1
