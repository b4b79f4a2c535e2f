"""Linear regression: fit y = W x + b with optim.SGD, live, and compare it with the closed form."""
import math

import pandas as pd
import streamlit as st

import core
from ui import chart, code_panel, controls, nav, run

nav.ensure_entrypoint()

st.title("Linear regression")
st.markdown("Fit a straight line **y = W x + b** to data by gradient descent on the mean squared "
            "error, as the tutorials do with `optim.SGD`. Watch the line move while it trains.")
cfg = controls.train_controls("linear", lr=0.01, epochs=1000)

# Data -------------------------------------------------------------------------------------------
DATASETS = {"line": "x = 1, 2, 3 → y = 2, 4, 6", "hours": "Hours studied → ability (200, 400, 600)",
            "heights": "Heights → weights (5 people)", "noisy": "A noisy line you generate",
            "csv": "Your own CSV file"}
name = st.radio("Data set", list(DATASETS), format_func=DATASETS.get, horizontal=True,
                **controls.linked("linear", core.settings.choice("dataset", DATASETS, "line")))
inputs = (name,)
try:
    if name == "heights":
        centred = st.checkbox("Centre x and y (subtract their means), as the tutorial does", value=True,
                              key="linear.centred",
                              help="Centred data puts the best b near 0 and lets one learning rate suit "
                                   "both W and b; raw heights near 170 need a far smaller one.")
        x, y = core.data.table("heights", centred=centred)
        names, inputs = ("height", "weight"), (name, centred)
    elif name == "noisy":
        c = st.columns(5)
        params = dict(n=int(c[0].number_input("Points", 2, core.data.MAX_ROWS, 30, key="linear.points")),
                      slope=c[1].number_input("Slope", value=2.0, key="linear.slope"),
                      intercept=c[2].number_input("Intercept", value=1.0, key="linear.intercept"),
                      noise=c[3].number_input("Noise", 0.0, 100.0, 1.0, key="linear.noise"),
                      seed=int(c[4].number_input("Data seed", 0, 10**6, 0, key="linear.data_seed")))
        x, y = core.data.noisy_line(**params)
        data_code = core.codegen.data_noisy_line(**params)
        names, inputs = ("x", "y"), (name, *params.values())
    elif name == "csv":
        upload = st.file_uploader("CSV of two numeric columns, x then y (an optional header row; "
                                  f"at most {core.data.MAX_ROWS:,} rows and 1 MB)", type=["csv", "txt"],
                                  key="linear.csv")
        if upload is None:
            st.info("Upload a file to fit a line to it, e.g. a file whose lines read `x,y`, `1,2.1`, `2,3.9`.")
            st.stop()
        raw = upload.getvalue()
        x, y, names = core.data.read_xy_csv(raw)
        inputs = (name, upload.name, len(raw), hash(raw))
    else:
        x, y = core.data.table(name)
        names = ("hours", "ability") if name == "hours" else ("x", "y")
except core.data.DataError as err:
    st.error(str(err), icon=":material/error:")
    st.stop()

best_w, best_b = core.landscape.least_squares(x, y)
log_scale = st.toggle("Log-scale loss", key="linear.log", help="A log scale shows the loss still falling "
                      "long after it looks flat on an ordinary scale.")


def start(cfg: core.TrainConfig) -> core.Run:
    return core.Run(core.models.linear(init="zeros"), core.losses.mse, x, y, cfg)


def draw(r: core.Run) -> None:
    w, b = r.model.weight.item(), r.model.bias.item()
    xs, ys = r.x.reshape(-1).tolist(), r.y.reshape(-1).tolist()
    left, right = st.columns(2, gap="large")
    with left:
        if math.isfinite(w) and math.isfinite(b):
            pad = 0.1 * (max(xs) - min(xs)) + 0.5
            ends = [min(xs) - pad, max(xs) + pad]
            picture = core.charts.fit_line(xs, ys, ends, [w * e + b for e in ends],
                                         title=f"{names[1]} = {w:.4f} · {names[0]} {b:+.4f}")
            chart.show(picture.properties(height=360))
        else:
            st.caption("The weights are no longer finite numbers, so there is no line to draw.")
        best_loss = core.losses.mse(best_w * r.x + best_b, r.y).item()
        final = r.hist.loss[-1] if r.hist.loss else float("nan")
        st.dataframe(pd.DataFrame({"": ["trained by SGD", "least squares (closed form)"],
                                   "W": [w, best_w], "b": [b, best_b], "loss": [final, best_loss]}),
                     hide_index=True, width="stretch",
                     column_config={k: st.column_config.NumberColumn(format="%.4f") for k in ("W", "b", "loss")})
    with right:
        run.loss_view(r, log_scale=log_scale)


run.train_panel("linear", cfg, start, draw, inputs=inputs)
if name != "noisy":
    data_code = core.codegen.data_values(x, y, DATASETS[name])
code_panel.code_panel("linear", core.codegen.Recipe(
    "Linear regression", data_code, core.codegen.model_linear(0.0, 0.0), core.codegen.LOSS_CODE["mse"]),
    cfg, "linear_regression.py")

# The momentum exercise ---------------------------------------------------------------------------
st.header("Does momentum train faster?", divider="orange")
other = cfg.momentum if cfg.momentum > 0 else 0.9
st.markdown(f"The tutorial's exercise: train the same data from the same start twice, with momentum 0 "
            f"and with momentum {other:g} (set it in the sidebar), and compare the two loss curves.")
if st.button(f"Compare momentum 0 and {other:g}", key="linear.compare_button", icon=":material/compare_arrows:"):
    configs = {f"momentum {m:g}": core.TrainConfig(**{**cfg.__dict__, "momentum": m, "optimizer": "sgd"})
               for m in (0.0, other)}
    bar = st.progress(0.0, text="Training both…")
    total = 2 * cfg.epochs

    def tick(label, epoch, hist, done={"n": 0}):
        done["n"] += 1
        if done["n"] % max(total // 50, 1) == 0:
            bar.progress(done["n"] / total, text=f"{label}: epoch {epoch + 1} of {cfg.epochs}")

    runs = core.compare(lambda: core.models.linear(init="zeros"), core.losses.mse, x, y, configs, on_epoch=tick)
    bar.empty()
    st.session_state["linear.comparison"] = ({k: r.hist for k, r in runs.items()}, inputs)
comparison = st.session_state.get("linear.comparison")
if comparison:
    hists, made_with = comparison
    chart.show(core.charts.loss_curves({k: h.loss for k, h in hists.items()}, log_scale=True,
                                            title="Loss per epoch (log scale)"))
    cols = st.columns(len(hists))
    for col, (label, h) in zip(cols, hists.items()):
        if h.diverged:
            col.warning(f"{label}: diverged at epoch {h.diverged_epoch + 1}.")
        elif h.loss:
            col.metric(f"Final loss, {label}", f"{h.loss[-1]:.6g}")
    if made_with != inputs:
        st.caption("The data has changed since this comparison; press the button to run it again.")
