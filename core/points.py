"""Points of two colours on a plane, after TensorFlow Playground's src/dataset.ts, and the input features.

Each data set is one small function of (n, noise, gen) written with torch and math only: the code
panel's script copies its source (inspect.getsource), so the script draws exactly the page's points.
Coordinates lie in about [-6, 6] as in TensorFlow Playground; labels are 0 (orange) and 1 (blue), and
2 to 4 where a data set takes more classes (CLASSES).
"""
import inspect
import math
from dataclasses import dataclass
from typing import Callable

import torch

from . import code_lines
from .problems import Problem

EXTENT = 6.0           # the plane shown: [-EXTENT, EXTENT] on both axes
MAX_POINTS = 5000
MAX_NOISE = 0.5        # "50%"


# Each function's lines fit in 88 columns, comments too: the script shows its source as written.

def circle(n: int, noise: float,
           gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blue inside radius 2.5, orange in a ring 3.5 to 5; noise moves where a point's
    label is read."""
    radius = 5.0
    inner = torch.arange(n) < n // 2                       # (n,) the first half inside
    r = (torch.where(inner, 0.5 * radius, 0.3 * radius) * torch.rand(n, generator=gen)
         + torch.where(inner, 0.0, 0.7 * radius))
    angle = 2 * math.pi * torch.rand(n, generator=gen)
    x = torch.stack([r * torch.sin(angle), r * torch.cos(angle)], dim=1)  # (n, 2)
    shifted = x + (2 * torch.rand(n, 2, generator=gen) - 1) * radius * noise
    y = (shifted.norm(dim=1) < 0.5 * radius).long()                       # (n,)
    return x, y


def xor(n: int, noise: float,
        gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blue where x1 and x2 have the same sign, orange where they differ; kept 0.3 off
    the axes."""
    x = 10 * torch.rand(n, 2, generator=gen) - 5           # (n, 2) in [-5, 5]
    x = x + torch.where(x > 0, 0.3, -0.3)
    shifted = x + (10 * torch.rand(n, 2, generator=gen) - 5) * noise
    y = (shifted[:, 0] * shifted[:, 1] >= 0).long()
    return x, y


def gauss(n: int, noise: float,
          gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two Gaussian clouds, blue around (2, 2) and orange around (-2, -2); noise widens
    them."""
    variance = 0.5 + noise / 0.5 * 3.5                     # 0.5 at 0% to 4 at 50%
    y = (torch.arange(n) < n // 2).long()                  # (n,)
    centre = torch.where(y[:, None] == 1, 2.0, -2.0)       # (n, 1)
    x = centre + math.sqrt(variance) * torch.randn(n, 2, generator=gen)
    return x, y


def spiral(n: int, noise: float, gen: torch.Generator,
           classes: int = 2) -> tuple[torch.Tensor, torch.Tensor]:
    """`classes` arms winding out from the centre, 1.75 turns each, evenly turned apart
    (two: blue and orange half a turn apart)."""
    size = n // classes
    sizes = [size] * (classes - 1) + [n - size * (classes - 1)]  # the last arm the rest
    labels = [1, 0, *range(2, classes)][:classes]                  # blue's arm first
    y = torch.cat([torch.full((k,), c) for k, c in zip(sizes, labels)]).long()
    # (n,) each point's place along its arm, and its arm's length
    i = torch.cat([torch.arange(k) for k in sizes]).float()
    m = torch.cat([torch.full((k,), k) for k in sizes]).float()
    # (n,) each arm turned its share of a turn
    turn = torch.cat([torch.full((k,), 2 * math.pi * ((1 - c) % classes) / classes)
                      for k, c in zip(sizes, labels)])
    r = i / m * 5
    t = 1.75 * i / m * 2 * math.pi + turn
    x = torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1)
    x = x + (2 * torch.rand(n, 2, generator=gen) - 1) * noise
    return x, y


def blobs(n: int, noise: float, gen: torch.Generator,
          classes: int = 3) -> tuple[torch.Tensor, torch.Tensor]:
    """`classes` Gaussian clouds evenly around a circle of radius 3.5, class c at angle
    2 pi c / classes; noise widens them, as for two Gaussians."""
    variance = 0.5 + noise / 0.5 * 3.5                     # 0.5 at 0% to 4 at 50%
    y = torch.arange(n) * classes // n                     # (n,) about n / classes each
    angle = 2 * math.pi * y.float() / classes
    centre = 3.5 * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)  # (n, 2)
    x = centre + math.sqrt(variance) * torch.randn(n, 2, generator=gen)
    return x, y


def moons(n: int, noise: float,
          gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two interleaved half circles (scikit-learn's make_moons), scaled to the plane;
    noise is Gaussian."""
    y = (torch.arange(n) < n // 2).long()
    angle = math.pi * torch.rand(n, generator=gen)
    upper = torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)  # (n, 2): orange
    lower = torch.stack([1 - torch.cos(angle), 0.5 - torch.sin(angle)], dim=1)  # blue
    x = (torch.where(y[:, None] == 1, lower, upper)
         + noise * torch.randn(n, 2, generator=gen))
    x = (x - torch.tensor([0.5, 0.25])) * 4
    return x, y


KINDS = {"circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral, "moons": moons, "blobs": blobs}
MOST_CLASSES = 5
# the data sets that take a number of classes (their functions' `classes`), and how many they start with;
# every other one has two
CLASSES = {"spiral": 2, "blobs": 3}


def classes_of(kind: str, classes: int | None = None) -> int:
    """The classes a data set is drawn with: 2 for one that takes no number, else `classes` or its default."""
    return 2 if kind not in CLASSES else CLASSES[kind] if classes is None else classes


def points2d(kind: str, n: int = 500, noise: float = 0.0, seed: int = 0,
             classes: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """n points of data set `kind` -> x float32 (n, 2), y int64 (n,) in 0..classes-1, about equal shares.

    noise: 0 to 0.5 (0% to 50%); the same seed gives the same points. classes: 2 to MOST_CLASSES for the
    data sets of CLASSES (None: its default), 2 or None for the others.
    """
    if kind not in KINDS:
        raise Problem("points.kind", kind=str(kind)[:30], kinds=", ".join(KINDS))
    if not (isinstance(n, int) and 2 <= n <= MAX_POINTS):
        raise Problem("points.count", n=str(n)[:30], most=MAX_POINTS)
    if not (isinstance(noise, (int, float)) and 0 <= noise <= MAX_NOISE):
        raise Problem("points.noise", noise=str(noise)[:30])
    k = classes_of(kind) if classes is None else classes
    if not (isinstance(k, int) and 2 <= k <= (MOST_CLASSES if kind in CLASSES else 2)) or k > n:
        raise Problem("points.classes", classes=str(classes)[:30], kind=kind,
                      most=MOST_CLASSES if kind in CLASSES else 2)
    gen = torch.Generator().manual_seed(int(seed))
    x, y = KINDS[kind](n, float(noise), gen, classes=k) if kind in CLASSES else KINDS[kind](n, float(noise), gen)
    return x.float(), y.long()


def test_count(n: int, test_share: float) -> int:
    """How many of n points split() keeps for testing: at least one, and at least one left to train on."""
    return min(max(round(n * test_share), 1), n - 1)


def split(x: torch.Tensor, y: torch.Tensor, test_share: float, seed: int):
    """A seeded shuffle, then the first test_share of the points for testing: -> train_x, train_y, test_x, test_y."""
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    n_test = test_count(len(x), test_share)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]


@dataclass(frozen=True)
class Feature:
    """One input feature TensorFlow Playground offers: the code that computes it from points x (N, 2), as the
    script shows it, the same computation for the page, and its label on the network picture.
    tests/core/test_points.py runs every `code` and checks it gives what `compute` gives."""
    code: str
    compute: Callable[[torch.Tensor], torch.Tensor]   # x (N, 2) -> (N,)
    label: str


FEATURES = {
    "x1": Feature("x[:, 0]", lambda x: x[:, 0], "x₁"),
    "x2": Feature("x[:, 1]", lambda x: x[:, 1], "x₂"),
    "x1sq": Feature("x[:, 0] ** 2", lambda x: x[:, 0] ** 2, "x₁²"),
    "x2sq": Feature("x[:, 1] ** 2", lambda x: x[:, 1] ** 2, "x₂²"),
    "x1x2": Feature("x[:, 0] * x[:, 1]", lambda x: x[:, 0] * x[:, 1], "x₁·x₂"),
    "sin_x1": Feature("torch.sin(x[:, 0])", lambda x: torch.sin(x[:, 0]), "sin x₁"),
    "sin_x2": Feature("torch.sin(x[:, 1])", lambda x: torch.sin(x[:, 1]), "sin x₂"),
}


def features(x: torch.Tensor, names: tuple[str, ...]) -> torch.Tensor:
    """The chosen features of points x (N, 2), in FEATURES' order -> (N, len(names))."""
    if not names:
        raise Problem("points.no_features")
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise Problem("points.feature", name=str(unknown[0])[:30])
    return torch.stack([FEATURES[n].compute(x) for n in FEATURES if n in names], dim=1)


def parse_features(text: str) -> tuple[str, ...]:
    """'x1,x2' (a link's value) -> ("x1", "x2"); unknown, repeated or no names raise a Problem."""
    names = tuple(p.strip() for p in str(text).split(",") if p.strip())
    if not names:
        raise Problem("points.no_features")
    for n in names:
        if n not in FEATURES:
            raise Problem("points.feature", name=n[:30])
    return tuple(n for n in FEATURES if n in names)


def source(kind: str) -> str:
    """The data set's function, as written above: the script's copy of it."""
    return inspect.getsource(KINDS[kind])


def features_code(names: tuple[str, ...], head: str = "") -> str:
    """The script's line that builds the inputs from points x (N, 2), after head (as "    return "),
    on more lines where it would be too long for one."""
    return code_lines.packed(f"{head}torch.stack([", [FEATURES[n].code for n in FEATURES if n in names], "], dim=1)")
