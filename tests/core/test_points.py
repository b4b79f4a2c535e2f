"""The Classify page's core: points2d, the input features, the network's shape, the loss with L1/L2,
the neuron maps, the pictures, and the script that must print the page's final loss."""
import math
import subprocess
import sys

import pytest
import torch

import core
from core import classify, network_picture, plane_maps, points
from core.problems import Problem


# points2d -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(points.KINDS))
def test_points2d_shapes_types_and_balance(kind):
    for classes in (range(2, points.MOST_CLASSES + 1) if kind in points.CLASSES else [None]):
        x, y = core.data.points2d(kind, n=400, noise=0.2, seed=3, classes=classes)
        k = classes or 2
        assert x.shape == (400, 2) and x.dtype == torch.float32
        assert y.shape == (400,) and y.dtype == torch.int64
        assert set(y.tolist()) == set(range(k))
        shares = torch.bincount(y).float() / 400
        assert ((shares - 1 / k).abs() <= 0.1 / k).all()   # about equal shares
        assert x.abs().max() <= points.EXTENT * 1.6     # on the plane (gauss's tails at 50% noise may stray a little)


@pytest.mark.parametrize("kind, classes", [("blobs", 1), ("blobs", 6), ("spiral", 99), ("circle", 3), ("blobs", 2.5)])
def test_a_number_of_classes_a_data_set_cannot_take_is_a_problem(kind, classes):
    with pytest.raises(Problem):
        points.points2d(kind, n=100, classes=classes)


def test_the_two_arm_spiral_is_the_one_it_was():
    """Written for k arms, the spiral of two is TensorFlow Playground's, point for point (the labels of the
    first half 1, the arms half a turn apart)."""
    x, y = points.points2d("spiral", n=11, noise=0.0)
    assert y.tolist() == [1] * 5 + [0] * 6
    assert torch.allclose(x[5], -x[0], atol=1e-6) and x[0].abs().sum() == 0  # both arms start at the centre
    assert torch.allclose(x[1], torch.tensor([5 / 5 * math.sin(1.75 * 2 * math.pi / 5),
                                               5 / 5 * math.cos(1.75 * 2 * math.pi / 5)]), atol=1e-5)


@pytest.mark.parametrize("kind", list(points.KINDS))
def test_the_same_seed_gives_the_same_points_and_another_seed_others(kind):
    a = points.points2d(kind, n=100, noise=0.1, seed=7)
    b = points.points2d(kind, n=100, noise=0.1, seed=7)
    c = points.points2d(kind, n=100, noise=0.1, seed=8)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    assert not torch.equal(a[0], c[0])


def test_points2d_leaves_the_global_random_state_alone():
    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    points.points2d("xor", n=50, noise=0.3, seed=1)
    assert torch.equal(torch.rand(3), expected)


def test_without_noise_each_data_set_follows_its_rule():
    x, y = points.points2d("circle", n=300, noise=0.0)
    assert torch.equal(y, (x.norm(dim=1) < 2.5).long())
    x, y = points.points2d("xor", n=300, noise=0.0)
    assert torch.equal(y, (x[:, 0] * x[:, 1] >= 0).long())
    x, y = points.points2d("gauss", n=300, noise=0.0)
    assert (x[y == 1].mean(dim=0) - torch.tensor([2.0, 2.0])).abs().max() < 0.3


def test_noise_mislabels_some_xor_points():
    x, y = points.points2d("xor", n=1000, noise=0.5, seed=0)
    wrong = (y != (x[:, 0] * x[:, 1] >= 0).long()).float().mean().item()
    assert 0.05 < wrong < 0.4


@pytest.mark.parametrize("kwargs, code", [
    ({"kind": "square"}, "points.kind"),
    ({"kind": "circle", "n": 1}, "points.count"),
    ({"kind": "circle", "n": 10**6}, "points.count"),
    ({"kind": "circle", "noise": -0.01}, "points.noise"),
    ({"kind": "circle", "noise": 0.51}, "points.noise"),
])
def test_bad_requests_are_problems_with_codes(kwargs, code):
    with pytest.raises(Problem) as err:
        points.points2d(**kwargs)
    assert err.value.code == code


def test_split_keeps_the_share_for_testing_and_loses_no_point():
    x, y = points.points2d("moons", n=200, seed=1)
    train_x, train_y, test_x, test_y = points.split(x, y, 0.3, seed=1)
    assert len(test_x) == 60 and len(train_x) == 140
    both = torch.cat([train_x, test_x])
    assert torch.equal(both[both[:, 0].argsort()], x[x[:, 0].argsort()])


