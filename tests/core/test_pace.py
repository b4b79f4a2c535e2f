"""Playing a run at a watchable speed, and the time-left estimate."""
import pytest

from core import pace

FRAME = 0.5
MNIST_STEPS = 5 * 63   # five epochs of the 4,000-digit sample in batches of 64


def play(speed: str, total: int, gap: float = FRAME) -> list[int]:
    """The steps each redraw trains when redraws come `gap` seconds apart, as ui/live_run.py asks for them."""
    clock, done, moves = pace.Clock(FRAME), 0, []
    while done < total:
        clock.tick(gap * len(moves))
        n = min(pace.steps_this_frame(speed, total, done, clock.active, FRAME), total - done)
        moves.append(n)
        done += n
    return moves


def seconds(moves: list[int], gap: float = FRAME) -> float:
    """From the first redraw that trains to the last: how long the run is seen to play."""
    return (len(moves) - 1) * gap


def test_watch_spreads_a_short_run_over_frames_and_fast_does_not_limit():
    assert pace.steps_per_frame("fast", 1000, FRAME) is None
    assert pace.steps_this_frame("fast", 1000, 0, 0.0, FRAME) is None
    per = pace.steps_per_frame("watch", 1000, FRAME)
    frames = -(-1000 // per)
    assert 8 <= frames <= 12                       # about six seconds at two redraws a second
    assert pace.steps_per_frame("slow", 1000, FRAME) < per
    assert pace.steps_per_frame("watch", 3, FRAME) == 1  # never less than a step a redraw


def test_a_five_epoch_mnist_run_plays_over_the_speeds_seconds_in_steps():
    watch, slow = play("watch", MNIST_STEPS), play("slow", MNIST_STEPS)
    assert 5.0 <= seconds(watch) <= 6.5            # about Watch's six seconds, not five epochs' five redraws
    assert 21.5 <= seconds(slow) <= 24.5           # about Slow motion's 24 seconds
    assert len(slow) / len(watch) == pytest.approx(4, rel=0.15)
    assert max(watch) < 63 and max(slow) < 63 / 4  # each redraw a slice of an epoch, which Stop can cut


def test_late_redraws_catch_up_but_never_jump_more_than_two_shares():
    share = pace.steps_per_frame("watch", MNIST_STEPS, FRAME)
    late = play("watch", MNIST_STEPS, gap=0.8)     # a page whose pictures take 0.8 s to draw
    assert 5.0 <= seconds(late, 0.8) <= 7.0        # still about six seconds, not 12 redraws of 0.8 s
    assert max(late) <= 2 * share
    away = play("watch", MNIST_STEPS, gap=60.0)    # the page hidden between redraws: counted as two frames
    assert max(away) <= 2 * share


def test_a_2000_epoch_sine_run_at_watch_moves_at_most_a_sixth_of_it_a_redraw():
    for gap in (FRAME, 1.0, 60.0):                 # on time, late, or after time away
        moves = play("watch", 2000, gap)           # full batch: a step is an epoch
        assert max(moves) <= 334                   # what a Stop can land past the screen: one redraw
    assert max(play("slow", 2000)) <= 42


def test_time_left_follows_the_pace_and_ignores_time_away():
    clock = pace.Clock(0.5)
    for i in range(5):                             # five redraws, half a second apart, 10% done
        clock.tick(100 + 0.5 * i)
    assert clock.seconds_left(0.10) == pytest.approx(2.0 * 9)
    clock.tick(100 + 2.0 + 60)                     # a minute on another page
    assert clock.active == pytest.approx(3.0)      # counted as one slow redraw, not a minute
    assert clock.seconds_left(0.20) == pytest.approx(3.0 * 4)


def test_no_estimate_at_the_start_of_a_new_run():
    clock = pace.Clock(0.5)
    clock.tick(10.0)
    assert clock.seconds_left(0.03) is None        # one redraw is no pace: not "almost done"
    clock.tick(10.5)
    assert clock.seconds_left(0.01) is None
