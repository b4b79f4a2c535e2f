"""Sine: fit sin(x) on [-pi, pi] with a cubic, by hand and by autograd, or with a small network."""
from functools import partial

import pandas as pd
import streamlit as st

import core  # before torch: it keeps Triton out of the process (core.keep_triton_out)
import torch
from ui import chart, code_panel, controls, graph_view, health_view, live_run, nav, present, runs_list
from ui.i18n import t

nav.ensure_entrypoint()

st.title(t("sine.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
st.caption(t("sine.lead"))  # one line here; the tutorial's story comes after the live picture


settings = controls.For("sine")  # the page's own settings, each carried by links (the sidebar's are per model)
MODELS = {"cubic": t("sine.model.cubic"), "net": t("sine.model.net")}
# the model, the data and the gradients in one row, so Train and the live picture sit high on the page
# (at 1280x800 the curve chart stays in view while it trains)
c = present.settings().columns([1.5, 1, 1, 1, 1.3])
model_kind = c[0].radio(t("sine.model"), list(MODELS), format_func=MODELS.get,
                        **settings.choice("model", MODELS, "cubic"))
n = int(c[1].number_input(t("linear.points"), 10, 10_000, step=100, help=t("sine.points_help"),
                          **settings.number("points", 1000, 10, 10_000, kind="int")))
noise = c[2].number_input(t("linear.noise"), 0.0, 1.0, step=0.05, help=t("sine.noise_help"),
                          **settings.number("noise", 0.0, 0.0, 1.0))
data_seed = int(c[3].number_input(t("linear.data_seed"), 0, 10**6,
                                  **settings.number("data_seed", 0, 0, 10**6, kind="int")))
x, y = core.data.sine(n, noise=noise, seed=data_seed)
clean = core.data.sine(n)[1]
best_coef, best_loss = core.landscape.least_squares_poly(x, y, 3)


def use_lr(lr: float) -> None:
    """The one-click fix: the sidebar's rate takes it on the next run."""
    settings.set("lr", lr)


def use_points(points: int) -> None:
    settings.set("points", points)


def stable_for(points: int, momentum: float) -> float:
    """The rate above which descent on the sum of squares over `points` points diverges."""
    xs = core.data.sine(points)[0]                       # (N, 1)
    features = torch.cat([xs ** 0, xs, xs ** 2, xs ** 3], dim=1)  # (N, 4): the cubic's a, b, c, d
    return core.landscape.stable_lr(features, reduction="sum", momentum=momentum)


def warn_if_unstable(cfg: core.TrainConfig) -> None:
    """A sum of squares grows with the points, and so does its slope: say so before Train, with a fix."""
    if cfg.optimizer != "sgd":
        return
    stable = stable_for(n, cfg.momentum)
    if cfg.lr < stable:
        return
    fits = [lr for lr in controls.LEARNING_RATES if lr < stable]
    st.warning(t("sine.unstable", lr=f"{cfg.lr:g}", stable=f"{stable:.2g}", n=f"{n:,}"), icon=":material/warning:")
    if fits:
        st.button(t("sine.use_lr", lr=f"{fits[-1]:g}"), key=settings.key("fix_lr"), on_click=use_lr, args=(fits[-1],),
                  icon=":material/build:")
        return
    points = max((p for p in range(100, n, 100) if cfg.lr < stable_for(p, cfg.momentum)), default=10)
    st.button(t("sine.use_points", n=f"{points:,}"), key=settings.key("fix_points"), on_click=use_points,
              args=(points,), icon=":material/build:")


if model_kind == "cubic":
    page = "sine"
    by_hand = c[4].radio(t("sine.gradients"), ["autograd", "hand"], help=t("sine.gradients_help"),
                         format_func=lambda k: t(f"sine.gradients.short.{k}"),
                         **settings.choice("gradients", ("autograd", "hand"), "autograd")) == "hand"
    cfg = controls.train_controls(page, lr=1e-6, epochs=2000, max_epochs=20_000)
    warn_if_unstable(cfg)

    make_model = partial(core.models.cubic)  # seed= -> a fresh model (a kept run holds it: core's, not this page's)
    grad_fn = core.gradients.cubic_sum_of_squares if by_hand else None
    inputs = {"model": model_kind, "points": n, "noise": noise, "data seed": data_seed,
              "gradients": "hand" if by_hand else "autograd"}
    model_code, hand_code = core.codegen.model_cubic(), core.codegen.CUBIC_HAND_GRADS if by_hand else ""
else:
    page = "sine_net"
    WIDTHS = (4, 8, 16, 32, 64, 128)
    c = present.settings().columns(4)
    width = int(c[0].select_slider(t("sine.width"), WIDTHS,
                                   **settings.number("width", 32, 4, 128, kind="int", snap=WIDTHS)))
    depth = int(c[1].number_input(t("sine.depth"), 1, 4, **settings.number("depth", 2, 1, 4, kind="int")))
    activation = c[2].selectbox(t("sine.activation"), core.models.bending(), format_func=controls.activation_name,
                                **settings.choice("activation", core.models.bending(), "tanh"))
    init = controls.init_choice(c[3], "sine")
    cfg = controls.train_controls(page, lr=0.002, epochs=2000, optimizer="adam",
                                  max_epochs=core.budget.mlp_epochs(n, (width,) * depth))
    # the sidebar's settings changed with the model: say so, or it looks as if they were lost
    st.caption(t("sine.net_settings", optimizer=core.optimizers.OPTIMIZERS[cfg.optimizer].label,
                 lr=f"{cfg.lr:g}", epochs=f"{cfg.epochs:,}"))

    make_model = partial(core.models.mlp, hidden=(width,) * depth, activation=activation, in_features=1,
                         out_features=1, init=init)
    grad_fn = None
    inputs = {"model": model_kind, "points": n, "noise": noise, "data seed": data_seed, "width": width,
              "depth": depth, "activation": activation, "init": init}
    model_code, hand_code = core.codegen.model_mlp((width,) * depth, activation, 1, 1, init=init), ""


experiment = core.Experiment(
    make_model=make_model, loss_fn=core.losses.sum_of_squares, x=x, y=y, grad_fn=grad_fn, inputs=inputs,
    recipe=core.codegen.Recipe(t("sine.title"), core.codegen.data_sine(n, noise, data_seed), model_code,
                               core.codegen.LOSS_CODE["sum_of_squares"], hand_grads=hand_code))


def draw(r: core.Run) -> None:
    xs = x.reshape(-1).tolist()
    before = core.predict((r.fresh or partial(make_model, seed=r.cfg.seed))(), x).reshape(-1).tolist()  # its own start
    now = core.predict(r.model, x).reshape(-1).tolist()
    label, colour, others = runs_list.alongside(page, r, inputs)  # earlier runs' curves, in their colours
    series = {"sin(x)": clean.reshape(-1).tolist(), t("sine.before"): before}
    series.update({name: core.predict(k.run.model, x).reshape(-1).tolist() for k, name in others})
    series[label if others else t("sine.now")] = now  # named by what differs once there is another
    colours = ["#111111", "#adb5bd", *[runs_list.colour(k) for k, _ in others], colour]
    with present.picture():
        left, right = st.columns([3, 2], gap="large")
        with left:
            picture = core.charts.curves(
                xs, series, title=t("sine.curves_title"), colours=colours,
                named=["sin(x)", t("sine.before"), list(series)[-1]],  # earlier runs: named in the runs chart
                points=(xs, y.reshape(-1).tolist()) if noise else None, dashed=(t("sine.before"),))
            chart.show(picture.properties(height=380))
        with right:
            live_run.loss_view(page, r)
    if hasattr(r.model, "coefficients"):
        coef = r.model.coefficients()
        final = r.hist.loss[-1] if r.hist.loss else None  # none before the first step: the table says "–"
        sse = t("sine.sse")
        coef, best = ([core.numbers.zero_unsigned(v, 5) for v in c] for c in (coef, best_coef))
        st.dataframe(pd.DataFrame([[t("sine.trained"), *coef, core.numbers.cell(final, "%.5f")],
                                   [t("sine.best_cubic"), *best, core.numbers.cell(best_loss, "%.5f")]],
                                  columns=["", "a", "b", "c", "d", sse]),
                     hide_index=True, width="stretch",
                     column_config={**{k: st.column_config.NumberColumn(format="%.5f") for k in ("a", "b", "c", "d")},
                                    sse: st.column_config.TextColumn(alignment="right")})


live_run.train_panel(page, cfg, experiment, draw)
graph_view.of_experiment(page, experiment, cfg.seed)
if model_kind == "net":  # a network has layers to compare
    health_view.section(page, experiment, cfg.seed)
code_panel.code_panel(page, experiment.recipe, cfg, "sine.py")

st.markdown(t("sine.intro"))
if model_kind == "cubic":
    # the tip follows the sidebar: plain descent is told to try momentum; with momentum, what it changed
    with_momentum = cfg.optimizer == "sgd" and cfg.momentum >= 0.5
    st.info(t("sine.momentum_done" if with_momentum else "sine.momentum_hint", best=f"{best_loss:.3f}",
              momentum=f"{cfg.momentum:g}"), icon=":material/lightbulb:")

if model_kind == "cubic":
    st.header(t("sine.both_title"), divider="orange")
    st.markdown(t("sine.both_intro"))
    st.code("grad_y_pred = 2.0 * (y_pred - y)\n"  # one gradient a line: the box fits at 1024 px
            "grad_a = grad_y_pred.sum()\n"
            "grad_b = (grad_y_pred * x).sum()\n"
            "grad_c = (grad_y_pred * x ** 2).sum()\n"
            "grad_d = (grad_y_pred * x ** 3).sum()", language="python", wrap_lines=True)
    if st.button(t("sine.both_button"), key=settings.key("compare_button"), icon=":material/compare_arrows:"):
        with st.spinner(t("sine.both_spinner")):
            both_runs = core.compare(lambda: make_model(seed=cfg.seed), core.losses.sum_of_squares, x, y,
                                {t("sine.by_hand"): cfg, t("sine.with_autograd"): cfg},
                                grad_fns={t("sine.by_hand"): core.gradients.cubic_sum_of_squares})
        st.session_state[settings.key("comparison")] = {
            k: (r.model.coefficients(), r.hist.loss[-1] if r.hist.loss else float("nan")) for k, r in both_runs.items()}
    both = st.session_state.get(settings.key("comparison"))
    if both:
        rows = [[k, *coef, loss] for k, (coef, loss) in both.items()]
        gap = max(abs(a - b) for a, b in zip(rows[0][1:], rows[1][1:]))
        final = t("sine.final_loss")
        st.dataframe(
            pd.DataFrame(rows, columns=["", "a", "b", "c", "d", final]),
            hide_index=True,
            column_config={k: st.column_config.NumberColumn(format="%.6f") for k in ("a", "b", "c", "d", final)},
        )
        st.success(t("sine.agree") if gap == 0 else t("sine.differ", gap=f"{gap:.2g}"))
