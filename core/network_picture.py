"""Pictures of a classifier, after TensorFlow Playground: the decision boundary under the points, and the
network itself, each neuron a small map of its output over the plane, joined by its weights.

Maps are cells of rect and square marks whose rows are three small integers (where, which cell, the
value in -100..100), sent as Arrow: about 30 KB a redraw for 6 layers of 8. (Small PNG images in
Vega-Lite image marks were lighter, but Vega draws an image only once it has loaded it, so every
redraw left the maps blank for a moment: they blinked while a run trained.) Pure functions: numbers
in, a chart spec (or an image array) out.
"""
import json

import numpy as np
import pandas as pd
import torch

ORANGE, BLUE = "#f59322", "#0877bd"   # class 0 and class 1, TensorFlow Playground's colours
CLASS_COLOURS = [ORANGE, BLUE, "#2f9e44", "#862e9c", "#e03131"]  # and classes 2 to 4, where a data set has them


GREY = "#e8eaeb"
PALE = ["#f9c78f", "#f1f2f3", "#7fb4dc"]   # the boundary's shades, paler, so points of the same colours stand out


def levels(values: torch.Tensor) -> np.ndarray:
    """Values (any shape) -> int8 in -100..100, flattened; scaled into [-1, 1] first when they leave it."""
    v = np.nan_to_num(values.numpy().reshape(-1).astype(np.float32))
    v = v / max(1.0, float(np.abs(v).max(initial=0.0)))
    return np.round(np.clip(v, -1, 1) * 100).astype(np.int8)


def _colour(field: str, shades: list[str]) -> dict:
    return {"field": field, "type": "quantitative", "legend": None,
            "scale": {"domain": [-100, 0, 100], "range": shades, "clamp": True, "interpolate": "rgb"}}


def named(spec: dict, prefix: str) -> dict:
    """Move every layer's inline rows into the spec's named `datasets` ({prefix}_0, {prefix}_1, ...).

    Streamlit sends named datasets apart from the spec, and when a redraw changes only the data it
    swaps the rows inside the chart already drawn; a changed spec (inline rows are part of it) makes it
    build the chart anew, blank until its images load: the maps flickered with every redraw.
    """
    datasets = {}
    for i, layer in enumerate(spec.get("layer", [spec])):
        if "values" in layer.get("data", {}):
            name = f"{prefix}_{i}"
            datasets[name] = layer["data"]["values"]
            layer["data"] = {"name": name}
    return {**spec, "datasets": datasets}


def rows_of(spec: dict, layer: dict) -> list[dict]:
    """The rows a layer of a `named` spec draws."""
    return spec["datasets"][layer["data"]["name"]]


class Spec:
    """A Vega-Lite spec written as a plain dict, that ui.chart.show takes as it takes an Altair chart
    (to_dict and the configure_* calls it makes in presenter mode).

    Why not Altair here: building these charts with Altair costs 20 ms an encode() on this machine
    (it checks every channel against the schema), about 0.5 s a redraw for a 6x8 network; the dict
    costs under a millisecond (bench/classify_redraw.py prints both).
    """

    def __init__(self, spec: dict):
        self.spec = spec

    def to_dict(self, validate: bool = False) -> dict:
        """A copy the caller may change (Streamlit takes the datasets out; ui.chart.show sets the height)."""
        spec = {k: v for k, v in self.spec.items() if k != "datasets"}
        spec = json.loads(json.dumps(spec))
        if "datasets" in self.spec:
            spec["datasets"] = dict(self.spec["datasets"])  # the frames themselves, not copied
        return spec

    def _configure(self, part: str, **values) -> "Spec":
        config = {**self.spec.get("config", {})}
        config[part] = {**config.get(part, {}), **values}
        return Spec({**self.spec, "config": config})

    def configure_axis(self, **values) -> "Spec":
        return self._configure("axis", **values)

    def configure_title(self, **values) -> "Spec":
        return self._configure("title", **values)

    def configure_legend(self, **values) -> "Spec":
        return self._configure("legend", **values)

    def configure_text(self, **values) -> "Spec":
        return self._configure("text", **values)

    def properties(self, **values) -> "Spec":
        return Spec({**self.spec, **values})


