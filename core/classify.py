"""The Classify page's maths: the network's shape, its loss with L1 or L2, each data set's defaults, and
what the page trains (a core.Experiment, its script's parts). Every neuron over the plane, and the two live
pictures drawn from them, are core.plane_maps'."""
import hashlib
from dataclasses import dataclass

import torch
from torch import nn

from . import code_lines, codegen, models, own_points, points, training
from .experiment import Experiment
from .problems import Problem

MAX_LAYERS, MAX_NEURONS = 8, 16   # past TensorFlow Playground's 6 of 8 (its users asked, #63)
REGULARISATIONS = ("none", "l1", "l2")
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
# the overfitting preset's L2 rate and dropout: on a spiral with 5% of its points to train on, each narrows
# the gap between test and training loss (2.5 without: 1.7 with L2, 0.7 with dropout; tests/pages/test_classify_lab.py)
L2_PRESET, DROPOUT_PRESET = 0.01, 0.2
RATES = (0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)   # TensorFlow Playground's, up to 1
BATCH_SIZES = (10, 25, 50, 100, 250, 500)
POINTS = 500          # points drawn for the page, train and test together (TensorFlow Playground's number)


@dataclass(frozen=True)
class Defaults:
    """What a newcomer gets on picking a data set: settings that learn it, by Train alone."""
    features: tuple[str, ...]
    layers: tuple[int, ...]
    activation: str
    lr: float
    epochs: int
    batch_size: int


# TensorFlow Playground's own start: what a data set without settings of its own below gets
PLAYGROUND = Defaults(("x1", "x2"), (4, 4), "tanh", 0.03, 100, 25)
DEFAULTS = {
    "circle": PLAYGROUND,
    "xor": PLAYGROUND,
    "gauss": Defaults(("x1", "x2"), (2,), "tanh", 0.01, 50, 25),
    "moons": Defaults(("x1", "x2"), (6, 6), "tanh", 0.03, 100, 25),
    "spiral": Defaults(("x1", "x2", "sin_x1", "sin_x2"), (8, 8, 8), "tanh", 0.01, 300, 25),
}


# a spiral of three to five arms: 3 layers of 16 reach 92 to 95% test accuracy on 3 to 5 arms in 400
# epochs (seeds 0 and 1; 12 a layer gave 86% on 5 arms)
MANY_ARMS = Defaults(("x1", "x2", "sin_x1", "sin_x2"), (16, 16, 16), "tanh", 0.01, 400, 25)


def defaults(kind: str, classes: int = 2) -> Defaults:
    """The settings a data set starts with: its own, or the Playground's (a new data set needs none)."""
    if kind == "spiral" and classes > 2:
        return MANY_ARMS
    return DEFAULTS.get(kind, PLAYGROUND)


# The network's shape ------------------------------------------------------------------------------

def parse_layers(text: str) -> tuple[int, ...]:
    """'8-8-4' (a link's value) -> (8, 8, 4); '0' is no hidden layer. Anything else raises a Problem."""
    text = str(text).strip()
    if text == "0":
        return ()
    parts = text.split("-")
    if not all(p.isascii() and p.isdigit() for p in parts) or len(parts) > MAX_LAYERS:
        raise Problem("points.layers", raw=text[:30], most=MAX_LAYERS, width=MAX_NEURONS)
    widths = tuple(int(p) for p in parts)
    if not all(1 <= w <= MAX_NEURONS for w in widths):
        raise Problem("points.layers", raw=text[:30], most=MAX_LAYERS, width=MAX_NEURONS)
    return widths


def format_layers(layers: tuple[int, ...]) -> str:
    return "-".join(map(str, layers)) if layers else "0"


def add_layer(layers: tuple[int, ...]) -> tuple[int, ...]:
    """One more hidden layer at the end, as wide as the last (2 if there is none); at most MAX_LAYERS."""
    return layers if len(layers) >= MAX_LAYERS else (*layers, layers[-1] if layers else 2)


def remove_layer(layers: tuple[int, ...]) -> tuple[int, ...]:
    return layers[:-1]


def add_neuron(layers: tuple[int, ...], i: int) -> tuple[int, ...]:
    return tuple(min(w + 1, MAX_NEURONS) if j == i else w for j, w in enumerate(layers))


def remove_neuron(layers: tuple[int, ...], i: int) -> tuple[int, ...]:
    return tuple(max(w - 1, 1) if j == i else w for j, w in enumerate(layers))


