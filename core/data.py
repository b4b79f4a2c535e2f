"""The tutorials' data sets as tensors: small tables, sin(x), and MNIST (full or the bundled sample)."""
import csv
import functools
import math
import os
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import torch

from .problems import Problem

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


MAX_CSV_BYTES = 1_000_000
MAX_ROWS = 10_000
MAX_LINE = 400        # characters a row may have: two numbers need far fewer; csv's own limit raises csv.Error
FLOAT32_MAX = float(torch.finfo(torch.float32).max)  # about 3.4e38: a larger value becomes inf in float32

# The noisy line's settings: a teaching range, wide enough to see, small enough for float32 and a chart.
NOISY_RANGES = {"slope": (-1000.0, 1000.0), "intercept": (-1000.0, 1000.0), "noise": (0.0, 100.0)}


def megabytes_apart(size: int, most: int) -> tuple[str, str]:
    """size and most (bytes, size > most) in MB with just enough decimals that the two differ:
    5,000,001 against 5,000,000 is "5.000001" and "5", where one decimal said "5.0" and "5"."""
    for decimals in range(1, 7):  # six decimals of a MB are single bytes: two whole numbers differ there
        said = [f"{n / 1e6:.{decimals}f}".rstrip("0").rstrip(".") for n in (size, most)]
        if said[0] != said[1]:
            return said[0], said[1]
    return str(size / 1e6), str(most / 1e6)


class DataError(Problem):
    """A data file or setting that cannot be used: a code (see core.problems) and the values to say it with."""


def _outside(value: float, name: str) -> bool:
    lo, hi = NOISY_RANGES[name]
    return not (math.isfinite(value) and lo <= value <= hi)  # nan fails every comparison


def _range_values(value: float, name: str) -> dict:
    lo, hi = NOISY_RANGES[name]
    return {"value": f"{value:g}", "lo": f"{lo:g}", "hi": f"{hi:g}"}


def noisy_line(n: int = 30, slope: float = 2.0, intercept: float = 1.0, noise: float = 1.0,
               seed: int = 0, x_range: tuple[float, float] = (0.0, 10.0)) -> tuple[torch.Tensor, torch.Tensor]:
    """n points y = slope x + intercept + Gaussian noise, x evenly spread; x, y of shape (n, 1)."""
    if not 2 <= n <= MAX_ROWS:
        raise DataError("data.points", n=n, most=MAX_ROWS)
    if _outside(slope, "slope"):
        raise DataError("data.slope", **_range_values(slope, "slope"))
    if _outside(intercept, "intercept"):
        raise DataError("data.intercept", **_range_values(intercept, "intercept"))
    if _outside(noise, "noise"):
        raise DataError("data.noise", **_range_values(noise, "noise"))
    gen = torch.Generator().manual_seed(seed)
    x = torch.linspace(*x_range, n).unsqueeze(1)                    # (n, 1)
    y = slope * x + intercept + noise * torch.randn(x.shape, generator=gen)
    return x, y


def _delimiter(lines: list[str]) -> str:
    """What separates the columns: a tab, a semicolon (European Excel, with decimal commas) or a comma."""
    first = next((line for line in lines if line.strip()), "")
    for sep in ("\t", ";"):
        if sep in first:
            return sep
    return ","


def _number(cell: str, decimal_comma: bool) -> float:
    """One cell as a float: spaces around it, and "1,5" where commas are decimal points, are allowed."""
    text = cell.strip()
    if decimal_comma:
        text = text.replace(",", ".")
    return float(text)