# The boundary's shading: cells of a map up to 100 a side, each row's run of cells of one shade drawn as
# one rect. Streamlit draws charts as SVG, one element a rect, and the browser's cost grows with them:
# 6,400 single cells took it twice as long a redraw as 1,600. Shades step by 5 in -100..100 (41 of
# them, alike to the eye in these pale colours), so runs are long. Where they sit is written in units
# of UNITS a side, which every map size divides: the chart's spec stays the same when the size changes.
UNITS = 400
SHADE_STEP = 5


def shade_runs(margin: torch.Tensor, classes: int = 2) -> pd.DataFrame:
    """margin (R, R) -> one row a run of cells of one shade along a map row: its row r, first cell a,
    the cell after its last b (in UNITS a side, top left 0), and its shade v. Two classes: v is P(blue) -
    P(orange) in -100..100 by SHADE_STEP; more (margin = class + P(class), plane_maps.output_map): v is
    class * CLASS_SHADES + P(class) in tenths."""
    side = margin.shape[0]
    if classes == 2:
        v = (np.round(levels(margin).astype(np.int16) / SHADE_STEP) * SHADE_STEP).astype(np.int8).reshape(side, side)
    else:
        m = margin.numpy().reshape(side, side)
        which = np.floor(m)
        v = (which * CLASS_SHADES + np.round((m - which) * (CLASS_SHADES - 1))).astype(np.int8)
    return _runs(v)


CLASS_SHADES = 11  # a class's shades on a map of more than two classes: P(class) 0, 0.1, ..., 1


def _runs(v: np.ndarray) -> pd.DataFrame:
    """v (side, side) int8 shades -> a row a run of one shade along a map row (see shade_runs)."""
    side = v.shape[0]
    unit = UNITS // side
    starts = np.ones((side, side), dtype=bool)
    starts[:, 1:] = v[:, 1:] != v[:, :-1]                       # a run begins where the shade changes
    r, a = np.nonzero(starts)                                   # row-major: each row's runs left to right
    order = r * side + a
    ends = np.append(order[1:], side * side)                    # the next run's start ...
    b = np.where(ends // side == r, ends % side, side)          # ... or the row's end
    return pd.DataFrame({"r": (r * unit).astype(np.int16), "a": (a * unit).astype(np.int16),
                         "b": (b * unit).astype(np.int16), "h": np.full(len(r), unit, dtype=np.int16),
                         "v": v[r, a]})


def _mix(colour: str, share: float) -> str:
    """colour mixed with white: share 0 is white, 1 the colour itself."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def class_shades(classes: int) -> tuple[list[int], list[str]]:
    """The boundary's colour scale for more than two classes: each shade v of shade_runs and its colour,
    the class's own colour, paler the less sure the network is (no surer than a guess: white)."""
    domain, shades = [], []
    for c in range(classes):
        for tenth in range(CLASS_SHADES):
            sure = max(0.0, (tenth / (CLASS_SHADES - 1) - 1 / classes) / (1 - 1 / classes))
            domain.append(c * CLASS_SHADES + tenth)
            shades.append(_mix(CLASS_COLOURS[c], 0.6 * sure))   # pale, so the points stand out
    return domain, shades


def boundary(margin: torch.Tensor, extent: float, train_points: torch.Tensor, train_y: torch.Tensor,
             test_points: torch.Tensor | None = None, test_y: torch.Tensor | None = None,
             title: str = "", size: int = 400, classes: int = 2) -> Spec:
    """The decision boundary: margin (R, R) = P(blue) - P(orange) as a shaded square (more classes: each
    cell in its likeliest class's colour, as sure as the network is), with the training points (N, 2) on
    it, white-ringed, and the test points, if given, ringed in black. R divides UNITS."""
    ticks = [-extent, -extent / 2, 0, extent / 2, extent]
    # one unit as long on both axes, whatever the column's width: the longer axis shows more of the plane
    half_x = {"expr": f"{extent} * max(1, width / height)"}
    half_y = {"expr": f"{extent} * max(1, height / width)"}
    x = {"field": "x", "type": "quantitative", "title": "x₁", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [{"expr": f"-{half_x['expr']}"}, half_x], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "title": "x₂", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [{"expr": f"-{half_y['expr']}"}, half_y], "nice": False, "zero": False}}
    unit = 2 * extent / UNITS
    if classes == 2:
        colour = _colour("v", PALE)
    else:
        domain, shades = class_shades(classes)
        colour = {"field": "v", "type": "ordinal", "legend": None, "scale": {"domain": domain, "range": shades}}
    shade = {"data": {"values": shade_runs(margin, classes)},
             "transform": [{"calculate": f"{-extent} + datum.a * {unit}", "as": "x"},
                           {"calculate": f"{-extent} + datum.b * {unit}", "as": "x2"},
                           {"calculate": f"{extent} - datum.r * {unit}", "as": "y"},
                           {"calculate": f"datum.y - datum.h * {unit}", "as": "y2"}],
             "mark": {"type": "rect", "strokeWidth": 0.6},
             "encoding": {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"},
                          "color": colour, "stroke": colour}}
    rows = _point_rows(train_points, train_y, "train")
    if test_points is not None and test_y is not None:
        rows += _point_rows(test_points, test_y, "test")
    dots = {"data": {"values": rows},
            "mark": {"type": "circle", "size": 42, "opacity": 1, "strokeWidth": 0.8},
            "encoding": {"x": x, "y": y,
                         "color": {"field": "c", "type": "nominal", "legend": None,
                                   "scale": {"domain": list(range(classes)), "range": CLASS_COLOURS[:classes]}},
                         "stroke": {"field": "s", "type": "nominal", "legend": None,
                                    "scale": {"domain": ["train", "test"], "range": ["white", "black"]}}}}
    # as wide as its column (Streamlit's stretch), `size` high: square on a laptop, taller on a narrow screen
    # the dots' colours are the classes', not the shading's: a layered chart shares one colour scale unless told
    return Spec(named({"title": title, "height": size, "layer": [shade, dots],
                       "resolve": {"scale": {"color": "independent", "stroke": "independent"}}}, "boundary"))


