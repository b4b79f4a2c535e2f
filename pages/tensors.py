"""Tensors: make one, look inside it, combine two, and take one autograd step by hand."""
import pandas as pd
import streamlit as st

import core
from core.tensors import BINARY, CONSTRUCTORS, DTYPES, UNARY, TensorInputError
from ui import chart, code_panel, controls, nav, run

nav.ensure_entrypoint()

st.title("Tensors and autograd")
st.markdown("A **tensor** is PyTorch's array: numbers laid out in a shape, with a dtype and a "
            "device. Make one, look inside it, combine two, then let `backward()` find gradients.")
cfg = controls.train_controls("tensors", lr=0.1, epochs=20, max_epochs=1000)

# 1. Make ---------------------------------------------------------------------------------------
st.header("1. Make a tensor", divider="orange")
left, right = st.columns([1, 1], gap="large")
with left:
    a, b = st.columns(2)
    constructor = a.selectbox("Constructor", CONSTRUCTORS, key="tensors.constructor",
                              format_func=lambda c: f"torch.{c}", help="How the tensor is made.")
    dtype = b.selectbox("dtype", ["auto", *DTYPES], key="tensors.dtype",
                        help="auto: PyTorch picks (int64 for whole numbers, float32 otherwise).")
    args = {"dtype": dtype, "device": cfg.device, "seed": cfg.seed}
    if constructor == "tensor":
        args["values"] = st.text_area("Values", "[[1, 2], [3, 4]]", key="tensors.values", height=90,
                                      help="A number, or nested lists of numbers: [[1, 2], [3, 4]]. "
                                           f"At most {core.tensors.MAX_ELEMENTS:,} elements.")
    elif constructor in ("randn", "zeros", "ones"):
        args["shape"] = st.text_input("Shape", "2, 3", key="tensors.shape",
                                      help="Sizes separated by commas, e.g. 2, 3. "
                                           f"At most {core.tensors.MAX_ELEMENTS:,} elements.")
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
st.header("2. Inspect it", divider="orange")
if A is None:
    st.info("Fix the values above to see the tensor.")
else:
    info = core.tensors.describe(A)
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.caption("print(A), exactly as PyTorch prints it")
        st.code(info["repr"], language=None)
        names = ("shape", "dtype", "device", "ndim", "numel")
        st.markdown("| " + " | ".join(f"`A.{n}`" for n in names) + " |\n|" + "---|" * len(names) + "\n| "
                    + " | ".join(f"**{list(info[n]) if n == 'shape' else info[n]}**" for n in names) + " |")
    with right:
        if A.ndim in (1, 2) and 0 < A.numel() <= 400:
            grid = A.reshape(1, -1) if A.ndim == 1 else A
            chart.show(core.charts.heatmap(grid.float().cpu().tolist(), title="A as a heatmap"),
                            width="stretch")
        else:
            st.caption("A 1-D or 2-D tensor of up to 400 numbers is drawn here as a heatmap.")

# 3. Combine ------------------------------------------------------------------------------------
st.header("3. Combine", divider="orange")
if A is not None:
    left, right = st.columns([1, 1], gap="large")
    with left:
        c1, c2 = st.columns(2)
        op = c1.selectbox("Operation", [*BINARY, *UNARY], key="tensors.op",
                          help="Elementwise + - * / broadcast; @ is matrix multiplication.")
        b_text, shape_text, dim = "", "-1", None
        if op in BINARY:
            b_text = c2.text_input("Values of B", "[10, 20]", key="tensors.b_values",
                                   help="The second tensor, typed like the first.")
        elif op in ("A.reshape(shape)", "A.view(shape)"):
            shape_text = c2.text_input("New shape", "-1", key="tensors.new_shape",
                                       help="Sizes with the same product as A's; -1 means 'the rest'.")
        elif op in ("A.sum(dim)", "A.mean(dim)"):
            pick = c2.selectbox("dim", ["all", *range(max(A.ndim, 1))], key="tensors.dim",
                                help="The dimension that is summed away; all gives one number.")
            dim = None if pick == "all" else int(pick)
        try:
            B = core.tensors.make("tensor", values=b_text, device=cfg.device) if op in BINARY else None
            if B is not None and op != "A @ B":
                rows, result_shape = core.tensors.broadcast(tuple(A.shape), tuple(B.shape))
                st.caption("Broadcasting lines the shapes up from the right; a size 1 (or a missing "
                           "dimension) stretches to match the other.")
                st.dataframe(pd.DataFrame(
                    [{"dim": str(d), "A": "-" if sa is None else str(sa), "B": "-" if sb is None else str(sb),
                      "result": "clash" if out is None else str(out)} for d, sa, sb, out in rows]),
                    hide_index=True)
            C = core.tensors.combine(op, A, B, shape=shape_text, dim=dim)
            st.code(repr(C), language=None)
            st.caption(f"shape {list(C.shape)} · dtype {str(C.dtype).replace('torch.', '')}")
        except TensorInputError as err:
            st.error(f"PyTorch says: {err}", icon=":material/error:")
    with right:
        st.code(core.snippets.combine(op, b_text, shape_text, dim), language="python", wrap_lines=True)

