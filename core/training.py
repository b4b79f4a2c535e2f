"""The one training loop that every page drives: TrainConfig in, History out.

`steps()` is the loop itself, written as a generator that yields after every optimizer step, so a UI
can run a little, redraw, and carry on. `Run` wraps it for that use, and `train()` runs it to the end.
"""
import math
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

import torch
from torch import nn

from . import devices, malloc, memory, optimizers

BATCH_LOG = 10  # mini-batch runs log their loss every this many steps, for a live curve within an epoch
LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]
Metric = Callable[[nn.Module], float]
# Gradients by hand: (model, x, y) -> one gradient tensor per model.parameters(), in order.
GradFn = Callable[[nn.Module, torch.Tensor, torch.Tensor], list[torch.Tensor]]


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a run's numbers, besides the model, the data and the loss."""
    lr: float = 0.01
    epochs: int = 100
    momentum: float = 0.0          # SGD and RMSprop (see core.optimizers: the knobs each takes)
    optimizer: str = "sgd"         # a key of core.optimizers.OPTIMIZERS: "sgd", "adam"...
    batch_size: int | None = None  # None: full batch, one step per epoch
    device: str = "cpu"            # "cpu" | "cuda" | "mps" | "auto"
    seed: int = 0                  # seeds the batch order; models take their own seed
    weight_decay: float = 0.0      # torch.optim's meaning (L2 for SGD and Adam, decoupled for AdamW)
    nesterov: bool = False         # SGD with momentum only
    schedule: str = "constant"     # a key of core.optimizers.SCHEDULES: "constant", "step", "cosine"
    patience: int = 0              # early stopping: end when the test loss has not fallen for this many epochs (0: off)

    def __post_init__(self):
        if not (isinstance(self.lr, (int, float)) and math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"lr must be a positive finite number, not {self.lr!r}")
        if not (isinstance(self.epochs, int) and self.epochs >= 1):
            raise ValueError(f"epochs must be a whole number >= 1, not {self.epochs!r}")
        if not (isinstance(self.momentum, (int, float)) and 0 <= self.momentum < 1):
            raise ValueError(f"momentum must be in [0, 1), not {self.momentum!r}")
        if self.optimizer not in optimizers.OPTIMIZERS:  # read now: a new entry there is all it takes
            raise ValueError(f"optimizer must be one of {tuple(optimizers.OPTIMIZERS)}, not {self.optimizer!r}")
        if self.schedule not in optimizers.SCHEDULES:
            raise ValueError(f"schedule must be one of {tuple(optimizers.SCHEDULES)}, not {self.schedule!r}")
        if not (isinstance(self.weight_decay, (int, float)) and 0 <= self.weight_decay < math.inf):
            raise ValueError(f"weight_decay must be a finite number >= 0, not {self.weight_decay!r}")
        if not isinstance(self.nesterov, bool):
            raise ValueError(f"nesterov must be True or False, not {self.nesterov!r}")
        if not (isinstance(self.patience, int) and not isinstance(self.patience, bool) and self.patience >= 0):
            raise ValueError(f"patience must be a whole number >= 0, not {self.patience!r}")
        if self.batch_size is not None and not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise ValueError(f"batch_size must be None or a whole number >= 1, not {self.batch_size!r}")


# the names a History records the measurements most runs share under (History.metrics), spelt once
TRAIN_LOSS, TEST_LOSS = "train loss", "test loss"
TRAIN_ACCURACY, TEST_ACCURACY = "train accuracy", "test accuracy"


@dataclass
class History:
    """What a run learned, epoch by epoch."""
    loss: list[float] = field(default_factory=list)     # one a finished epoch (see train())
    metrics: dict[str, list[float]] = field(default_factory=dict)  # name -> one value an epoch
    diverged: bool = False
    diverged_epoch: int | None = None  # the 0-based epoch whose loss was not finite
    stopped: bool = False
    early_stop: int | None = None      # the epoch (1-based) early stopping ended the run after, if it did
    seconds: float = 0.0               # time spent training, redraws not counted
    steps: int = 0                     # optimizer steps taken
    device: str = "cpu"
    error: str | None = None           # why the run broke off (a device that failed), if it did
    batch_loss: list[float] = field(default_factory=list)  # mini-batches: mean loss of each BATCH_LOG steps
    lr: list[float] = field(default_factory=list)          # the learning rate each finished epoch used


@dataclass
class Progress:
    """Where the loop is, yielded after every optimizer step."""
    epoch: int             # 0-based epoch of the step just taken
    step: int              # 1-based step within that epoch
    steps_per_epoch: int
    loss: torch.Tensor     # this step's loss, detached, still on the device (no sync forced)
    epoch_end: bool