def editor(own: list[tuple[float, float, int]], extent: float, cells: list[dict], title: str = "",
           size: int = 320) -> Spec:
    """The plane to place points on: own (x1, x2, label) as dots of their class's colour over a faint grid of
    cells, centres `cells` ({"x", "y"}). Its selection "pick" holds the (x, y) of the thing clicked, a
    cell's centre or a dot's own place (a point selection of a layered chart takes the item clicked in any
    layer): ui.chart.picked reads it, core.own_points.toggle adds or removes."""
    ticks = [-extent, -extent / 2, 0, extent / 2, extent]
    x = {"field": "x", "type": "quantitative", "title": "x₁", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [-extent, extent], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "title": "x₂", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [-extent, extent], "nice": False, "zero": False}}
    side = round(len(cells) ** 0.5)
    grid = {"data": {"values": cells},
            "params": [{"name": "pick", "select": {"type": "point", "fields": ["x", "y"]}}],
            # a cell is a rect centred on its centre, ringed white: the grid's lines. (A size of "width / 40 - 0.5"
            # drew the same but took no clicks in Chromium)
            "mark": {"type": "rect", "fill": GREY, "opacity": 0.55, "cursor": "crosshair", "stroke": "white",
                     "strokeWidth": 0.4, "width": {"expr": f"width / {side}"}, "height": {"expr": f"height / {side}"}},
            "encoding": {"x": x, "y": y}}
    dots = {"data": {"values": [{"x": a, "y": b, "c": c} for a, b, c in own]},
            "mark": {"type": "circle", "size": 60, "opacity": 1, "stroke": "white", "strokeWidth": 0.8,
                     "cursor": "pointer"},
            "encoding": {"x": x, "y": y,
                         "color": {"field": "c", "type": "nominal", "legend": None,
                                   "scale": {"domain": list(range(len(CLASS_COLOURS))), "range": CLASS_COLOURS}}}}
    return Spec({"title": title, "height": size, "width": size, "layer": [grid, dots]})


def _point_rows(p: torch.Tensor, y: torch.Tensor, which: str) -> list[dict]:
    xs = np.round(p.numpy().astype(float), 3).tolist()
    return [{"x": a, "y": b, "c": c, "s": which} for (a, b), c in zip(xs, y.tolist())]