def parse_marks(text: str, layers: tuple[int, ...], name: str) -> tuple[int, ...]:
    """'1,3' (a link's hidden layers, counted from 1, that take batch norm or dropout) -> (0, 2), the
    0-based layers of `layers`; marks past the last layer are dropped (a layer was removed). "" is none;
    anything else raises the Problem "points.marks"."""
    text = str(text).strip()
    if not text:
        return ()
    parts = text.split(",")
    if not all(p.isascii() and p.isdigit() and 1 <= int(p) <= MAX_LAYERS for p in parts) or len(parts) > MAX_LAYERS:
        raise Problem("points.marks", raw=text[:30], name=name, most=MAX_LAYERS)
    return tuple(sorted({int(p) - 1 for p in parts if int(p) <= len(layers)}))


def format_marks(marks: tuple[int, ...]) -> str:
    return ",".join(str(i + 1) for i in sorted(marks))


def network(names: tuple[str, ...], layers: tuple[int, ...], activation: str, seed: int,
            init: str = "default", classes: int = 2, norm: tuple[int, ...] = (), dropout: float = 0.0,
            drop: tuple[int, ...] = ()) -> nn.Sequential:
    """The classifier over the chosen features: (N, len(names)) -> logits (N, classes)."""
    return models.classifier(len(names), layers, activation, seed, init, classes, norm, dropout, drop)


# The loss -----------------------------------------------------------------------------------------

def penalty(model: nn.Module, regularisation: str) -> torch.Tensor:
    """sum |w| (L1) or sum w^2 (L2) over the weights of every Linear, biases left out."""
    weights = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]
    if regularisation == "l1":
        return sum(w.abs().sum() for w in weights)
    if regularisation == "l2":
        return sum((w ** 2).sum() for w in weights)
    return torch.zeros(())


def weight_penalty(regularisation: str, rate: float):
    """What the page adds to the cross-entropy: model -> rate times its penalty; None without one."""
    if regularisation == "none" or rate == 0:
        return None
    return lambda model: rate * penalty(model, regularisation)


