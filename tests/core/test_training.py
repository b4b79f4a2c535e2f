"""core.train against oracles: the tutorials' numbers, closed forms, and its own contract."""
import math

import pytest
import torch

import core


def fit_line(epochs=1000, lr=0.01, **kw):
    x, y = core.data.table("line")
    model = core.models.linear(init="zeros")
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=lr, epochs=epochs, **kw))
    return model, hist


def test_tutorial_line_reaches_the_tutorial_numbers():
    model, hist = fit_line()
    assert model.weight.item() == pytest.approx(1.9708, abs=1e-4)
    assert model.bias.item() == pytest.approx(0.0664, abs=1e-4)
    assert len(hist.loss) == 1000 and hist.steps == 1000
    assert not hist.diverged and not hist.stopped


def test_full_batch_loss_i_is_the_loss_before_step_i():
    _, hist = fit_line(epochs=3)
    # W = b = 0 predicts 0: the first loss is mean(y^2) = (4 + 16 + 36) / 3
    assert hist.loss[0] == pytest.approx(56 / 3)
    assert hist.loss[0] > hist.loss[1] > hist.loss[2]


def test_autograd_step_by_hand():
    """x=2, y=4, W=b=1: loss 0.5, grads -2 and -1; one step with lr 0.1 gives W=1.2, b=1.1."""
    x, y = torch.tensor([[2.0]]), torch.tensor([[4.0]])
    model = core.models.linear(init="ones")
    loss = core.losses.half_squared_error(model(x), y)
    loss.backward()
    assert loss.item() == pytest.approx(0.5)
    assert model.weight.grad.item() == pytest.approx(-2.0)
    assert model.bias.grad.item() == pytest.approx(-1.0)
    model = core.models.linear(init="ones")
    hist = core.train(model, core.losses.half_squared_error, x, y, core.TrainConfig(lr=0.1, epochs=1))
    assert hist.loss == [pytest.approx(0.5)]
    assert model.weight.item() == pytest.approx(1.2)
    assert model.bias.item() == pytest.approx(1.1)


def test_heights_from_w_b_one():
    x, y = core.data.table("heights", centred=True)
    assert x.squeeze(1).tolist() == pytest.approx([-5, 5, 0, 2, -2])
    assert y.squeeze(1).tolist() == pytest.approx([-6.7, 10.3, -3.3, 5.0, -5.3], abs=1e-4)
    assert core.gradients.linear_mse(1.0, 1.0, x, y) == pytest.approx((-19.04, 2.0), abs=1e-4)
    model = core.models.linear(init="ones")
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=0.001, epochs=1))
    assert hist.loss[0] == pytest.approx(13.3520, abs=1e-4)
    assert model.weight.item() == pytest.approx(1.0190, abs=1e-4)
    assert model.bias.item() == pytest.approx(0.9980, abs=1e-4)


@pytest.mark.parametrize("w, b", [(0.0, 0.0), (1.5, -0.3), (-2.0, 4.0)])
def test_hand_gradient_equals_autograd(w, b):
    x = torch.randn(20, 1, generator=torch.Generator().manual_seed(1))
    y = 3 * x + 0.5
    model = core.models.linear(init="zeros")
    with torch.no_grad():
        model.weight.fill_(w)
        model.bias.fill_(b)
    core.losses.mse(model(x), y).backward()
    hand_w, hand_b = core.gradients.linear_mse(w, b, x, y)
    assert hand_w == pytest.approx(model.weight.grad.item(), rel=1e-5)
    assert hand_b == pytest.approx(model.bias.grad.item(), rel=1e-5, abs=1e-6)
    # the tutorial's formula for W alone (b = 0): 2 * mean((W x - y) x)
    assert core.gradients.linear_mse(w, 0.0, x, y)[0] == pytest.approx(
        (2 * ((w * x - y) * x).mean()).item(), rel=1e-6)


def test_least_squares_is_reached_with_enough_epochs():
    x, y = core.data.table("hours")
    model = core.models.linear(init="zeros")
    core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=0.05, epochs=3000, momentum=0.9))
    design = torch.cat([x, torch.ones_like(x)], dim=1)  # (N, 2)
    w, b = torch.linalg.lstsq(design, y).solution.squeeze(1).tolist()
    assert model.weight.item() == pytest.approx(w, abs=1e-2)
    assert model.bias.item() == pytest.approx(b, abs=1e-1)


def test_divergence_is_flagged_not_raised():
    x, y = core.data.table("hours")
    model = core.models.linear(init="zeros")
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=1.0, epochs=200))
    assert hist.diverged and not hist.stopped
    assert 0 < hist.diverged_epoch < 200
    assert len(hist.loss) == hist.diverged_epoch
    assert all(math.isfinite(v) for v in hist.loss)


def test_divergence_in_mini_batches():
    x, y = core.data.table("hours")
    hist = core.train(core.models.linear(), core.losses.mse, x, y,
                      core.TrainConfig(lr=1.0, epochs=500, batch_size=2))
    assert hist.diverged and all(math.isfinite(v) for v in hist.loss)


