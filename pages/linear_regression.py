"""Linear regression: fit y = W x + b to a tutorial's table with the shared loop."""
import streamlit as st

import core
from ui import controls, nav, run

nav.ensure_entrypoint()

st.title("Linear regression")
DATASETS = {"line": "x = 1, 2, 3; y = 2, 4, 6", "hours": "Hours studied to ability",
            "heights": "Heights to weights (centred)"}
name = st.selectbox("Data set", list(DATASETS), format_func=DATASETS.get, key="linear.dataset")
x, y = core.data.table(name, centred=name == "heights")
cfg = controls.train_controls("linear", lr=0.01, epochs=1000)


def start(cfg: core.TrainConfig) -> core.Run:
    return core.Run(core.models.linear(init="zeros"), core.losses.mse, x, y, cfg)


def draw(r: core.Run) -> None:
    w, b = r.model.weight.item(), r.model.bias.item()
    st.markdown(f"W = **{w:.4f}**, b = **{b:.4f}**")
    xs = x.squeeze(1).tolist()
    left, right = st.columns(2)
    with left:
        margin = 0.1 * (max(xs) - min(xs)) + 0.5
        ends = [min(xs) - margin, max(xs) + margin]
        st.altair_chart(core.charts.fit_line(xs, y.squeeze(1).tolist(), ends, [w * e + b for e in ends]),
                        width="stretch")
    with right:
        run.loss_view(r)


run.train_panel("linear", cfg, start, draw)
