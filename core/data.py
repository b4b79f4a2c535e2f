"""The tutorials' data sets as tensors: small tables, sin(x), and MNIST (full or the bundled sample)."""
import math
from pathlib import Path

import numpy as np
import torch

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "mnist_sample.npz"
CACHE = Path.home() / ".cache" / "torch-playground" / "mnist"

# The tutorials' tables: x, y as plain lists.
TABLES = {
    "line": ([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),                       # y = 2x
    "hours": ([1.0, 2.0, 3.0], [200.0, 400.0, 600.0]),                # hours studied -> ability
    "heights": ([166.0, 176.0, 171.0, 173.0, 169.0],                  # height (cm) -> weight (kg)
                [58.7, 75.7, 62.1, 70.4, 60.1]),
}


def table(name: str, centred: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
    """One of TABLES as x, y of shape (N, 1); centred subtracts each column's mean, as the tutorial does."""
    xs, ys = TABLES[name]
    x = torch.tensor(xs).unsqueeze(1)  # (N, 1)
    y = torch.tensor(ys).unsqueeze(1)  # (N, 1)
    if centred:
        x, y = x - x.mean(), y - y.mean()
    return x, y


def sine(n: int = 1000, noise: float = 0.0, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """n points of y = sin(x) on [-pi, pi], x and y of shape (n, 1), with optional Gaussian noise."""
    x = torch.linspace(-math.pi, math.pi, n).unsqueeze(1)  # (n, 1)
    y = torch.sin(x)
    if noise:
        y = y + noise * torch.randn(y.shape, generator=torch.Generator().manual_seed(seed))
    return x, y


def normalise(images_uint8: torch.Tensor) -> torch.Tensor:
    """(N, 28, 28) uint8 -> (N, 1, 28, 28) float32 as ToTensor + Normalize((0.5,), (0.5,)) give."""
    return ((images_uint8.float() / 255.0 - 0.5) / 0.5).unsqueeze(1)


def _sample():
    arrays = np.load(SAMPLE)
    return tuple(torch.from_numpy(arrays[k]) for k in ("train_x", "train_y", "test_x", "test_y"))


def _full(root: Path):
    from torchvision.datasets import MNIST  # imported here: only the full set needs torchvision
    train = MNIST(str(root), train=True, download=True)
    test = MNIST(str(root), train=False, download=True)
    return train.data, train.targets, test.data, test.targets


def load_mnist(source: str = "auto", root: str | Path = CACHE):
    """-> train_x, train_y, test_x, test_y, source.

    source "full": torchvision's MNIST, downloaded into `root` on first use; "sample": the 5,000 digits
    bundled in data/ (4,000 train, 1,000 test); "auto": full, falling back to the sample when it cannot
    be had. x is float32 (N, 1, 28, 28) scaled like the tutorial, y int64 (N,).
    """
    if source not in ("auto", "full", "sample"):
        raise ValueError(f"source must be 'auto', 'full' or 'sample', not {source!r}")
    used = "sample"
    if source in ("auto", "full"):
        try:
            parts, used = _full(Path(root)), "full"
        except Exception:  # no network, a firewall, a half download: auto falls back, full does not
            if source == "full":
                raise
    if used == "sample":
        parts = _sample()
    train_x, train_y, test_x, test_y = parts
    return (normalise(train_x), train_y.long(), normalise(test_x), test_y.long(), used)
