"""Tensors: make one, look inside it, combine two, and take one autograd step by hand."""
import pandas as pd
import streamlit as st

import core
from core.tensors import BINARY, CONSTRUCTORS, DTYPES, UNARY, TensorInputError
from ui import chart, code_panel, controls, nav, run
from ui.i18n import t

nav.ensure_entrypoint()

st.title(t("tensors.title"))
st.markdown(t("tensors.intro"))
cfg = controls.train_controls("tensors", lr=0.1, epochs=20, max_epochs=1000)

# 1. Make ---------------------------------------------------------------------------------------
st.header(t("tensors.make"), divider="orange")
left, right = st.columns([1, 1], gap="large")
with left:
    a, b = st.columns(2)
    constructor = a.selectbox(t("tensors.constructor"), CONSTRUCTORS, key="tensors.constructor",
                              format_func=lambda c: f"torch.{c}", help=t("tensors.constructor_help"))
    dtype = b.selectbox("dtype", ["auto", *DTYPES], key="tensors.dtype", help=t("tensors.dtype_help"))
    args = {"dtype": dtype, "device": cfg.device, "seed": cfg.seed}
    if constructor == "tensor":
        args["values"] = st.text_area(t("tensors.values"), "[[1, 2], [3, 4]]", key="tensors.values", height=90,
                                      help=t("tensors.values_help", max=f"{core.tensors.MAX_ELEMENTS:,}"))
    elif constructor in ("randn", "zeros", "ones"):
        args["shape"] = st.text_input(t("tensors.shape"), "2, 3", key="tensors.shape",
                                      help=t("tensors.shape_help", max=f"{core.tensors.MAX_ELEMENTS:,}"))
    else:
        c1, c2, c3 = st.columns(3)
        args["start"] = c1.number_input("start", value=0.0, key="tensors.start")
        args["end"] = c2.number_input("end", value=5.0, key="tensors.end")
        if constructor == "arange":
            args["step"] = c3.number_input("step", value=1.0, key="tensors.step")
        else:
            args["steps"] = int(c3.number_input("steps", value=5, min_value=0, step=1, key="tensors.steps"))
    try:
        A = core.tensors.make(constructor, **args)
    except (TensorInputError, ValueError) as err:
        st.error(str(err), icon=":material/error:")
        A = None
with right:
    st.code(core.snippets.make(constructor, **args), language="python", wrap_lines=True)

# 2. Inspect ------------------------------------------------------------------------------------
st.header(t("tensors.inspect"), divider="orange")
if A is None:
    st.info(t("tensors.fix_values"))
else:
    info = core.tensors.describe(A)
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.caption(t("tensors.repr_caption"))
        st.code(info["repr"], language=None)
        names = ("shape", "dtype", "device", "ndim", "numel")
        st.markdown("| " + " | ".join(f"`A.{n}`" for n in names) + " |\n|" + "---|" * len(names) + "\n| "
                    + " | ".join(f"**{list(info[n]) if n == 'shape' else info[n]}**" for n in names) + " |")
    with right:
        if A.ndim in (1, 2) and 0 < A.numel() <= 400:
            grid = A.reshape(1, -1) if A.ndim == 1 else A
            chart.show(core.charts.heatmap(grid.float().cpu().tolist(), title=t("tensors.heatmap"),
                                           x_title=t("tensors.heatmap_x"), y_title=t("tensors.heatmap_y")),
                            width="stretch")
        else:
            st.caption(t("tensors.heatmap_none"))

# 3. Combine ------------------------------------------------------------------------------------
st.header(t("tensors.combine"), divider="orange")
if A is not None:
    left, right = st.columns([1, 1], gap="large")
    with left:
        c1, c2 = st.columns(2)
        op = c1.selectbox(t("tensors.operation"), [*BINARY, *UNARY], key="tensors.op",
                          help=t("tensors.operation_help"))
        b_text, shape_text, dim = "", "-1", None
        if op in BINARY:
            b_text = c2.text_input(t("tensors.b_values"), "[10, 20]", key="tensors.b_values",
                                   help=t("tensors.b_values_help"))
        elif op in ("A.reshape(shape)", "A.view(shape)"):
            shape_text = c2.text_input(t("tensors.new_shape"), "-1", key="tensors.new_shape",
                                       help=t("tensors.new_shape_help"))
        elif op in ("A.sum(dim)", "A.mean(dim)"):
            pick = c2.selectbox("dim", ["all", *range(max(A.ndim, 1))], key="tensors.dim",
                                help=t("tensors.dim_help"))
            dim = None if pick == "all" else int(pick)
        try:
            B = core.tensors.make("tensor", values=b_text, device=cfg.device) if op in BINARY else None
            if B is not None and op != "A @ B":
                rows, result_shape = core.tensors.broadcast(tuple(A.shape), tuple(B.shape))
                st.caption(t("tensors.broadcast"))
                st.dataframe(pd.DataFrame(
                    [{"dim": str(d), "A": "-" if sa is None else str(sa), "B": "-" if sb is None else str(sb),
                      t("tensors.result"): t("tensors.clash") if out is None else str(out)} for d, sa, sb, out in rows]),
                    hide_index=True)
            C = core.tensors.combine(op, A, B, shape=shape_text, dim=dim)
            st.code(repr(C), language=None)
            st.caption(f"shape {list(C.shape)} · dtype {str(C.dtype).replace('torch.', '')}")
        except TensorInputError as err:
            st.error(t("tensors.pytorch_says", error=err), icon=":material/error:")
    with right:
        st.code(core.snippets.combine(op, b_text, shape_text, dim), language="python", wrap_lines=True)

