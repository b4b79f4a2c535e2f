"""What training health costs: the same runs with and without a core.health.Watch, side by side.

    python bench/health_cost.py [--repeats 5] [--busy]

Runs, each `repeats` times interleaved (the median counts; the machine is shared and noisy, so only the
ratio measured in one run means anything):
1. an MNIST MLP epoch (the bundled 4,000 digits three times over, Adam, batches of 64);
2. an MNIST CNN epoch on the 4,000 digits;
3. Sine's network, 2,000 full-batch epochs on 1,000 points (a Watch every 10th epoch).
With a Watch: core.Experiment.start, as the pages train. Without: the same Run with no Watch.
--busy: the same, while another process trains a network on the other core (a classroom server is rarely idle).
"""
import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import core  # noqa: E402


def _busy() -> None:
    torch.set_num_threads(1)
    model = core.models.mlp(seed=0)
    x, y = torch.randn(4096, 784), torch.randint(0, 10, (4096,))
    core.train(model, core.losses.cross_entropy, x, y, core.TrainConfig(epochs=10_000, batch_size=64))


def seconds(experiment: core.Experiment, cfg: core.TrainConfig, watched: bool) -> float:
    run = experiment.start(cfg)
    if not watched:  # the same model, optimizer and data, and no hooks
        run = core.Run(run.model, experiment.loss_fn, experiment.x, experiment.y, cfg)
    assert (run.health is not None) == watched
    begun = time.perf_counter()
    run.advance()
    return time.perf_counter() - begun


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--busy", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)  # as the app runs a session's training
    x, y, _, _, _ = core.data.load_mnist("sample")
    sine_x, sine_y = core.data.sine(1000)
    cases = {
        "MNIST MLP epoch (12,000 digits)": (
            core.Experiment(make_model=lambda seed: core.models.mlp(seed=seed), loss_fn=core.losses.cross_entropy,
                            x=x.repeat(3, 1, 1, 1), y=y.repeat(3), recipe=None),
            core.TrainConfig(lr=1e-3, epochs=1, optimizer="adam", batch_size=64)),
        "MNIST CNN epoch (4,000 digits)": (
            core.Experiment(make_model=lambda seed: core.models.cnn(seed=seed), loss_fn=core.losses.cross_entropy,
                            x=x, y=y, recipe=None),
            core.TrainConfig(lr=1e-3, epochs=1, optimizer="adam", batch_size=64)),
        "Sine network, 2,000 full-batch epochs": (
            core.Experiment(make_model=lambda seed: core.models.mlp((32, 32), "tanh", 1, 1, seed=seed),
                            loss_fn=core.losses.sum_of_squares, x=sine_x, y=sine_y, recipe=None),
            core.TrainConfig(lr=0.002, epochs=2000, optimizer="adam")),
    }
    busy = multiprocessing.Process(target=_busy, daemon=True) if args.busy else None
    if busy:
        busy.start()
        time.sleep(1)
    print(f"{'busy' if busy else 'quiet'} machine, {args.repeats} repeats, median seconds")
    for name, (experiment, cfg) in cases.items():
        seconds(experiment, cfg, True)  # warm up
        times = {True: [], False: []}
        for _ in range(args.repeats):
            for watched in (False, True):
                times[watched].append(seconds(experiment, cfg, watched))
        bare, watched = statistics.median(times[False]), statistics.median(times[True])
        print(f"{name:40s} without {bare:7.3f}  with a Watch {watched:7.3f}  ratio {watched / bare:.3f}")
    if busy:
        busy.terminate()


if __name__ == "__main__":
    main()
