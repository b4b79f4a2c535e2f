"""How fast a run plays on screen, and how long it has left: arithmetic a UI calls every redraw."""
import math

# speed -> the least time a whole run should take on screen, in seconds (0: as fast as it trains)
SPEEDS = {"slow": 24.0, "watch": 6.0, "fast": 0.0}


def epochs_per_frame(speed: str, epochs: int, frame_seconds: float) -> int | None:
    """How many epochs one redraw may train so a run plays over SPEEDS[speed] seconds; None: no limit."""
    duration = SPEEDS[speed]
    if duration <= 0:
        return None
    frames = max(1, int(duration / frame_seconds))
    return max(1, math.ceil(epochs / frames))


class Clock:
    """Wall-clock time a run has been on screen, counting only while the page is shown and redrawing.

    tick() is called once a redraw. A gap is counted up to two frames (a slow redraw still counts in
    full); a longer one (the student visited another page, or the run was paused) counts as two frames,
    so the estimate neither jumps nor doubles.
    """

    def __init__(self, frame_seconds: float):
        self.frame = frame_seconds
        self.active = 0.0
        self.last: float | None = None

    def tick(self, now: float) -> None:
        if self.last is not None:
            self.active += min(now - self.last, 2 * self.frame)
        self.last = now

    def seconds_left(self, fraction: float) -> float | None:
        """At the pace so far; None until there is a pace to go by (a few redraws, 3% of the run)."""
        if fraction < 0.03 or self.active < 2 * self.frame or fraction >= 1:
            return None
        return self.active * (1 - fraction) / fraction
