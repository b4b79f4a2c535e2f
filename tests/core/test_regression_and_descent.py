"""Linear regression and gradient descent: data sets, closed forms, hand gradients, regimes."""
import pytest
import torch

import core
from core.data import DataError


def test_least_squares_matches_numpy_polyfit_style_closed_form():
    x, y = core.data.noisy_line(50, slope=-1.5, intercept=4.0, noise=0.5, seed=3)
    w, b = core.landscape.least_squares(x, y)
    xm, ym = x.double().mean(), y.double().mean()
    w_ref = ((x.double() - xm) * (y.double() - ym)).sum() / (x.double() - xm).pow(2).sum()
    assert w == pytest.approx(w_ref.item(), rel=1e-6)
    assert b == pytest.approx((ym - w_ref * xm).item(), rel=1e-6)
    assert core.landscape.least_squares(*core.data.table("line")) == pytest.approx((2.0, 0.0), abs=1e-9)


def test_sgd_reaches_least_squares_on_a_noisy_line():
    x, y = core.data.noisy_line(40, slope=2, intercept=1, noise=1, seed=0, x_range=(-1, 1))
    model = core.models.linear()
    core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=0.1, epochs=500, momentum=0.9))
    assert (model.weight.item(), model.bias.item()) == pytest.approx(core.landscape.least_squares(x, y), abs=1e-3)


def test_noisy_line_is_seeded_and_checked():
    a = core.data.noisy_line(10, seed=1)
    assert torch.equal(a[1], core.data.noisy_line(10, seed=1)[1])
    assert not torch.equal(a[1], core.data.noisy_line(10, seed=2)[1])
    exact_x, exact_y = core.data.noisy_line(5, slope=3, intercept=1, noise=0)
    assert torch.allclose(exact_y, 3 * exact_x + 1)
    with pytest.raises(DataError):
        core.data.noisy_line(1)


def test_csv_with_or_without_a_header():
    x, y, names = core.data.read_xy_csv(b"hours,score\n1,2.5\n2,4\n3,7\n")
    assert names == ("hours", "score")
    assert x.shape == y.shape == (3, 1) and y.reshape(-1).tolist() == [2.5, 4.0, 7.0]
    x, y, names = core.data.read_xy_csv(b"\xef\xbb\xbf1,2\r\n3,4\r\n\r\n")  # BOM, CRLF, a blank line
    assert names == ("x", "y") and x.reshape(-1).tolist() == [1.0, 3.0]


@pytest.mark.parametrize("raw, code", [
    (b"", "csv.empty"),
    (b"x,y\n", "csv.too_few_rows"),
    (b"1,2\n3\n", "csv.columns"),
    (b"1,2,3\n4,5,6\n", "csv.columns"),
    (b"1,2\n3,abc\n", "csv.not_numbers"),
    (b"1,2\n3,nan\n", "csv.not_finite"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "csv.not_text"),
    (b"1,2\n" * 300_000, "csv.too_big"),
    (b"1,2\n" * 10_001, "csv.too_many_rows"),
    (b"1,2\n1e308,4\n", "csv.too_large"),                   # finite in float64, inf in float32
    (b"1,2\n3," + b"9" * 140_000 + b"\n", "csv.line_too_long"),  # csv's "field larger than field limit"
    (b'1,2\n"3,4\n5,6\n', "csv.columns"),                  # an unclosed quote swallows the rest
], ids=["empty", "header-only", "short-row", "three-columns", "word", "nan", "binary", "too-big",
        "too-many-rows", "beyond-float32", "huge-field", "open-quote"])
def test_bad_csv_files_are_refused_with_a_code(raw, code):
    with pytest.raises(DataError) as err:
        core.data.read_xy_csv(raw)
    assert err.value.code == code


@pytest.mark.parametrize("raw", [
    b"x,y\r1,2\r3,4.5\r",                        # CR alone: old Mac Excel
    b"x;y\r\n1;2\r\n3;4,5\r\n",                  # European Excel: semicolons, decimal commas
    b"x\ty\n1\t2\n3\t4.5\n",                     # tabs, as a copy from a spreadsheet gives
    b'\xef\xbb\xbf"x","y"\n"1","2"\n"3","4.5"\n',  # a BOM and quoted numbers
    b"x , y\n 1 , 2 \n 3 , 4.5 \n",                # spaces around the cells
], ids=["cr", "semicolon-decimal-comma", "tab", "bom-quoted", "spaces"])
def test_csv_as_spreadsheets_write_it_is_read(raw):
    x, y, names = core.data.read_xy_csv(raw)
    assert names == ("x", "y")
    assert x.reshape(-1).tolist() == [1.0, 3.0] and y.reshape(-1).tolist() == [2.0, 4.5]