def one_hot_mse(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Squared error of the class probabilities (N, k) against one-hot targets, averaged over every cell."""
    return nn.functional.mse_loss(logits.softmax(dim=1), nn.functional.one_hot(y, logits.shape[1]).float())


# the losses a page offers; mse is what TensorFlow Playground trains with
LOSS_FNS = {"cross_entropy": nn.functional.cross_entropy, "mse": one_hot_mse}
LOSS_FN_CODE = {"cross_entropy": "nn.functional.cross_entropy(y_hat, y)",
                "mse": ("nn.functional.mse_loss(y_hat.softmax(dim=1),  " + codegen.say("one_hot") + "\n"
                        "                                  nn.functional.one_hot(y, y_hat.shape[1]).float())")}


def data_loss(model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss: str = "cross_entropy") -> float:
    """The loss alone (no penalty) of model on inputs x (N, k) and labels y (N,): the loss curves'."""
    device = next(model.parameters()).device
    return LOSS_FNS[loss](model(x.to(device)), y.to(device)).item()


# The script ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Setup:
    """Everything besides TrainConfig that decides the page's numbers."""
    kind: str
    noise: float
    points_seed: int
    test_share: float
    features: tuple[str, ...]
    layers: tuple[int, ...]
    activation: str
    regularisation: str
    rate: float
    n: int = POINTS
    init: str = "default"  # a key of core.models.INITS
    classes: int = 2       # 3 to 5 for the data sets of core.points.CLASSES
    loss: str = "cross_entropy"  # a key of LOSS_FNS
    norm: tuple[int, ...] = ()   # the hidden layers (0-based) with batch norm
    dropout: float = 0.0         # the rate of the layers in `drop`
    drop: tuple[int, ...] = ()   # the hidden layers (0-based) with dropout
    own: own_points.Points = ()  # kind "own": the student's points, (x1, x2, label) each

    @property
    def dropped(self) -> tuple[int, ...]:
        """The layers that really drop units: none at rate 0."""
        return self.drop if self.dropout > 0 else ()


def inputs_of(setup: Setup) -> dict:
    """The page's settings as the runs list names them (noise and test share in percent, as on the page)."""
    # the points' seed is "data seed", as on Linear regression and Sine: "points 0" read as no points
    # own points: how many and a fingerprint (two sets of as many points still differ), not the points
    data = ({"points": len(setup.own), "sha1": hashlib.sha1(own_points.format_link(setup.own).encode()).hexdigest()[:7]}
            if setup.kind == own_points.KIND else {"noise": round(setup.noise * 100)})
    return {"dataset": setup.kind, **data, "data seed": setup.points_seed,
            "test_share": round(setup.test_share * 100), "features": ",".join(setup.features),
            "classes": setup.classes, "layers": format_layers(setup.layers), "activation": setup.activation,
            "init": setup.init, "loss": setup.loss,
            "reg": setup.regularisation,
            # a rate without a penalty, or without a layer that drops, changes nothing
            **({} if setup.regularisation == "none" else {"reg_rate": setup.rate}),
            **({"bn": format_marks(setup.norm)} if setup.norm else {}),
            **({"dropout": setup.dropout, "drop": format_marks(setup.dropped)} if setup.dropped else {})}


def setup_of(inputs: dict) -> Setup:
    """inputs_of, read back: the setup a kept run was trained on (a generated data set's: a run on your own
    points keeps their count and fingerprint, not the points)."""
    return Setup(inputs["dataset"], inputs["noise"] / 100, inputs["data seed"], inputs["test_share"] / 100,
                 tuple(inputs["features"].split(",")), parse_layers(inputs["layers"]), inputs["activation"],
                 inputs["reg"], inputs.get("reg_rate", 0.0), init=inputs.get("init", "default"),
                 classes=inputs.get("classes", 2), loss=inputs.get("loss", "cross_entropy"),
                 norm=tuple(int(i) - 1 for i in inputs.get("bn", "").split(",") if i),
                 dropout=inputs.get("dropout", 0.0),
                 drop=tuple(int(i) - 1 for i in inputs.get("drop", "").split(",") if i))


def _points_code(setup: Setup) -> str:
    """The script's points_x (N, 2) and points_y (N,): the data set's function called as the page calls it,
    or the student's own points written out."""
    labels = "0 and 1\n" if setup.classes == 2 else f"0 to {setup.classes - 1}\n"
    if setup.kind == own_points.KIND:
        rows = [f"[{own_points.spelled(a)}, {own_points.spelled(b)}]" for a, b, _ in setup.own]
        return ("# The points: your own, as placed on the plane (or read from your CSV)\n"
                + code_lines.packed("points_x = torch.tensor([", rows, "], dtype=torch.float32)  # (N, 2)") + "\n"
                + code_lines.packed("points_y = torch.tensor([", [str(c) for *_, c in setup.own], "])")
                + "  # (N,), labels " + labels)
    return ("# The points: TensorFlow Playground's data set, as the app draws it\n" + points.source(setup.kind).rstrip()
            + "\n\n\n"
            f"points_x, points_y = {setup.kind}({setup.n}, {float(setup.noise)!r}, "
            f"torch.Generator().manual_seed({setup.points_seed})"
            + (f", classes={setup.classes})\n" if setup.kind in points.CLASSES else ")\n") +
            "points_x, points_y = points_x.float(), points_y.long()  # (N, 2) and (N,), labels " + labels)


def _data_code(setup: Setup) -> str:
    """The script's points, split and features: x, y for training, test_x, test_y."""
    return (_points_code(setup) +
            f"order = torch.randperm(len(points_x), generator=torch.Generator().manual_seed({setup.points_seed}))\n"
            f"n_test = min(max(round(len(points_x) * {float(setup.test_share)!r}), 1), len(points_x) - 1)\n"
            "test, train = order[:n_test], order[n_test:]  # a share of the points kept for testing\n\n\n"
            "def inputs(x):  # the chosen features of points x (N, 2) -> (N, k)\n"
            f"{points.features_code(setup.features, head='    return ')}\n\n\n"
            "x, y = inputs(points_x[train]), points_y[train]\n"
            "test_x, test_y = inputs(points_x[test]), points_y[test]\n\n\n" + _data_loss_code(setup))


def _data_loss_code(setup: Setup) -> str:
    """The script's data_loss(y_hat, y): the loss the curves show (and early stopping watches)."""
    return f"def data_loss(y_hat, y):\n    return {LOSS_FN_CODE[setup.loss]}"


def _loss_code(setup: Setup) -> str:
    """The script's loss_fn: data_loss, with the penalty when there is one."""
    if weight_penalty(setup.regularisation, setup.rate) is None:
        return "data_loss"
    term, name = ("w.abs().sum()", "L1") if setup.regularisation == "l1" else ("(w ** 2).sum()", "L2")
    return (f"lambda y_hat, y: data_loss(y_hat, y) + {setup.rate!r} * sum(\n"
            f"    {term} for w in (m.weight for m in model if isinstance(m, nn.Linear)))  # {name}, biases left out")


def recipe(setup: Setup, title: str = "Classify") -> codegen.Recipe:
    """The script's parts: the page's points, features and network; it prints test accuracy and final loss."""
    return codegen.Recipe(title, _data_code(setup),
                          codegen.model_mlp(setup.layers, setup.activation, len(setup.features), setup.classes,
                                            flatten=False, init=setup.init, norm=setup.norm, dropout=setup.dropout,
                                            drop=setup.dropped),
                          _loss_code(setup), report=codegen.ACCURACY_REPORT,
                          test_loss="data_loss(model(test_x.to(device)), test_y.to(device))")


@dataclass(frozen=True)
class Plane:
    """The points an experiment trains on, as the pictures draw them: its Setup, and the train and test
    points (N, 2) with their labels (N,)."""
    setup: Setup
    train_points: torch.Tensor
    train_y: torch.Tensor
    test_points: torch.Tensor
    test_y: torch.Tensor


def _batch_of_one(n: int, batch_size: int | None) -> bool:
    """Whether an epoch of n training points in batches of batch_size ends on a batch of one point, which
    batch norm cannot train on (the variance of one number)."""
    return n == 1 or (batch_size is not None and n > batch_size and n % batch_size == 1)


def experiment(setup: Setup, title: str = "Classify", batch_size: int | None = None):
    """What the page trains for setup: train and test loss (without the penalty) and accuracy each epoch;
    batch_size: the run's, which batch norm needs to know (a batch of one point cannot be normalised);
    its `setup` is the Plane, which a run's pictures read (not the page's settings, which may have changed)."""
    train_x, train_y, test_x, test_y, train_points, test_points = prepare(setup)
    if setup.norm and _batch_of_one(len(train_x), batch_size):
        raise Problem("points.batch_of_one", n=len(train_x), batch=batch_size)
    metrics = {training.TRAIN_LOSS: lambda m: data_loss(m, train_x, train_y, setup.loss),
               training.TEST_LOSS: lambda m: data_loss(m, test_x, test_y, setup.loss),
               training.TRAIN_ACCURACY: lambda m: accuracy(m, train_x, train_y),
               training.TEST_ACCURACY: lambda m: accuracy(m, test_x, test_y)}
    return Experiment(make_model=lambda seed: network(setup.features, setup.layers, setup.activation, seed, setup.init,
                                                      setup.classes, setup.norm, setup.dropout, setup.dropped),
                      loss_fn=LOSS_FNS[setup.loss], x=train_x, y=train_y, recipe=recipe(setup, title),
                      inputs=inputs_of(setup), metrics=metrics,
                      penalty=weight_penalty(setup.regularisation, setup.rate),
                      setup=Plane(setup, train_points, train_y, test_points, test_y))


def prepare(setup: Setup):
    """The page's data for setup: -> train inputs (N, k), train labels, test inputs, test labels,
    and the points themselves (train_points (N, 2), test_points) for pictures."""
    if setup.kind == own_points.KIND:
        x, y = own_points.tensors(setup.own)
    else:
        x, y = points.points2d(setup.kind, n=setup.n, noise=setup.noise, seed=setup.points_seed, classes=setup.classes)
    train_p, train_y, test_p, test_y = points.split(x, y, setup.test_share, setup.points_seed)
    return (points.features(train_p, setup.features), train_y, points.features(test_p, setup.features), test_y,
            train_p, test_p)


def confusion(model: nn.Module, plane: Plane) -> torch.Tensor:
    """The test points' (k, k) counts, row the true class, column the predicted one (in model.eval())."""
    from . import evaluation
    training = model.training
    model.eval()
    try:
        with torch.no_grad():
            x = points.features(plane.test_points, plane.setup.features).to(next(model.parameters()).device)
            predicted = model(x).argmax(dim=1).cpu()
    finally:
        model.train(training)
    return evaluation.confusion(plane.test_y, predicted, plane.setup.classes)


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    device = next(model.parameters()).device
    with torch.no_grad():
        return (model(x.to(device)).argmax(dim=1).cpu() == y).float().mean().item()
