"""The run panel every training page shares: Step, Continue, the speed of a run, Stop."""
import pytest

import core

from apptest_helpers import is_running
from test_links import opened


def epochs_done(at) -> int:
    return len(at.session_state["linear.run"].hist.loss)


def test_step_trains_one_epoch_at_a_time_then_continue_plays_the_rest():
    at = opened("pages/linear_regression.py", epochs="50")
    at.button(key="linear.train_step").click().run()
    assert epochs_done(at) == 1
    assert any("Paused after epoch 1 of 50" in p.proto.text for p in at.get("progress"))
    at.button(key="linear.train_step").click().run()
    assert epochs_done(at) == 2 and not at.session_state["linear.run"].done
    at.button(key="linear.continue").click().run()
    for _ in range(50):
        if not is_running(at):
            break
        at.run()
    assert epochs_done(at) == 50 and not at.exception
    assert any("Trained 50 epochs" in s.value for s in at.success)


def test_step_after_a_finished_run_starts_a_new_one():
    at = opened("pages/linear_regression.py", epochs="3")
    at.button(key="linear.train").click().run()
    first = at.session_state["linear.run"]
    assert first.done
    at.button(key="linear.train_step").click().run()
    assert at.session_state["linear.run"] is not first and epochs_done(at) == 1


def test_watch_speed_spreads_a_short_run_over_several_redraws(monkeypatch):
    monkeypatch.delenv("TORCH_PLAYGROUND_SPEED")  # the app's own default
    at = opened("pages/linear_regression.py", epochs="1000")
    assert at.segmented_control(key="app.speed").value == "watch"
    at.button(key="linear.train").click().run()
    seen = [epochs_done(at)]
    for _ in range(40):
        if at.session_state["linear.run"].done:
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
    first = at.session_state["linear.run"]
    assert not first.done
    at.button(key="linear.train").click().run()
    assert at.session_state["linear.run"] is not first
    assert first.done and first.hist.stopped      # not left "running" in the runs list
    statuses = [core.runs.row(k)["status"] for k in at.session_state["linear.runs"].kept]
    assert statuses[0] == "stopped"


def test_step_on_a_long_epoch_trains_it_over_several_redraws_and_stop_answers(monkeypatch):
    from ui import run as run_panel
    monkeypatch.setattr(run_panel, "CHUNK_SECONDS", 0.0)   # each redraw trains one batch: a "long" epoch
    at = opened("pages/mnist.py", dataset="sample", batch_size="256")
    at.button(key="mnist.train_step").click().run()
    r = at.session_state["mnist.run"]
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