@pytest.mark.parametrize("kwargs, code", [
    ({"n": 1}, "data.points"), ({"slope": -1e39}, "data.slope"), ({"slope": 1e308}, "data.slope"),
    ({"intercept": float("nan")}, "data.intercept"), ({"noise": 1e6}, "data.noise"),
])
def test_noisy_line_refuses_settings_outside_its_range(kwargs, code):
    with pytest.raises(DataError) as err:
        core.data.noisy_line(**kwargs)
    assert err.value.code == code


@pytest.mark.parametrize("bad", [float("inf"), float("nan")])
def test_least_squares_of_data_that_is_not_finite_is_a_problem_not_an_assert(bad):
    x = torch.tensor([[1.0], [2.0], [3.0]])
    with pytest.raises(core.problems.Problem) as err:
        core.landscape.least_squares(x, torch.tensor([[1.0], [bad], [2.0]]))
    assert err.value.code == "data.no_closed_form"


def test_safe_lr_for_a_csv_with_x_from_1_to_20():
    """The brief's case: x = 1..20 diverges at the default 0.01; the suggestion does not."""
    from ui.controls import LEARNING_RATES
    x = torch.arange(1.0, 21.0).unsqueeze(1)
    y = 3 * x + 2
    edge = core.landscape.stable_lr(core.landscape.line_features(x))
    suggested = core.landscape.safe_lr(edge, LEARNING_RATES)
    assert suggested in LEARNING_RATES and suggested < edge < 0.01
    def run(lr):
        return core.train(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(lr=lr, epochs=300))
    assert run(0.01).diverged and not run(suggested).diverged
    assert core.landscape.safe_lr(1e-9, LEARNING_RATES) is None  # nothing on the grid: standardise


def test_standardised_data_trains_at_the_default_rate_and_maps_back():
    x = torch.arange(1.0, 21.0).unsqueeze(1)
    y = 3 * x + 2
    (xs, mx, sx), (ys, my, sy) = core.landscape.standardise(x), core.landscape.standardise(y)
    model = core.models.linear()
    hist = core.train(model, core.losses.mse, xs, ys, core.TrainConfig(lr=0.01, epochs=2000))
    assert not hist.diverged
    w, b = core.landscape.unstandardise(model.weight.item(), model.bias.item(), (mx, sx), (my, sy))
    assert (w, b) == pytest.approx((3.0, 2.0), abs=0.02)


@pytest.mark.parametrize("w", [-1.0, 0.0, 1.7, 5.0])
def test_descent_hand_gradient_equals_autograd(w):
    x, y = core.data.table("line")
    s = core.gradients.w_step(w, x, y, lr=0.01)
    assert s["hand_grad"] == pytest.approx(s["grad"], rel=1e-6)
    assert s["new_w"] == pytest.approx(w - 0.01 * s["grad"])
    assert s["cost"] == pytest.approx(((w * x - y) ** 2).mean().item())


def test_cost_curve_and_grid_agree_with_the_loss():
    x, y = core.data.table("heights", centred=True)
    grid = core.landscape.linear_cost_grid(x, y, torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.0]))
    assert grid[0, 0].item() == pytest.approx(13.3520, abs=1e-4)
    assert grid[1, 1].item() == pytest.approx(core.losses.mse(2 * x, y).item())
    assert core.landscape.linear_cost_1d(x, y, torch.tensor([2.0])).item() == pytest.approx(grid[1, 1].item())


def test_the_surface_formula_is_the_mean_squared_error_everywhere():
    """The contour chart shades cost(W, b) from five moments in the browser: the same numbers as the loss."""
    x, y = core.data.table("heights", centred=True)
    moments = core.landscape.linear_cost_moments(x, y)
    ws, bs = torch.linspace(-3.0, 4.0, 6), torch.linspace(-5.0, 7.0, 5)
    grid = core.landscape.linear_cost_grid(x.double(), y.double(), ws.double(), bs.double())
    for i, w in enumerate(ws.tolist()):
        for j, b in enumerate(bs.tolist()):
            assert core.landscape.linear_cost_at(moments, w, b) == pytest.approx(grid[i, j].item(), rel=1e-9)


def test_the_contour_chart_computes_that_formula():
    """What the chart's calculate transform evaluates (Vega's expression, here in Python) is cost(W, b)."""
    moments = (2.5, -0.5, 1.25, 3.0, 11.0)
    spec = core.charts.contour((-1.0, 3.0, -2.0, 2.0), moments, {}, best=(0.0, 0.0), cells=5).to_dict()
    surface = spec["layer"][0]
    formula = next(c["calculate"] for t in surface["transform"] for c in [t] if c.get("as") == "cost")
    w, b = 1.5, -0.75
    value = eval(formula.replace("datum.W", repr(w)).replace("datum.b", repr(b)))  # max, *, + read the same
    assert value == pytest.approx(core.landscape.linear_cost_at(moments, w, b))
    centres = next(c["calculate"] for c in surface["transform"] if c.get("as") == "W")
    assert eval(centres.replace("floor(", "int(").replace("datum.k", "24")) == pytest.approx(3.0)  # the last cell


