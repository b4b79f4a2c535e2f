"""Every chart draws whatever the controls allow: any size (Altair refuses more than 5,000 rows), runs that
diverged at once (no finite value), and huge or near-constant values (readable axes, titles that fit)."""
import json
import math

import altair as alt
import pytest

from core import cell_charts, charts

ROWS = alt.data_transformers.options.get("max_rows", 5000)  # what Altair's default transformer allows


def rows(chart) -> int:
    """How many data rows the chart's spec carries, all layers together (to_dict runs the max-rows check)."""
    spec = chart.to_dict(validate=False)
    return sum(len(v) for v in spec.get("datasets", {}).values())


def test_a_fit_line_of_10000_points_draws_an_even_sample():
    n = 10_000
    xs = [float(i) for i in range(n)]
    chart = charts.fit_line(xs, [2 * v for v in xs], [0.0, n], [0.0, 2.0 * n])
    assert charts.MOST_SCATTER <= rows(chart) <= charts.MOST_SCATTER + 2
    dots = max(chart.to_dict()["datasets"].values(), key=len)
    assert max(r["x"] for r in dots) == n - 1  # the sample spans the data, not its first 2,000


def test_paths_of_a_2000_epoch_comparison_are_thinned():
    steps = 2001
    path = [-1.0 + 3 * k / steps for k in range(steps)]
    grid = [-2 + i * 0.1 for i in range(50)]
    chart = charts.contour((-2.0, 2.9, -2.0, 2.9), (1.0, 0.5, 2.0, 1.0, 5.0),
                           {name: (path, path) for name in ("SGD", "momentum", "Adam")}, best=(0.0, 0.0))
    assert rows(chart) < ROWS
    parabola = charts.cost_curve(grid, [g * g for g in grid], path * 3, [p * p for p in path * 3])
    assert rows(parabola) < ROWS


@pytest.mark.parametrize("series", [{"SGD": [], "Adam": []}, {"SGD": [math.inf], "Adam": [math.nan, 1e30]}])
def test_loss_curves_of_runs_that_diverged_at_once_still_draw(series):
    chart = charts.loss_curves(series, log_scale=True)
    spec = json.dumps(chart.to_dict(), allow_nan=False)  # typed fields, and nothing JSON cannot hold
    assert "Infinity" not in spec and "NaN" not in spec


def test_drawable_tells_an_all_infinite_run_from_a_real_one():
    assert not charts.drawable([], [math.inf, math.nan])
    assert charts.drawable([math.inf], [3.0])


def test_a_loss_curve_drops_infinite_values():
    spec = charts.loss_curve([1.0, 2.0, math.inf]).to_dict()
    values = [r["loss"] for d in spec["datasets"].values() for r in d]
    assert values == [1.0, 2.0]


def test_a_near_constant_loss_gets_an_axis_from_zero_not_4_9999995():
    y = charts.loss_curve([5.0000001, 4.9999999, 5.0]).to_dict()["encoding"]["y"]
    assert y["scale"].get("zero") is True and y["axis"]["format"] == ".4~g"
    y = charts.loss_curve([5.0, 3.0, 1.0]).to_dict()["encoding"]["y"]
    assert y["scale"].get("zero") is False


@pytest.mark.parametrize("log_scale", [False, True])
def test_huge_losses_are_written_as_powers_of_ten(log_scale):
    y = charts.loss_curve([1e30, 3e33, 1e36], log_scale=log_scale).to_dict()["encoding"]["y"]
    assert "e" in y["axis"]["format"]


def test_a_long_title_wraps_instead_of_being_cut():
    long = "weight = 123456.7 · height -98765.43 (standardised units)"
    title = charts.loss_curve([1.0, 2.0], title=long).to_dict()["title"]
    assert isinstance(title["text"], list) and " ".join(title["text"]) == long
    assert all(len(line) <= charts.TITLE_WIDTH for line in title["text"])
    assert charts.loss_curve([1.0], title="Loss").to_dict()["title"] == "Loss"


def test_a_diverged_line_does_not_squash_the_data_it_was_fitted_to():
    chart = charts.fit_line([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [0.0, 4.0], [0.0, -4e17]).to_dict()
    domain = chart["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert domain[0] > -10 and domain[1] < 10  # the data's range, padded
    assert chart["layer"][1]["mark"]["clip"] is True


@pytest.mark.parametrize("shape", [(100, 100), (1, 10_000), (10_000, 1), (2, 5000)])
def test_a_heatmap_of_the_largest_tensor_allowed_draws_block_means(shape):
    """The tensors page allows 10,000 elements: one row each was twice Altair's limit."""
    n_rows, n_cols = shape
    matrix = [[float(i * n_cols + j) for j in range(n_cols)] for i in range(n_rows)]
    chart = cell_charts.heatmap(matrix)
    assert rows(chart) <= cell_charts.MOST_CELLS
    cells = max(chart.to_dict()["datasets"].values(), key=len)
    mean = sum(i * n_cols + j for i in range(n_rows) for j in range(n_cols)) / (n_rows * n_cols)
    assert sum(c["value"] for c in cells) / len(cells) == pytest.approx(mean, rel=0.05)  # means, not a sample
    height = chart.to_dict().get("height")
    assert height == 360 or (isinstance(height, dict) and height["step"] * len({c["row"] for c in cells}) <= 400)


def test_a_small_heatmap_still_writes_every_value():
    chart = cell_charts.heatmap([[1.0, 2.0], [3.0, 4.0]]).to_dict()
    assert sorted(r["value"] for d in chart["datasets"].values() for r in d) == [1.0, 2.0, 3.0, 4.0]


def test_a_diverged_line_to_the_point_is_clipped_not_squashing_the_picture():
    from core import charts
    spec = charts.lines_to_point((2.0, 4.0), [("start", 1.0, 1.0), ("after", 1e30, -1e30), ("nan", float("nan"), 0.0)],
                                 (0.0, 3.0)).to_dict(validate=False)
    y = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert -10 < y[0] < 4 < y[1] < 10                 # around the point and the start, not out to 1e30
    assert spec["layer"][0]["mark"]["clip"] is True


def test_a_loss_spanning_decades_asks_for_a_log_scale():
    assert charts.spans_decades([186_666.0, 12.0, 0.5])           # the hours data: a spike, then flat
    assert charts.spans_decades([1.0, 0.0])                       # it reached 0
    assert not charts.spans_decades([40.0, 20.0, 14.0])           # a plain descent on the sine
    assert not charts.spans_decades([math.nan], [])               # nothing to go by
    assert charts.spans_decades([5.0], [5.0, 1e30])               # one run of several blew up


def test_the_fitted_lines_axes_are_named_after_the_datas_columns():
    """The title said 'ability = 180 · hours + 45.6' above axes named x and y."""
    spec = charts.fit_line([1.0, 2.0], [2.0, 4.0], [0.0, 3.0], [0.0, 6.0], names=("hours", "ability")).to_dict()
    layer = spec["layer"][0]["encoding"]
    assert layer["x"]["title"] == "hours" and layer["y"]["title"] == "ability"


def test_a_fitted_line_s_formula_is_not_cut_mid_formula():
    """"ability = 164.9 · hours +" over "66.4145": a formula is one line, or two split at its "="."""
    short = charts.fit_line([1.0], [2.0], [0.0, 1.0], [0.0, 1.0], title="ability = 164.87 · hours + 66.41").to_dict()
    assert short["layer"][0]["title"] == "ability = 164.87 · hours + 66.41"
    long = "weight in kilograms = 1.2345 · height in centimetres + 0.1234"
    spec = charts.fit_line([1.0], [2.0], [0.0, 1.0], [0.0, 1.0], title=long).to_dict()
    assert spec["layer"][0]["title"]["text"] == ["weight in kilograms =", "1.2345 · height in centimetres + 0.1234"]