def csv_rows(text: str) -> tuple[list[list[str]], str]:
    """The text's non-empty rows, split into cells; any line end: LF, CRLF or CR alone (old Mac Excel)."""
    lines = text.splitlines()
    if any(len(line) > MAX_LINE for line in lines):
        i = next(i for i, line in enumerate(lines, start=1) if len(line) > MAX_LINE)
        raise DataError("csv.line_too_long", row=i, most=MAX_LINE)
    sep = _delimiter(lines)
    try:
        rows = list(csv.reader(lines, delimiter=sep))
    except csv.Error as err:  # an unclosed quote across lines, a stray NUL byte
        raise DataError("csv.unreadable", detail=str(err)) from None
    rows = [[c.strip() for c in r] for r in rows if any(cell.strip() for cell in r)]
    return [r[:-1] if len(r) > 2 and not r[-1] else r for r in rows], sep  # "1,2," from a spreadsheet


def csv_text(raw: bytes) -> str:
    """An uploaded file's text: at most MAX_CSV_BYTES of UTF-8 (a BOM dropped), else a DataError."""
    if len(raw) > MAX_CSV_BYTES:
        mb, most = megabytes_apart(len(raw), MAX_CSV_BYTES)
        raise DataError("csv.too_big", mb=mb, most=most)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError("csv.not_text") from None
    if "\x00" in text:
        raise DataError("csv.not_text")
    return text


def read_xy_csv(raw: bytes) -> tuple[torch.Tensor, torch.Tensor, tuple[str, str]]:
    """A CSV of two numeric columns (an optional header row) -> x, y of shape (N, 1), column names.

    Reads what spreadsheets write: commas, tabs, or semicolons with decimal commas; a BOM; any line end;
    quoted numbers. Values must fit in float32, as training uses it.
    """
    rows, sep = csv_rows(csv_text(raw))
    if not rows:
        raise DataError("csv.empty")
    decimal_comma = sep != ","
    names = ("x", "y")
    try:
        [_number(c, decimal_comma) for c in rows[0][:2]]
    except ValueError:
        header = rows[0][:2] + ["", ""]
        names, rows = (header[0][:40] or "x", header[1][:40] or "y"), rows[1:]
    if len(rows) > MAX_ROWS:
        raise DataError("csv.too_many_rows", rows=len(rows), most=MAX_ROWS)
    values = []
    for i, row in enumerate(rows, start=1):
        if len(row) != 2:
            raise DataError("csv.columns", row=i, n=len(row))
        try:
            pair = [_number(cell, decimal_comma) for cell in row]
        except ValueError:
            raise DataError("csv.not_numbers", row=i, text=sep.join(row)[:60]) from None
        if not all(math.isfinite(v) for v in pair):
            raise DataError("csv.not_finite", row=i)
        if any(abs(v) > FLOAT32_MAX for v in pair):
            raise DataError("csv.too_large", row=i, most=f"{FLOAT32_MAX:.3g}")
        values.append(pair)
    if len(values) < 2:
        raise DataError("csv.too_few_rows")
    xy = torch.tensor(values, dtype=torch.float32)                 # (N, 2)
    return xy[:, :1], xy[:, 1:], names


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
    """The bundled digits as stored: uint8 (N, 28, 28) pictures, their labels."""
    arrays = np.load(SAMPLE)
    return tuple(torch.from_numpy(arrays[k]) for k in ("train_x", "train_y", "test_x", "test_y"))


@functools.cache  # read once per process (about 50 ms) and shared, read-only, by every session
def sample() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The bundled sample ready to train on: train_x (4000, 1, 28, 28) float32, train_y (4000,) int64,
    test_x (1000, 1, 28, 28), test_y (1000,)."""
    train_x, train_y, test_x, test_y = _sample()
    return normalise(train_x), train_y.long(), normalise(test_x), test_y.long()


OFFLINE = "TORCH_PLAYGROUND_OFFLINE"  # set it (tests, a classroom without wifi) and "auto" never downloads


MIRROR_WAIT = 3.0  # seconds a download site has to answer before it counts as unreachable


class NoMirror(OSError):
    """None of torchvision's MNIST download sites answered within `seconds` (a UI says it in words)."""

    def __init__(self, seconds: float):
        super().__init__(f"none of torchvision's MNIST mirrors answered within {seconds:g} s")
        self.seconds = seconds


