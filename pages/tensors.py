"""Tensors: make one, look inside it, combine two, and take one autograd step by hand."""
from functools import partial

import pandas as pd
import streamlit as st

import core
from core.tensors import BINARY, CONSTRUCTORS, DTYPES, MAX_DIMS, MAX_ELEMENTS, MAX_TEXT, OPS, RANGE_LIMIT
from core.tensors import TensorInputError
from ui import chart, code_panel, controls, live_run, nav, present
from ui.i18n import md, say, t

nav.ensure_entrypoint()


page = controls.For("tensors")  # the page's settings, each carried by links


def ranged(name: str, default: float) -> dict:
    """A number box float32 holds with room to spare, in a teaching range."""
    return dict(format="%g", **page.number(name, default, -RANGE_LIMIT, RANGE_LIMIT, bounded=True))


def code_box(code: str | None) -> None:
    """A snippet with its copy button; none while the input is refused (core.snippets never writes it in).
    Across the page, under what it does: in half of it, at 1024 px with the sidebar open, a box held
    24 characters and broke every line of code in two."""
    if code is None:
        st.caption(t("tensors.no_code"))
    else:
        st.code(code, language="python", wrap_lines=True)


def printed(text: str) -> None:
    """What PyTorch prints, across the page and wrapped: a box half as wide cut it at "dtype=torch.floa"."""
    st.code(text, language=None, wrap_lines=True)