@pytest.mark.parametrize("regime", ["slow", "converging", "oscillating", "diverging"])
def test_each_learning_rate_regime_behaves_as_named(regime):
    x, y = core.data.table("line")
    lr = core.landscape.lr_for_regime(regime, x)
    assert core.landscape.descent_regime(lr, x)[0] == regime
    model = core.models.linear(init=(-1.0,), bias=False)
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=lr, epochs=30),
                      metrics={"W": lambda m: m.weight.item()})
    dist = [abs(w - 2.0) for w in hist.metrics["W"]]
    sides = [w > 2.0 for w in hist.metrics["W"]]
    if regime == "diverging":
        assert dist[-1] > dist[0] > 3.0
    else:
        assert dist[-1] < dist[0]
        assert (len(set(sides[:6])) == 2) == (regime == "oscillating")  # oscillating crosses the optimum
    if regime == "slow":
        assert dist[-1] > 0.5  # 30 steps are not enough


@pytest.mark.parametrize("regime", ["slow", "converging", "oscillating", "diverging"])
def test_the_plain_python_descent_home_draws_is_torchs_descent(regime):
    """Home draws core.regimes.costs without torch: the same steps as the training loop's SGD."""
    x, y = core.data.table("line")
    assert [v for v in x.reshape(-1).tolist()] == list(core.regimes.TUTORIAL_X)
    assert [v for v in y.reshape(-1).tolist()] == list(core.regimes.TUTORIAL_Y)
    lr = core.landscape.lr_for_regime(regime, x)
    model = core.models.linear(init=(0.0,), bias=False)
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=lr, epochs=20))
    by_hand = core.regimes.costs(core.regimes.TUTORIAL_X, core.regimes.TUTORIAL_Y, 0.0, lr, 20)
    assert len(by_hand) == 21
    assert by_hand[:-1] == pytest.approx(
        hist.loss, rel=1e-4, abs=1e-6
    )  # float32 there; the loop logs each epoch's loss before its step
    r = core.regimes.RATIO[regime]  # each step multiplies the distance to W = 2, so the cost, by r^2
    assert by_hand[1] / by_hand[0] == pytest.approx(r * r)


def test_compare_starts_every_run_from_the_same_weights():
    x, y = core.data.table("hours")
    runs = core.compare(lambda: core.models.linear(init="zeros"), core.losses.mse, x, y,
                        {"plain": core.TrainConfig(lr=0.01, epochs=200),
                         "momentum": core.TrainConfig(lr=0.01, epochs=200, momentum=0.9)})
    assert runs["plain"].hist.loss[0] == runs["momentum"].hist.loss[0]
    assert runs["momentum"].hist.loss[-1] < runs["plain"].hist.loss[-1]
    assert runs["plain"].model is not runs["momentum"].model


def test_csv_from_a_spreadsheet_with_a_short_header_and_trailing_commas():
    x, y, names = core.data.read_xy_csv(b"size\n1,2,\n3,4,\n")
    assert names == ("size", "y") and y.reshape(-1).tolist() == [2.0, 4.0]


def test_stable_lr_is_where_plain_descent_starts_to_diverge():
    from core import landscape, losses, models
    x, y = core.data.table("line")
    edge = landscape.stable_lr(torch.cat([x, torch.ones_like(x)], 1))
    below = core.train(models.linear(), losses.mse, x, y, core.TrainConfig(lr=edge * 0.97, epochs=3000))
    above = core.train(models.linear(), losses.mse, x, y, core.TrainConfig(lr=edge * 1.03, epochs=3000))
    assert not below.diverged and below.loss[-1] < 1e-6
    assert above.diverged
    with_momentum = landscape.stable_lr(torch.cat([x, torch.ones_like(x)], 1), momentum=0.9)
    assert with_momentum == pytest.approx(edge * 1.9)


def test_the_shaded_surface_holds_the_paths_with_room_around_them():
    """A path that started on the box's edge (b = 3) left the shaded surface."""
    from core.landscape import surface_box
    ws, bs = [-1.0, 0.5, 1.9], [3.0, 3.4, 0.1]
    w_lo, w_hi, b_lo, b_hi = surface_box(ws, bs, (-1.0, 3.0), (2.0, 0.0))
    assert w_lo < -1.0 - 0.05 * (w_hi - w_lo) and b_hi > 3.4 + 0.05 * (b_hi - b_lo)
    assert w_hi > 2.0 + 1 and b_lo < 0.0 - 1                   # the optimum, a unit beyond it
    far = surface_box([-1.0, 1e30, float("nan")], [3.0, -1e30, 0.0], (-1.0, 3.0), (2.0, 0.0))
    assert far[1] - far[0] < 20 and far[3] - far[2] < 20       # a diverging path does not stretch it
