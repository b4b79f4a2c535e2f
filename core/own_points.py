"""Your own points: a data set a student places by clicking on the plane, or uploads as a CSV.

The points are a tuple of (x1, x2, label) rows, coordinates rounded to 3 decimals: the value a Setup
holds, the share link writes ("1.5,-2,0;0.25,3,1") and the script spells out, so all three give the
same float32 tensors. A click lands on the centre of one of GRID x GRID cells (core.network_picture.editor
draws them); a click on a point (within half a cell) removes it.
"""
import math

import torch

from . import data
from .points import EXTENT, MAX_POINTS, MOST_CLASSES
from .problems import Problem

KIND = "own"           # the data set's name beside core.points.KINDS
GRID = 40              # cells a side a click lands in: 0.3 apart on the [-6, 6] plane
STEP = 2 * EXTENT / GRID
LINK_MOST = 200        # points a share link carries (their text is about 16 characters each)
FEWEST = 4             # points to train on and test on, of two classes at least
DECIMALS = 3

Points = tuple[tuple[float, float, int], ...]


def cells() -> list[dict]:
    """The centres of the plane's GRID x GRID cells, {"x": .., "y": ..}: where a click can put a point."""
    ticks = [round(-EXTENT + (i + 0.5) * STEP, DECIMALS) for i in range(GRID)]
    return [{"x": a, "y": b} for b in ticks for a in ticks]


def toggle(own: Points, x: float, y: float, label: int) -> Points:
    """A click at (x, y): the nearest point within half a cell removed, else a point of `label` added there."""
    near = [i for i, (a, b, _) in enumerate(own) if abs(a - x) <= STEP / 2 and abs(b - y) <= STEP / 2]
    if near:
        i = min(near, key=lambda i: (own[i][0] - x) ** 2 + (own[i][1] - y) ** 2)
        return own[:i] + own[i + 1:]
    if len(own) >= MAX_POINTS or not 0 <= label < MOST_CLASSES:
        return own
    return (*own, (round(float(x), DECIMALS), round(float(y), DECIMALS), int(label)))


def classes(own: Points) -> int:
    """How many classes the points make: the largest label's number plus one, and two at least."""
    return max(2, 1 + max((c for _, _, c in own), default=0))


def counts(own: Points) -> list[int]:
    """How many points each class has, classes 0 to classes(own) - 1."""
    k = classes(own)
    return [sum(1 for *_, c in own if c == i) for i in range(k)]


def trainable(own: Points) -> bool:
    """Enough points to split into training and test points, of two classes at least."""
    return len(own) >= FEWEST and sum(1 for n in counts(own) if n) >= 2


def tensors(own: Points) -> tuple[torch.Tensor, torch.Tensor]:
    """-> x float32 (N, 2), y int64 (N,): the points as the page trains on them (and as the script builds them)."""
    x = torch.tensor([[a, b] for a, b, _ in own], dtype=torch.float32).reshape(-1, 2)
    y = torch.tensor([c for *_, c in own], dtype=torch.long)
    return x, y


def spelled(v: float) -> str:
    """A coordinate as the link and the script write it: 1.5, -2, 0.125 (repr, without a trailing .0)."""
    text = repr(float(v))
    return text[:-2] if text.endswith(".0") else text


def format_link(own: Points) -> str:
    """The points as text: what the page keeps and a link carries (parse reads it back)."""
    return ";".join(f"{spelled(a)},{spelled(b)},{c}" for a, b, c in own)


TEXT_MOST = MAX_POINTS * 20   # characters the points' text may take: 5,000 points of at most 19 each


