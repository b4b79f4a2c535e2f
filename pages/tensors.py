"""Tensors: one point, one line, and the loop that walks the line to the point."""
import streamlit as st
import torch

import core
from ui import controls, run

st.title("Tensors and autograd")
st.markdown("One data point, x = 2 and y = 4, and a line y_hat = W x + b that starts at W = b = 1. "
            "The loss is 0.5 (y - y_hat)^2; each step moves W and b against their gradients.")

x = torch.tensor([[2.0]])  # (1, 1)
y = torch.tensor([[4.0]])  # (1, 1)
cfg = controls.train_controls("tensors", lr=0.1, epochs=20, max_epochs=1000)


def start(cfg: core.TrainConfig) -> core.Run:
    return core.Run(core.models.linear(init="ones"), core.losses.half_squared_error, x, y, cfg)


def draw(r: core.Run) -> None:
    w, b = r.model.weight.item(), r.model.bias.item()
    st.markdown(f"W = **{w:.4f}**, b = **{b:.4f}**, prediction for x = 2: **{2 * w + b:.4f}**")
    left, right = st.columns(2)
    with left:
        st.altair_chart(core.charts.fit_line([2.0], [4.0], [0.0, 3.0], [b, 3 * w + b]),
                        width="stretch")
    with right:
        run.loss_view(r)


run.train_panel("tensors", cfg, start, draw)
