"""What a page trains, everything but the knobs: one description the Train panel, the runs list and
the code panel all read, so a page says it once."""
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import torch
from torch import nn

from . import health
from .codegen import Recipe
from .training import GradFn, LossFn, Metric, Run, TrainConfig


@dataclass(eq=False)  # holds tensors: two experiments are never compared field by field
class Experiment:
    make_model: Callable[..., nn.Module]     # make_model(seed=...) -> a fresh model: one seed, the same weights
    loss_fn: LossFn
    x: torch.Tensor
    y: torch.Tensor
    recipe: Recipe                           # its code, for the code panel's script
    inputs: dict = field(default_factory=dict)  # the page's settings that decide data and model: {"dataset": "hours"}
    metrics: dict[str, Metric] | None = None
    grad_fn: GradFn | None = None
    penalty: Callable[[nn.Module], torch.Tensor] | None = None  # added to the loss, from the weights (L1, L2)
    setup: object = None  # what the page built it from, for its pictures (Classify: its points, core.classify.Plane)

    def start(self, cfg: TrainConfig) -> Run:
        """A new run of this experiment under cfg, from the weights cfg.seed gives."""
        model = self.make_model(seed=cfg.seed)
        loss_fn = self.loss_fn
        if self.penalty is not None:
            def loss_fn(y_hat: torch.Tensor, y: torch.Tensor, base=self.loss_fn, penalty=self.penalty) -> torch.Tensor:
                return base(y_hat, y) + penalty(model)
        run = Run(model, loss_fn, self.x, self.y, cfg, self.metrics, self.grad_fn)
        # a picture of "before" for this run, whatever the page says now
        run.fresh = partial(self.make_model, seed=cfg.seed)
        run.inputs = dict(self.inputs)                  # and what it was trained on, whatever the page says now
        run.experiment = self                           # and all of what it came from
        run.health = health.watch(run)                  # a network's layers, once an epoch (None for a line)
        return run
