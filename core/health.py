"""Training health, layer by layer: why a network learns or does not.

A Watch hangs on a run's optimizer and, at the last step of an epoch (of every `stride`-th epoch on a long
full-batch run), takes each weighted layer's gradient norm and the size of that step against the weights
(update/weight: about 1e-3 is healthy). Everything else is read from the model when a picture is drawn:
the weights and gradients as they are (histograms), and, on a batch of the training data, the share of
ReLU units that never fire and of Tanh and Sigmoid units pinned at their bounds. `diagnose` names what
went wrong, as message codes the language tables word.
"""
import math
from dataclasses import dataclass, field

import torch
from torch import nn

from .models import WEIGHTED

MOST_POINTS = 200       # the epochs a Watch keeps at most on a run of many epochs (Sine: 2,000)
PROBE = 512             # training examples the unit shares are measured on
SATURATED = 0.99        # a Tanh output beyond +-0.99, a Sigmoid one beyond 0.01 and 0.99: its slope is about 0
PINNED_SHARE = 0.9      # a unit is saturated when it is so on this share of the examples or more
BINS = 24               # bars of a histogram

# what the diagnoses look for
VANISHING = 1e-4        # the first layer's gradient norm at most this times the last layer's
EXPLODING = 10.0        # the gradient norm grown this many times ...
EXPLODING_EPOCHS = 3    # ... within this many epochs
DEAD_SHARE = 0.5        # over half of a ReLU layer never fires
TINY_STEPS = 1e-6       # update/weight under this in every layer: nothing moves
NO_GRADIENT = 1e-12     # a gradient norm under this is none at all


