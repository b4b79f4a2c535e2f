"""core.train against the loop the tutorials write, side by side: the same runs, the same numbers.

    python bench/loop_speed.py [--repeats 7] [--quick] [--only NAME ...] [--sweep]

Each case trains one run two ways, interleaved (core then bare, bare then core, ...) so that whatever else
the machine does hits both, on one torch thread as the app trains a session; the median of `repeats` counts,
after one warm-up of each:
- core: core.train(model, loss_fn, x, y, cfg), as every page trains (its optimizer from core.optimizers).
- bare: the loop a tutorial writes: torch.optim's default settings and the default memory layout,
  optimizer.zero_grad(), loss.backward(), optimizer.step(), loss.item() into a list (full batch) or into a
  running sum (mini-batches, a seeded permutation each epoch, x[idx]).
Both must train the same run: before it times anything, the bench runs the bare loop once with core's
optimizer settings and checks that its losses are core's (but for the sums: core adds float32 tensors, the
bare loop Python floats); the table then gives the final loss of each (fused and default steps may round
apart in the last digits, and a long run can carry that further).
Targets (issue 27): at most 0.85x the bare loop where a batch holds 64 examples or fewer, at most 1.0x
everywhere else. --quick: 3 repeats and shorter MNIST runs.

--sweep: then a learning-rate sweep (the rate a tenth, ten times, as set: ui.live_run.lr_sweep) trained
two ways: its runs one after another, and all of them at once as one stacked model (torch.func's
stack_module_state and vmap; each run keeps its own optimizer on its own weights); the stacked runs must
give each run's losses to the last digit to count.
"""
import argparse
import math
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TORCH_PLAYGROUND_OFFLINE", "1")  # the bundled MNIST sample, never a download
import core  # noqa: E402

SMALL_BATCH, SMALL_TARGET, TARGET = 64, 0.85, 1.0
BARE_OPTIMIZERS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}  # the tutorials' two, default settings


@dataclass
class Case:
    name: str
    make: Callable[[], nn.Module]
    loss_fn: Callable
    x: torch.Tensor
    y: torch.Tensor
    cfg: core.TrainConfig

    @property
    def batch(self) -> int:
        return len(self.x) if self.cfg.batch_size is None else min(self.cfg.batch_size, len(self.x))

    @property
    def target(self) -> float:
        return SMALL_TARGET if self.batch <= SMALL_BATCH else TARGET


def cases(quick: bool) -> list[Case]:
    line_x, line_y = core.data.table("line")
    sine_x, sine_y = core.data.sine(1000)
    mnist_x, mnist_y, _, _, _ = core.data.load_mnist("sample")   # 4,000 digits (N, 1, 28, 28)
    points_x, points_y = core.data.points2d("circle", n=1000, noise=0.1, seed=0)
    mnist_epochs = 1 if quick else 2
    return [
        Case("linear, 3 points, SGD, 1,000 epochs", lambda: core.models.linear(init="zeros"), core.losses.mse,
             line_x, line_y, core.TrainConfig(lr=0.01, epochs=1000)),
        Case("sine cubic, 1,000 points, SGD, 2,000 epochs", lambda: core.models.cubic(seed=0),
             core.losses.sum_of_squares, sine_x, sine_y, core.TrainConfig(lr=1e-6, epochs=2000)),
        Case("1-32-32-1 tanh, 1,000 points, Adam, 300 epochs",
             lambda: core.models.mlp((32, 32), "tanh", 1, 1, seed=0), core.losses.sum_of_squares, sine_x, sine_y,
             core.TrainConfig(lr=0.002, epochs=300, optimizer="adam")),
        Case(f"MNIST sample MLP, batch 16, Adam, {mnist_epochs} epoch(s)", lambda: core.models.mlp(seed=0),
             core.losses.cross_entropy, mnist_x, mnist_y,
             core.TrainConfig(lr=1e-3, epochs=mnist_epochs, optimizer="adam", batch_size=16)),
        Case(f"MNIST sample MLP, batch 64, Adam, {mnist_epochs} epoch(s)", lambda: core.models.mlp(seed=0),
             core.losses.cross_entropy, mnist_x, mnist_y,
             core.TrainConfig(lr=1e-3, epochs=mnist_epochs, optimizer="adam", batch_size=64)),
        Case("MNIST sample CNN, batch 64, Adam, 1 epoch", lambda: core.models.cnn(seed=0), core.losses.cross_entropy,
             mnist_x, mnist_y, core.TrainConfig(lr=1e-3, epochs=1, optimizer="adam", batch_size=64)),
        Case("Classify 6x8 tanh, 1,000 points, batch 25, Adam, 30 epochs",
             lambda: core.models.classifier(2, (8,) * 6, "tanh", seed=0), nn.functional.cross_entropy,
             points_x, points_y, core.TrainConfig(lr=0.03, epochs=30, optimizer="adam", batch_size=25)),
    ]


