"""Gradient descent: the path of W down cost(W) = mean((W x - y)^2), with b held at 0."""
import streamlit as st
import torch

import core
from ui import controls, nav, run

nav.ensure_entrypoint()

st.title("Gradient descent")
st.markdown("With b held at 0, the cost of y = W x on x = 1, 2, 3 and y = 2, 4, 6 is a parabola in W. "
            "Each step moves W against the slope: W := W - lr * grad.")
x, y = core.data.table("line")
cfg = controls.train_controls("descent", lr=0.01, epochs=50, max_epochs=1000)
W0 = 0.0


def start(cfg: core.TrainConfig) -> core.Run:
    model = core.models.linear(init="zeros", bias=False)
    return core.Run(model, core.losses.mse, x, y, cfg, metrics={"W": lambda m: m.weight.item()})


def draw(r: core.Run) -> None:
    path = torch.tensor([W0] + r.hist.metrics.get("W", []))
    lo, hi = min(-1.0, path.min().item()), max(5.0, path.max().item())
    grid = torch.linspace(lo, hi, 200)
    st.markdown(f"W = **{path[-1].item():.4f}** after {len(path) - 1} steps (the best W is 2).")
    left, right = st.columns(2)
    with left:
        st.altair_chart(core.charts.cost_curve(grid.tolist(), core.landscape.linear_cost_1d(x, y, grid).tolist(),
                                               path.tolist(), core.landscape.linear_cost_1d(x, y, path).tolist()),
                        width="stretch")
    with right:
        run.loss_view(r)


run.train_panel("descent", cfg, start, draw)
