"""Linear regression: fit y = W x + b by gradient descent, live, and compare it with the closed form."""
import hashlib
import math
from dataclasses import replace
from functools import partial

import pandas as pd
import streamlit as st

import core
from ui import chart, code_panel, controls, graph_view, live_run, nav, present, runs_list
from ui.i18n import md, say, t

nav.ensure_entrypoint()

st.title(t("linear.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
st.markdown(t("linear.intro"))
cfg = controls.train_controls("linear", lr=0.01, epochs=1000, seed_used=False)  # zero start, full batch
page = controls.For("linear")  # the page's own settings, each carried by links


# Data -------------------------------------------------------------------------------------------
with present.settings():
    DATASETS = {key: t(f"linear.data.{key}") for key in ("line", "hours", "heights", "noisy", "csv")}
    name = st.radio(t("linear.dataset"), list(DATASETS), format_func=DATASETS.get, horizontal=True,
                    **page.choice("dataset", DATASETS, "line"))
    inputs = {"dataset": name}  # the page's own settings a run depends on, besides the sidebar's
    try:
        if name == "heights":
            centred = st.checkbox(t("linear.centre"), help=t("linear.centre_help"), **page.flag("centred", True))
            x, y = core.data.table("heights", centred=centred)
            # the script: the tutorial's own numbers, then the centring step
            data_code = core.codegen.data_steps(core.codegen.data_values(*core.data.table("heights"), DATASETS[name]),
                                                centred=centred)
            names, inputs = (t("linear.height"), t("linear.weight")), {**inputs, "centred": centred}
        elif name == "noisy":
            c = st.columns(5)
            ranges = core.data.NOISY_RANGES
            params = dict(
                n=int(c[0].number_input(t("linear.points"), step=10,
                                        **page.number("points", 30, 2, core.data.MAX_ROWS, kind="int", bounded=True))),
                slope=c[1].number_input(t("linear.slope"), step=0.5,
                                        **page.number("slope", 2.0, *ranges["slope"], bounded=True)),
                intercept=c[2].number_input(t("linear.intercept"), step=0.5,
                                            **page.number("intercept", 1.0, *ranges["intercept"], bounded=True)),
                noise=c[3].number_input(t("linear.noise"), step=0.5,
                                        **page.number("noise", 1.0, *ranges["noise"], bounded=True)),
                seed=int(c[4].number_input(t("linear.data_seed"), step=1,
                                           **page.number("data_seed", 0, 0, 10**6, kind="int", bounded=True))))
            x, y = core.data.noisy_line(**params)
            data_code = core.codegen.data_noisy_line(**params)
            names, inputs = ("x", "y"), {**inputs, **{("points" if k == "n" else "data seed" if k == "seed" else k): v
                                                      for k, v in params.items()}}
        elif name == "csv":
            upload = st.file_uploader(t("linear.csv", rows=f"{core.data.MAX_ROWS:,}"), type=["csv", "txt"],
                                      key=page.key("csv"))
            if upload is None:
                st.info(t("linear.csv_wait"))
                st.stop()
            raw = upload.getvalue()
            x, y, names = core.data.read_xy_csv(raw)
            data_code = core.codegen.data_values(x, y, DATASETS[name])
            # two files of one name and size still differ in the runs list: a short fingerprint, as git shows commits
            inputs = {**inputs, "file": upload.name, "bytes": len(raw), "sha1": hashlib.sha1(raw).hexdigest()[:7]}
        else:
            x, y = core.data.table(name)
            data_code = core.codegen.data_values(x, y, DATASETS[name])
            names = (t("linear.hours"), t("linear.ability")) if name == "hours" else ("x", "y")
        best_w, best_b = core.landscape.least_squares(x, y)
    except core.problems.Problem as err:
        st.error(say(err), icon=":material/error:")
        st.stop()

    # Scale: how large a learning rate this data allows, and standardising it when the rate is too large
    standardise = st.checkbox(t("linear.standardise"), help=t("linear.standardise_help"),
                              **page.flag("standardise", False))
    if standardise:
        (x, *x_scale), (y, *y_scale) = core.landscape.standardise(x), core.landscape.standardise(y)
        best_w, best_b = core.landscape.least_squares(x, y)
        inputs = {**inputs, "standardised": True}
momentum = cfg.momentum if cfg.optimizer == "sgd" else 0.0
edge = core.landscape.stable_lr(core.landscape.line_features(x), momentum=momentum)
safe = core.landscape.safe_lr(edge, controls.LEARNING_RATES)
if cfg.optimizer == "sgd" and cfg.lr >= edge:
    if safe is None:
        st.warning(t("linear.lr_unstable_none", edge=f"{edge:.3g}"), icon=":material/warning:")
    else:
        st.warning(t("linear.lr_unstable", edge=f"{edge:.3g}", lr=f"{cfg.lr:g}", safe=f"{safe:g}"),
                   icon=":material/warning:")
with present.settings():
    log_scale = st.toggle(t("linear.log"), help=t("linear.log_help"), **page.flag("log", True))


data_code = core.codegen.data_steps(data_code, standardised=standardise)  # the script standardises as the page did
experiment = core.Experiment(
    # core's builder, not a function of this page: a kept run holds on to it, and a function defined
    # here would keep this whole script run's variables alive with it (as MNIST and Sine do)
    make_model=partial(core.models.linear, init="zeros"), loss_fn=core.losses.mse, x=x, y=y, inputs=inputs,
    recipe=core.codegen.Recipe(t("linear.title"), data_code, core.codegen.model_linear(0.0, 0.0),
                               core.codegen.LOSS_CODE["mse"]))


def line_of(model) -> tuple[float, float]:
    return model.weight.item(), model.bias.item()


def draw(r: core.Run) -> None:
    w, b = r.model.weight.item(), r.model.bias.item()
    xs, ys = r.x.reshape(-1).tolist(), r.y.reshape(-1).tolist()
    if r.hist.diverged and r.cfg.optimizer == "sgd" and r.cfg.lr >= edge:
        st.info(t("linear.diverged_why", edge=f"{edge:.3g}"), icon=":material/straighten:")
    with present.picture():
        left, right = st.columns(2, gap="large")
        with left:
            if math.isfinite(w) and math.isfinite(b):
                pad = 0.1 * (max(xs) - min(xs)) + 0.5
                ends = [min(xs) - pad, max(xs) + pad]
                # earlier runs' lines, in their colours
                label, colour, others = runs_list.alongside("linear", r, inputs)
                lines = [(name, [kw * e + kb for e in ends], runs_list.colour(k))
                         for k, name in others for kw, kb in [line_of(k.run.model)]]
                picture = core.charts.fit_line(xs, ys, ends, [w * e + b for e in ends],
                                               title=core.numbers.line_formula(w, b, names[0], names[1]),
                                               others=lines, label=label, colour=colour, names=names)
                chart.show(picture.properties(height=360))
                if len(xs) > core.charts.MOST_SCATTER:
                    st.caption(t("linear.points_drawn", shown=core.charts.MOST_SCATTER, n=len(xs)))
                if standardise:
                    ow, ob = core.landscape.unstandardise(w, b, x_scale, y_scale)
                    st.caption(t("linear.standardised_units", y=md(names[1]), x=md(names[0]), w=f"{ow:.4g}",
                                 b=f"{ob:+.4g}"))
            else:
                st.caption(t("linear.no_line"))
        with right:
            live_run.loss_view("linear", r, log_scale=log_scale)
    # the table spans both columns: at a projector's 1024 px, half a page cut off its loss column
    best_loss = core.losses.mse(best_w * r.x + best_b, r.y).item()
    final = r.hist.loss[-1] if r.hist.loss else None  # none before the first step: the table says "–"
    loss_col = t("linear.loss")
    numbers = [w, best_w, b, best_b, final or 0.0, best_loss]
    # four decimals as the tutorial prints them; powers of ten when a run blew up or the data is huge
    huge = any(math.isfinite(v) and abs(v) >= 1e6 for v in numbers)
    st.dataframe(pd.DataFrame({"": [t("linear.trained"), t("linear.least_squares")],
                               "W": [core.numbers.zero_unsigned(v) for v in (w, best_w)],
                               "b": [core.numbers.zero_unsigned(v) for v in (b, best_b)],
                               loss_col: [core.numbers.cell(v, "%.4e" if huge else "%.4g")
                                          for v in (final, best_loss)]}),
                 hide_index=True, width="stretch",
                 column_config={**{k: st.column_config.NumberColumn(format="scientific" if huge else "%.4f")
                                   for k in ("W", "b")},
                                loss_col: st.column_config.TextColumn(alignment="right")})




def momentum_pair(cfg: core.TrainConfig) -> list[core.TrainConfig]:
    """The tutorial's exercise: the same start, plain SGD and SGD with momentum (0.9 unless one is set)."""
    other = cfg.momentum if cfg.optimizer == "sgd" and cfg.momentum > 0 else 0.9
    return [replace(cfg, optimizer="sgd", momentum=m, nesterov=False) for m in (0.0, other)]


live_run.train_panel("linear", cfg, experiment, draw)  # the momentum pair: its own section
graph_view.of_experiment("linear", experiment, cfg.seed)
code_panel.code_panel("linear", experiment.recipe, cfg, "linear_regression.py")

# The momentum exercise ---------------------------------------------------------------------------
st.header(t("linear.momentum_title"), divider="orange")
other = momentum_pair(cfg)[1].momentum
st.markdown(t("linear.momentum_intro", m=f"{other:g}"))
if st.button(t("linear.compare", m=f"{other:g}"), key=page.key("compare_button"), icon=":material/compare_arrows:"):
    live_run.train_all("linear", experiment, momentum_pair(cfg))
    st.rerun()