# Features -------------------------------------------------------------------------------------------

def test_each_feature_is_its_formula_in_tensorflow_playgrounds_order():
    x = torch.tensor([[2.0, -3.0], [0.5, 1.0]])
    got = points.features(x, tuple(points.FEATURES))
    a, b = x[:, 0], x[:, 1]
    expected = torch.stack([a, b, a ** 2, b ** 2, a * b, torch.sin(a), torch.sin(b)], dim=1)
    assert got.shape == (2, 7)
    torch.testing.assert_close(got, expected)
    # chosen in any order, given in the table's order
    torch.testing.assert_close(points.features(x, ("sin_x2", "x1")), torch.stack([a, torch.sin(b)], dim=1))


def test_parse_features_reads_a_link_and_refuses_the_rest():
    assert points.parse_features("x2, x1,x1sq") == ("x1", "x2", "x1sq")
    with pytest.raises(Problem, match="points.feature"):
        points.parse_features("evil")
    with pytest.raises(Problem, match="points.no_features"):
        points.parse_features(" , ")


# The network's shape ----------------------------------------------------------------------------------

def test_layers_parse_and_format_round_trip():
    assert classify.parse_layers("8-8-4") == (8, 8, 4)
    assert classify.parse_layers("0") == ()
    for layers in [(), (1,), (8, 8, 8, 8, 8, 8)]:
        assert classify.parse_layers(classify.format_layers(layers)) == layers


@pytest.mark.parametrize("raw", ["99", "17", "1-2-3-4-5-6-7-8-9", "0-4", "4--4", "a", "", "4.5", "-4", "٤"])
def test_hostile_layers_are_problems(raw):
    with pytest.raises(Problem, match="points.layers"):
        classify.parse_layers(raw)


def test_adding_and_removing_layers_and_neurons_stays_within_bounds():
    assert classify.add_layer(()) == (2,)
    assert classify.add_layer((4, 3)) == (4, 3, 3)
    assert classify.add_layer((16,) * 8) == (16,) * 8
    assert classify.remove_layer((4, 3)) == (4,)
    assert classify.remove_layer(()) == ()
    assert classify.add_neuron((4, 8), 0) == (5, 8)
    assert classify.add_neuron((4, 16), 1) == (4, 16)
    assert classify.remove_neuron((1, 3), 0) == (1, 3)
    assert classify.remove_neuron((1, 3), 1) == (1, 2)


@pytest.mark.parametrize("layers", [(), (3,), (8, 8, 8, 8, 8, 8)])
@pytest.mark.parametrize("activation", list(core.models.ACTIVATIONS))
def test_the_network_has_the_shape_asked_for(layers, activation):
    model = classify.network(("x1", "x2", "x1x2"), layers, activation, seed=0)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    assert [(m.in_features, m.out_features) for m in linears] == list(zip((3, *layers), (*layers, 2)))
    assert model(torch.zeros(5, 3)).shape == (5, 2)


# The loss with regularisation --------------------------------------------------------------------------

def test_l1_and_l2_count_the_weights_not_the_biases():
    model = classify.network(("x1", "x2"), (3,), "tanh", seed=1)
    w = [model[0].weight, model[2].weight]
    torch.testing.assert_close(classify.penalty(model, "l1"), w[0].abs().sum() + w[1].abs().sum())
    torch.testing.assert_close(classify.penalty(model, "l2"), (w[0] ** 2).sum() + (w[1] ** 2).sum())
    x, y = torch.randn(10, 2), torch.randint(0, 2, (10,))
    torch.nn.functional.cross_entropy(model(x), y)
    torch.testing.assert_close(classify.weight_penalty("l2", 0.1)(model), 0.1 * classify.penalty(model, "l2"))
    assert classify.weight_penalty("none", 0.1) is None and classify.weight_penalty("l1", 0.0) is None


def test_a_run_trains_on_cross_entropy_plus_the_penalty():
    setup = classify.Setup("circle", 0.0, 0, 0.5, ("x1", "x2"), (3,), "tanh", "l1", 0.1, n=40)
    run = classify.experiment(setup).start(core.TrainConfig(epochs=1, lr=0.01))
    fresh = run.fresh()
    expected = torch.nn.functional.cross_entropy(fresh(run.x), run.y) + 0.1 * classify.penalty(fresh, "l1")
    run.advance()
    assert run.hist.loss[0] == pytest.approx(expected.item(), rel=1e-6)
    assert run.hist.metrics["train loss"][0] < run.hist.loss[0]        # the curves show the data's loss alone


