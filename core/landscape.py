"""Loss landscapes of y = W x + b under mean squared error: curves, grids, the optimum, the regimes."""
import math

import torch

from . import regimes
from .problems import Problem


def linear_cost_1d(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """mean((W x - y)^2) for each W in w, with b held at 0. x, y (N, 1); w (K,) -> (K,)."""
    pred = x.reshape(1, -1) * w.reshape(-1, 1)          # (K, N)
    return (pred - y.reshape(1, -1)).pow(2).mean(dim=1)  # (K,)


def linear_cost_grid(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """mean((W x + b - y)^2) over a grid: w (K,), b (L,) -> (K, L)."""
    pred = w.reshape(-1, 1, 1) * x.reshape(1, 1, -1) + b.reshape(1, -1, 1)  # (K, L, N)
    return (pred - y.reshape(1, 1, -1)).pow(2).mean(dim=2)                   # (K, L)


def linear_cost_moments(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float, float, float, float]:
    """(mean x^2, mean x, mean x y, mean y, mean y^2), in float64. mean((W x + b - y)^2) is the quadratic
    W^2 mean x^2 + 2 W b mean x + b^2 - 2 W mean xy - 2 b mean y + mean y^2, so a chart can shade the
    whole (W, b) surface from these five numbers (2,500 cells sent as data were 147 kB a picture)."""
    x64, y64 = x.double().reshape(-1), y.double().reshape(-1)  # (N,)
    return tuple(v.mean().item() for v in (x64 * x64, x64, x64 * y64, y64, y64 * y64))


def linear_cost_at(moments: tuple[float, float, float, float, float], w: float, b: float) -> float:
    """mean((W x + b - y)^2) from linear_cost_moments: the formula a contour chart computes in the browser."""
    xx, mx, xy, my, yy = moments
    return w * w * xx + 2 * w * b * mx + b * b - 2 * w * xy - 2 * b * my + yy


def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """The W and b that minimise mean((W x + b - y)^2), in closed form (float64).

    Data that is not finite has no answer (torch's lstsq fails an internal assert on it): a Problem.
    """
    x64, y64 = x.double().reshape(-1, 1), y.double().reshape(-1, 1)
    if not (torch.isfinite(x64).all() and torch.isfinite(y64).all()):
        raise Problem("data.no_closed_form")
    design = torch.cat([x64, torch.ones_like(x64)], dim=1)  # (N, 2)
    try:
        w, b = torch.linalg.lstsq(design, y64).solution.reshape(-1).tolist()
    except RuntimeError:
        raise Problem("data.no_closed_form") from None
    if not (math.isfinite(w) and math.isfinite(b)):
        raise Problem("data.no_closed_form")
    return w, b


def descent_regime(lr: float, x: torch.Tensor) -> tuple[str, float]:
    """How plain gradient descent on W alone behaves at this learning rate on this data (core.regimes).
    -> (regime name, r), r the factor each step multiplies the distance to the best W by."""
    return regimes.regime(lr, _curvature(x))


def lr_for_regime(regime: str, x: torch.Tensor) -> float:
    """A learning rate that shows `regime` on this data (the inverse of descent_regime)."""
    return regimes.lr_for(regime, _curvature(x))


def _curvature(x: torch.Tensor) -> float:
    """cost''(W) on this data, x (N, 1) (core.regimes.curvature)."""
    return regimes.curvature(x.reshape(-1).tolist())


def least_squares_poly(x: torch.Tensor, y: torch.Tensor, degree: int = 3) -> tuple[list[float], float]:
    """The polynomial coefficients (constant first) that minimise sum((p(x) - y)^2), and that sum."""
    x64, y64 = x.double().reshape(-1, 1), y.double().reshape(-1, 1)
    design = torch.cat([x64 ** k for k in range(degree + 1)], dim=1)  # (N, degree + 1)
    coef = torch.linalg.lstsq(design, y64).solution                    # (degree + 1, 1)
    return coef.reshape(-1).tolist(), (design @ coef - y64).pow(2).sum().item()


def stable_lr(features: torch.Tensor, reduction: str = "mean", momentum: float = 0.0) -> float:
    """The learning rate above which plain (momentum) gradient descent on a least-squares loss diverges.

    features: (N, k), one column a weight (a column of ones for a bias). The loss sum((f w - y)^2)
    has Hessian H = 2 f^T f (divided by N for the mean); descent with momentum m is stable for
    lr < 2 (1 + m) / (the largest eigenvalue of H). It depends on the inputs' scale alone, not on y.
    """
    f = features.double().reshape(len(features), -1)  # (N, k)
    hessian = 2 * f.T @ f                              # (k, k)
    if reduction == "mean":
        hessian = hessian / len(f)
    top = torch.linalg.eigvalsh(hessian).max().item()
    return 2 * (1 + momentum) / top if top > 0 else float("inf")


def standardise(t: torch.Tensor) -> tuple[torch.Tensor, float, float]:
    """(t - mean) / std, column-wise as a whole here (t is (N, 1)); -> the scaled tensor, the mean, the std."""
    mean, std = t.double().mean().item(), t.double().std().item()
    std = std if std > 0 else 1.0
    return ((t.double() - mean) / std).to(t.dtype), mean, std


def line_features(x: torch.Tensor) -> torch.Tensor:
    """The features y = W x + b trains on: x and a column of ones for b. x (N, 1) -> (N, 2)."""
    x = x.reshape(-1, 1)
    return torch.cat([x, torch.ones_like(x)], dim=1)


def safe_lr(edge: float, rates: tuple[float, ...], margin: float = 0.8) -> float | None:
    """The largest of `rates` comfortably below the stable edge (at the edge itself descent never settles);
    None when even the smallest is too large (then the data's scale must change: standardise it)."""
    fits = [r for r in rates if r <= edge * margin]
    return max(fits) if fits else None


def unstandardise(
    w: float, b: float, x_scale: tuple[float, float], y_scale: tuple[float, float]
) -> tuple[float, float]:
    """A line fitted to standardised x and y, in the original units: (y - my)/sy = w (x - mx)/sx + b."""
    (mx, sx), (my, sy) = x_scale, y_scale
    w_orig = w * sy / sx
    return w_orig, my + sy * b - w_orig * mx


def surface_box(ws: list[float], bs: list[float], start: tuple[float, float], best: tuple[float, float],
                reach: float = 6.0, margin: float = 0.1) -> tuple[float, float, float, float]:
    """(w_lo, w_hi, b_lo, b_hi): the part of the (W, b) plane to shade under optimizer paths.

    It holds the start, the optimum (a unit beyond it) and every finite point of the paths, with
    `margin` of its span on each side: a path that started on the box's edge left the shaded surface.
    A diverging path does not stretch it further than `reach` beyond the start and the optimum.
    """
    box = []
    for values, s, b in ((ws, start[0], best[0]), (bs, start[1], best[1])):
        seen = [s, b] + [v for v in values if math.isfinite(v)]
        lo, hi = min(min(seen), b - 1), max(max(seen), b + 1)
        lo, hi = max(lo, min(s, b) - reach), min(hi, max(s, b) + reach)
        pad = margin * (hi - lo)
        box += [lo - pad, hi + pad]
    return tuple(box)
