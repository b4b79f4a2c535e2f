"""The four ways plain gradient descent on cost(W) = mean((W x - y)^2) behaves, in plain Python floats.

cost(W) is a parabola with curvature c = 2 mean(x^2), so each step W := W - lr * grad multiplies the
distance to the best W by r = 1 - lr * c: 0 < r < 1 slow (r near 1) or converging, -1 < r < 0
oscillating in towards it, |r| >= 1 diverging (r = 1, lr = 0, stands still, and r = -1 swings for ever:
neither comes closer, so they count as diverging). No torch here: Home draws the four before torch loads.
Callers pass data with some x != 0 (c > 0) and a learning rate > 0.
"""
RATIO = {"slow": 0.97, "converging": 0.3, "oscillating": -0.7, "diverging": -1.15}  # an r that shows each
REGIMES = tuple(RATIO)

# the Gradient descent tutorial's data: x = [1, 2, 3], y = [2, 4, 6]; the best W is 2
TUTORIAL_X = (1.0, 2.0, 3.0)
TUTORIAL_Y = (2.0, 4.0, 6.0)


def curvature(x: list[float]) -> float:
    """cost''(W) = 2 mean(x^2)."""
    return 2 * sum(v * v for v in x) / len(x)


def regime(lr: float, c: float) -> tuple[str, float]:
    """How descent at this learning rate behaves on a parabola of curvature c -> (regime name, r)."""
    r = 1 - lr * c
    if abs(r) >= 1:
        return "diverging", r
    if r < 0:
        return "oscillating", r
    return ("slow" if r > 0.9 else "converging"), r


def lr_for(name: str, c: float) -> float:
    """A learning rate that shows the regime `name` on a parabola of curvature c (the inverse of regime)."""
    return (1 - RATIO[name]) / c


def walk(x: list[float], y: list[float], w: float, lr: float, steps: int) -> list[float]:
    """W before each of `steps` plain descent steps W := W - lr * grad from W = w, and after the last."""
    out = [w]
    for _ in range(steps):  # the hand gradient 2 mean((W x - y) x)
        w -= lr * 2 * sum((w * a - b) * a for a, b in zip(x, y)) / len(x)
        out.append(w)
    return out


def cost(x: list[float], y: list[float], w: float) -> float:
    """mean((W x - y)^2); d * d, not d ** 2: a diverging walk gives inf, not an OverflowError."""
    return sum(d * d for d in (w * a - b for a, b in zip(x, y))) / len(x)


def costs(x: list[float], y: list[float], w: float, lr: float, steps: int) -> list[float]:
    """cost(W) before each of `steps` plain descent steps from W = w, and after the last: steps + 1 values."""
    return [cost(x, y, v) for v in walk(x, y, w, lr, steps)]
