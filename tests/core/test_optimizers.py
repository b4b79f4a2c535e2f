"""Every optimizer with every schedule gives exactly a hand-written torch.optim loop's losses."""
import itertools
import math

import pytest
import torch

import core
from core import optimizers

KNOBS = dict(lr=0.05, momentum=0.5, weight_decay=0.01, nesterov=True)


def hand_loop(name: str, schedule: str, epochs: int, x, y) -> list[float]:
    """The tutorial's loop, written out with torch.optim alone."""
    model = core.models.linear(init="random")
    opt = {"sgd": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5, weight_decay=0.01, nesterov=True),
           "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.05, momentum=0.5, weight_decay=0.01),
           "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.05, weight_decay=0.01),
           "adam": lambda p: torch.optim.Adam(p, lr=0.05, weight_decay=0.01),
           "adamw": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.01)}[name](model.parameters())
    sched = {"constant": None,
             "step": torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, epochs // 3), gamma=0.1),
             "cosine": torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)}[schedule]
    losses = []
    for _ in range(epochs):
        loss = torch.nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if sched is not None:
            sched.step()
    return losses


@pytest.mark.parametrize("name, schedule", list(itertools.product(optimizers.OPTIMIZERS, optimizers.SCHEDULES)))
def test_core_train_matches_the_hand_written_loop(name, schedule):
    x, y = core.data.noisy_line(n=20, seed=1)
    x = (x - x.mean()) / x.std()
    cfg = core.TrainConfig(optimizer=name, schedule=schedule, epochs=12, **KNOBS)
    hist = core.train(core.models.linear(init="random"), core.losses.mse, x, y, cfg)
    assert hist.loss == hand_loop(name, schedule, 12, x, y)  # exactly: the same operations in the same order
    assert len(hist.lr) == 12 and hist.lr[0] == 0.05
    if schedule == "step":
        assert hist.lr[4] == pytest.approx(0.005) and hist.lr[8] == pytest.approx(0.0005)
    if schedule == "cosine":
        assert hist.lr[-1] < hist.lr[6] < hist.lr[0]


def test_every_optimizer_has_a_label_code_and_knobs_from_the_list():
    for name, entry in optimizers.OPTIMIZERS.items():
        assert set(entry.knobs) <= set(optimizers.KNOBS)
        line = optimizers.code(core.TrainConfig(optimizer=name, schedule="cosine", epochs=9))
        assert f"torch.optim.{entry.label}(" in line and "CosineAnnealingLR(optimizer, T_max=9)" in line


@pytest.mark.parametrize("name", list(optimizers.OPTIMIZERS))
def test_the_generated_optimizer_lines_build_what_the_run_builds(name):
    """The script's optimizer is the run's, fused=True included where the run's is fused: same settings, same steps."""
    cfg = core.TrainConfig(optimizer=name, momentum=0.9, nesterov=True, weight_decay=1e-3, schedule="step", epochs=10)
    model = core.models.linear()
    scope = {"torch": torch, "model": model}
    exec(optimizers.code(cfg), scope)
    built, sched = optimizers.build(model.parameters(), cfg)
    assert scope["optimizer"].defaults == built.defaults
    assert scope["scheduler"].state_dict() == sched.state_dict()


@pytest.mark.parametrize("name", ["sgd", "adam", "adamw"])
def test_sgd_adam_and_adamw_take_the_fused_step_and_the_script_says_so(name):
    built, _ = optimizers.build(core.models.linear().parameters(), core.TrainConfig(optimizer=name))
    assert built.defaults["fused"] is True
    assert "fused=True" in optimizers.code(core.TrainConfig(optimizer=name))


def test_a_fused_step_trains_what_the_default_trains_on_the_mnist_mlp():
    """What the bench measured (bench/loop_speed.py): the same losses, here to the last digit."""
    x, y = torch.randn(256, 784, generator=torch.Generator().manual_seed(0)), torch.arange(256) % 10

    def losses(fused: bool) -> list[float]:
        model = core.models.mlp(seed=0)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, fused=fused)
        out = []
        for xb, yb in zip(x.split(32), y.split(32)):
            loss = core.losses.cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            out.append(loss.item())
        return out

    assert losses(True) == pytest.approx(losses(False), rel=1e-5)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device here")
@pytest.mark.parametrize("name", list(optimizers.OPTIMIZERS))
def test_every_optimizer_trains_on_cuda_and_resumes_on_the_cpu(name):
    """A fused step keeps its step count beside the weights: moving a run off the GPU moves that too."""
    x, y = core.data.noisy_line(n=20, seed=1)
    cfg = core.TrainConfig(optimizer=name, epochs=8, lr=0.05, device="cuda")
    run = core.Run(core.models.linear(init="random"), core.losses.mse, x, y, cfg)
    run.advance(epochs=4)
    run.fail(RuntimeError("a lost driver"))
    resumed = run.resume_on("cpu")
    resumed.advance()
    assert len(resumed.hist.loss) == 8 and all(math.isfinite(v) for v in resumed.hist.loss)


@pytest.mark.parametrize("bad", [dict(schedule="linear"), dict(weight_decay=-1.0), dict(weight_decay=float("nan")),
                                 dict(optimizer="lbfgs"), dict(nesterov="yes")])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        core.TrainConfig(**bad)


def test_a_run_resumed_on_the_cpu_keeps_its_optimizer_state_and_schedule():
    """Resuming after a device failure carries momentum and the schedule on: the same losses as one run."""
    x, y = core.data.noisy_line(n=20, seed=1)
    cfg = core.TrainConfig(optimizer="adam", schedule="step", epochs=9, lr=0.05)
    whole = core.train(core.models.linear(init="random"), core.losses.mse, x, y, cfg)
    first = core.Run(core.models.linear(init="random"), core.losses.mse, x, y, cfg)
    first.advance(epochs=4)
    first.fail(RuntimeError("a lost driver"))
    resumed = first.resume_on("cpu")
    assert resumed.optimizer is first.optimizer and resumed.scheduler is first.scheduler
    resumed.advance()
    assert resumed.hist.loss == whole.loss
