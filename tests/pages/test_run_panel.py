"""The run panel every training page shares: Step, Pause and Resume, the speed of a run, Stop."""
import torch

import core

from apptest_helpers import is_running
from test_links import opened


def epochs_done(at) -> int:
    return len(at.session_state["linear.shown"].run.hist.loss)


def test_step_trains_one_epoch_at_a_time_then_resume_plays_the_rest():
    at = opened("pages/linear_regression.py", epochs="50")
    at.button(key="linear.train_step").click().run()
    assert epochs_done(at) == 1
    assert any("Paused after epoch 1 of 50" in p.proto.text for p in at.get("progress"))
    at.button(key="linear.train_step").click().run()
    assert epochs_done(at) == 2 and not at.session_state["linear.shown"].run.done
    # mid-run the loss is not final yet: it says which epoch's it is (a "Final loss" changed as it trained)
    assert [m.label for m in at.metric] == ["Loss at epoch 2"]
    at.button(key="linear.resume").click().run()
    for _ in range(50):
        if not is_running(at):
            break
        at.run()
    assert epochs_done(at) == 50 and not at.exception
    assert any("Trained 50 epochs" in s.value for s in at.success)
    assert [m.label for m in at.metric] == ["Final loss"]


def test_step_after_a_finished_run_starts_a_new_one():
    at = opened("pages/linear_regression.py", epochs="3")
    at.button(key="linear.train").click().run()
    first = at.session_state["linear.shown"].run
    assert first.done
    at.button(key="linear.train_step").click().run()
    assert at.session_state["linear.shown"].run is not first and epochs_done(at) == 1


def test_watch_speed_spreads_a_short_run_over_several_redraws(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")  # the app's own default
    at = opened("pages/linear_regression.py", epochs="1000")
    assert at.segmented_control(key="app.speed").value == "watch"
    at.button(key="linear.train").click().run()
    seen = [epochs_done(at)]
    for _ in range(40):
        if at.session_state["linear.shown"].run.done:
            break
        at.run()
        seen.append(epochs_done(at))
    assert seen[-1] == 1000
    assert len(seen) >= 8                           # several redraws, each a slice of the run
    assert max(b - a for a, b in zip(seen, seen[1:])) <= 125


def test_fast_speed_from_a_link_trains_without_pacing(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")
    at = opened("pages/linear_regression.py", epochs="1000", speed="fast")
    at.button(key="linear.train").click().run()
    assert epochs_done(at) > 125   # not held to Watch's slice: a redraw trains as much as 0.4 s allows


def test_train_while_a_run_plays_stops_the_old_run_first(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")   # Watch: a 1,000-epoch run takes several redraws
    at = opened("pages/linear_regression.py", epochs="1000")
    at.button(key="linear.train").click().run()
    first = at.session_state["linear.shown"].run
    assert not first.done
    at.button(key="linear.train").click().run()
    assert at.session_state["linear.shown"].run is not first
    assert first.done and first.hist.stopped      # not left "running" in the runs list
    statuses = [core.kept_runs.row(k)["status"] for k in at.session_state["linear.runs"].kept]
    assert statuses[0] == "stopped"


def test_step_on_a_long_epoch_trains_it_over_several_redraws_and_stop_answers(monkeypatch):
    from ui import live_run as run_panel
    monkeypatch.setattr(run_panel, "CHUNK_SECONDS", 0.0)   # each redraw trains one batch: a "long" epoch
    at = opened("pages/mnist.py", dataset="sample", batch_size="256")
    at.button(key="mnist.train_step").click().run()
    r = at.session_state["mnist.shown"].run
    assert len(r.hist.loss) == 0 and r.hist.steps >= 1     # the page answered before the epoch ended
    for _ in range(40):
        if len(r.hist.loss) == 1:
            break
        at.run()
    assert len(r.hist.loss) == 1 and not r.done             # one epoch, then paused
    steps = r.hist.steps
    at.run()
    assert r.hist.steps == steps                           # paused: nothing more
    at.button(key="mnist.train_step").click().run()         # the next epoch, stopped half way
    at.button(key="mnist.stop").click().run()
    assert r.done and r.hist.stopped and len(r.hist.loss) == 1


def test_watch_paces_mnist_by_steps_and_stop_lands_within_one_redraw(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")   # Watch, the app's own default
    at = opened("pages/mnist.py", dataset="sample", batch_size="64", epochs="5")
    at.button(key="mnist.train").click().run()
    r = at.session_state["mnist.shown"].run
    share = core.pace.steps_per_frame("watch", r.total_steps, 0.5)
    seen = [r.hist.steps]
    for _ in range(4):
        at.run()
        seen.append(r.hist.steps)
    moves = [b - a for a, b in zip([0, *seen], seen)]
    assert all(0 < m <= 2 * share for m in moves), moves   # slices of an epoch (63 steps), not whole ones
    assert len(r.hist.loss) < 5 and not r.done
    at.button(key="mnist.stop").click().run()
    assert r.done and r.hist.stopped
    assert r.hist.steps - seen[-1] <= 2 * share          # within one redraw of what the page showed
    assert any("Stopped after" in i.value for i in at.info)


def test_pause_holds_a_playing_run_where_it_is_and_resume_plays_on(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")
    at = opened("pages/mnist.py", dataset="sample", batch_size="64", epochs="5")
    assert not [b for b in at.button if b.key == "mnist.pause"]  # nothing to pause yet
    at.button(key="mnist.train").click().run()
    r = at.session_state["mnist.shown"].run
    at.button(key="mnist.pause").click().run()
    steps, weights = r.hist.steps, [p.detach().clone() for p in r.model.parameters()]
    assert 0 < steps < 63 and not r.done                    # paused part way through the first epoch
    for _ in range(3):
        at.run()
    assert at.session_state["mnist.shown"].run is r and r.hist.steps == steps and not r.done  # not a step more
    assert all(torch.equal(a, b) for a, b in zip(weights, r.model.parameters()))      # the model as it was
    assert any(f"Paused in epoch 1 of 5, after step {steps} of its 63" in p.proto.text for p in at.get("progress"))
    resume = at.button(key="mnist.resume")
    assert resume.label == "Resume"
    resume.click().run()
    assert r.hist.steps > steps and at.button(key="mnist.pause").label == "Pause"
    for _ in range(40):
        if r.done:
            break
        at.run()
    assert r.done and not r.hist.stopped and len(r.hist.loss) == 5 and not at.exception
    assert not [b for b in at.button if b.key == "mnist.pause"]  # a finished run has nothing to pause


def test_pause_and_resume_speak_korean(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")  # Watch: the run still plays after the press
    at = opened("pages/mnist.py", lang="ko", dataset="sample", batch_size="64", epochs="5")
    at.button(key="mnist.train_step").click().run()
    assert at.button(key="mnist.resume").label == "다시 재생"
    at.button(key="mnist.resume").click().run()
    assert at.button(key="mnist.pause").label == "일시정지"