def steps(model: nn.Module, loss_fn: LossFn, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig,
          hist: History, metrics: dict[str, Metric] | None = None,
          grad_fn: GradFn | None = None, start_epoch: int = 0,
          optimizer: torch.optim.Optimizer | None = None, scheduler=None) -> Iterator[Progress]:
    """The training loop: forward, loss, backward, step. Fills `hist` as it goes.

    Full batch (batch_size None): one step an epoch, hist.loss[i] is the loss before step i.
    Mini-batches: a seeded permutation each epoch, hist.loss[i] is the mean batch loss of epoch i.
    A loss that is not finite ends the loop with hist.diverged set, before any step on it.
    grad_fn: gradients derived by hand instead of loss.backward(); autograd is then switched off.
    start_epoch: carry on from there (a run resumed on another device); the batch order is seeded anew.
    optimizer, scheduler: built by the caller, who can then keep, resume or compare them; when no
    optimizer is given, cfg's optimizer and schedule are built here (core.optimizers).
    """
    device = devices.resolve(cfg.device)
    hist.device = str(device)
    model.to(device)
    x, y = x.to(device), y.to(device)  # the whole data set stays on the device: no per-sample work
    if optimizer is None:
        optimizer, scheduler = optimizers.build(model.parameters(), cfg)
    # what optimizer.zero_grad() clears, cleared by hand: the same None, without the profiler record it opens
    # (about 6 us, of about 150 us a step for the line on 3 points here; PyTorch's tuning guide suggests it)
    params = [p for group in optimizer.param_groups for p in group["params"]]
    order_gen = torch.Generator().manual_seed(cfg.seed)
    n = len(x)
    full = cfg.batch_size is None
    batch = n if full else min(cfg.batch_size, n)
    steps_per_epoch = batches(n, cfg.batch_size)
    model.train()
    window: list[torch.Tensor] = []  # the batch losses since the last BATCH_LOG boundary, across epochs
    for epoch in range(start_epoch, cfg.epochs):
        if not full:
            # the epoch's batches of indices, as views of one permutation (the last batch short)
            order = torch.randperm(n, generator=order_gen).to(device).split(batch)
            total = torch.zeros((), device=device)
        for i in range(steps_per_epoch):
            if full:
                xb, yb = x, y
            else:
                idx = order[i]
                xb, yb = x.index_select(0, idx), y.index_select(0, idx)  # x[idx], y[idx]: the same rows, less Python
            if torch.is_grad_enabled() == (grad_fn is None):  # as it should be: no context to enter and leave
                loss = loss_fn(model(xb), yb)
            else:
                with torch.set_grad_enabled(grad_fn is None):
                    loss = loss_fn(model(xb), yb)
            if full:
                # full batch: the loss before this step is the epoch's, read once (a plain read on the CPU, a
                # sync on an accelerator), and a loss that is not finite is caught before the step would use it
                epoch_loss = loss.item()
                if not math.isfinite(epoch_loss):
                    break
            for p in params:
                p.grad = None
            if grad_fn is None:
                loss.backward()
            else:
                for p, g in zip(model.parameters(), grad_fn(model, xb, yb)):
                    p.grad = g
            optimizer.step()
            hist.steps += 1
            batch_loss = loss.detach()
            if not full:
                total += batch_loss  # in the script's order, so the epoch's mean is the script's to the last digit
                window.append(batch_loss)
                if len(window) == BATCH_LOG:
                    hist.batch_loss.append(torch.stack(window).sum().item() / BATCH_LOG)  # a sync every BATCH_LOG steps
                    window.clear()
            last = i == steps_per_epoch - 1
            if last:
                if not full:
                    epoch_loss = total.item() / steps_per_epoch  # one sync an epoch
                    if not math.isfinite(epoch_loss):
                        break
                measured = {}
                if metrics:  # measured before anything is recorded, so loss and metrics stay in step
                    model.eval()
                    with torch.no_grad():
                        measured = {name: float(fn(model)) for name, fn in metrics.items()}
                    model.train()
                hist.loss.append(epoch_loss)
                for name, value in measured.items():
                    hist.metrics.setdefault(name, []).append(value)
                hist.lr.append(optimizer.param_groups[0]["lr"])
                if scheduler is not None:
                    scheduler.step()  # once an epoch, after the epoch it set the rate for
                if cfg.patience and _no_better(hist.metrics.get(TEST_LOSS, []), cfg.patience):
                    hist.early_stop = epoch + 1  # the model keeps its last weights, as the script's does
                    yield Progress(epoch, i + 1, steps_per_epoch, batch_loss, last)
                    return
            yield Progress(epoch, i + 1, steps_per_epoch, batch_loss, last)
        else:
            continue
        hist.diverged, hist.diverged_epoch = True, epoch
        return


