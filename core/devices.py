"""Which torch devices this machine has, and turning a user's choice into a torch.device."""
import torch

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
