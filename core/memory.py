"""What a student's work costs a shared server's memory: evaluation batches sized in bytes, and freed
memory handed back to the system.

glibc's malloc keeps what a process frees for its next allocation, in one arena a thread (each
Streamlit session runs its script on a thread of its own): after a busy minute the server's memory
stays at its busiest moment. `give_back()` asks glibc to return every free page (malloc_trim(0),
which since glibc 2.8 releases free pages inside the heap too, not only at its top); `Reclaimer`
does so once a while in the background, after a garbage collection, so the memory of sessions that
have closed comes back without a request of theirs to hang it on. An allocator setting instead
(MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ in the environment) would have to be set before
the process starts, which `streamlit run` on a student's laptop or on Community Cloud does not do;
and a fixed mmap threshold would map and unmap the CNN's activations on every step.
"""
import ctypes
import ctypes.util
import functools
import gc
import threading
import weakref

import torch
from torch import nn

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


@functools.cache
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018  glibc only: musl and macOS have none
    except (OSError, AttributeError, TypeError):
        return None
    return libc


def give_back() -> bool:
    """Return the memory this process has freed to the system (glibc's malloc_trim); False where there is none."""
    libc = _libc()
    return bool(libc and libc.malloc_trim(0))


class Reclaimer(threading.Thread):
    """Every `every` seconds: a full garbage collection (closed sessions' runs hold reference cycles, and
    Streamlit's own collection after each run is switched off in .streamlit/config.toml), then give_back().
    A collection holds the GIL for tens of milliseconds on a loaded server: once a while, not every run."""

    def __init__(self, every: float = 30.0):
        super().__init__(name="torch-playground-reclaimer", daemon=True)
        self.every, self.rounds = every, 0
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.wait(self.every):
            gc.collect()
            give_back()
            self.rounds += 1

    def stop(self) -> None:
        self._stop.set()


@functools.cache
def reclaim_in_background(every: float = 30.0) -> Reclaimer:
    """One reclaimer a process, started on first call."""
    reclaimer = Reclaimer(every)
    reclaimer.start()
    return reclaimer