def _no_better(test_loss: list[float], patience: int) -> bool:
    """Early stopping's rule: the last `patience` epochs found no test loss below the best before them."""
    if len(test_loss) <= patience:
        return False
    return min(test_loss[-patience:]) >= min(test_loss[:-patience])


def batches(n: int, batch_size: int | None) -> int:
    """Optimizer steps an epoch over n examples: one for the full batch, else one a batch (the last short)."""
    return math.ceil(n / (n if batch_size is None else min(batch_size, n)))


GROWTH = 10.0  # a loss this many times its first value is diverging, even while it is still finite


def blowing_up(loss: list[float]) -> int | None:
    """The first epoch (0-based) whose loss is GROWTH times the first epoch's: diverging, not yet infinite."""
    return next((i for i, v in enumerate(loss) if v > GROWTH * loss[0] > 0), None) if loss else None


class Run:
    """A training run that a UI advances a little at a time; the model is trained in place."""

    def __init__(self, model: nn.Module, loss_fn: LossFn, x: torch.Tensor, y: torch.Tensor,
                 cfg: TrainConfig, metrics: dict[str, Metric] | None = None, grad_fn: GradFn | None = None,
                 hist: History | None = None, optimizer: torch.optim.Optimizer | None = None, scheduler=None):
        self.model, self.cfg = model, cfg
        self.x, self.y = x, y  # the data as given, for pictures of the run
        self._loss_fn, self._metrics, self._grad_fn = loss_fn, metrics, grad_fn
        device = devices.resolve(cfg.device)  # an absent device is a ValueError now, where the caller can catch it
        if optimizer is None:  # the run owns its optimizer and schedule, as pytorch/examples' main() does
            model.to(device)   # (built after the move, so their state is made where the weights live)
            optimizer, scheduler = optimizers.build(model.parameters(), cfg)
        self.optimizer, self.scheduler = optimizer, scheduler
        self.hist = hist if hist is not None else History()
        self.last: Progress | None = None
        self.done = False
        # set by core.Experiment: the run's starting weights made again, and the page's settings it was trained on
        self.fresh: Callable[[], nn.Module] | None = None
        self.inputs: dict = {}
        self.experiment = None  # the core.Experiment it was started from, if it was
        self.health = None      # a core.health.Watch on its optimizer, for a network started by an Experiment
        # Two script runs of one session can overlap (a rerun starts while a live redraw is still
        # training); only one may drive the loop at a time, the other leaves it be.
        self._busy = threading.Lock()
        self._stop_wanted = False
        self._steps = steps(model, loss_fn, x, y, cfg, self.hist, metrics, grad_fn, start_epoch=len(self.hist.loss),
                            optimizer=optimizer, scheduler=scheduler)

    @property
    def fraction(self) -> float:
        """How much of the run is done, in [0, 1]."""
        if self.done and not (self.hist.stopped or self.hist.diverged or self.hist.error):
            return 1.0
        if self.last is None:  # nothing trained yet by this Run: a run resumed on the CPU starts where it broke off
            return min(len(self.hist.loss) / self.cfg.epochs, 1.0)
        return (self.last.epoch + self.last.step / self.last.steps_per_epoch) / self.cfg.epochs

    @property
    def total_steps(self) -> int:
        """Optimizer steps in the whole run, from its first epoch: what a UI paces a run by."""
        return self.cfg.epochs * batches(len(self.x), self.cfg.batch_size)

    def advance(self, seconds: float | None = None,
                on_epoch: Callable[[int, History], None] | None = None,
                should_stop: Callable[[], bool] | None = None, epochs: int | None = None,
                steps: int | None = None) -> bool:
        """Train until the run ends, `seconds` pass (after at least one step), `epochs` more epochs are
        done, `steps` more optimizer steps are taken, or should_stop() says so. Returns False, having
        done nothing, when another thread is advancing this run right now."""
        if not self._busy.acquire(blocking=False):
            return False
        if self._stop_wanted and not self.done:  # a Stop that came while another thread held the lock,
            self._close(stopped=True)            # after that thread's last look at the flag
            self._busy.release()
            return True
        # one of the server's compute slots (core.memory.COMPUTE); waiting at most one chunk's time, so a
        # redraw that finds every slot taken shows the picture as it is and tries again at the next. With no
        # time given (core.train), as long as it takes: a Semaphore's timeout=-1 is no wait at all, not forever
        if not memory.COMPUTE.acquire(timeout=None if seconds is None else seconds):
            self._busy.release()
            return False
        try:
            return self._advance(seconds, on_epoch, should_stop, epochs, steps)
        finally:
            memory.COMPUTE.release()
            malloc.give_back()  # this chunk's scratch memory back to the system while others take their turn
            self._busy.release()

    def _advance(self, seconds, on_epoch, should_stop, epochs, steps) -> bool:
        start = time.perf_counter()
        goal = None if epochs is None else len(self.hist.loss) + epochs  # epochs finished when we stop
        taken = 0
        try:
            for progress in self._steps:
                self.last = progress
                if progress.epoch_end and on_epoch is not None:
                    on_epoch(progress.epoch, self.hist)
                finished = progress.epoch_end and progress.epoch == self.cfg.epochs - 1
                if not finished and (self._stop_wanted or (should_stop is not None and should_stop())):
                    self._close(stopped=True)
                    return True
                if goal is not None and progress.epoch_end and progress.epoch + 1 >= goal and not finished:
                    return True
                taken += 1
                if steps is not None and taken >= steps and not finished:
                    return True
                if seconds is not None and time.perf_counter() - start >= seconds:
                    return True
            self.done = True
            return True
        finally:
            self.hist.seconds += time.perf_counter() - start

    def _close(self, stopped: bool) -> None:
        self._steps.close()
        self.hist.stopped = stopped and not self.done
        self.done = True

    def stop(self) -> None:
        """End the run early; the model keeps what it learned so far.

        If another thread is training it right now, that thread ends it at its next step.
        """
        self._stop_wanted = True
        if self._busy.acquire(blocking=False):
            try:
                if not self.done:
                    self._close(stopped=True)
            finally:
                self._busy.release()

    def fail(self, error: Exception) -> None:
        """The device broke off the run (out of memory, a lost driver): keep the history, say why."""
        self._steps.close()  # called by the thread that was advancing it, once the loop has raised
        self.hist.error = f"{type(error).__name__}: {error}"
        self.done = True

    def resume_on(self, device: str) -> "Run":
        """A run that carries on from the last finished epoch on `device`, with the weights and history so far.

        The optimizer's running averages and the schedule come along; raises ValueError when the
        weights cannot be read back from the device that failed.
        """
        try:
            target = devices.resolve(device)
            self.model.to(target)
            optimizers.move_state(self.optimizer, target)
        except RuntimeError as err:
            raise ValueError(f"the weights could not be moved off the failed device: {err}") from None
        self.hist.error = None
        resumed = Run(self.model, self._loss_fn, self.x, self.y, replace(self.cfg, device=device),
                   self._metrics, self._grad_fn, hist=self.hist, optimizer=self.optimizer, scheduler=self.scheduler)
        resumed.fresh, resumed.inputs, resumed.experiment = self.fresh, self.inputs, self.experiment
        resumed.health = self.health  # its hooks are on the optimizer, which carries on
        return resumed


