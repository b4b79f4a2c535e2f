"""Classify's decision boundary: as fine as 100 cells a side where 40 looked blocky, drawn in no more
rects than the 40 x 40 cells once took, each cell of the plane shaded once and in its own shade."""
import math

import numpy as np
import torch
from torch import nn

from core import network_picture, plane_maps


class Spiral(nn.Module):
    """A sharp two-armed spiral over (x1, x2), as a trained network draws it: logits (N, 2)."""
    def __init__(self, sharpness: float = 20.0, turns: float = 1.75, noise: float = 0.0):
        super().__init__()
        self.sharpness, self.turns, self.noise = sharpness, turns, noise
        self.dummy = nn.Parameter(torch.zeros(()))  # a parameter, so the picture finds the device

    def forward(self, x):
        r, angle = x.norm(dim=1), torch.atan2(x[:, 0], x[:, 1])
        wave = torch.sin(angle - 2 * math.pi * r / 5 * self.turns)
        if self.noise:  # a scribble: a different shade in every cell
            wave = wave + self.noise * torch.sin(97.0 * x[:, 0]) * torch.cos(89.0 * x[:, 1])
        blue = self.sharpness * wave
        return torch.stack([-blue, blue], dim=1) + self.dummy


def covers_each_cell_once(margin: torch.Tensor) -> None:
    runs = network_picture.shade_runs(margin)
    side = margin.shape[0]
    unit = network_picture.UNITS // side
    drawn = np.full((side, side), 999)
    for r, a, b, h, v in zip(runs.r, runs.a, runs.b, runs.h, runs.v):
        assert h == unit and (drawn[r // unit, a // unit:b // unit] == 999).all()
        drawn[r // unit, a // unit:b // unit] = v
    step = network_picture.SHADE_STEP
    assert (drawn == np.round(network_picture.levels(margin).reshape(side, side) / step) * step).all()


def test_a_spiral_is_drawn_from_100_cells_a_side_in_no_more_rects_than_40_x_40_took():
    margin = plane_maps.boundary_map(Spiral(), ("x1", "x2"))
    assert margin.shape == (100, 100)  # 40 a side made the arms a staircase
    assert len(network_picture.shade_runs(margin)) <= plane_maps.MOST_RUNS == 40 * 40
    covers_each_cell_once(margin)


def test_a_scribble_falls_back_to_fewer_cells_and_stays_within_the_rects():
    margin = plane_maps.boundary_map(Spiral(noise=3.0), ("x1", "x2"))
    assert margin.shape[0] < 100 and len(network_picture.shade_runs(margin)) <= plane_maps.MOST_RUNS
    covers_each_cell_once(margin)


def test_the_spec_stays_the_same_whatever_the_map_size():
    """Streamlit swaps a redraw's rows into the chart drawn when only its data changes (no flicker)."""
    points, labels = torch.zeros(4, 2), torch.tensor([0, 1, 0, 1])
    specs = [network_picture.boundary(plane_maps.output_map(Spiral(), ("x1", "x2"), side), 6.0, points,
                                      labels).to_dict() for side in plane_maps.BOUNDARY_SIDES]
    assert all({**s, "datasets": None} == {**specs[0], "datasets": None} for s in specs)


def test_the_network_s_words_grow_with_presenter_mode():
    """Its labels' size was set on the marks, so presenter mode's text size left them 12 px on a projector."""
    import torch
    from core import network_picture
    from ui import chart
    maps = [torch.zeros(2, 4, 4), torch.zeros(3, 4, 4), torch.zeros(1, 4, 4)]
    picture = network_picture.network(maps, [torch.ones(3, 2), torch.ones(1, 3)], ["x1", "x2"], ["a", "b", "c"])
    assert not any("fontSize" in layer["mark"] for layer in picture.to_dict()["layer"])
    assert chart.spec(picture, presenting=True)["config"]["text"]["fontSize"] > chart.spec(
        picture, presenting=False)["config"]["text"]["fontSize"]
