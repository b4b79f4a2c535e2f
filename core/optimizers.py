"""Every optimizer and learning-rate schedule the playground offers, each written down once.

An entry says how to build it, which of TrainConfig's knobs it takes (the sidebar shows just those)
and the line of code the code panel prints. Its one-sentence help lives in the language tables under
"optimizer.help.<name>" and "schedule.help.<name>". Adding an optimizer is adding an entry here.
"""
from dataclasses import dataclass
from typing import Callable

import torch

from . import code_lines

# TrainConfig fields an optimizer may take besides lr (the sidebar's knobs)
KNOBS = ("momentum", "nesterov", "weight_decay")


@dataclass(frozen=True)
class Optimizer:
    label: str                                   # its name in PyTorch, the same in every language
    make: Callable[..., torch.optim.Optimizer]   # (params, cfg) -> the optimizer
    knobs: tuple[str, ...]                       # which of KNOBS it takes
    code: str                                    # the code panel's line; {lr} and the knobs are filled in


# fused=True: PyTorch's one-kernel step over every parameter at once, for SGD, Adam and AdamW on the CPU, CUDA
# and MPS, where the default steps parameter by parameter, a few small operations each. On one CPU thread
# here a step of Adam took a third of the default's time on the MNIST MLP (bench/loop_speed.py). Its sums
# may round apart from the default's in the last digits, so the script builds it too (`code`), and the page
# and the script agree because they run the same code. RMSprop has no fused step; Adagrad's is not made for
# MPS, so both keep the default.

def _sgd(params, cfg):
    # torch refuses Nesterov without momentum; the sidebar only offers it with momentum
    return torch.optim.SGD(params, lr=cfg.lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay,
                           nesterov=cfg.nesterov and cfg.momentum > 0, fused=True)


OPTIMIZERS: dict[str, Optimizer] = {
    "sgd": Optimizer("SGD", _sgd, ("momentum", "nesterov", "weight_decay"),
                     "torch.optim.SGD(model.parameters(), lr={lr}, momentum={momentum}, "
                     "nesterov={nesterov}, weight_decay={weight_decay}, fused=True)"),
    "rmsprop": Optimizer("RMSprop", lambda params, cfg: torch.optim.RMSprop(
        params, lr=cfg.lr, momentum=cfg.momentum, weight_decay=cfg.weight_decay), ("momentum", "weight_decay"),
        "torch.optim.RMSprop(model.parameters(), lr={lr}, momentum={momentum}, weight_decay={weight_decay})"),
    "adagrad": Optimizer("Adagrad", lambda params, cfg: torch.optim.Adagrad(
        params, lr=cfg.lr, weight_decay=cfg.weight_decay), ("weight_decay",),
        "torch.optim.Adagrad(model.parameters(), lr={lr}, weight_decay={weight_decay})"),
    "adam": Optimizer("Adam", lambda params, cfg: torch.optim.Adam(
        params, lr=cfg.lr, weight_decay=cfg.weight_decay, fused=True), ("weight_decay",),
        "torch.optim.Adam(model.parameters(), lr={lr}, weight_decay={weight_decay}, fused=True)"),
    "adamw": Optimizer("AdamW", lambda params, cfg: torch.optim.AdamW(
        params, lr=cfg.lr, weight_decay=cfg.weight_decay, fused=True), ("weight_decay",),
        "torch.optim.AdamW(model.parameters(), lr={lr}, weight_decay={weight_decay}, fused=True)"),
}


@dataclass(frozen=True)
class Schedule:
    make: Callable[..., object] | None   # (optimizer, epochs) -> an LR scheduler; None: the rate stays
    code: str                            # the code panel's line; {epochs} and {step_size} filled in


SCHEDULES: dict[str, Schedule] = {
    "constant": Schedule(None, ""),
    # a tenth of the rate after each third of the run
    "step": Schedule(lambda opt, epochs: torch.optim.lr_scheduler.StepLR(opt, step_size=step_size(epochs), gamma=0.1),
                     "torch.optim.lr_scheduler.StepLR(optimizer, step_size={step_size}, gamma=0.1)"),
    # down half a cosine wave, from lr to 0 at the last epoch
    "cosine": Schedule(lambda opt, epochs: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs),
                       "torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max={epochs})"),
}


def step_size(epochs: int) -> int:
    return max(1, epochs // 3)


def build(params, cfg) -> tuple[torch.optim.Optimizer, object | None]:
    """The optimizer and the schedule (None when constant) that cfg describes, over `params`."""
    optimizer = OPTIMIZERS[cfg.optimizer].make(params, cfg)
    schedule = SCHEDULES[cfg.schedule].make
    return optimizer, (schedule(optimizer, cfg.epochs) if schedule else None)


def code(cfg) -> str:
    """The lines that build cfg's optimizer (and schedule) in a script."""
    values = {"lr": repr(cfg.lr), "momentum": repr(cfg.momentum), "nesterov": repr(cfg.nesterov and cfg.momentum > 0),
              "weight_decay": repr(cfg.weight_decay), "epochs": cfg.epochs, "step_size": step_size(cfg.epochs)}
    call = OPTIMIZERS[cfg.optimizer].code.format(**values)            # "torch.optim.X(args)"
    name, args = call.split("(", 1)
    lines = code_lines.packed(f"optimizer = {name}(", args[:-1].split(", "), ")")  # within a line's width
    if SCHEDULES[cfg.schedule].code:
        lines += "\nscheduler = " + SCHEDULES[cfg.schedule].code.format(**values)
    return lines


def move_state(optimizer: torch.optim.Optimizer, device) -> None:
    """Move an optimizer's running averages to `device` (a run resumed on another device keeps them).

    The step count stays on the CPU, where the default implementations keep it, except for a fused one,
    whose kernel reads it beside the weights."""
    fused = any(group.get("fused") for group in optimizer.param_groups)
    for state in optimizer.state.values():
        for key, value in state.items():
            if torch.is_tensor(value) and (key != "step" or fused):
                state[key] = value.to(device)
