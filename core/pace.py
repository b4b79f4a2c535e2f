"""How fast a run plays on screen, and how long it has left: arithmetic a UI calls every redraw."""
import math

# speed -> the least time a whole run should take on screen, in seconds (0: as fast as it trains)
SPEEDS = {"slow": 24.0, "watch": 6.0, "fast": 0.0}


def steps_per_frame(speed: str, total_steps: int, frame_seconds: float) -> int | None:
    """One redraw's share of a run of `total_steps` optimizer steps, so that it plays over SPEEDS[speed]
    seconds at a redraw every frame_seconds; None: no limit.

    Steps, not epochs: five long MNIST epochs would otherwise be five redraws at any speed, and a
    redraw may hold a whole epoch that Stop cannot cut."""
    duration = SPEEDS[speed]
    if duration <= 0:
        return None
    frames = max(1, int(duration / frame_seconds))
    return max(1, math.ceil(total_steps / frames))


def steps_this_frame(speed: str, total_steps: int, done_steps: int, active_seconds: float,
                     frame_seconds: float) -> int | None:
    """The steps this redraw may train: what the time on screen so far says is due, but at least one
    frame's share and at most two; None: no limit.

    A redraw that comes late (drawing a page's pictures takes longer than frame_seconds on a slow
    machine) catches up, so a run still takes about SPEEDS[speed]; the cap keeps one redraw's jump,
    and so how far past what is on screen a Stop can land, within two shares.
    """
    share = steps_per_frame(speed, total_steps, frame_seconds)
    if share is None:
        return None
    due = math.ceil(total_steps * min(active_seconds / SPEEDS[speed], 1.0)) - done_steps
    return min(max(due, share), 2 * share)


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