st.title(t("tensors.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
st.markdown(t("tensors.intro"))
cfg = controls.train_controls("tensors", lr=0.1, epochs=20, max_epochs=1000)

# 1. Make ---------------------------------------------------------------------------------------
st.header(t("tensors.make"), divider="orange")
left, right = st.columns([1, 1], gap="large")
# two controls side by side across the page, each half of it ("torch.linspace" in full at 1024 px)
constructor = left.selectbox(t("tensors.constructor"), CONSTRUCTORS, format_func=lambda c: f"torch.{c}",
                             help=t("tensors.constructor_help"),
                             **page.choice("constructor", CONSTRUCTORS, "tensor"))
dtype = right.selectbox("dtype", ["auto", *DTYPES], help=t("tensors.dtype_help"),
                        **page.choice("dtype", ["auto", *DTYPES], "auto"))
args = {"dtype": dtype, "device": cfg.device, "seed": cfg.seed}
# the constructor's arguments, across the page
if constructor == "tensor":
    args["values"] = st.text_area(t("tensors.values"), height=90,
                                  help=t("tensors.values_help", max=f"{MAX_ELEMENTS:,}", chars=f"{MAX_TEXT:,}"),
                                  **page.text("values", "[[1, 2], [3, 4]]", most=MAX_TEXT))
elif constructor in ("randn", "zeros", "ones"):
    args["shape"] = st.text_input(t("tensors.shape"), help=t("tensors.shape_help", max=f"{MAX_ELEMENTS:,}"),
                                  **page.text("shape", "2, 3", most=200))
else:
    c1, c2, c3 = st.columns(3)
    args["start"] = c1.number_input("start", **ranged("start", 0.0))
    args["end"] = c2.number_input("end", **ranged("end", 5.0))
    if constructor == "arange":
        args["step"] = c3.number_input("step", **ranged("step", 1.0))
    else:
        args["steps"] = int(c3.number_input("steps", step=1,
                                            **page.number("steps", 5, 0, MAX_ELEMENTS, kind="int", bounded=True)))
try:
    A = core.tensors.make(constructor, **args)
except TensorInputError as err:
    st.error(say(err), icon=":material/error:")
    A = None
except ValueError as err:  # a device that is not here: core.devices words it
    st.error(md(err), icon=":material/error:")
    A = None
code_box(core.snippets.make(constructor, **args))

# 2. Inspect ------------------------------------------------------------------------------------
st.header(t("tensors.inspect"), divider="orange")
if A is None:
    st.info(t("tensors.fix_values"))
else:
    info = core.tensors.describe(A)
    st.caption(t("tensors.repr_caption"))
    printed(info["repr"])
    left, right = st.columns([1, 1], gap="large")
    with left:
        # one attribute a row: a projector's narrow column holds it, where a row of five overflowed;
        # a static table: five facts need no scrolling grid (and its code, which the browser loads on first use)
        st.table(pd.DataFrame({t("tensors.attribute"): ["A.shape", "A.dtype", "A.device", "A.ndim", "A.numel()"],
                                   t("tensors.value"): [str(list(info["shape"])), info["dtype"], info["device"],
                                                        str(info["ndim"]), f"{info['numel']:,}"]}),
                     hide_index=True, width="stretch")
    with right:
        if A.ndim in (1, 2) and 0 < A.numel() <= 400:
            grid = A.reshape(1, -1) if A.ndim == 1 else A
            chart.show(core.cell_charts.heatmap(grid.float().cpu().tolist(), title=t("tensors.heatmap"),
                                           x_title=t("tensors.heatmap_x"), y_title=t("tensors.heatmap_y")),
                       width="stretch")
        else:
            st.caption(t("tensors.heatmap_none"))

# 3. Combine ------------------------------------------------------------------------------------
st.header(t("tensors.combine"), divider="orange")
DIMS = ("all", *map(str, range(MAX_DIMS)))
op_code = "add"
b_text, shape_text, dim = "", "-1", None
if A is not None:
    left, right = st.columns([1, 1], gap="large")  # the operation, and beside it what it takes
    op_code = left.selectbox(t("tensors.operation"), list(OPS), format_func=OPS.get,
                             help=t("tensors.operation_help"), **page.choice("op", OPS, "add"))
    op = OPS[op_code]
    if op in BINARY:
        b_text = right.text_input(t("tensors.b_values"), help=t("tensors.b_values_help"),
                                  **page.text("b_values", "[10, 20]", most=MAX_TEXT))
    elif op in ("A.reshape(shape)", "A.view(shape)"):
        shape_text = right.text_input(t("tensors.new_shape"), help=t("tensors.new_shape_help"),
                                      **page.text("new_shape", "-1", most=200))
    elif op in ("A.sum(dim)", "A.mean(dim)"):
        here = DIMS[:max(A.ndim, 1) + 1]  # only the dimensions A has: a dim the last A had becomes "all"
        pick = right.selectbox("dim", here, help=t("tensors.dim_help"), **page.choice("dim", here, "all"))
        dim = None if pick == "all" else int(pick)
    problem = None
    try:
        B = core.tensors.make("tensor", values=b_text, device=cfg.device) if op in BINARY else None
        if B is not None and op != "A @ B":
            rows, result_shape = core.tensors.broadcast(tuple(A.shape), tuple(B.shape))
            st.caption(t("tensors.broadcast"))
            st.table(pd.DataFrame(
                [{"dim": str(d), "A": "—" if sa is None else str(sa), "B": "—" if sb is None else str(sb),
                  t("tensors.result"): t("tensors.clash") if out is None else str(out)} for d, sa, sb, out in rows]),
                hide_index=True, width="content")
        C = core.tensors.combine(op, A, B, shape=shape_text, dim=dim)
    except TensorInputError as err:
        problem = say(err)
    except ValueError as err:  # a device that is not here: core.devices words it
        problem = md(err)
    if problem is None:
        printed(repr(C))
        st.caption(f"shape {list(C.shape)} · dtype {str(C.dtype).replace('torch.', '')}")
    code_box(core.snippets.combine(op, b_text, shape_text, dim, device=cfg.device))
    if problem:  # across the page: a plain sentence and PyTorch's beside it are too tall for half of it
        st.error(problem, icon=":material/error:")

# 4. One step by hand ---------------------------------------------------------------------------
st.header(t("tensors.step"), divider="orange")
st.markdown(t("tensors.step_intro", lr=f"{cfg.lr:g}"))
c = st.columns(4)
x = c[0].number_input("x", **ranged("x", 2.0))
y = c[1].number_input("y", **ranged("y", 4.0))
w0 = c[2].number_input("W", **ranged("w", 1.0))
b0 = c[3].number_input("b", **ranged("b", 1.0))
s = core.gradients.one_step(x, y, w0, b0, cfg.lr)
# the table across the page: in half of it, at 1024 px, its formulas broke into one word a line
st.markdown(
    f"| | {t('tensors.computed')} | {t('tensors.value')} |\n|---|---|---|\n"
    f"| forward | y_hat = W·x + b = {w0:g}·{x:g} + {b0:g} | **{s['y_hat']:.4g}** |\n"
    f"| loss | 0.5 (y − y_hat)² = 0.5 ({y:g} − {s['y_hat']:.4g})² | **{s['loss']:.4g}** |\n"
    f"| backward | W.grad = −(y − y_hat)·x ({t('tensors.by_hand')}: {s['hand_grad_w']:.4g}) | **{s['grad_w']:.4g}** |\n"
    f"| backward | b.grad = −(y − y_hat) ({t('tensors.by_hand')}: {s['hand_grad_b']:.4g}) | **{s['grad_b']:.4g}** |\n"
    f"| step | W := W − lr·W.grad = {w0:g} − {cfg.lr:g}·({s['grad_w']:.4g}) | **{s['new_w']:.4g}** |\n"
    f"| step | b := b − lr·b.grad = {b0:g} − {cfg.lr:g}·({s['grad_b']:.4g}) | **{s['new_b']:.4g}** |")
code_box(core.snippets.one_step(x, y, w0, b0, cfg.lr))
chart.show(core.charts.lines_to_point(
    (x, y), [(t("tensors.before_step"), w0, b0), (t("tensors.after_step"), s["new_w"], s["new_b"])],
    (min(0.0, x - 1), max(x + 1, 1.0)), title=t("tensors.before_after")),
    width="stretch")

# The same step as PyTorch's own graph, walked a button at a time: Forward, Backward, Step
st.subheader(t("tensors.graph_title"))
st.markdown(t("tensors.graph_intro"))
walked = page.key("graph_walk")  # (the stage reached, the numbers it was reached with)
numbers = (x, y, w0, b0, cfg.lr)
stage = st.session_state[walked][0] if st.session_state.get(walked, (None, None))[1] == numbers else "start"
buttons = st.container(horizontal=True)
# callbacks: the rerun a press causes draws the buttons of the stage it reached
for name, after in (("forward", "start"), ("backward", "forward"), ("step", "backward")):
    buttons.button(t(f"tensors.graph_{name}"), key=page.key(f"graph_{name}"), disabled=stage != after,
                   type="primary" if stage == after else "secondary",
                   on_click=st.session_state.__setitem__, args=(walked, (name, numbers)))
buttons.button(t("tensors.graph_again"), key=page.key("graph_again"), disabled=stage == "start",
               icon=":material/restart_alt:", on_click=st.session_state.__setitem__, args=(walked, ("start", numbers)))
walk = core.autograd.tutorial_step(x, y, w0, b0, cfg.lr, stage)
reached = core.autograd.STAGES.index(stage)
# a box of its own each stage: the browser's Graphviz redraws a changed graph by morphing the old one, and
# failed to when a gradient's coloured line appeared (the picture stayed at the forward pass)
st.container(key=f"tensors_graph_{stage}").graphviz_chart(core.graph_picture.dot(
    walk.graph, {"value": t("tensors.graph_value"), "grad": t("tensors.graph_grad"), "loss": t("tensors.graph_loss")},
    values=reached >= 1, grads=reached >= 2, stepped={"W": walk.W, "b": walk.b} if stage == "step" else None),
    width="content")  # its own size: stretched or shrunk to the column, its words grew or became unreadable
gw, gb = (walk.graph.node(n).grad for n in ("W", "b"))
st.info(t(f"tensors.graph_{'start' if stage == 'start' else 'after_' + stage}", loss=f"{walk.loss:.4g}",
          gw=f"{gw.item():.4g}" if gw is not None else "", gb=f"{gb.item():.4g}" if gb is not None else "",
          lr=f"{cfg.lr:g}", w=f"{walk.W:.4g}", b=f"{walk.b:.4g}"), icon=":material/account_tree:")

# 5. Repeat it: Train ---------------------------------------------------------------------------
st.header(t("tensors.repeat"), divider="orange")
st.markdown(t("tensors.repeat_intro", x=f"{x:g}", y=f"{y:g}"))
X = core.tensors.make("tensor", values=f"[[{x!r}]]", dtype="float32")  # (1, 1)
Y = core.tensors.make("tensor", values=f"[[{y!r}]]", dtype="float32")  # (1, 1)


experiment = core.Experiment(
    # core's builder and metrics, not functions of this page: a kept run holds on to them, and a function
    # defined here would keep this whole script run's variables alive with it (as MNIST and Sine do)
    make_model=partial(core.models.linear, init=(w0, b0)),
    loss_fn=core.losses.half_squared_error,
    x=X,
    y=Y,
    metrics=core.models.line_metrics(),
    inputs={"x": x, "y": y, "W0": w0, "b0": b0},
    recipe=core.codegen.Recipe(
        "One point, one line",
        core.codegen.data_values(X, Y, f"one point: x = {x:g}, y = {y:g}"),
        core.codegen.model_linear(w0, b0),
        core.codegen.LOSS_CODE["half_squared_error"],
    ),
)


def draw(r: core.Run) -> None:
    ws, bs = r.hist.metrics.get("W", []), r.hist.metrics.get("b", [])
    with present.picture():
        left, right = st.columns(2)
        with left:
            mid = len(ws) // 2
            if not ws:  # before Train: the point and the line it starts from
                lines = [(t("tensors.start"), w0, b0)]
            elif len(ws) > 2:
                lines = [(t("tensors.start"), w0, b0), (t("tensors.after_steps", n=mid + 1), ws[mid], bs[mid]),
                         (t("tensors.after_steps", n=len(ws)), ws[-1], bs[-1])]
            else:
                lines = [(t("tensors.start"), w0, b0), (t("tensors.now"), ws[-1], bs[-1])]
            chart.show(core.charts.lines_to_point((x, y), lines, (min(0.0, x - 1), max(x + 1, 1.0)),
                                                       title=t("tensors.walks")),
                       stage_height=150)  # its legend stands above it: on the stage it keeps the picture in view
        with right:
            live_run.loss_view("tensors", r)
    if not ws:
        return
    w, b = ws[-1], bs[-1]
    # under the picture: on a projector the line and the loss stay in view
    st.markdown(t("tensors.after_n", n=len(ws), w=f"{w:.4f}", b=f"{b:.4f}", x=f"{x:g}",
                  pred=f"{w * x + b:.4f}", y=f"{y:g}"))


live_run.train_panel("tensors", cfg, experiment, draw)
code_panel.code_panel("tensors", experiment.recipe, cfg, "one_point.py")
