"""The largest run each page allows, through core, timed: does each keep the promise of about a minute?

    python bench/largest_runs.py [--threads N] [--skip-full] [--mnist-only]

Each run uses the page's caps (the largest epochs, points, network and the smallest batch it offers)
on the app's thread count (half the cores, as core.devices.share_the_cores sets). Beside it, where it is
cheap, a bare torch loop of the same run: the floor to compare with. Prints wall seconds; the machine
is shared, so expect noise. Full MNIST cannot be downloaded offline: its run is estimated from the
bundled 4,000 digits repeated to 60,000 examples (as bench/mnist_epoch.py does), and says so.
"""
import argparse
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import core  # noqa: E402
from ui.controls import LEARNING_RATES  # noqa: E402  (the sidebar's grid; no streamlit calls)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare_full_batch(model, loss_fn, x, y, epochs, lr, optimizer="sgd"):
    """The shortest loop of the same maths: the whole data set, one step an epoch."""
    opt = (
        torch.optim.Adam(model.parameters(), lr=lr)
        if optimizer == "adam"
        else torch.optim.SGD(model.parameters(), lr=lr)
    )
    for _ in range(epochs):
        loss = loss_fn(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()


def bare_batches(model, x, y, epochs, batch, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(0)
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=gen)
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            loss = loss_fn(model(x[idx]), y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()


def row(name: str, app: float, bare: float | None, note: str = "") -> None:
    side = f"{bare:8.2f} s" if bare is not None else "       –  "
    print(f"{name:<58} {app:8.2f} s   {side}   {note}", flush=True)


def mnist_run(name, train_x, train_y, test_x, test_y, hidden, batch, estimate_note="", model="mlp"):
    """hidden: the MLP's widths; model "cnn" trains core.models.cnn instead (hidden is then unused)."""
    epochs = core.budget.mnist_epochs(len(train_x), hidden, batch, model=model)
    cfg = core.TrainConfig(lr=1e-3, epochs=epochs, optimizer="adam", batch_size=batch)
    accuracy = {"train accuracy": lambda m: core.evaluate(m, train_x, train_y),
                "test accuracy": lambda m: core.evaluate(m, test_x, test_y)}

    def make():
        return core.models.cnn(seed=0) if model == "cnn" else core.models.mlp(hidden=hidden, seed=0)
    app = timed(lambda: core.train(make(), core.losses.cross_entropy, train_x, train_y, cfg, metrics=accuracy))
    bare = timed(lambda: bare_batches(make(), train_x, train_y, epochs, batch, 1e-3))
    shape = "CNN" if model == "cnn" else "-".join(map(str, hidden))
    estimate = epochs * core.budget.mnist_epoch_seconds(len(train_x), hidden, batch, model)
    row(
        f"{name}: {epochs} epochs, batch {batch}, {shape}", app, bare, f"(cap estimate {estimate:.0f} s){estimate_note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    parser.add_argument("--skip-full", action="store_true", help="leave out the 60,000-example MNIST runs")
    parser.add_argument("--mnist-only", action="store_true", help="only the MNIST runs")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {args.threads} thread(s) of {os.cpu_count()} cores; wall seconds")
    print(f"{'run (largest settings the page allows)':<58} {'core':>10}   {'bare torch':>10}")

    if not args.mnist_only:
        other_pages()
    mnist_runs(args.skip_full)


def other_pages() -> None:
    # Tensors: a 2x1 linear model on its small table, the page's 1,000 epochs at most
    x, y = torch.randn(5, 1), torch.randn(5, 1)
    cfg = core.TrainConfig(lr=0.1, epochs=1000)
    row(
        "Tensors: 1,000 epochs",
        timed(lambda: core.train(core.models.linear(init=(0.0, 0.0)), core.losses.half_squared_error, x, y, cfg)),
        timed(
            lambda: bare_full_batch(
                core.models.linear(init=(0.0, 0.0)), core.losses.half_squared_error, x, y, 1000, 0.1
            )
        ),
    )

    # Linear regression: 10,000 noisy points, 5,000 epochs (the sidebar's cap)
    x, y = core.data.noisy_line(n=10_000)
    cfg = core.TrainConfig(lr=0.01, epochs=5000)
    row("Linear regression: 10,000 points, 5,000 epochs",
        timed(lambda: core.train(core.models.linear(init="zeros"), core.losses.mse, x, y, cfg)),
        timed(lambda: bare_full_batch(core.models.linear(init="zeros"), core.losses.mse, x, y, 5000, 0.01)))

    # Gradient descent: a table, 2,000 epochs
    x, y = core.data.table("hours")
    cfg = core.TrainConfig(lr=0.01, epochs=2000)
    row(
        "Gradient descent: 2,000 epochs",
        timed(lambda: core.train(core.models.linear(init=(0.0, 0.0)), core.losses.mse, x, y, cfg)),
        timed(lambda: bare_full_batch(core.models.linear(init=(0.0, 0.0)), core.losses.mse, x, y, 2000, 0.01)),
    )

    # Sine: the cubic on 10,000 points, 20,000 epochs by hand; the network at its cap
    x, y = core.data.sine(10_000)
    cfg = core.TrainConfig(lr=min(LEARNING_RATES), epochs=20_000, momentum=0.9)
    row("Sine cubic: 10,000 points, 20,000 epochs, by hand",
        timed(lambda: core.train(core.models.cubic(seed=0), core.losses.sum_of_squares, x, y, cfg,
                                 grad_fn=core.gradients.cubic_sum_of_squares)), None)
    row("Sine cubic: 10,000 points, 20,000 epochs, autograd",
        timed(lambda: core.train(core.models.cubic(seed=0), core.losses.sum_of_squares, x, y, cfg)),
        timed(lambda: bare_full_batch(core.models.cubic(seed=0), core.losses.sum_of_squares, x, y, 20_000, 1e-6)))
    hidden = (128,) * 4
    epochs = core.budget.mlp_epochs(10_000, hidden)
    cfg = core.TrainConfig(lr=0.002, epochs=epochs, optimizer="adam")

    def net():
        return core.models.mlp(hidden=hidden, activation="tanh", in_features=1, out_features=1, seed=0)
    row(f"Sine net: 10,000 points, 4x128 tanh, {epochs} epochs",
        timed(lambda: core.train(net(), core.losses.sum_of_squares, x, y, cfg)), None)



def mnist_runs(skip_full: bool) -> None:
    """MNIST: the sample, and full MNIST (estimated offline from the sample repeated to 60,000); the largest
    MLP, and the CNN in batches of 16 (its slowest: a fixed cost a step) and of 1,024 (its slowest per example)."""
    train_x, train_y, test_x, test_y, _ = core.data.load_mnist("sample")
    mnist_run("MNIST sample", train_x, train_y, test_x, test_y, (512, 256), 16)
    mnist_run("MNIST sample", train_x, train_y, test_x, test_y, (), 16, model="cnn")
    mnist_run("MNIST sample", train_x, train_y, test_x, test_y, (), 1024, model="cnn")
    if skip_full:
        return
    try:
        full = core.data.load_mnist("full")[:4]
        note = ""
    except Exception:  # offline: the sample repeated to full MNIST's size, test set alike
        full = train_x.repeat(15, 1, 1, 1), train_y.repeat(15), test_x.repeat(10, 1, 1, 1), test_y.repeat(10)
        note = "; full MNIST not downloadable here, estimated from the sample repeated to 60,000"
    name = "MNIST full" + (" (ESTIMATE: sample x15)" if note else "")
    mnist_run(name, *full, (512, 256), 16, note)
    mnist_run(name, *full, (), 16, note, model="cnn")


if __name__ == "__main__":
    main()