def weighted_layers(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """The layers with weights, named "Linear 1", "Conv2d 2"... in forward order (the root module itself is
    not one: a page whose model is one nn.Linear has no layers to compare)."""
    found = [m for name, m in model.named_modules() if name and isinstance(m, WEIGHTED)]
    return [(f"{type(m).__name__} {i}", m) for i, m in enumerate(found, 1)]


@dataclass
class Series:
    """What a Watch took, one entry per measured epoch."""
    epochs: list[int] = field(default_factory=list)                  # 1-based, as the pages count
    grad_norm: dict[str, list[float]] = field(default_factory=dict)  # layer -> its weight's gradient norm
    ratio: dict[str, list[float | None]] = field(default_factory=dict)  # layer -> |update| / |weight|


class Watch:
    """Training health of one run, taken by hooks on its optimizer: no work at any step but an epoch's last."""

    def __init__(self, model: nn.Module, optimizer: torch.optim.Optimizer, hist, steps_per_epoch: int, epochs: int):
        self.layers = weighted_layers(model)
        self.series = Series()
        self._hist, self._steps_per_epoch = hist, steps_per_epoch
        self._stride = max(1, math.ceil(epochs / MOST_POINTS))
        self._epochs = epochs
        self._before: list[torch.Tensor] | None = None
        optimizer.register_step_pre_hook(self._pre)
        optimizer.register_step_post_hook(self._post)

    def _measured(self, epoch: int) -> bool:
        """0-based epoch: every stride-th, and the last."""
        return (epoch + 1) % self._stride == 0 or epoch == self._epochs - 1

    def _pre(self, optimizer, args, kwargs) -> None:
        step = self._hist.steps  # steps taken before this one (core.training counts after the step)
        last_of_epoch = (step + 1) % self._steps_per_epoch == 0
        epoch = step // self._steps_per_epoch
        if not (last_of_epoch and self._measured(epoch)) or not self.layers:
            return
        s = self.series
        s.epochs.append(epoch + 1)
        for name, layer in self.layers:
            grad = layer.weight.grad
            s.grad_norm.setdefault(name, []).append(0.0 if grad is None else grad.norm().item())
        self._before = [layer.weight.detach().clone() for _, layer in self.layers]

    def _post(self, optimizer, args, kwargs) -> None:
        if self._before is None:
            return
        for (name, layer), before in zip(self.layers, self._before):
            size = before.norm().item()
            moved = (layer.weight.detach() - before).norm().item()
            self.series.ratio.setdefault(name, []).append(moved / size if size > 0 else None)
        self._before = None


def watch(run) -> Watch | None:
    """A Watch on a core.Run, if its model has layers with weights (a network, not a line or the cubic)."""
    from .training import batches  # core.training builds Runs; it does not need this module
    if not weighted_layers(run.model):
        return None
    return Watch(run.model, run.optimizer, run.hist, batches(len(run.x), run.cfg.batch_size), run.cfg.epochs)


# Read from the model as it is -----------------------------------------------------------------------

@dataclass(frozen=True)
class Histogram:
    layer: str
    of: str                 # "weight" | "grad"
    edges: list[float]      # BINS + 1 edges
    counts: list[int]


def histograms(model: nn.Module) -> list[Histogram]:
    """Each weighted layer's weights and, where a step has left them, gradients, as BINS bars."""
    out = []
    for name, layer in weighted_layers(model):
        for of, tensor in (("weight", layer.weight.detach()), ("grad", layer.weight.grad)):
            if tensor is None:
                continue
            values = tensor.detach().float().flatten().cpu()
            lo, hi = values.min().item(), values.max().item()
            if not (math.isfinite(lo) and math.isfinite(hi)):
                continue
            if hi - lo < 1e-12:  # all one value (zeros init): one bar around it
                lo, hi = lo - 0.5, hi + 0.5
            counts = torch.histc(values, BINS, lo, hi)
            step = (hi - lo) / BINS
            out.append(Histogram(name, of, [lo + i * step for i in range(BINS + 1)], [int(c) for c in counts]))
    return out


@dataclass(frozen=True)
class Units:
    """One activation layer's units on a batch of the training data."""
    layer: str        # the weighted layer it follows: "Linear 1"
    activation: str   # "ReLU" | "Tanh" | "Sigmoid"
    units: int
    stuck: int        # ReLU: never fires (dead); Tanh, Sigmoid: pinned at a bound (saturated)

    @property
    def share(self) -> float:
        return self.stuck / self.units if self.units else 0.0

    @property
    def kind(self) -> str:
        return "dead" if self.activation == "ReLU" else "saturated"


def units(model: nn.Module, x: torch.Tensor) -> list[Units]:
    """For each ReLU, Tanh and Sigmoid in the model, how many of its units are stuck on the first PROBE
    examples of x. A unit is a feature of a Linear layer's output, a channel of a convolution's."""
    layers = weighted_layers(model)
    follows, current = {}, None
    for module in model.modules():  # each activation after the weighted layer before it
        named = next((name for name, m in layers if m is module), None)
        current = named or current
        if isinstance(module, (nn.ReLU, nn.Tanh, nn.Sigmoid)):
            follows[module] = current
    if not follows:
        return []
    seen: dict[nn.Module, torch.Tensor] = {}

    def hook(module, inputs, output):
        seen[module] = output.detach()

    handles = [m.register_forward_hook(hook) for m in follows]
    device = next(model.parameters()).device
    training = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(x[:PROBE].to(device))
    finally:
        model.train(training)
        for h in handles:
            h.remove()
    out = []
    for module, layer in follows.items():
        a = seen[module]  # (N, units) or (N, channels, H, W)
        if isinstance(module, nn.ReLU):
            fires = (a > 0).flatten(2).any(2) if a.dim() > 2 else a > 0   # (N, units)
            stuck = ~fires.any(0)                                         # never, on any example
        else:
            low, high = (-SATURATED, SATURATED) if isinstance(module, nn.Tanh) else (1 - SATURATED, SATURATED)
            pinned = (a <= low) | (a >= high)
            pinned = pinned.flatten(2).float().mean(2) if a.dim() > 2 else pinned.float()
            stuck = pinned.mean(0) >= PINNED_SHARE
        out.append(Units(layer or "input", type(module).__name__, stuck.numel(), int(stuck.sum())))
    return out


# What went wrong ------------------------------------------------------------------------------------

def diagnose(series: Series, unit_shares: list[Units], loss: list[float] = (),
             diverged: bool = False) -> list[tuple[str, dict]]:
    """The named problems this run shows, as (message code, values to word it with), in the order a
    person should fix them; [] for a healthy run. Codes: no_gradient, vanishing, exploding, dead, tiny_steps.

    loss: the run's loss an epoch (History.loss). Gradients that grow while the loss falls are a network
    leaving a flat start, not exploding: exploding is growth with the loss rising, or a run that diverged."""
    found = []
    norms = series.grad_norm
    names = list(norms)
    if names and series.epochs:
        latest = {n: norms[n][-1] for n in names}
        if len(names) > 1 and all(latest[n] < NO_GRADIENT for n in names[:-1]):
            found.append(("no_gradient", {"layers": len(names) - 1}))
        elif len(names) > 1 and latest[names[-1]] > 0 and latest[names[0]] <= VANISHING * latest[names[-1]]:
            found.append(("vanishing", {"first": names[0], "last": names[-1],
                                        "ratio": latest[names[0]] / latest[names[-1]]}))
        total = [math.sqrt(sum(norms[n][i] ** 2 for n in names)) for i in range(len(series.epochs))]
        start = max(len(total) - 1 - EXPLODING_EPOCHS, 0)
        low = min(range(start, len(total)), key=total.__getitem__)  # the smallest norm of the last few epochs
        grew = total[low] > 0 and math.isfinite(total[-1]) and total[-1] >= EXPLODING * total[low]
        epoch_low, epoch_now = series.epochs[low], series.epochs[-1]
        rising = len(loss) >= epoch_now and loss[epoch_now - 1] > loss[epoch_low - 1]
        finite = [v for v in total if math.isfinite(v)]
        if grew and rising:
            found.append(("exploding", {"growth": total[-1] / total[low], "epochs": epoch_now - epoch_low}))
        elif diverged and len(finite) > 1 and finite[-1] > finite[0] > 0:  # the last norms may be inf already
            found.append(("exploding", {"growth": finite[-1] / finite[0], "epochs": len(finite) - 1}))
    for u in unit_shares:
        if u.kind == "dead" and u.share > DEAD_SHARE:
            found.append(("dead", {"layer": u.layer, "share": u.share, "stuck": u.stuck, "units": u.units}))
    ratios = [r[-1] for r in series.ratio.values() if r and r[-1] is not None]
    if ratios and max(ratios) < TINY_STEPS and not any(code == "no_gradient" for code, _ in found):
        found.append(("tiny_steps", {"ratio": max(ratios)}))
    return found
