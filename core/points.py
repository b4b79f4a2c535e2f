"""Points of two colours on a plane, after TensorFlow Playground's src/dataset.ts, and the input features.

Each data set is one small function of (n, noise, gen) written with torch and math only: the code
panel's script copies its source (inspect.getsource), so the script draws exactly the page's points.
Coordinates lie in about [-6, 6] as in TensorFlow Playground; labels are 0 (orange) and 1 (blue).
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


def spiral(n: int, noise: float,
           gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two arms winding out from the centre, 1.75 turns each, blue and orange half a
    turn apart."""
    half = n // 2
    y = (torch.arange(n) < half).long()
    # (n,) each point's place along its arm
    i = torch.where(y == 1, torch.arange(n), torch.arange(n) - half).float()
    m = torch.where(y == 1, half, n - half).float()
    r = i / m * 5
    t = 1.75 * i / m * 2 * math.pi + torch.where(y == 1, 0.0, math.pi)
    x = torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1)
    x = x + (2 * torch.rand(n, 2, generator=gen) - 1) * noise
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


KINDS = {"circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral, "moons": moons}


def points2d(kind: str, n: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """n points of data set `kind` -> x float32 (n, 2), y int64 (n,) in {0, 1}, about half each.

    noise: 0 to 0.5 (0% to 50%); the same seed gives the same points.
    """
    if kind not in KINDS:
        raise Problem("points.kind", kind=str(kind)[:30], kinds=", ".join(KINDS))
    if not (isinstance(n, int) and 2 <= n <= MAX_POINTS):
        raise Problem("points.count", n=str(n)[:30], most=MAX_POINTS)
    if not (isinstance(noise, (int, float)) and 0 <= noise <= MAX_NOISE):
        raise Problem("points.noise", noise=str(noise)[:30])
    gen = torch.Generator().manual_seed(int(seed))
    x, y = KINDS[kind](n, float(noise), gen)
    return x.float(), y.long()


def split(x: torch.Tensor, y: torch.Tensor, test_share: float, seed: int):
    """A seeded shuffle, then the first test_share of the points for testing: -> train_x, train_y, test_x, test_y."""
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    n_test = min(max(round(len(x) * test_share), 1), len(x) - 1)
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
