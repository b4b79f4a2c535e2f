"""Linear regression: fit y = W x + b by gradient descent, live, and compare it with the closed form."""
import math

import pandas as pd
import streamlit as st

import core
from ui import chart, code_panel, controls, nav, run
from ui.i18n import t

nav.ensure_entrypoint()

st.title(t("linear.title"))
st.markdown(t("linear.intro"))
cfg = controls.train_controls("linear", lr=0.01, epochs=1000)

# Data -------------------------------------------------------------------------------------------
DATASETS = {key: t(f"linear.data.{key}") for key in ("line", "hours", "heights", "noisy", "csv")}
name = st.radio(t("linear.dataset"), list(DATASETS), format_func=DATASETS.get, horizontal=True,
                **controls.linked("linear", core.settings.choice("dataset", DATASETS, "line")))
inputs = (name,)
try:
    if name == "heights":
        centred = st.checkbox(t("linear.centre"), value=True, key="linear.centred", help=t("linear.centre_help"))
        x, y = core.data.table("heights", centred=centred)
        names, inputs = (t("linear.height"), t("linear.weight")), (name, centred)
    elif name == "noisy":
        c = st.columns(5)
        params = dict(n=int(c[0].number_input(t("linear.points"), 2, core.data.MAX_ROWS, 30, key="linear.points")),
                      slope=c[1].number_input(t("linear.slope"), value=2.0, key="linear.slope"),
                      intercept=c[2].number_input(t("linear.intercept"), value=1.0, key="linear.intercept"),
                      noise=c[3].number_input(t("linear.noise"), 0.0, 100.0, 1.0, key="linear.noise"),
                      seed=int(c[4].number_input(t("linear.data_seed"), 0, 10**6, 0, key="linear.data_seed")))
        x, y = core.data.noisy_line(**params)
        data_code = core.codegen.data_noisy_line(**params)
        names, inputs = ("x", "y"), (name, *params.values())
    elif name == "csv":
        upload = st.file_uploader(t("linear.csv", rows=f"{core.data.MAX_ROWS:,}"), type=["csv", "txt"],
                                  key="linear.csv")
        if upload is None:
            st.info(t("linear.csv_wait"))
            st.stop()
        raw = upload.getvalue()
        x, y, names = core.data.read_xy_csv(raw)
        inputs = (name, upload.name, len(raw), hash(raw))
    else:
        x, y = core.data.table(name)
        names = (t("linear.hours"), t("linear.ability")) if name == "hours" else ("x", "y")
except core.data.DataError as err:
    st.error(str(err), icon=":material/error:")
    st.stop()

best_w, best_b = core.landscape.least_squares(x, y)
log_scale = st.toggle(t("linear.log"), key="linear.log", help=t("linear.log_help"))


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
            st.caption(t("linear.no_line"))
        best_loss = core.losses.mse(best_w * r.x + best_b, r.y).item()
        final = r.hist.loss[-1] if r.hist.loss else float("nan")
        loss_col = t("linear.loss")
        st.dataframe(pd.DataFrame({"": [t("linear.trained"), t("linear.least_squares")],
                                   "W": [w, best_w], "b": [b, best_b], loss_col: [final, best_loss]}),
                     hide_index=True, width="stretch",
                     column_config={k: st.column_config.NumberColumn(format="%.4f") for k in ("W", "b", loss_col)})
    with right:
        run.loss_view(r, log_scale=log_scale)


run.train_panel("linear", cfg, start, draw, inputs=inputs)
if name != "noisy":
    data_code = core.codegen.data_values(x, y, DATASETS[name])
code_panel.code_panel("linear", core.codegen.Recipe(
    t("linear.title"), data_code, core.codegen.model_linear(0.0, 0.0), core.codegen.LOSS_CODE["mse"]),
    cfg, "linear_regression.py")

# The momentum exercise ---------------------------------------------------------------------------
st.header(t("linear.momentum_title"), divider="orange")
other = cfg.momentum if cfg.momentum > 0 else 0.9
st.markdown(t("linear.momentum_intro", m=f"{other:g}"))
if st.button(t("linear.compare", m=f"{other:g}"), key="linear.compare_button", icon=":material/compare_arrows:"):
    configs = {t("linear.momentum_label", m=f"{m:g}"): core.TrainConfig(**{**cfg.__dict__, "momentum": m, "optimizer": "sgd"})
               for m in (0.0, other)}
    bar = st.progress(0.0, text=t("linear.training_both"))
    total = 2 * cfg.epochs

    def tick(label, epoch, hist, done={"n": 0}):
        done["n"] += 1
        if done["n"] % max(total // 50, 1) == 0:
            bar.progress(done["n"] / total, text=f"{label}: " + t("run.epoch_of", epoch=epoch + 1, epochs=cfg.epochs))

    runs = core.compare(lambda: core.models.linear(init="zeros"), core.losses.mse, x, y, configs, on_epoch=tick)
    bar.empty()
    st.session_state["linear.comparison"] = ({k: r.hist for k, r in runs.items()}, inputs)
comparison = st.session_state.get("linear.comparison")
if comparison:
    hists, made_with = comparison
    chart.show(core.charts.loss_curves({k: h.loss for k, h in hists.items()}, log_scale=True,
                                            title=t("chart.loss_log"), y_title=t("chart.loss"),
                                            x_title=t("chart.epoch")))
    cols = st.columns(len(hists))
    for col, (label, h) in zip(cols, hists.items()):
        if h.diverged:
            col.warning(t("linear.label_diverged", label=label, epoch=h.diverged_epoch + 1))
        elif h.loss:
            col.metric(t("linear.final_loss_of", label=label), f"{h.loss[-1]:.6g}")
    if made_with != inputs:
        st.caption(t("linear.data_changed"))
