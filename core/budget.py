"""Caps that keep one training run within about a minute on a laptop CPU."""

SECONDS = 60.0
# Measured on a 2-core CPU with float32: a full-batch step of a tanh MLP costs about this much fixed
# time, plus this much per point per weight of the hidden-to-hidden layers (10,000 points through
# four 128-wide layers: 88 ms a step).
STEP_OVERHEAD = 0.5e-3
PER_POINT_WEIGHT = 1.4e-10


def mlp_epochs(points: int, hidden: tuple[int, ...], most: int = 20_000) -> int:
    """The most full-batch epochs of an MLP on `points` inputs that fit in about a minute."""
    weights = sum(a * b for a, b in zip((1, *hidden), (*hidden, 1)))
    step = STEP_OVERHEAD + PER_POINT_WEIGHT * points * weights
    return max(100, min(most, int(SECONDS / step) // 100 * 100))
