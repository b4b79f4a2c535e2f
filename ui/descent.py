"""Gradient descent's pictures of cost(W), b held at 0: a data set, a walk of W, and its four regimes.

The regime pictures follow from the data set, the start and the language alone: the server draws them
once for every session (st.cache_data), and the page's default ones as it starts (warm_up), so the first
visitor of a lesson does not wait for them.
"""
import math

import altair as alt
import streamlit as st
import torch

import core
from ui import chart, i18n

DATA, START_W = "line", -1.0  # the page's default data set and starting W
REGIME_STEPS = 12


def data(name: str) -> tuple[torch.Tensor, torch.Tensor]:
    """The page's data set `name`: x, y (N, 1); the heights centred, as the tutorial does."""
    return core.data.table(name, centred=name == "heights")


def data_code(name: str, comment: str) -> str:
    """The script's data: the tutorial's numbers as it gives them, then the centring step for the heights."""
    return core.codegen.data_steps(core.codegen.data_values(*core.data.table(name), comment),
                                   centred=name == "heights")


def best_w0(x: torch.Tensor, y: torch.Tensor) -> float:
    """The W that minimises mean((W x - y)^2) when b is held at 0."""
    return (x * y).sum().item() / x.pow(2).sum().item()


def parabola(x: torch.Tensor, y: torch.Tensor, path: list[float], title: str, y_title: str,
             span: float | None = None) -> alt.Chart:
    """cost(W) with b = 0 around its minimum, and the path of W on it."""
    best = best_w0(x, y)
    reach = span or max([abs(p - best) for p in path if math.isfinite(p)] + [2.0]) * 1.15
    grid = torch.linspace(best - reach, best + reach, 200, dtype=torch.float64)  # a far walk passes float32
    walk = torch.tensor(path, dtype=torch.float64)  # float64: a step past float32's range still has a cost
    return core.charts.cost_curve(grid.tolist(), core.landscape.linear_cost_1d(x, y, grid).tolist(),
                                  path, core.landscape.linear_cost_1d(x, y, walk).tolist(), title=title,
                                  y_title=y_title)


@st.cache_data(max_entries=256, show_spinner=False)
def regime_picture(name: str, kind: str, start: float, lang: str, presenting: bool) -> dict:
    """Twelve steps at a rate that shows the regime `kind`, and their picture (a Vega-Lite spec)."""
    x, y = data(name)
    lr = core.landscape.lr_for_regime(kind, x)
    path = core.regimes.walk(x.reshape(-1).tolist(), y.reshape(-1).tolist(), start, lr, REGIME_STEPS)
    title = f"{i18n.t_in(lang, f'descent.regime.{kind}')} · {i18n.t_in(lang, 'descent.regime_lr', lr=f'{lr:.3g}')}"
    picture = parabola(x, y, path, title, i18n.t_in(lang, "descent.cost"),
                       span=max(abs(start - best_w0(x, y)), 0.5) * 1.6)
    return chart.spec(picture.properties(height=220), presenting)


def warm_up() -> None:
    """The default regime pictures in every language, drawn before anyone opens the page."""
    for lang in i18n.LANGS:
        for kind in core.regimes.REGIMES:
            regime_picture(DATA, kind, START_W, lang, False)