def test_should_stop_is_honoured_between_steps():
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) >= 5

    x, y = core.data.table("line")
    model = core.models.linear()
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(epochs=1000),
                      should_stop=should_stop)
    assert hist.stopped and not hist.diverged
    assert hist.steps == 5 and len(hist.loss) == 5
    assert model.weight.item() != 0.0  # what was learned is kept


def test_a_stop_asked_after_the_last_step_is_not_a_stop():
    x, y = core.data.table("line")
    hist = core.train(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=1),
                      should_stop=lambda: True)
    assert not hist.stopped and len(hist.loss) == 1


def test_on_epoch_runs_after_every_epoch():
    seen = []
    x, y = core.data.table("line")
    core.train(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=7, batch_size=2),
               on_epoch=lambda epoch, hist: seen.append((epoch, len(hist.loss))))
    assert seen == [(i, i + 1) for i in range(7)]


def test_mini_batches_are_seeded():
    x, y = core.data.sine(200)

    def run(seed):
        model = core.models.mlp(hidden=(8,), activation="tanh", in_features=1, out_features=1, seed=seed)
        return core.train(model, core.losses.mse, x, y,
                          core.TrainConfig(lr=0.05, epochs=5, batch_size=16, seed=seed)).loss

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_mini_batch_loss_is_the_mean_of_the_batch_losses():
    x, y = core.data.table("line")
    model = core.models.linear(init="zeros")
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(lr=1e-9, epochs=1, batch_size=1))
    # lr ~ 0: every batch loss is that of W = b = 0, so their mean is mean(y^2)
    assert hist.loss[0] == pytest.approx(56 / 3, rel=1e-6)
    assert hist.steps == 3


def test_chunked_run_gives_the_same_numbers_as_one_call():
    x, y = core.data.sine(300)
    cfg = core.TrainConfig(lr=0.01, epochs=20, batch_size=32, momentum=0.9, seed=5)
    def make():
        return core.models.mlp(hidden=(16,), activation="tanh", in_features=1, out_features=1, seed=2)
    whole = core.train(make(), core.losses.mse, x, y, cfg)
    run = core.Run(make(), core.losses.mse, x, y, cfg)
    chunks = 0
    while not run.done:
        run.advance(seconds=0.0)  # one step a chunk
        chunks += 1
    assert chunks >= cfg.epochs * 10
    assert run.hist.loss == whole.loss
    assert run.fraction == 1.0


def test_run_stop_keeps_the_model_and_partial_history():
    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=100))
    for _ in range(10):
        run.advance(seconds=0.0)
    run.stop()
    assert run.done and run.hist.stopped and len(run.hist.loss) == 10
    assert 0 < run.fraction < 1
    run.advance()  # a stopped run does nothing more
    assert len(run.hist.loss) == 10


def test_a_stop_that_came_while_another_thread_held_the_run_is_honoured_next():
    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=100))
    run.advance(epochs=5)
    run._busy.acquire()  # another thread is between its last look at the flag and letting go
    run.stop()           # cannot close the run itself now
    assert not run.done
    run._busy.release()
    assert run.advance(epochs=5) and run.done and run.hist.stopped
    assert len(run.hist.loss) == 5   # the next redraw trains nothing more


def test_a_resumed_run_starts_its_progress_where_the_old_one_broke_off():
    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=40))
    run.advance(epochs=10)
    resumed = run.resume_on("cpu")
    assert resumed.fraction == 0.25
    resumed.advance()
    assert resumed.fraction == 1.0 and len(resumed.hist.loss) == 40


def test_adam_and_momentum_change_the_path():
    plain = fit_line(epochs=50)[1].loss
    assert fit_line(epochs=50, momentum=0.9)[1].loss != plain
    assert fit_line(epochs=50, optimizer="adam")[1].loss != plain


def test_momentum_trains_the_hours_data_faster():
    x, y = core.data.table("hours")

    def final(momentum):
        return core.train(core.models.linear(), core.losses.mse, x, y,
                          core.TrainConfig(lr=0.01, epochs=200, momentum=momentum)).loss[-1]

    assert final(0.9) < final(0.0)


def test_metrics_are_recorded_each_epoch():
    x, y = core.data.table("line")
    hist = core.train(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=4),
                      metrics={"W": lambda m: m.weight.item()})
    assert len(hist.metrics["W"]) == 4 and hist.metrics["W"][0] > 0


@pytest.mark.parametrize("bad", [dict(lr=0), dict(lr=-1), dict(lr=float("nan")), dict(lr=float("inf")),
                                 dict(epochs=0), dict(epochs=2.5), dict(momentum=1.0),
                                 dict(momentum=-0.1), dict(optimizer="lbfgs"), dict(batch_size=0)])
def test_config_rejects_bad_values(bad):
    with pytest.raises(ValueError):
        core.TrainConfig(**bad)


def test_an_absent_device_is_a_clear_error():
    x, y = core.data.table("line")
    with pytest.raises(ValueError, match="available devices: cpu"):
        core.train(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(device="cuda:7"))


