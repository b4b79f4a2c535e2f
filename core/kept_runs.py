"""The runs a page keeps side by side: a short list, what sets each apart from the newest, a table.

Nothing here draws; ui/runs_list.py shows it. Each kept run keeps its colour for
its whole life, so a run is the same colour on every chart of the page.
"""
from dataclasses import dataclass, field

from .optimizers import KNOBS, OPTIMIZERS
from .training import Run, TrainConfig

MOST = 8       # runs kept a page; the oldest goes first
COLOURS = 8    # as many colours as runs, so no two kept runs share one

# TrainConfig fields a person compares runs by, in the order a label lists them
COMPARED = ("optimizer", "lr", "momentum", "nesterov", "weight_decay", "schedule", "epochs", "batch_size", "patience",
            "seed", "device")


@dataclass
class Kept:
    """One run in the list, with the page's own settings it was trained on."""
    run: Run
    inputs: dict           # the page's settings besides TrainConfig: {"dataset": "hours", ...}
    number: int            # 1, 2, 3... in the order trained: a name that never changes
    colour: int            # an index into the page's palette
    shown: bool = True
    recipe: object = None  # its code recipe (core.codegen.Recipe), so its script can be shown later


@dataclass
class Runs:
    """A page's runs, oldest first."""
    kept: list[Kept] = field(default_factory=list)
    trained: int = 0       # runs ever added, for numbering
    dropped: int = 0       # runs let go because the list was full

    def add(self, run: Run, inputs: dict, recipe=None) -> Kept | None:
        """Keep `run`; returns the oldest run if it had to go to make room, else None."""
        self.trained += 1
        used = {k.colour for k in self.kept}
        gone = None
        if len(self.kept) >= MOST:
            gone = self.kept.pop(0)
            used.discard(gone.colour)
            self.dropped += 1
        colour = next(c for c in range(COLOURS) if c not in used)
        self.kept.append(Kept(run, dict(inputs), self.trained, colour, recipe=recipe))
        return gone

    def remove(self, number: int) -> None:
        self.kept = [k for k in self.kept if k.number != number]

    def clear(self) -> None:
        self.kept, self.dropped = [], 0

    def replace(self, old: Run, new: Run) -> None:
        """`new` carries `old` on (resumed on another device): the same entry, number and colour."""
        for k in self.kept:
            if k.run is old:
                k.run = new

    @property
    def newest(self) -> Kept | None:
        return self.kept[-1] if self.kept else None

    def shown(self) -> list[Kept]:
        return [k for k in self.kept if k.shown]

    def same(self, cfg: TrainConfig, inputs: dict) -> Kept | None:
        """A finished run trained under `cfg` on the same page settings: a preset reuses it rather than
        train a copy. Stopped, failed or unfinished runs are not what those settings give."""
        return next((k for k in reversed(self.kept) if k.run.cfg == cfg and k.inputs == inputs and k.run.done
                     and not (k.run.hist.stopped or k.run.hist.error)), None)


def settings_of(kept: Kept) -> dict:
    """Everything that decided a run's numbers: the page's inputs, then the TrainConfig fields compared."""
    cfg = kept.run.cfg
    values = {name: getattr(cfg, name) for name in COMPARED}
    return {**kept.inputs, **values}


def differences(kept: Kept, newest: Kept) -> list[tuple[str, object]]:
    """What `kept` was trained with where it differs from the newest run: [(setting, its value)].

    Knobs its optimizer does not take (momentum for Adam) are left out: they changed nothing.
    """
    mine, theirs = settings_of(kept), settings_of(newest)
    takes = _knobs_taken(kept.run.cfg)
    return [(name, value) for name, value in mine.items()
            if value != theirs.get(name) and (name not in KNOBS or name in takes)]


def _knobs_taken(cfg: TrainConfig) -> tuple[str, ...]:
    return OPTIMIZERS[cfg.optimizer].knobs


def final_loss(kept: Kept) -> float | None:
    return kept.run.hist.loss[-1] if kept.run.hist.loss else None


def row(kept: Kept, metric: str | None = None) -> dict:
    """One line of the runs table, keyed by codes the UI words: settings, results, time, device."""
    hist = kept.run.hist
    out = {"number": kept.number, **settings_of(kept), "final_loss": final_loss(kept)}
    if metric:
        values = hist.metrics.get(metric, [])
        out[metric] = values[-1] if values else None
    out.update(epochs_done=len(hist.loss), seconds=round(hist.seconds, 3), device=hist.device,
               status="diverged" if hist.diverged else "stopped" if hist.stopped else
               "failed" if hist.error else "running" if not kept.run.done else "done")
    return out
