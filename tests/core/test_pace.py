"""Playing a run at a watchable speed, and the time-left estimate."""
import pytest

from core import pace


def test_watch_spreads_a_short_run_over_frames_and_fast_does_not_limit():
    assert pace.epochs_per_frame("fast", 1000, 0.5) is None
    per = pace.epochs_per_frame("watch", 1000, 0.5)
    frames = -(-1000 // per)
    assert 8 <= frames <= 12                       # about six seconds at two redraws a second
    assert pace.epochs_per_frame("slow", 1000, 0.5) < per
    assert pace.epochs_per_frame("watch", 3, 0.5) == 1  # never less than an epoch a redraw


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
