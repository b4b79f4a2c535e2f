"""Pictures of a classifier, after TensorFlow Playground: the decision boundary under the points, and the
network itself, each neuron a small map of its output over the plane, joined by its weights.

Maps are small PNG images (a data: URL in a Vega-Lite image mark), not one rect mark per cell: a
30x30 map as rects is 900 rows for the server to serialise and the browser to draw, an image is one
row of about a kilobyte. Pure functions: numbers in, a chart spec (or an image array) out.
"""
import base64
import io
import json

import numpy as np
import torch
from PIL import Image

ORANGE, BLUE = "#f59322", "#0877bd"   # class 0 and class 1, TensorFlow Playground's colours
_STOPS = np.array([[245, 147, 34], [232, 234, 235], [8, 119, 189]], dtype=np.float32)  # -1, 0, +1


def colours(values: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] (clipped) -> RGB uint8, orange through light grey to blue; shape (..., 3)."""
    v = np.clip(np.nan_to_num(values), -1.0, 1.0)[..., None]
    low = _STOPS[1] + (_STOPS[0] - _STOPS[1]) * np.clip(-v, 0, 1)
    high = _STOPS[1] + (_STOPS[2] - _STOPS[1]) * np.clip(v, 0, 1)
    return np.where(v < 0, low, high).astype(np.uint8)


def png_url(rgb: np.ndarray) -> str:
    """An RGB uint8 image (H, W, 3) as a data: URL."""
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def map_url(values: torch.Tensor, pale: float = 0.0) -> str:
    """One map (R, R) of a neuron's output, row 0 at the top, scaled into [-1, 1] when it leaves it;
    pale: how far towards white (0 to 1), so points of the same colours stand out on it."""
    v = values.numpy()
    rgb = colours(v / max(1.0, float(np.abs(np.nan_to_num(v)).max(initial=0.0))))
    if pale:
        rgb = (rgb + (255 - rgb.astype(np.float32)) * pale).astype(np.uint8)
    return png_url(rgb)


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
        return json.loads(json.dumps(self.spec))  # a copy the caller may change

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


def boundary(margin: torch.Tensor, extent: float, train_points: torch.Tensor, train_y: torch.Tensor,
             test_points: torch.Tensor | None = None, test_y: torch.Tensor | None = None,
             title: str = "", size: int = 330) -> Spec:
    """The decision boundary: margin (R, R) = P(blue) - P(orange) as a shaded square, with the training
    points (N, 2) on it, white-ringed, and the test points, if given, ringed in black."""
    ticks = [-extent, -extent / 2, 0, extent / 2, extent]
    # one unit as long on both axes, whatever the column's width: the longer axis shows more of the plane
    half_x = {"expr": f"{extent} * max(1, width / height)"}
    half_y = {"expr": f"{extent} * max(1, height / width)"}
    x = {"field": "x", "type": "quantitative", "title": "x₁", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [{"expr": f"-{half_x['expr']}"}, half_x], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "title": "x₂", "axis": {"values": ticks, "grid": False},
         "scale": {"domain": [{"expr": f"-{half_y['expr']}"}, half_y], "nice": False, "zero": False}}
    shade = {"data": {"values": [{"url": map_url(margin, pale=0.45), "x": -extent, "x2": extent, "y": extent, "y2": -extent}]},
             "mark": {"type": "image", "aspect": False, "smooth": True},
             "encoding": {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"},
                          "url": {"field": "url", "type": "nominal"}}}
    rows = _point_rows(train_points, train_y, "train")
    if test_points is not None and test_y is not None:
        rows += _point_rows(test_points, test_y, "test")
    dots = {"data": {"values": rows},
            "mark": {"type": "circle", "size": 42, "opacity": 1, "strokeWidth": 0.8},
            "encoding": {"x": x, "y": y,
                         "color": {"field": "c", "type": "nominal", "legend": None,
                                   "scale": {"domain": [0, 1], "range": [ORANGE, BLUE]}},
                         "stroke": {"field": "s", "type": "nominal", "legend": None,
                                    "scale": {"domain": ["train", "test"], "range": ["white", "black"]}}}}
    # as wide as its column (Streamlit's stretch), `size` high: square on a laptop, taller on a narrow screen
    return Spec(named({"title": title, "height": size, "layer": [shade, dots]}, "boundary"))


def _point_rows(p: torch.Tensor, y: torch.Tensor, which: str) -> list[dict]:
    xs = np.round(p.numpy().astype(float), 3).tolist()
    return [{"x": a, "y": b, "c": c, "s": which} for (a, b), c in zip(xs, y.tolist())]


def layout(widths: list[int]) -> list[list[tuple[float, float]]]:
    """Where each node sits: column c, rows centred on 0, the first node at the top."""
    return [[(float(c), j - (n - 1) / 2) for j in range(n)] for c, n in enumerate(widths)]


def network(maps: list[torch.Tensor], weights: list[torch.Tensor], input_labels: list[str],
            column_titles: list[str], node: int = 34, height: int = 400) -> Spec:
    """The network: maps[c] (n_c, R, R) is column c's nodes over the plane (inputs, hidden layers,
    output); weights[c] (n_{c+1}, n_c) joins column c to c + 1, a line each, its width the weight's size
    and its colour the sign (blue positive, orange negative)."""
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
    nodes = [{"x": x, "y": y, "url": map_url(m[j])} for c, m in enumerate(maps) for j, (x, y) in enumerate(spots[c])]
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
    images = {"data": {"values": nodes}, "mark": {"type": "image", "width": node, "height": node},
              "encoding": {"x": x, "y": y, "url": {"field": "url", "type": "nominal"}}}
    labels = {"data": {"values": [{"x": a, "y": b, "t": t} for (a, b), t in zip(spots[0], input_labels)]},
              "mark": {"type": "text", "align": "right", "dx": -node / 2 - 4, "fontSize": 13},
              "encoding": {"x": x, "y": y, "text": {"field": "t", "type": "nominal"}}}
    titles = {"data": {"values": [{"x": float(c), "y": -rows_most / 2 - 0.3, "t": t}
                                  for c, t in enumerate(column_titles)]},
              "mark": {"type": "text", "fontSize": 12, "color": "#555"},
              "encoding": {"x": x, "y": y, "text": {"field": "t", "type": "nominal"}}}
    return Spec(named({"height": height, "layer": [lines, images, labels, titles]}, "network"))


def thumbnail(x: torch.Tensor, y: torch.Tensor, extent: float, size: int = 72) -> np.ndarray:
    """A data set as a small picture (size, size, 3) uint8: a dot of each class's colour per point."""
    image = np.full((size, size, 3), 250, dtype=np.uint8)
    cols = np.clip(((x[:, 0].numpy() + extent) / (2 * extent) * (size - 2)).astype(int), 0, size - 3)
    rows = np.clip(((extent - x[:, 1].numpy()) / (2 * extent) * (size - 2)).astype(int), 0, size - 3)
    rgb = np.array([[245, 147, 34], [8, 119, 189]], dtype=np.uint8)[y.numpy()]
    for dr in (0, 1):
        for dc in (0, 1):
            image[rows + dr, cols + dc] = rgb
    return image


def curves(series: dict[str, list[float]], title: str, x_title: str, y_title: str, most: int = 400) -> Spec:
    """Loss curves, one line a named series (epoch 1 first), at most `most` points each."""
    rows = []
    for name, values in series.items():
        step = max(1, len(values) // most)
        keep = list(range(0, len(values), step))
        if keep[-1] != len(values) - 1:
            keep.append(len(values) - 1)
        rows += [{"epoch": i + 1, "loss": round(float(values[i]), 6), "set": name} for i in keep]
    return Spec(named({"title": title, "data": {"values": rows}, "mark": {"type": "line"},
                 "encoding": {"x": {"field": "epoch", "type": "quantitative", "title": x_title,
                                    "axis": {"format": "d", "tickMinStep": 1}},
                              "y": {"field": "loss", "type": "quantitative", "title": y_title},
                              "color": {"field": "set", "type": "nominal", "title": None,
                                        "scale": {"domain": list(series), "range": [BLUE, ORANGE]}},
                              "tooltip": [{"field": "set", "type": "nominal"}, {"field": "epoch", "type": "quantitative"},
                                          {"field": "loss", "type": "quantitative", "format": ".4g"}]},
                 "height": 260}, "curves"))