# 4. One step by hand ---------------------------------------------------------------------------
st.header("4. One step of learning, by hand", divider="orange")
st.markdown("One point (x, y) and a line y_hat = W x + b. The loss 0.5 (y - y_hat)² says how wrong "
            "the line is; `loss.backward()` finds how the loss changes with W and b; the step moves "
            f"them against that, with the learning rate from the sidebar (now {cfg.lr:g}).")
c = st.columns(4)
x = c[0].number_input("x", value=2.0, key="tensors.x")
y = c[1].number_input("y", value=4.0, key="tensors.y")
w0 = c[2].number_input("W", value=1.0, key="tensors.w")
b0 = c[3].number_input("b", value=1.0, key="tensors.b")
s = core.gradients.one_step(x, y, w0, b0, cfg.lr)
left, right = st.columns([1, 1], gap="large")
with left:
    st.markdown(
        f"| | computed | value |\n|---|---|---|\n"
        f"| forward | y_hat = W·x + b = {w0:g}·{x:g} + {b0:g} | **{s['y_hat']:.4g}** |\n"
        f"| loss | 0.5 (y − y_hat)² = 0.5 ({y:g} − {s['y_hat']:.4g})² | **{s['loss']:.4g}** |\n"
        f"| backward | W.grad = −(y − y_hat)·x (by hand: {s['hand_grad_w']:.4g}) | **{s['grad_w']:.4g}** |\n"
        f"| backward | b.grad = −(y − y_hat) (by hand: {s['hand_grad_b']:.4g}) | **{s['grad_b']:.4g}** |\n"
        f"| step | W := W − lr·W.grad = {w0:g} − {cfg.lr:g}·({s['grad_w']:.4g}) | **{s['new_w']:.4g}** |\n"
        f"| step | b := b − lr·b.grad = {b0:g} − {cfg.lr:g}·({s['grad_b']:.4g}) | **{s['new_b']:.4g}** |")
    chart.show(core.charts.lines_to_point(
        (x, y), [("before the step", w0, b0), ("after one step", s["new_w"], s["new_b"])],
        (min(0.0, x - 1), max(x + 1, 1.0)), title="The point, and the line before and after"),
        width="stretch")
with right:
    st.code(core.snippets.one_step(x, y, w0, b0, cfg.lr), language="python", wrap_lines=True)

# 5. Repeat it: Train ---------------------------------------------------------------------------
st.header("5. Repeat the step: train", divider="orange")
st.markdown(f"Repeat this step and the line learns to predict {y:g} for x = {x:g}. **Train** runs "
            "the same step through `core.train`, with the epochs, optimizer and momentum from the sidebar.")
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
    st.markdown(f"After {len(ws)} steps: W = **{w:.4f}**, b = **{b:.4f}**, "
                f"prediction for x = {x:g}: **{w * x + b:.4f}** (target {y:g})")
    left, right = st.columns(2)
    with left:
        mid = len(ws) // 2
        lines = [("start", w0, b0), (f"after {mid + 1} steps", ws[mid], bs[mid]),
                 (f"after {len(ws)} steps", w, b)] if len(ws) > 2 else [("start", w0, b0), ("now", w, b)]
        chart.show(core.charts.lines_to_point((x, y), lines, (min(0.0, x - 1), max(x + 1, 1.0)),
                                                   title="The line walks to the point"))
    with right:
        run.loss_view(r)


run.train_panel("tensors", cfg, start, draw, inputs=(x, y, w0, b0))
code_panel.code_panel("tensors", core.codegen.Recipe(
    "One point, one line", core.codegen.data_values(X, Y, f"one point: x = {x:g}, y = {y:g}"),
    core.codegen.model_linear(w0, b0), core.codegen.LOSS_CODE["half_squared_error"]), cfg, "one_point.py")