def layout(widths: list[int]) -> list[list[tuple[float, float]]]:
    """Where each node sits: column c, rows centred on 0, the first node at the top."""
    return [[(float(c), j - (n - 1) / 2) for j in range(n)] for c, n in enumerate(widths)]


def network(maps: list[torch.Tensor], weights: list[torch.Tensor], input_labels: list[str],
            column_titles: list[str], node: int = 34, height: int = 400, classes: int = 2) -> Spec:
    """The network: maps[c] (n_c, R, R) is column c's nodes over the plane (inputs, hidden layers,
    output); weights[c] (n_{c+1}, n_c) joins column c to c + 1, a line each, its width the weight's size
    and its colour the sign (blue positive, orange negative). More than two classes: an output node a
    class, its probability over the plane, with a dot of the class's colour beside it."""
    spots = layout([len(m) for m in maps])
    last = len(maps) - 1
    rows_most = max(8, max(len(m) for m in maps))
    edges = []
    for c, w in enumerate(weights):
        w = w.numpy()
        for i, (x2, y2) in enumerate(spots[c + 1]):
            for j, (x1, y1) in enumerate(spots[c]):
                edges.append({"x": x1, "y": y1, "x2": x2, "y2": y2, "w": round(abs(float(w[i, j])), 3),
                              "sign": "+" if w[i, j] >= 0 else "-"})
    side = maps[0].shape[-1]
    cells = pd.DataFrame({  # one row a cell of a node's map: its column, its row (twice, a whole number), cell, value
        "c": np.concatenate([np.full(m[j].numel(), c, np.uint8) for c, m in enumerate(maps) for j in range(len(m))]),
        "r2": np.concatenate([np.full(m[j].numel(), round(2 * spots[c][j][1]), np.int8)
                              for c, m in enumerate(maps) for j in range(len(m))]),
        "k": np.tile(np.arange(side * side, dtype=np.uint8), sum(len(m) for m in maps)),
        "v": np.concatenate([levels(m[j]) for m in maps for j in range(len(m))])})
    pixel = node / side
    x = {"field": "x", "type": "quantitative", "axis": None,
         "scale": {"domain": [-0.9, last + 0.5], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "axis": None,
         "scale": {"domain": [rows_most / 2, -rows_most / 2 - 0.5], "nice": False, "zero": False}}
    lines = {"data": {"values": edges}, "mark": {"type": "rule", "opacity": 0.75},
             "encoding": {"x": x, "y": y, "x2": {"field": "x2"}, "y2": {"field": "y2"},
                          "color": {"field": "sign", "type": "nominal", "legend": None,
                                    "scale": {"domain": ["+", "-"], "range": [BLUE, ORANGE]}},
                          "strokeWidth": {"field": "w", "type": "quantitative", "legend": None,
                                          "scale": {"domain": [0, 2], "range": [0.4, 6], "clamp": True}},
                          "tooltip": [{"field": "w", "type": "quantitative", "title": "|w|"}]}}
    centre = (side - 1) / 2
    images = {"data": {"values": cells},
              "transform": [{"calculate": "datum.c", "as": "x"}, {"calculate": "datum.r2 / 2", "as": "y"},
                            {"calculate": f"(datum.k % {side} - {centre}) * {pixel}", "as": "dx"},
                            {"calculate": f"(floor(datum.k / {side}) - {centre}) * {pixel}", "as": "dy"}],
              # offsets in pixels, so each map stays a square `node` pixels wide at any chart width
              "mark": {"type": "square", "size": (pixel + 0.7) ** 2, "filled": True, "opacity": 1, "strokeWidth": 0,
                       "xOffset": {"expr": "datum.dx"}, "yOffset": {"expr": "datum.dy"}},
              "encoding": {"x": x, "y": y, "color": _colour("v", [ORANGE, GREY, BLUE])}}
    labels = {"data": {"values": [{"x": a, "y": b, "t": t} for (a, b), t in zip(spots[0], input_labels)]},
              "mark": {"type": "text", "align": "right", "dx": -node / 2 - 4},
              "encoding": {"x": x, "y": y, "text": {"field": "t", "type": "nominal"}}}
    titles = {"data": {"values": [{"x": float(c), "y": -rows_most / 2 - 0.3, "t": t}
                                  for c, t in enumerate(column_titles)]},
              "mark": {"type": "text", "color": "#555", "lineBreak": "\n", "baseline": "bottom"},
              "encoding": {"x": x, "y": y, "text": {"field": "t", "type": "nominal"}}}
    layers = [lines, images, labels, titles]
    if classes > 2:
        layers.append({"data": {"values": [{"x": a, "y": b, "c": i} for i, (a, b) in enumerate(spots[last])]},
                       "mark": {"type": "circle", "size": 110, "opacity": 1, "xOffset": node / 2 + 10},
                       "encoding": {"x": x, "y": y, "color": {"field": "c", "type": "nominal", "legend": None,
                                                              "scale": {"domain": list(range(classes)),
                                                                        "range": CLASS_COLOURS[:classes]}}}})
    # the words' size in the config, not on the marks: presenter mode's configure_text enlarges them then
    # (set on the marks, they stayed 12 px on a projector)
    return Spec(named({"height": height, "layer": layers,
                       "config": {"text": {"fontSize": 13}}}, "network"))


def thumbnail(x: torch.Tensor, y: torch.Tensor, extent: float, size: int = 72) -> np.ndarray:
    """A data set as a small picture (size, size, 3) uint8: a dot of each class's colour per point."""
    image = np.full((size, size, 3), 250, dtype=np.uint8)
    cols = np.clip(((x[:, 0].numpy() + extent) / (2 * extent) * (size - 2)).astype(int), 0, size - 3)
    rows = np.clip(((extent - x[:, 1].numpy()) / (2 * extent) * (size - 2)).astype(int), 0, size - 3)
    rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLOURS], dtype=np.uint8)[y.numpy()]
    for dr in (0, 1):
        for dc in (0, 1):
            image[rows + dr, cols + dc] = rgb
    return image


