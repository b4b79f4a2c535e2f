"""Sine: fit sin(x) on [-pi, pi] with the cubic a + b x + c x^2 + d x^3."""
import altair as alt
import pandas as pd
import streamlit as st

import core
from ui import controls, nav, run

nav.ensure_entrypoint()

st.title("Approximating sin(x)")
st.markdown("A cubic a + b x + c x² + d x³, started from random numbers, learns sin(x) from 1000 points "
            "by plain gradient descent on the sum of squared errors.")
x, y = core.data.sine(1000)
cfg = controls.train_controls("sine", lr=1e-6, epochs=2000, max_epochs=20000)


def start(cfg: core.TrainConfig) -> core.Run:
    return core.Run(core.models.cubic(seed=cfg.seed), core.losses.sum_of_squares, x, y, cfg)


def draw(r: core.Run) -> None:
    a, b, c, d = r.model.coefficients()
    st.markdown(f"y = **{a:.4f}** {b:+.4f} x {c:+.4f} x² {d:+.4f} x³")
    frame = pd.DataFrame({"x": x.squeeze(1).tolist() * 2,
                          "y": y.squeeze(1).tolist() + core.predict(r.model, x).squeeze(1).tolist(),
                          "curve": ["sin(x)"] * len(x) + ["prediction"] * len(x)})
    left, right = st.columns(2)
    with left:
        st.altair_chart(alt.Chart(frame, title="sin(x) and the cubic").mark_line()
                        .encode(x="x:Q", y="y:Q",
                                color=alt.Color("curve:N", scale=alt.Scale(range=["#e4572e", "#1c7ed6"]))),
                        width="stretch")
    with right:
        run.loss_view(r, log_scale=True)


run.train_panel("sine", cfg, start, draw)
