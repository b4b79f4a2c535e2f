"""What one live redraw of the Classify page costs the server, at the issue's worst case.

    python bench/classify_redraw.py [--repeats 20] [--points 1000] [--layers 16-16-16-16-16-16-16-16] [--classes 5]

The issue's worst case by default: 8 layers of 16 neurons over all 7 features, 1,000 points of a 5-arm spiral
(half kept for testing, shown), 5 output neurons:
the server's work per redraw is the two forward passes over the grids, the PNG maps, building the
Altair charts and turning them into the JSON Streamlit sends (to_dict + json.dumps), and the loss
chart. The budget is 50 ms. For reference, measured in the same run: the same maps drawn the naive
way, one Altair rect mark per grid cell (40x40 for the boundary, 12x12 per neuron).
"""
import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import altair as alt
import pandas as pd
import torch
from streamlit import dataframe_util

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from core import classify, network_picture, plane_maps, points  # noqa: E402

WORDS = {"boundary": "Decision boundary", "inputs": "Inputs", "layer": "Layer {i}", "output": "Output"}


def spec_bytes(chart) -> int:
    """What Streamlit does with a chart (ui.chart.show): to_dict without validation, named datasets
    to Arrow, the rest to JSON."""
    spec = chart.to_dict(validate=False)
    sent = sum(len(dataframe_util.convert_anything_to_arrow_bytes(rows)) for rows in spec.pop("datasets", {}).values())
    return sent + len(json.dumps(spec))


def redraw(model, setup, data, loss) -> int:
    """One redraw as the page does it: both pictures and the loss curves; returns the bytes sent."""
    train_x, train_y, test_x, test_y, train_p, test_p = data
    left, right = plane_maps.pictures(model, setup, train_p, train_y, test_p, test_y, WORDS)
    curves = network_picture.train_and_test_loss({"train": loss, "test": loss}, title="Loss", x_title="Epoch",
                                                 y_title="Loss", gap="the gap")
    return spec_bytes(left) + spec_bytes(right) + spec_bytes(curves)


def naive(model, setup) -> int:
    """The reference: every map as an Altair chart over a pandas frame (one row a cell)."""
    maps = plane_maps.neuron_maps(model, setup.features, 12)
    margin = plane_maps.output_map(model, setup.features, 40)
    frames = [pd.DataFrame({"i": range(1600), "v": margin.reshape(-1).tolist()})]
    frames += [pd.DataFrame({"i": range(144), "v": m[j].reshape(-1).tolist()}) for m in maps for j in range(len(m))]
    total = 0
    for frame in frames:
        chart = alt.Chart(frame).mark_rect().encode(x="i:O", y="v:Q", color="v:Q")
        total += spec_bytes(chart)
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--layers", default="-".join(["16"] * classify.MAX_LAYERS))
    parser.add_argument("--classes", type=int, default=points.MOST_CLASSES)
    args = parser.parse_args()
    torch.set_num_threads(1)
    setup = classify.Setup("spiral", 0.1, 0, 0.5, tuple(points.FEATURES), classify.parse_layers(args.layers),
                           "tanh", "none", 0.0, n=args.points, classes=args.classes)
    data = classify.prepare(setup)
    model = classify.network(setup.features, setup.layers, setup.activation, 0, classes=args.classes)
    loss = [1 / (i + 1) for i in range(400)]
    ours, reference, sent = [], [], 0
    redraw(model, setup, data, loss)  # once untimed: first calls import and warm caches
    for _ in range(args.repeats):  # interleaved: the machine is shared, both see the same load
        start = time.perf_counter()
        sent = redraw(model, setup, data, loss)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        naive_sent = naive(model, setup)
        reference.append(time.perf_counter() - start)
    ms, ref_ms = 1000 * statistics.median(ours), 1000 * statistics.median(reference)
    print(f"network {args.layers} over {len(setup.features)} features, {args.points} points of {args.classes} classes, "
          f"{args.repeats} redraws")
    print(f"one redraw (both pictures + loss chart): median {ms:.1f} ms, worst {1000 * max(ours):.1f} ms, "
          f"{sent / 1024:.0f} KiB of chart specs; budget 50 ms: {'OK' if ms <= 50 else 'OVER'}")
    print(f"reference, the maps as Altair charts: median {ref_ms:.1f} ms, {naive_sent / 1024:.0f} KiB "
          f"(ratio {ref_ms / ms:.1f}x)")


if __name__ == "__main__":
    main()