def test_a_run_keeps_the_setup_it_was_trained_on():
    setup = classify.Setup("spiral", 0.1, 4, 0.3, ("x1", "x2", "sin_x1"), (5, 3), "relu", "l2", 0.003)
    run = classify.experiment(setup).start(core.TrainConfig(epochs=1))
    assert classify.setup_of(run.inputs) == setup


# Pictures -------------------------------------------------------------------------------------------------

def test_neuron_maps_give_every_node_one_map_from_one_pass():
    names = ("x1", "x2", "sin_x1")
    model = classify.network(names, (4, 2), "relu", seed=0)
    maps = plane_maps.neuron_maps(model, names, resolution=12)
    assert [tuple(m.shape) for m in maps] == [(3, 12, 12), (4, 12, 12), (2, 12, 12), (1, 12, 12)]
    # the input x1 grows to the right, x2 upwards (row 0 is the top)
    assert maps[0][0, 0, 0] < maps[0][0, 0, -1] and maps[0][1, 0, 0] > maps[0][1, -1, 0]
    # the output map is the boundary map: P(blue) - P(orange)
    torch.testing.assert_close(maps[-1][0], plane_maps.output_map(model, names, 12))
    probs = torch.softmax(model(points.features(plane_maps.grid(12), names)), dim=1)
    torch.testing.assert_close(maps[-1][0].reshape(-1), (probs[:, 1] - probs[:, 0]).detach())


def test_map_levels_run_from_minus_100_to_100_scaled_only_when_outside():
    assert network_picture.levels(torch.tensor([[-1.0, 0.0], [0.5, 1.0]])).tolist() == [-100, 0, 50, 100]
    assert network_picture.levels(torch.tensor([-4.0, 2.0, float("nan")])).tolist() == [-100, 50, 0]


def test_the_pictures_draw_every_point_node_and_weight():
    setup = classify.Setup("xor", 0.0, 0, 0.5, ("x1", "x2"), (4, 3), "tanh", "none", 0.0, n=100)
    train_x, train_y, test_x, test_y, train_p, test_p = classify.prepare(setup)
    model = classify.network(setup.features, setup.layers, setup.activation, 0)
    words = {"boundary": "B", "inputs": "In", "layer": "L{i}", "output": "Out"}
    left, right = plane_maps.pictures(model, setup, train_p, train_y, test_p, test_y, words)
    left, right = left.to_dict(), right.to_dict()
    rows = network_picture.rows_of
    shade, dots = left["layer"]
    shading = rows(left, shade)  # runs of one shade along each row, covering the plane once
    assert ((shading["b"] - shading["a"]) * shading["h"]).sum() == network_picture.UNITS ** 2
    assert len(shading) <= plane_maps.MOST_RUNS and shading["v"].abs().max() <= 100
    assert len(rows(left, dots)) == 100 and {r["s"] for r in rows(left, dots)} == {"train", "test"}
    lines, images, labels, titles = right["layer"]
    assert len(rows(right, lines)) == 2 * 4 + 4 * 3 + 3 * 1  # one output node: P(blue) - P(orange)
    assert len(rows(right, images)) == (2 + 4 + 3 + 1) * 12 * 12   # every node's map, cell by cell
    assert sorted(set(rows(right, images)["c"].tolist())) == [0, 1, 2, 3]
    assert [r["t"] for r in rows(right, titles)] == ["In", "L1", "L2", "Out"]
    # a weight's line says its size and sign
    w = plane_maps.weights(model)[0]
    first = rows(right, lines)[0]
    assert first["w"] == round(abs(w[0, 0].item()), 3) and first["sign"] == ("+" if w[0, 0] >= 0 else "-")
    # into the output: the blue logit's weight less the orange one's
    torch.testing.assert_close(plane_maps.weights(model)[-1][0], (model[-1].weight[1] - model[-1].weight[0]).detach())


def test_presenter_sizing_calls_work_on_a_spec():
    spec = network_picture.train_and_test_loss({"a": [1.0, 0.5]}, "T", "x", "y")
    spec = spec.configure_axis(labelFontSize=17).to_dict()
    assert spec["config"]["axis"]["labelFontSize"] == 17 and len(network_picture.rows_of(spec, spec["layer"][-1])) == 2


