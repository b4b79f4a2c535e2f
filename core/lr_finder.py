"""A learning-rate finder: Smith's range test ("Cyclical Learning Rates for Training Neural Networks",
2017, as fastai's lr_find runs it). From a page's starting weights, train a few dozen steps with the
rate growing exponentially from START to END, stop once the loss is BLOWUP times its best, and suggest
the rate where the smoothed loss fell fastest. It trains a model of its own: the page's model and runs
stay as they are."""
import math
from dataclasses import dataclass, replace

import torch

from . import optimizers
from .experiment import Experiment
from .training import TrainConfig

START, END = 1e-7, 10.0
BLOWUP = 4.0            # the test ends once the loss is this many times the best it has seen
BATCHED_STEPS = 100     # steps for a page that trains in batches
FULL_BATCH_STEPS = 60   # and for one that takes one step an epoch over a few points
SMOOTHING = 0.7         # the weight of the past in the smoothed loss (fastai: 0.98 over 100s of steps)


@dataclass
class Finding:
    rates: list[float]    # the rate of each step taken
    losses: list[float]   # the loss before each step (the batch's, when batched)
    smoothed: list[float]
    suggested: float | None  # the rate of the steepest fall of the smoothed loss; None if it never fell


def range_test(experiment: Experiment, cfg: TrainConfig, steps: int | None = None) -> Finding:
    """The range test of `experiment` under cfg's optimizer, batch size and seed (not its lr or epochs)."""
    model = experiment.make_model(seed=cfg.seed)
    x, y = experiment.x, experiment.y
    steps = steps or (BATCHED_STEPS if cfg.batch_size else FULL_BATCH_STEPS)
    optimizer, _ = optimizers.build(model.parameters(), replace(cfg, lr=START, schedule="constant"))
    order = torch.Generator().manual_seed(cfg.seed)
    batch = min(cfg.batch_size or len(x), len(x))
    picks = torch.randperm(len(x), generator=order)
    rates, losses = [], []
    model.train()
    for i in range(steps):
        rate = START * (END / START) ** (i / (steps - 1))
        for group in optimizer.param_groups:
            group["lr"] = rate
        if batch < len(x):  # the next batch of a seeded shuffle, shuffled again once used up
            at = (i * batch) % len(x)
            if at + batch > len(x):
                picks, at = torch.randperm(len(x), generator=order), 0
            idx = picks[at:at + batch]
            xb, yb = x[idx], y[idx]
        else:
            xb, yb = x, y
        loss = experiment.loss_fn(model(xb), yb)
        if experiment.penalty is not None:
            loss = loss + experiment.penalty(model)
        value = loss.item()
        if not math.isfinite(value) or (losses and value > BLOWUP * min(losses)):
            break
        rates.append(rate)
        losses.append(value)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    smoothed = _smooth(losses)
    return Finding(rates, losses, smoothed, _steepest(rates, smoothed))


def _smooth(losses: list[float]) -> list[float]:
    """An exponential moving average with its start's bias removed, as fastai smooths it."""
    out, avg = [], 0.0
    for i, v in enumerate(losses):
        avg = SMOOTHING * avg + (1 - SMOOTHING) * v
        out.append(avg / (1 - SMOOTHING ** (i + 1)))
    return out


def _steepest(rates: list[float], smoothed: list[float]) -> float | None:
    """The rate where the smoothed loss falls fastest against log(rate); None where it never falls."""
    slopes = [(smoothed[i + 1] - smoothed[i]) / (math.log(rates[i + 1]) - math.log(rates[i]))
              for i in range(len(rates) - 1)]
    if not slopes or min(slopes) >= 0:
        return None
    return rates[slopes.index(min(slopes))]
