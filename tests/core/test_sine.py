"""The sine tutorial: the cubic's hand gradients, the optimum, momentum, and a small network."""
import pytest
import torch

import core


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cubic_hand_gradients_equal_autograd(seed):
    x, y = core.data.sine(200, noise=0.1, seed=seed)
    model = core.models.cubic(seed=seed)
    core.losses.sum_of_squares(model(x), y).backward()
    hand = core.gradients.cubic_sum_of_squares(model, x, y)
    for p, g in zip(model.parameters(), hand):
        assert g.item() == pytest.approx(p.grad.item(), rel=1e-4, abs=1e-4)


def test_least_squares_cubic_has_the_tutorials_loss():
    coef, loss = core.landscape.least_squares_poly(*core.data.sine(1000), 3)
    assert loss == pytest.approx(4.427, abs=1e-3)
    assert coef[1] == pytest.approx(0.8565, abs=1e-4) and coef[3] == pytest.approx(-0.0933, abs=1e-4)


def test_plain_descent_stops_far_from_the_optimum_and_momentum_reaches_it():
    x, y = core.data.sine(1000)
    _, best = core.landscape.least_squares_poly(x, y, 3)
    plain = core.train(core.models.cubic(seed=0), core.losses.sum_of_squares, x, y,
                       core.TrainConfig(lr=1e-6, epochs=2000))
    assert 14 < plain.loss[-1] < 66
    model = core.models.cubic(seed=0)
    fast = core.train(model, core.losses.sum_of_squares, x, y, core.TrainConfig(lr=1e-6, epochs=2000, momentum=0.9))
    assert fast.loss[-1] == pytest.approx(best, rel=0.01)


def test_training_by_hand_gives_the_same_run_as_autograd():
    x, y = core.data.sine(1000)
    cfg = core.TrainConfig(lr=1e-6, epochs=300, momentum=0.5)
    runs = core.compare(lambda: core.models.cubic(seed=3), core.losses.sum_of_squares, x, y,
                        {"hand": cfg, "autograd": cfg}, grad_fns={"hand": core.gradients.cubic_sum_of_squares})
    assert runs["hand"].hist.loss == pytest.approx(runs["autograd"].hist.loss, rel=1e-5)
    assert runs["hand"].model.coefficients() == pytest.approx(runs["autograd"].model.coefficients(), rel=1e-4, abs=1e-6)


def test_hand_mode_runs_the_forward_pass_without_autograd():
    x, y = core.data.sine(50)
    modes = []

    class Spy(core.models.Cubic):
        def forward(self, x):
            modes.append(torch.is_grad_enabled())
            return super().forward(x)

    core.train(Spy(), core.losses.sum_of_squares, x, y, core.TrainConfig(lr=1e-4, epochs=3),
               grad_fn=core.gradients.cubic_sum_of_squares)
    assert modes and not any(modes)
    modes.clear()
    core.train(Spy(), core.losses.sum_of_squares, x, y, core.TrainConfig(lr=1e-4, epochs=3))
    assert modes and all(modes)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_a_small_network_reaches_a_small_loss(activation):
    x, y = core.data.sine(1000)
    model = core.models.mlp(hidden=(32, 32), activation=activation, in_features=1, out_features=1, seed=0)
    hist = core.train(model, core.losses.sum_of_squares, x, y,
                      core.TrainConfig(lr=0.01, epochs=600, optimizer="adam"))
    assert hist.loss[-1] < 2.0 < hist.loss[0]  # below the best cubic's 4.427


def test_the_legend_draws_each_curve_as_its_line():
    """One legend from every channel: sin(x) wide and pale, "before" dashed, each swatch as its line (the
    style once came from conditions, and the legend showed a black square for a pale grey line)."""
    from core import charts
    names = ["sin(x)", "before", "now"]
    spec = charts.curves([0.0, 1.0], {n: [0.0, 1.0] for n in names}, dashed=("before",), named=names).to_dict()
    enc = spec["encoding"]
    for channel in ("color", "strokeWidth", "opacity", "strokeDash"):
        assert enc[channel]["field"] == "curve", channel
        assert enc[channel]["scale"]["domain"] == names and enc[channel]["scale"]["type"] == "ordinal", channel
    assert enc["strokeWidth"]["scale"]["range"] == [7, 2.5, 2.5]
    assert enc["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4], [1, 0]]
    assert enc["color"]["legend"]["symbolType"] == "stroke"