def test_the_gap_between_train_and_test_loss_is_a_shaded_band_named_in_the_legend():
    spec = network_picture.train_and_test_loss({"train": [1.0, 0.5, 0.2], "test": [1.1, 0.9, 1.3]}, "T", "x", "y",
                                               gap="the gap").to_dict()
    band, lines = spec["layer"]
    assert band["mark"]["type"] == "area" and band["encoding"]["y2"] == {"field": "test"}
    assert [(r["train"], r["test"], r["band"]) for r in network_picture.rows_of(spec, band)] == [
        (1.0, 1.1, "the gap"), (0.5, 0.9, "the gap"), (0.2, 1.3, "the gap")]
    assert len(network_picture.rows_of(spec, lines)) == 6


def test_a_redraw_changes_the_charts_data_not_its_spec():
    """Streamlit then swaps the rows in the chart already drawn, instead of drawing it anew (a flicker)."""
    setup = classify.Setup("moons", 0.0, 0, 0.5, ("x1", "x2"), (3,), "tanh", "none", 0.0, n=60)
    _, train_y, _, test_y, train_p, test_p = classify.prepare(setup)
    words = {"boundary": "B", "inputs": "In", "layer": "L{i}", "output": "Out"}
    specs = []
    for seed in (0, 1):
        model = classify.network(setup.features, setup.layers, setup.activation, seed)
        specs.append([c.to_dict() for c in plane_maps.pictures(model, setup, train_p, train_y, None, None, words)])
    for before, after in zip(*specs):
        assert str(before["datasets"]) != str(after["datasets"])
        assert {**before, "datasets": None} == {**after, "datasets": None}


# Each data set's defaults learn it -------------------------------------------------------------------------

@pytest.mark.parametrize("kind, least", [("circle", 0.95), ("xor", 0.95), ("gauss", 0.95), ("moons", 0.95),
                                         ("spiral", 0.90)])
def test_each_data_sets_defaults_learn_it(kind, least):
    d = classify.DEFAULTS[kind]
    setup = classify.Setup(kind, 0.0, 0, 0.5, d.features, d.layers, d.activation, "none", 0.0)
    run = classify.experiment(setup).start(
        core.TrainConfig(lr=d.lr, epochs=d.epochs, optimizer="adam", batch_size=d.batch_size)
    )
    run.advance()
    assert run.hist.metrics["test accuracy"][-1] >= least


# The script ----------------------------------------------------------------------------------------------

def final_loss_of(script: str, tmp_path) -> float:
    path = tmp_path / "classify_script.py"
    path.write_text(script)
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return float(out.stdout.strip().splitlines()[-1].split(":")[1])


@pytest.mark.parametrize("setup, cfg", [
    (classify.Setup("spiral", 0.1, 4, 0.3, ("x1", "x2", "sin_x1"), (5, 3), "tanh", "l2", 0.003, n=120),
     core.TrainConfig(lr=0.05, epochs=15, optimizer="sgd", momentum=0.9, batch_size=25, seed=3)),
    (classify.Setup("circle", 0.2, 1, 0.5, ("x1sq", "x2sq", "x1x2"), (), "relu", "l1", 0.01, n=80),
     core.TrainConfig(lr=0.03, epochs=12, optimizer="adam", seed=2, schedule="step")),
    (classify.Setup("moons", 0.0, 0, 0.5, ("x1", "x2"), (4,), "linear", "none", 0.0, n=60),
     core.TrainConfig(lr=0.01, epochs=10, optimizer="rmsprop", seed=1)),
    (classify.Setup("spiral", 0.1, 2, 0.5, ("x1", "x2"), (6,), "gelu", "none", 0.0, n=90, classes=4),
     core.TrainConfig(lr=0.03, epochs=8, optimizer="adam", batch_size=10, seed=1)),
    (classify.Setup("blobs", 0.2, 0, 0.5, ("x1", "x2"), (5,), "tanh", "none", 0.0, n=100, classes=5),
     core.TrainConfig(lr=0.03, epochs=8, optimizer="adam", batch_size=25, seed=0)),
])
def test_the_script_prints_the_pages_final_loss(setup, cfg, tmp_path):
    run = classify.experiment(setup).start(cfg)
    run.advance()
    printed = final_loss_of(core.codegen.script(classify.recipe(setup), cfg), tmp_path)
    assert math.isclose(printed, run.hist.loss[-1], rel_tol=1e-4), (printed, run.hist.loss[-1])


@pytest.mark.parametrize("name", list(points.FEATURES))
def test_a_features_code_computes_what_the_page_computes(name):
    """The script writes `code`; the page runs `compute`: the two give the same numbers."""
    x = torch.randn(50, 2, generator=torch.Generator().manual_seed(0))
    shown = eval(points.FEATURES[name].code, {"torch": torch, "x": x})  # the script's line, run here
    torch.testing.assert_close(shown, points.FEATURES[name].compute(x))