def _reachable(url: str, timeout: float = MIRROR_WAIT) -> bool:
    """Can we open a connection to url's host within `timeout`? (torchvision's download has no timeout.)"""
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)),
                                 timeout=timeout).close()
        return True
    except OSError:
        return False


_DOWNLOAD = threading.Lock()  # two sessions asking at once must not write the same files together


def _full(root: Path):
    with _DOWNLOAD:
        return _full_unlocked(root)


def _full_unlocked(root: Path):
    from torchvision.datasets import MNIST  # imported here: only the full set needs torchvision
    try:  # already downloaded: no network needed
        train, test = MNIST(str(root), train=True), MNIST(str(root), train=False)
    except RuntimeError:
        if not any(_reachable(mirror) for mirror in MNIST.mirrors):
            raise NoMirror(MIRROR_WAIT) from None
        train = MNIST(str(root), train=True, download=True)
        test = MNIST(str(root), train=False, download=True)
    return train.data, train.targets, test.data, test.targets


# Why a set was used: a kind, and the sentence for it in English (a UI says it in its language, from
# the kind: "mnist.why.<kind>"). A failure's kind says what went wrong in words; its detail is the
# exception's own (English, technical) text. Full MNIST's has none: its folder is the server's, not the student's.
REASONS = {"chosen": "you chose the bundled sample", "offline": "offline mode ({detail} is set)",
           "full": "full MNIST from the server's download cache",
           "failed_network": "full MNIST could not be downloaded: no network ({detail})",
           "failed_no_mirror": "full MNIST could not be downloaded: none of torchvision's MNIST mirrors "
                               "answered within {detail} s",
           "failed_torchvision": "full MNIST needs torchvision, which is not installed ({detail})",
           "failed": "full MNIST could not be loaded ({detail})"}


def mnist_failure(err: Exception) -> str:
    """What kind of failure loading full MNIST was: "network", "torchvision" or "other"."""
    if isinstance(err, ImportError):
        return "torchvision"
    if isinstance(err, OSError):  # no mirror answered, a refused connection, a timeout
        return "network"
    return "other"


def load_mnist_with_reason(source: str = "auto", root: str | Path = CACHE):
    """load_mnist, plus why that set: (kind, detail), kind one of REASONS."""
    if source not in ("auto", "full", "sample"):
        raise ValueError(f"source must be 'auto', 'full' or 'sample', not {source!r}")
    if source == "sample":
        return (*sample(), "sample", ("chosen", ""))
    if source == "auto" and os.environ.get(OFFLINE):
        return (*sample(), "sample", ("offline", OFFLINE))
    try:
        train_x, train_y, test_x, test_y = _full(Path(root))
    except Exception as err:  # no network, a firewall, a half download: auto falls back, full does not
        if source == "full":
            raise
        if isinstance(err, NoMirror):  # a reason with a number, not an English sentence, to say in words
            return (*sample(), "sample", ("failed_no_mirror", f"{err.seconds:g}"))
        kind = mnist_failure(err)
        return (*sample(), "sample", ("failed" if kind == "other" else f"failed_{kind}", str(err)))
    return normalise(train_x), train_y.long(), normalise(test_x), test_y.long(), "full", ("full", "")


def load_mnist_explained(source: str = "auto", root: str | Path = CACHE):
    """load_mnist, plus a sentence in English that says which set is used and why."""
    *parts, (kind, detail) = load_mnist_with_reason(source, root)
    return (*parts, REASONS[kind].format(detail=detail))


def load_mnist(source: str = "auto", root: str | Path = CACHE):
    """-> train_x, train_y, test_x, test_y, source.

    source "full": torchvision's MNIST, downloaded into `root` on first use; "sample": the 5,000 digits
    bundled in data/ (4,000 train, 1,000 test); "auto": full, falling back to the sample when it cannot
    be had. x is float32 (N, 1, 28, 28) scaled like the tutorial, y int64 (N,).
    """
    return load_mnist_explained(source, root)[:5]
from .points import points2d  # noqa: E402,F401
