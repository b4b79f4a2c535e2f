"""Gradient descent: walk down cost(W) a step at a time, then watch optimizers cross cost(W, b)."""
import math
from dataclasses import replace
from functools import partial

import pandas as pd
import streamlit as st

import core
from ui import chart, code_panel, controls, descent, graph_view, i18n, live_run, nav, present, runs_list
from ui.i18n import t

nav.ensure_entrypoint()

st.title(t("descent.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
st.markdown(t("descent.intro"))
# a fixed start and the full batch: no seed to choose
cfg = controls.train_controls("descent", lr=0.05, epochs=100, max_epochs=2000, seed_used=False)

START_RANGE = (-100.0, 100.0)  # a teaching range for the start: far enough to see, near enough for float32
page = controls.For("descent")  # the page's own settings, each carried by links


def start_box(column, label: str, name: str, default: float) -> float:
    """A number box for a starting weight, in the teaching range."""
    return column.number_input(label, step=0.5, **page.number(name, default, *START_RANGE, bounded=True))


DATASETS = {"line": t("linear.data.line"), "heights": t("descent.data.heights")}
name = present.settings().radio(t("linear.dataset"), list(DATASETS), format_func=DATASETS.get, horizontal=True,
                                **page.choice("dataset", DATASETS, descent.DATA))
x, y = descent.data(name)
best_w, best_b = core.landscape.least_squares(x, y)
moments = core.landscape.linear_cost_moments(x, y)  # the (W, b) surface's formula, shaded by the browser
best_w0 = descent.best_w0(x, y)


def number(v: float) -> str:
    """Four decimals, as the tutorial prints; a power of ten for a run that blew up (not 19 digits)."""
    return core.numbers.fixed(v) if abs(v) < 1e6 else f"{v:.4g}"


# 1. Step by step ---------------------------------------------------------------------------------
st.header(t("descent.one_step"), divider="orange")
st.markdown(t("descent.one_step_intro"))
# no spacer column: at a projector's 1024 px, a narrow column cut the Korean "한 걸음" to "한"
c1, c2, c3 = st.columns([2, 1.5, 1.5], vertical_alignment="bottom")
start_w = start_box(c1, t("descent.start_w"), "start_w", descent.START_W)
path_key = page.key(f"path.{name}")
reset = c3.button(t("descent.reset"), key=page.key("reset"), icon=":material/restart_alt:")  # drawn on every run
if path_key not in st.session_state or reset:
    st.session_state[path_key] = [start_w]
path = st.session_state[path_key]
if path[0] != start_w:  # a new start resets the walk
    path[:] = [start_w]
stepped = c2.button(t("descent.step"), type="primary", key=page.key("step"), icon=":material/footprint:")
if stepped and math.isfinite(path[-1]):
    path.append(core.gradients.w_step(path[-1], x, y, cfg.lr)["new_w"])
if not math.isfinite(path[-1]):  # each step overshot further, past what a float32 holds
    st.warning(t("descent.no_walk"), icon=":material/warning:")
    path.pop()
s = core.gradients.w_step(path[-1], x, y, cfg.lr)  # the step that the next press takes
left, right = st.columns([1, 1], gap="large")
with left:
    steps = len(path) - 1
    title = t("descent.parabola_title_one" if steps == 1 else "descent.parabola_title", n=steps)
    chart.show(descent.parabola(x, y, path, title, t("descent.cost"))
               .properties(height=340),
                    width="stretch")
with right:
    st.markdown(t("descent.step_from", n=len(path), w=number(path[-1]), best=number(best_w0)))
    # a static table: a few rows need no scrolling grid, whose code the browser would load on this first visit;
    # + 0.0 turns W * 0 = -0.0 into 0
    st.table(pd.DataFrame({"x": [f"{v:g}" for v in x.reshape(-1).tolist()],
                           "y": [f"{v:g}" for v in y.reshape(-1).tolist()],
                           "y_hat = W x": [number(v + 0.0) for v in s["y_hat"]]}), hide_index=True)
    st.markdown(
        f"| | {t('tensors.value')} |\n|---|---|\n"
        f"| cost = mean((y_hat − y)²) | **{s['cost']:.6g}** |\n"
        f"| {t('descent.grad_hand')}: 2 · mean((W x − y) · x) | **{s['hand_grad']:.6g}** |\n"
        f"| {t('descent.grad_autograd')} | **{s['grad']:.6g}** |\n"
        f"| W := W − lr · grad = {number(path[-1])} − {cfg.lr:g} · ({s['grad']:.4g}) | **{s['new_w']:.6g}** |")

# 2. Regimes --------------------------------------------------------------------------------------
st.header(t("descent.regimes"), divider="orange")
regime, ratio = core.landscape.descent_regime(cfg.lr, x)
st.markdown(t("descent.regimes_intro", lr=f"{cfg.lr:g}", r=f"{ratio:.3f}", regime=t(f"descent.regime.{regime}")))
# a 2 x 2 grid: four charts side by side are too narrow for their titles on a projector's 1024 px
grid = [col for row in range(2) for col in st.columns(2, gap="medium")]


for col, kind in zip(grid, core.regimes.REGIMES):  # drawn once for every session: ui/descent.py
    with col:
        chart.show_spec(descent.regime_picture(name, kind, start_w, i18n.lang(), present.presenting()))

# 3. The (W, b) surface ---------------------------------------------------------------------------
st.header(t("descent.surface"), divider="orange")
st.markdown(t("descent.surface_intro"))
c1, c2, _ = present.settings().columns([1, 1, 3])
w0 = start_box(c1, t("descent.start_w"), "w0", -1.0)
b0 = start_box(c2, t("descent.start_b"), "b0", 3.0 if name == "line" else 6.0)
track = core.models.line_metrics()  # core's, not this page's: a kept run holds them (see make_model)


def walk(r: core.Run) -> tuple[list[float], list[float]]:
    return [w0] + r.hist.metrics.get("W", []), [b0] + r.hist.metrics.get("b", [])


def surface(paths: dict[str, tuple[list[float], list[float]]], title: str, legend: str = "right",
            colours: list[str] | None = None):
    w_lo, w_hi, b_lo, b_hi = core.landscape.surface_box([v for p in paths.values() for v in p[0]],
                                                        [v for p in paths.values() for v in p[1]],
                                                        (w0, b0), (best_w, best_b))
    return core.charts.contour((w_lo, w_hi, b_lo, b_hi), moments, paths, (best_w, best_b), title=title,
                               cost_title=t("descent.cost"), cost_legend=legend, colours=colours)


experiment = core.Experiment(
    # core's builder, not a function of this page: a kept run holds on to it, and a function defined
    # here would keep this whole script run's variables alive with it (as MNIST and Sine do)
    make_model=partial(core.models.linear, init=(w0, b0)), loss_fn=core.losses.mse, x=x, y=y, metrics=track,
    inputs={"dataset": name, "W0": w0, "b0": b0},
    recipe=core.codegen.Recipe(t("descent.title"), descent.data_code(name, DATASETS[name]),
                               core.codegen.model_linear(w0, b0), core.codegen.LOSS_CODE["mse"]))


def draw(r: core.Run) -> None:
    ws, bs = walk(r)
    label, colour, others = runs_list.alongside("descent", r, experiment.inputs)  # earlier runs' paths beside it
    paths = {name: walk(k.run) for k, name in others}
    paths[label or core.optimizers.OPTIMIZERS[r.cfg.optimizer].label] = (ws, bs)
    title = f"{core.optimizers.OPTIMIZERS[r.cfg.optimizer].label}, lr {r.cfg.lr:g}"
    # made before anything of this frame is drawn: built in between (the slowest part), it left the new
    # status line above the last frame's numbers for longer while a run played
    colours = [runs_list.colour(k) for k, _ in others] + [colour]
    picture = chart.spec(surface(paths, title, legend="bottom", colours=colours), present.presenting())
    with present.picture():
        left, right = st.columns([1, 1], gap="large")  # at 1024 px a narrower loss chart cut its title
        with left:
            chart.show_spec(picture)
        with right:
            live_run.loss_view("descent", r)
    # under the picture: on a projector the path and the loss stay in view
    st.markdown(t("descent.after", w=number(ws[-1]), b=number(bs[-1]), n=len(ws) - 1,
                  best_w=core.numbers.fixed(best_w), best_b=core.numbers.fixed(best_b)))


def three_optimizers(cfg: core.TrainConfig) -> list[core.TrainConfig]:
    """SGD, SGD with momentum (0.9 unless one is set) and Adam, from the same start at the same rate."""
    momentum = cfg.momentum if cfg.optimizer == "sgd" and cfg.momentum > 0 else 0.9
    plain = replace(cfg, optimizer="sgd", momentum=0.0, nesterov=False)
    return [plain, replace(plain, momentum=momentum), replace(plain, optimizer="adam")]


live_run.train_panel("descent", cfg, experiment, draw)  # the three optimizers: their own section below
graph_view.of_experiment("descent", experiment, cfg.seed)
code_panel.code_panel("descent", experiment.recipe, cfg, "gradient_descent.py")

st.subheader(t("descent.compare_title"))
momentum = three_optimizers(cfg)[1].momentum
if st.button(t("descent.compare", lr=f"{cfg.lr:g}", epochs=cfg.epochs, m=f"{momentum:g}"),
             key=page.key("compare_button"), icon=":material/compare_arrows:"):
    live_run.train_all("descent", experiment, three_optimizers(cfg))
    st.rerun()
st.caption(t("descent.compare_where"))