def warm_up() -> None:
    """Take one step with each optimizer and schedule on a throwaway weight: the first optimizer a
    process makes imports torch._dynamo (about a second), which a student's first Train should not wait for."""
    for name in optimizers.OPTIMIZERS:
        for schedule in optimizers.SCHEDULES:
            weight = torch.zeros(1, requires_grad=True)
            optimizer, scheduler = optimizers.build([weight], TrainConfig(optimizer=name, schedule=schedule, epochs=3))
            (weight ** 2).sum().backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()


def train(model: nn.Module, loss_fn: LossFn, x: torch.Tensor, y: torch.Tensor, cfg: TrainConfig,
          on_epoch: Callable[[int, History], None] | None = None,
          should_stop: Callable[[], bool] | None = None,
          metrics: dict[str, Metric] | None = None, grad_fn: GradFn | None = None) -> History:
    """Train `model` in place and return its History.

    on_epoch(epoch, hist) runs after each epoch; should_stop() is checked between steps;
    metrics maps a name to fn(model) -> float, recorded at the end of each epoch;
    grad_fn gives gradients by hand in place of autograd.
    """
    run = Run(model, loss_fn, x, y, cfg, metrics, grad_fn)
    run.advance(on_epoch=on_epoch, should_stop=should_stop)
    return run.hist


def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """model(x) without gradients, computed where the model lives and returned on the CPU."""
    device = next(model.parameters()).device
    with torch.no_grad():
        return model(x.to(device)).cpu()


def compare(make_model: Callable[[], nn.Module], loss_fn: LossFn, x: torch.Tensor, y: torch.Tensor,
            configs: dict[str, TrainConfig], metrics: dict[str, Metric] | None = None,
            on_epoch: Callable[[str, int, History], None] | None = None,
            grad_fns: dict[str, GradFn] | None = None) -> dict[str, Run]:
    """Train a fresh make_model() under each named config, so every run starts from the same weights.

    grad_fns names the runs whose gradients come by hand rather than from autograd.
    """
    runs = {}
    for name, cfg in configs.items():
        runs[name] = Run(make_model(), loss_fn, x, y, cfg, metrics, (grad_fns or {}).get(name))
        runs[name].advance(on_epoch=None if on_epoch is None
                           else lambda epoch, hist, name=name: on_epoch(name, epoch, hist))
    return runs