def parse(text: str) -> Points:
    """format_link's text (a link's ?own=1.5,-2,0;0.25,3,1) -> the points; anything that is not such a list
    of at most MAX_POINTS points on the plane raises "points.own"."""
    text = str(text).strip()
    if not text:
        return ()
    rows = text.split(";")
    if len(rows) > MAX_POINTS:
        raise Problem("points.own", most=MAX_POINTS)
    own = []
    for row in rows:
        parts = row.split(",")
        try:
            a, b, c = float(parts[0]), float(parts[1]), int(parts[2])
        except (ValueError, IndexError):
            raise Problem("points.own", most=MAX_POINTS) from None
        if len(parts) != 3 or not (math.isfinite(a) and math.isfinite(b)) or max(abs(a), abs(b)) > EXTENT \
                or not 0 <= c < MOST_CLASSES:
            raise Problem("points.own", most=MAX_POINTS)
        own.append((round(a, DECIMALS), round(b, DECIMALS), c))
    return tuple(own)


def _coordinate(cell: str, row: int, text: str) -> float:
    try:
        v = float(cell.strip().replace(",", "."))
    except ValueError:
        raise data.DataError("own.not_numbers", row=row, text=text[:60]) from None
    if not math.isfinite(v):
        raise data.DataError("csv.not_finite", row=row)
    return v


def read_csv(raw: bytes) -> tuple[Points, tuple[str, ...], float]:
    """A CSV of x1, x2, label (an optional header row) -> the points, the class names, the scale applied.

    Labels are 0 to MOST_CLASSES - 1, or up to MOST_CLASSES names (the first one met is class 0, orange).
    Points beyond the plane are scaled down together to fit it (scale < 1: by how much); a bad row
    raises a DataError that names it.
    """
    rows, sep = data.csv_rows(data.csv_text(raw))
    if not rows:
        raise data.DataError("csv.empty")
    if not any(_is_number(c) for c in rows[0][:2]):
        rows = rows[1:]  # a header row: x1,x2,label (a first row with one number in it is a bad row, said below)
    if len(rows) > MAX_POINTS:
        raise data.DataError("csv.too_many_rows", rows=len(rows), most=MAX_POINTS)
    xs, labels = [], []
    for i, row in enumerate(rows, start=1):
        if len(row) != 3:
            raise data.DataError("own.columns", row=i, n=len(row))
        text = sep.join(row)
        xs.append((_coordinate(row[0], i, text), _coordinate(row[1], i, text)))
        labels.append(row[2].strip())
    if len(rows) < FEWEST:
        raise data.DataError("own.too_few", most=FEWEST)
    ys, names = _classes(labels)
    widest = max(max(abs(a), abs(b)) for a, b in xs)
    scale = 1.0 if widest <= EXTENT else EXTENT / widest
    own = tuple((round(a * scale, DECIMALS), round(b * scale, DECIMALS), c) for (a, b), c in zip(xs, ys))
    return own, names, scale


def _is_number(text: str) -> bool:
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _classes(labels: list[str]) -> tuple[list[int], tuple[str, ...]]:
    """Labels -> class numbers and the names said for them: numbers stay themselves (0 to 4), names are
    numbered in the order they first appear. Labels that are all numbers are numbers: one of 2.5 or 1e9
    among them is a bad row, not a sign that they were names."""
    if all(_is_number(s) for s in labels):
        numbers = []
        for i, text in enumerate(labels, start=1):
            v = float(text)
            if not (v.is_integer() and 0 <= v < MOST_CLASSES):
                raise data.DataError("own.label", row=i, text=text[:30], most=MOST_CLASSES - 1)
            numbers.append(int(v))
        return numbers, ()
    names = list(dict.fromkeys(labels))
    if len(names) > MOST_CLASSES:
        row = labels.index(names[MOST_CLASSES]) + 1
        raise data.DataError("own.names", row=row, text=names[MOST_CLASSES][:30], most=MOST_CLASSES)
    return [names.index(s) for s in labels], tuple(n[:30] for n in names)


def fits_link(text: str) -> bool:
    """Whether a share link carries these points (format_link's text): LINK_MOST or fewer."""
    return text.count(";") < LINK_MOST
