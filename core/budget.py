"""Caps that keep one training run within about a minute on this 2-core CPU (the app's one thread).

Costs are measured (bench/largest_runs.py prints the runs they allow) and rounded up, so a cap errs
on the short side. They are per thread as the app runs (core.devices.share_the_cores).
"""

SECONDS = 60.0
# A full-batch step of a tanh MLP on sin(x): a fixed cost, plus this much per point per weight of the
# layers (10,000 points through four 128-wide layers: about 92 ms a step, so the old 800 epochs took 74 s).
STEP_OVERHEAD = 0.5e-3
PER_POINT_WEIGHT = 1.9e-10

# MNIST, one epoch of the MLP with Adam (measured on the sample with batches of 16, 64 and 1024, the
# train and test accuracy measured after each epoch as the page does): each example costs a fixed part
# plus a part per weight (forward, backward, the accuracy pass), and each step a fixed part plus a part
# per weight (the optimizer's update touches every weight once a step). Half as much again as
# measured alone: the run in bench/largest_runs.py on a busy shared machine took 1.45x the estimate.
MNIST_PER_EXAMPLE = 6.8e-6
MNIST_PER_EXAMPLE_WEIGHT = 1.2e-10
MNIST_PER_STEP = 6e-4
MNIST_PER_STEP_WEIGHT = 5.7e-9

# The CNN (core.models.cnn), measured the same way (the sample, batches of 16, 64, 256 and 1024, both
# accuracies after each epoch, one thread): its convolutions make each example cost more, and more so in
# large batches (activations of 16 x 24 x 24 per digit stop fitting in the caches: an epoch in batches of
# 1024 took 2.5 s against 1.3 s in batches of 64), and each step a fixed 10 ms. Half as much again, as above.
CNN_PER_EXAMPLE = 2.2e-4
CNN_PER_EXAMPLE_PER_BATCH = 7e-7   # per example, per example in its batch
CNN_PER_STEP = 1.45e-2


def mlp_weights(hidden: tuple[int, ...], in_features: int = 1, out_features: int = 1) -> int:
    return sum(a * b for a, b in zip((in_features, *hidden), (*hidden, out_features)))


def mlp_epochs(points: int, hidden: tuple[int, ...], most: int = 20_000) -> int:
    """The most full-batch epochs of an MLP on `points` inputs that fit in about a minute."""
    step = STEP_OVERHEAD + PER_POINT_WEIGHT * points * mlp_weights(hidden)
    return max(100, min(most, int(SECONDS / step) // 100 * 100))


def mnist_epoch_seconds(examples: int, hidden: tuple[int, ...], batch_size: int, model: str = "mlp") -> float:
    """About how long one MNIST epoch takes: `examples` to train on, in batches of batch_size, with the MLP
    of these hidden widths or (model "cnn") the CNN, whose size is fixed."""
    steps = -(-examples // batch_size)
    if model == "cnn":
        return examples * (CNN_PER_EXAMPLE + CNN_PER_EXAMPLE_PER_BATCH * batch_size) + steps * CNN_PER_STEP
    weights = mlp_weights(hidden, 784, 10)
    return (examples * (MNIST_PER_EXAMPLE + MNIST_PER_EXAMPLE_WEIGHT * weights)
            + steps * (MNIST_PER_STEP + MNIST_PER_STEP_WEIGHT * weights))


def mnist_epochs(examples: int, hidden: tuple[int, ...], batch_size: int, most: int = 10, model: str = "mlp") -> int:
    """The most MNIST epochs that fit in about a minute (at least one: an epoch is the smallest run)."""
    return max(1, min(most, int(SECONDS / mnist_epoch_seconds(examples, hidden, batch_size, model))))
