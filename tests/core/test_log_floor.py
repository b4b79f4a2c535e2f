"""A loss that reaches nothing lies flat on a log-scale chart: no saw-tooth of float32 rounding at 1e-12."""
import pytest

import core
from core import charts


@pytest.fixture(scope="module")
def hours_with_momentum() -> list[float]:
    """The hours data with momentum 0.9 (the page's momentum preset): after about 480 epochs its float32
    loss is rounding, 0, 7.8e-11, 1.9e-9, 0, ..."""
    x, y = core.data.table("hours")
    hist = core.train(core.models.linear(init="zeros"), core.losses.mse, x, y,
                      core.TrainConfig(lr=0.01, epochs=700, momentum=0.9))
    assert 0.0 in hist.loss[400:] and max(hist.loss[400:]) > 1e-11  # rounding, up and down
    return hist.loss


def drawn(chart) -> list[float]:
    spec = chart.to_dict(validate=False)
    rows = next(iter(spec["datasets"].values()))
    return [row["loss"] for row in rows]


def teeth(values: list[float]) -> int:
    """How many times the line turns from going down to going up."""
    steps = [b - a for a, b in zip(values, values[1:]) if b != a]
    return sum(1 for a, b in zip(steps, steps[1:]) if a < 0 < b)


@pytest.mark.parametrize("build", [
    lambda loss: charts.loss_curve(loss, log_scale=True),
    lambda loss: charts.loss_curves({"run": loss}, log_scale=True),
    lambda loss: charts.runs_chart([("#1", loss, 0, True)], log_scale=True),
])
def test_a_loss_that_reached_nothing_is_drawn_flat(hours_with_momentum, build):
    values = drawn(build(hours_with_momentum))
    floor = charts.log_floor(hours_with_momentum)
    assert floor == pytest.approx(hours_with_momentum[0] * charts.RELATIVE_FLOOR)
    assert min(values) == pytest.approx(floor)
    loss = hours_with_momentum
    # from where the loss is a millionth of a millionth of its start on: rounding, drawn flat, where the
    # line sawed between 1e-12 (a loss of 0) and 3e-9 some twenty times
    start = next(i for i, v in enumerate(loss) if v < loss[0] * 1e-12)
    assert teeth(values[start:]) == 0, values[start:]


def test_a_small_first_loss_floors_at_1e_12_and_the_floor_hides_no_learning():
    assert charts.log_floor([0.5, 0.0]) == charts.LOG_FLOOR
    assert charts.log_floor([float("nan"), 2.0e5]) == pytest.approx(2e-8)
    # Home's converging rate falls to 6.5e-10 from 18.7: all of it above the floor, drawn as it is
    c = core.regimes.curvature(core.regimes.TUTORIAL_X)
    cost = core.regimes.costs(core.regimes.TUTORIAL_X, core.regimes.TUTORIAL_Y, 0.0,
                              core.regimes.lr_for("converging", c), 10)
    assert drawn(charts.loss_curves({"c": cost}, log_scale=True)) == pytest.approx(cost)


def test_a_log_axis_over_decades_ticks_at_powers_of_ten_only():
    """Vega's own log ticks drew a grid line at 2 to 9 of every decade: bands of grey on a projector."""
    spec = core.charts.loss_curve([1e5, 1e3, 10.0, 0.1, 1e-3], log_scale=True).to_dict()
    assert spec["encoding"]["y"]["axis"]["values"] == [1e-3, 1e-1, 10.0, 1e3, 1e5]   # every second: at most 7
    narrow = core.charts.loss_curve([3.0, 2.0, 1.5], log_scale=True).to_dict()
    assert "values" not in narrow["encoding"]["y"]["axis"]                         # under two decades: Vega's