def train_and_test_loss(series: dict[str, list[float]], title: str, x_title: str, y_title: str,
                        most: int = 400, gap: str | None = None) -> Spec:
    """Loss curves, one line a named series (epoch 1 first), at most `most` points each. gap: with two
    series (train, then test), the band between them shaded and named so in the legend: how much worse
    the network does on points it has not seen."""
    rows, kept = [], {}
    for name, values in series.items():
        step = max(1, len(values) // most)
        keep = list(range(0, len(values), step))
        if keep[-1] != len(values) - 1:
            keep.append(len(values) - 1)
        kept[name] = keep
        rows += [{"epoch": i + 1, "loss": round(float(values[i]), 6), "set": name} for i in keep]
    x = {"field": "epoch", "type": "quantitative", "title": x_title, "axis": {"format": "d", "tickMinStep": 1}}
    lines = {
        "data": {"values": rows},
        "mark": {"type": "line"},
        "encoding": {
            "x": x,
            "y": {"field": "loss", "type": "quantitative", "title": y_title},
            "color": {"field": "set", "type": "nominal", "title": None,
                      "scale": {"domain": list(series), "range": [BLUE, ORANGE]}},
            "tooltip": [{"field": "set", "type": "nominal"}, {"field": "epoch", "type": "quantitative"},
                        {"field": "loss", "type": "quantitative", "format": ".4g"}],
        },
    }
    layers = [lines]
    if gap is not None and len(series) == 2:
        (train_name, train), (_, test) = series.items()
        band = [{"epoch": i + 1, "train": round(float(train[i]), 6), "test": round(float(test[i]), 6), "band": gap}
                for i in kept[train_name] if i < len(test)]
        layers.insert(0, {  # under the lines; its own legend entry, grey, named by the page
            "data": {"values": band},
            "mark": {"type": "area", "opacity": 0.25},
            "encoding": {"x": x, "y": {"field": "train", "type": "quantitative"}, "y2": {"field": "test"},
                         "fill": {"field": "band", "type": "nominal", "title": None,
                                  "scale": {"range": ["#888888"]}}},
        })
    return Spec(named({"title": title, "layer": layers, "height": 260}, "curves"))