# 4. One step by hand ---------------------------------------------------------------------------
st.header(t("tensors.step"), divider="orange")
st.markdown(t("tensors.step_intro", lr=f"{cfg.lr:g}"))
c = st.columns(4)
x = c[0].number_input("x", value=2.0, key="tensors.x")
y = c[1].number_input("y", value=4.0, key="tensors.y")
w0 = c[2].number_input("W", value=1.0, key="tensors.w")
b0 = c[3].number_input("b", value=1.0, key="tensors.b")
s = core.gradients.one_step(x, y, w0, b0, cfg.lr)
left, right = st.columns([1, 1], gap="large")
with left:
    st.markdown(
        f"| | {t('tensors.computed')} | {t('tensors.value')} |\n|---|---|---|\n"
        f"| forward | y_hat = W·x + b = {w0:g}·{x:g} + {b0:g} | **{s['y_hat']:.4g}** |\n"
        f"| loss | 0.5 (y − y_hat)² = 0.5 ({y:g} − {s['y_hat']:.4g})² | **{s['loss']:.4g}** |\n"
        f"| backward | W.grad = −(y − y_hat)·x ({t('tensors.by_hand')}: {s['hand_grad_w']:.4g}) | **{s['grad_w']:.4g}** |\n"
        f"| backward | b.grad = −(y − y_hat) ({t('tensors.by_hand')}: {s['hand_grad_b']:.4g}) | **{s['grad_b']:.4g}** |\n"
        f"| step | W := W − lr·W.grad = {w0:g} − {cfg.lr:g}·({s['grad_w']:.4g}) | **{s['new_w']:.4g}** |\n"
        f"| step | b := b − lr·b.grad = {b0:g} − {cfg.lr:g}·({s['grad_b']:.4g}) | **{s['new_b']:.4g}** |")
    chart.show(core.charts.lines_to_point(
        (x, y), [(t("tensors.before_step"), w0, b0), (t("tensors.after_step"), s["new_w"], s["new_b"])],
        (min(0.0, x - 1), max(x + 1, 1.0)), title=t("tensors.before_after")),
        width="stretch")
with right:
    st.code(core.snippets.one_step(x, y, w0, b0, cfg.lr), language="python", wrap_lines=True)

# 5. Repeat it: Train ---------------------------------------------------------------------------
st.header(t("tensors.repeat"), divider="orange")
st.markdown(t("tensors.repeat_intro", x=f"{x:g}", y=f"{y:g}"))
X = core.tensors.make("tensor", values=f"[[{x!r}]]", dtype="float32")  # (1, 1)
Y = core.tensors.make("tensor", values=f"[[{y!r}]]", dtype="float32")  # (1, 1)


def start(cfg: core.TrainConfig) -> core.Run:
    model = core.models.linear(init=(w0, b0))
    track = {"W": lambda m: m.weight.item(), "b": lambda m: m.bias.item()}
    return core.Run(model, core.losses.half_squared_error, X, Y, cfg, metrics=track)


def draw(r: core.Run) -> None:
    ws, bs = r.hist.metrics.get("W", []), r.hist.metrics.get("b", [])
    if not ws:
        return
    w, b = ws[-1], bs[-1]
    st.markdown(t("tensors.after_n", n=len(ws), w=f"{w:.4f}", b=f"{b:.4f}", x=f"{x:g}",
                  pred=f"{w * x + b:.4f}", y=f"{y:g}"))
    left, right = st.columns(2)
    with left:
        mid = len(ws) // 2
        lines = [(t("tensors.start"), w0, b0), (t("tensors.after_steps", n=mid + 1), ws[mid], bs[mid]),
                 (t("tensors.after_steps", n=len(ws)), w, b)] if len(ws) > 2 else \
            [(t("tensors.start"), w0, b0), (t("tensors.now"), w, b)]
        chart.show(core.charts.lines_to_point((x, y), lines, (min(0.0, x - 1), max(x + 1, 1.0)),
                                                   title=t("tensors.walks")))
    with right:
        run.loss_view(r)


run.train_panel("tensors", cfg, start, draw, inputs=(x, y, w0, b0))
code_panel.code_panel("tensors", core.codegen.Recipe(
    "One point, one line", core.codegen.data_values(X, Y, f"one point: x = {x:g}, y = {y:g}"),
    core.codegen.model_linear(w0, b0), core.codegen.LOSS_CODE["half_squared_error"]), cfg, "one_point.py")