def core_run(case: Case) -> list[float]:
    return core.train(case.make(), case.loss_fn, case.x, case.y, case.cfg).loss


def bare_run(case: Case, as_core: bool = False) -> list[float]:
    """The tutorials' loop, written out with torch alone; as_core: with core's optimizer settings instead of
    torch's defaults (the same run as core's to the last digit but for how the losses are summed)."""
    cfg = case.cfg
    model = case.make()
    if as_core:
        optimizer, _ = core.optimizers.build(model.parameters(), cfg)
    else:
        model = model.to(memory_format=torch.contiguous_format)  # as nn.Conv2d makes it (core's CNN: channels last)
        optimizer = BARE_OPTIMIZERS[cfg.optimizer](model.parameters(), lr=cfg.lr)
    x, y, loss_fn = case.x, case.y, case.loss_fn
    losses = []
    if cfg.batch_size is None:
        for _ in range(cfg.epochs):
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        return losses
    gen = torch.Generator().manual_seed(cfg.seed)
    batch = case.batch
    steps = math.ceil(len(x) / batch)
    for _ in range(cfg.epochs):
        order = torch.randperm(len(x), generator=gen)
        running = 0.0
        for i in range(steps):
            idx = order[i * batch:(i + 1) * batch]
            loss = loss_fn(model(x[idx]), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running += loss.item()
        losses.append(running / steps)
    return losses


def differ(a: list[float], b: list[float]) -> float:
    """The largest relative difference between two runs' epoch losses (0 where both are the same inf or nan)."""
    assert len(a) == len(b), (len(a), len(b))
    return max((0.0 if u == v or (math.isnan(u) and math.isnan(v)) else abs(u - v) / max(abs(u), 1e-12)
                for u, v in zip(a, b)), default=0.0)


# The sweep ------------------------------------------------------------------------------------------

def solo_sweep(make, loss_fn, x, y, cfgs: list[core.TrainConfig]) -> list[list[float]]:
    """Each run of the sweep on its own, one after another (full batch: the loss before each step)."""
    out = []
    for cfg in cfgs:
        model = make()
        optimizer, _ = core.optimizers.build(model.parameters(), cfg)
        params, losses = list(model.parameters()), []
        for _ in range(cfg.epochs):
            loss = loss_fn(model(x), y)
            losses.append(loss.item())
            for p in params:
                p.grad = None
            loss.backward()
            optimizer.step()
        out.append(losses)
    return out


def stacked_sweep(make, loss_fn, x, y, cfgs: list[core.TrainConfig]) -> list[list[float]]:
    """The same runs at once: every step, each weight of the k models stacked into one (k, ...) tensor, one
    vmapped forward and backward for all k, then each run's own optimizer on its own weights."""
    from torch.func import functional_call, stack_module_state, vmap
    models = [make() for _ in cfgs]
    optimizers = [core.optimizers.build(m.parameters(), cfg)[0] for m, cfg in zip(models, cfgs)]
    names = [name for name, _ in models[0].named_parameters()]
    leaves = [list(m.parameters()) for m in models]
    shape = stack_module_state(models)[0]  # noqa: F841 (checks that the models stack: same parameters)
    skeleton = make().to("meta")

    def one(params, x, y):
        return loss_fn(functional_call(skeleton, params, (x,)), y)

    batched = vmap(one, in_dims=(0, None, None))
    out = [[] for _ in cfgs]
    for _ in range(cfgs[0].epochs):
        params = {name: torch.stack([run[i] for run in leaves]) for i, name in enumerate(names)}  # (k, ...) each
        losses = batched(params, x, y)                                                          # (k,)
        for record, value in zip(out, losses.tolist()):
            record.append(value)
        for run in leaves:
            for p in run:
                p.grad = None
        losses.sum().backward()  # each run's loss reaches only its own weights: its own gradient, exactly
        for optimizer in optimizers:
            optimizer.step()
    return out


def sweep_report(repeats: int) -> None:
    from dataclasses import replace
    line_x, line_y = core.data.table("line")
    sine_x, sine_y = core.data.sine(1000)
    sweeps = {
        "linear, 3 points, SGD 0.01, 1,000 epochs": (lambda: core.models.linear(init="zeros"), core.losses.mse,
                                                     line_x, line_y, core.TrainConfig(lr=0.01, epochs=1000)),
        "1-32-32-1 tanh, Adam 0.002, 300 epochs": (lambda: core.models.mlp((32, 32), "tanh", 1, 1, seed=0),
                                                   core.losses.sum_of_squares, sine_x, sine_y,
                                                   core.TrainConfig(lr=0.002, epochs=300, optimizer="adam")),
    }
    print(f"\nlearning-rate sweeps (a tenth, ten times, as set), median of {repeats}, interleaved")
    print(f"{'sweep':45s} {'one by one s':>12s} {'stacked s':>10s} {'ratio':>6s}  each run's losses")
    for name, (make, loss_fn, x, y, cfg) in sweeps.items():
        cfgs = [replace(cfg, lr=float(f"{cfg.lr * f:.6g}")) for f in (0.1, 10)] + [cfg]
        solo, stacked = solo_sweep(make, loss_fn, x, y, cfgs), stacked_sweep(make, loss_fn, x, y, cfgs)
        apart = max(differ(a, b) for a, b in zip(solo, stacked))
        times = {"solo": [], "stacked": []}
        for i in range(repeats):
            for way, fn in (("solo", solo_sweep), ("stacked", stacked_sweep))[::1 if i % 2 == 0 else -1]:
                start = time.perf_counter()
                fn(make, loss_fn, x, y, cfgs)
                times[way].append(time.perf_counter() - start)
        a, b = statistics.median(times["solo"]), statistics.median(times["stacked"])
        print(f"{name:45s} {a:12.3f} {b:10.3f} {b / a:5.2f}x  "
              f"{'identical' if apart == 0 else f'differ (up to {apart:.1e} relative)'}", flush=True)


def seconds(fn, case) -> float:
    start = time.perf_counter()
    fn(case)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 repeats, one MNIST epoch")
    parser.add_argument("--only", nargs="*", default=None, help="cases whose name contains one of these words")
    parser.add_argument("--sweep", action="store_true", help="then a learning-rate sweep, one by one and stacked")
    args = parser.parse_args()
    repeats = 3 if args.quick else args.repeats
    torch.set_num_threads(1)  # as the app trains a session (core.devices.share_the_cores), and as issue 27 measured
    chosen = [c for c in cases(args.quick) if not args.only or any(w.lower() in c.name.lower() for w in args.only)]
    began, load = time.perf_counter(), os.getloadavg()
    print(f"torch {torch.__version__}, 1 thread, {os.cpu_count()} cores, median of {repeats}, interleaved; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'case':62s} {'batch':>5s} {'core s':>8s} {'bare s':>8s} {'ratio':>7s} {'target':>6s} met  "
          "final loss: core, bare")
    for case in chosen:
        ours = core_run(case)  # also the warm-ups
        same_run = differ(ours, bare_run(case, as_core=True))
        assert same_run < 1e-5, f"{case.name}: core and the bare loop trained different runs ({same_run:.2g})"
        default = bare_run(case)
        times = {"core": [], "bare": []}
        for i in range(repeats):  # core first, then bare first: neither always runs after the other
            for way, fn in ((("core", core_run), ("bare", bare_run)) if i % 2 == 0 else
                            (("bare", bare_run), ("core", core_run))):
                times[way].append(seconds(fn, case))
        c, b = statistics.median(times["core"]), statistics.median(times["bare"])
        ratio = c / b
        print(f"{case.name:62s} {case.batch:5d} {c:8.3f} {b:8.3f} {ratio:6.3f}x {case.target:5.2f}x "
              f"{'yes' if ratio <= case.target else 'NO ':3s}  {ours[-1]:.6g}, {default[-1]:.6g}",
              flush=True)
    if args.sweep:
        sweep_report(repeats)
    load = os.getloadavg()
    print(f"{time.perf_counter() - began:.0f} s in all; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