def test_evaluate_is_the_accuracy_of_the_argmax():
    logits_model = torch.nn.Identity()
    x = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    y = torch.tensor([1, 0, 0, 0])
    assert core.evaluate(logits_model, x, y) == pytest.approx(0.75)


def test_a_loss_that_grows_tenfold_is_caught_before_it_is_infinite():
    assert core.training.blowing_up([2.0, 5.0, 19.0, 25.0]) == 3
    assert core.training.blowing_up([2.0, 1.0, 0.5]) is None
    assert core.training.blowing_up([]) is None and core.training.blowing_up([0.0, 1.0]) is None


def test_batch_loss_windows_span_epoch_boundaries():
    """Every logged point is the mean of BATCH_LOG real batch losses, also across an epoch's end."""
    x, y = core.data.table("line")
    hist = core.train(core.models.linear(), core.losses.mse, x, y,
                      core.TrainConfig(lr=1e-9, epochs=10, batch_size=1))  # 3 steps an epoch, lr ~ 0
    # each batch loss is 4, 16 or 36 (W = b = 0); ten steps are three whole epochs (168) and one more
    assert len(hist.batch_loss) == 3
    assert all((168 + 4) / 10 - 1e-3 <= v <= (168 + 36) / 10 + 1e-3 for v in hist.batch_loss)


def test_an_absent_device_fails_when_the_run_is_made():
    x, y = core.data.table("line")
    with pytest.raises(ValueError, match="available devices"):
        core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(device="mps"))


def test_two_threads_advancing_one_run_never_collide():
    """A rerun that starts while a live redraw is training: the second caller leaves the run be."""
    import threading
    inside, release = threading.Event(), threading.Event()

    def slow_metric(model):  # runs inside the loop, at the end of each epoch
        inside.set()
        release.wait(5)
        return 0.0

    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=3),
                   metrics={"m": slow_metric})
    first = threading.Thread(target=run.advance)
    first.start()
    assert inside.wait(5)
    assert run.advance() is False            # busy: nothing done, no "generator already executing"
    run.stop()                                # a Stop pressed meanwhile is honoured by the busy thread
    release.set()
    first.join(5)
    assert run.done and run.hist.stopped and len(run.hist.loss) == 1


def test_advance_by_epochs_takes_that_many_epochs():
    x, y = core.data.table("line")
    run = core.Run(core.models.linear(), core.losses.mse, x, y, core.TrainConfig(epochs=5))
    run.advance(epochs=1)
    assert len(run.hist.loss) == 1 and not run.done
    run.advance(epochs=3)
    assert len(run.hist.loss) == 4 and not run.done
    run.advance(epochs=3)
    assert len(run.hist.loss) == 5 and run.done and not run.hist.stopped


def test_advance_by_steps_takes_that_many_steps_across_epochs_and_knows_the_total():
    x, y = core.data.sine(300)
    cfg = core.TrainConfig(lr=0.01, epochs=3, batch_size=32)  # 10 batches an epoch, the last short
    run = core.Run(core.models.mlp(hidden=(8,), in_features=1, out_features=1), core.losses.mse, x, y, cfg)
    assert run.total_steps == 30
    run.advance(steps=7)
    assert run.hist.steps == 7 and not run.hist.loss  # mid-epoch: a redraw need not wait for its end
    run.advance(steps=7)
    assert run.hist.steps == 14 and len(run.hist.loss) == 1
    run.advance(steps=100)
    assert run.hist.steps == 30 and run.done and not run.hist.stopped
    full = core.Run(core.models.linear(), core.losses.mse, *core.data.table("line"), core.TrainConfig(epochs=5))
    assert full.total_steps == 5                       # full batch: a step an epoch


def test_a_run_can_make_its_starting_weights_again():
    x, y = core.data.table("line")
    experiment = core.Experiment(lambda seed: core.models.linear(init="random", seed=seed), core.losses.mse, x, y,
                                 recipe=None)
    run = experiment.start(core.TrainConfig(epochs=20, seed=3))
    start = run.model.weight.item()
    run.advance()
    assert run.model.weight.item() != start and run.fresh().weight.item() == start
    assert run.resume_on("cpu").fresh().weight.item() == start


def test_train_waits_for_a_compute_slot_rather_than_doing_nothing():
    """core.train with every slot of core.memory.COMPUTE taken waits for one (it returned an empty History)."""
    import threading
    import time
    x, y = core.data.table("line")
    cfg = core.TrainConfig(epochs=5)
    core.train(core.models.linear(), core.losses.mse, x, y, cfg)  # the first run's imports, before the clock
    taken = 0
    while core.memory.COMPUTE.acquire(blocking=False):
        taken += 1
    threading.Timer(0.5, lambda: [core.memory.COMPUTE.release() for _ in range(taken)]).start()
    start = time.perf_counter()
    hist = core.train(core.models.linear(), core.losses.mse, x, y, cfg)
    assert time.perf_counter() - start >= 0.4   # it waited for the slots
    assert len(hist.loss) == 5 and hist.steps == 5
