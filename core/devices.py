"""Which torch devices this machine has, turning a user's choice into a torch.device, and how many
of the CPU's threads torch may take."""
import os

import torch
from torch import nn

KNOWN = ("cpu", "cuda", "mps")


def available() -> list[str]:
    """The devices torch can use here, cpu first: e.g. ["cpu"] or ["cpu", "cuda"]."""
    found = ["cpu"]
    if torch.cuda.is_available():
        found.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append("mps")
    return found


def resolve(name: str) -> torch.device:
    """"auto" picks cuda, then mps, then cpu; a device that is not here raises ValueError naming those that are."""
    here = available()
    if name == "auto":
        for pick in ("cuda", "mps", "cpu"):
            if pick in here:
                return torch.device(pick)
    kind, _, index = str(name).partition(":")
    if kind in here and (not index or (kind == "cuda" and index.isdigit()
                                        and int(index) < torch.cuda.device_count())):
        return torch.device(name)
    raise ValueError(f"Device {name!r} is not available on this machine; "
                     f"available devices: {', '.join(here)} (or 'auto').")


def device_of(model: nn.Module) -> str:
    """Where the model's weights are now (after a run resumed on the CPU, no longer where it began)."""
    return str(next(model.parameters()).device)


def share_the_cores() -> int:
    """Cap torch's threads, so one session's training cannot starve the rest; returns the cap.

    Half the cores (at least one) by default; TORCH_PLAYGROUND_THREADS overrides it. Called at the
    start of every training page's run: the cap is set where the page's maths runs, whichever thread.
    """
    threads = int(os.environ.get("TORCH_PLAYGROUND_THREADS") or max(1, (os.cpu_count() or 2) // 2))
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads
