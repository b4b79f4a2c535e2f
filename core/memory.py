"""What a student's work costs a shared server's memory: evaluation batches sized in bytes, and freed
memory handed back to the system.

glibc's malloc keeps what a process frees for its next allocation: core.malloc caps its arenas (one a
thread, else) and gives freed pages back (`give_back`); `Reclaimer` does so once a while in the
background, after a garbage collection, so the memory of sessions that have closed comes back without
a request of theirs to hang it on. (A fixed mmap threshold, MALLOC_MMAP_THRESHOLD_, would map and
unmap the CNN's activations on every step.)
"""
import functools
import gc
import logging
import threading
import weakref
from collections.abc import Callable

import torch
from torch import nn

from core.malloc import give_back  # noqa: F401  what a chunk of training calls after it

EVAL_BYTES = 8 * 2**20  # what one evaluation batch's activations may hold at once: 8 MB
_per_example: "weakref.WeakKeyDictionary[nn.Module, tuple]" = weakref.WeakKeyDictionary()


def bytes_per_example(model: nn.Module, x: torch.Tensor, device: torch.device | str = "cpu") -> int:
    """The bytes every layer's output takes for one example of x (N, ...) under no_grad, summed.

    An upper bound of what a forward pass holds at once (each layer's output is freed once the next
    has used it); measured once per model and input shape with hooks on the leaf modules.
    """
    known = _per_example.get(model)
    if known is not None and known[0] == tuple(x.shape[1:]):
        return known[1]
    sizes = [x[:1].numel() * x.element_size()]
    hooks = [m.register_forward_hook(lambda _m, _i, out: sizes.append(out.numel() * out.element_size())
                                     if isinstance(out, torch.Tensor) else None)
             for m in model.modules() if not list(m.children())]
    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(x[:1].to(device))
    finally:
        for h in hooks:
            h.remove()
        model.train(was_training)
    _per_example[model] = (tuple(x.shape[1:]), sum(sizes))
    return sum(sizes)


def eval_batch(model: nn.Module, x: torch.Tensor, device: torch.device | str = "cpu",
               budget: int = EVAL_BYTES) -> int:
    """How many examples of x an evaluation pass of model (on device) takes at once within budget bytes."""
    if len(x) == 0:
        return 1
    return max(1, min(len(x), budget // max(bytes_per_example(model, x, device), 1)))


def _slots_here() -> int:
    """Runs that may compute at once: one a core (each run's torch uses its share of them), at least one;
    TORCH_PLAYGROUND_SLOTS overrides it."""
    import os
    return max(1, int(os.environ.get("TORCH_PLAYGROUND_SLOTS") or os.cpu_count() or 1))


# A run's step holds its activations and the convolutions' scratch buffers (the CNN: about 50 MB at
# batches of 64). Many sessions training at once would each hold that, and on a 2-core server they
# would not finish sooner, only take turns slower: so at most SLOTS runs compute at a time, in turns
# of one redraw, and the memory of training is bounded by the cores, not by the students.
SLOTS = _slots_here()
COMPUTE = threading.BoundedSemaphore(SLOTS)


class Reclaimer(threading.Thread):
    """Every `every` seconds: a full garbage collection (closed sessions' runs hold reference cycles, and
    Streamlit's own collection after each run is switched off in .streamlit/config.toml), then give_back().
    A collection holds the GIL for tens of milliseconds on a loaded server: once a while, not every run.
    first: called at the start of each round, to let go of what is no longer wanted (ui.sessions: the
    state of closed sessions), so this round's collection frees it."""

    def __init__(self, every: float = 30.0, first: Callable[[], object] | None = None):
        super().__init__(name="torch-playground-reclaimer", daemon=True)
        self.every, self.rounds, self.first = every, 0, first
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.wait(self.every):
            if self.first is not None:
                try:
                    self.first()
                except Exception:  # a round that fails must not end the reclaimer: the next one tries again
                    logging.getLogger(__name__).exception("reclaimer: letting go failed")
            gc.collect()
            give_back()
            self.rounds += 1

    def stop(self) -> None:
        self._stop.set()


@functools.cache
def reclaim_in_background(every: float = 30.0, first: Callable[[], object] | None = None) -> Reclaimer:
    """One reclaimer a process, started on first call."""
    reclaimer = Reclaimer(every, first)
    reclaimer.start()
    return reclaimer
