"""Sine: fit sin(x) on [-pi, pi] with a cubic, by hand and by autograd, or with a small network."""
import pandas as pd
import streamlit as st

import core
from ui import chart, code_panel, controls, nav, run

nav.ensure_entrypoint()

st.title("Approximating sin(x)")
st.markdown("Fit **y = sin(x)** on [−π, π] with a cubic **a + b x + c x² + d x³**, started from random "
            "numbers, by gradient descent on the **sum of squared errors**, as the tutorial does. First "
            "with gradients derived by hand, then letting autograd find them; or swap the cubic for a "
            "small neural network.")

MODELS = {"cubic": "Cubic a + b x + c x² + d x³", "net": "Small neural network"}
model_kind = st.radio("Model", list(MODELS), format_func=MODELS.get, horizontal=True,
                      **controls.linked("sine", core.settings.choice("model", MODELS, "cubic")))
c = st.columns(3)
n = int(c[0].number_input("Points", 10, 10_000, 1000, step=100, key="sine.points",
                          help="Points of sin(x), evenly spread on [-pi, pi] (at most 10,000)."))
noise = c[1].number_input("Noise", 0.0, 1.0, 0.0, step=0.05, key="sine.noise",
                          help="Standard deviation of Gaussian noise added to sin(x).")
data_seed = int(c[2].number_input("Data seed", 0, 10**6, 0, key="sine.data_seed"))
x, y = core.data.sine(n, noise=noise, seed=data_seed)
clean = core.data.sine(n)[1]
best_coef, best_loss = core.landscape.least_squares_poly(x, y, 3)

if model_kind == "cubic":
    page = "sine"
    by_hand = st.radio("Gradients", ["autograd", "hand"], horizontal=True, key="sine.gradients",
                       format_func={"autograd": "With autograd: loss.backward()",
                                    "hand": "By hand: the tutorial's formulas, no autograd"}.get) == "hand"
    cfg = controls.train_controls(page, lr=1e-6, epochs=2000, max_epochs=20_000)
    st.info(f"The tutorial's settings: lr 1e-6, 2000 epochs, plain SGD. Plain descent stops far from the "
            f"best cubic (loss {best_loss:.3f}). **Set Momentum to 0.9** in the sidebar and train again: "
            "the same 2000 steps then reach it.", icon=":material/lightbulb:")

    def make_model(seed: int):
        return core.models.cubic(seed=seed)
    grad_fn = core.gradients.cubic_sum_of_squares if by_hand else None
    inputs = (model_kind, n, noise, data_seed, by_hand)
    model_code, hand_code = core.codegen.model_cubic(), core.codegen.CUBIC_HAND_GRADS if by_hand else ""
else:
    page = "sine_net"
    c = st.columns(3)
    width = int(c[0].select_slider("Hidden width", [4, 8, 16, 32, 64, 128], 32, key="sine.width"))
    depth = int(c[1].number_input("Hidden layers", 1, 4, 2, key="sine.depth"))
    activation = c[2].selectbox("Activation", list(core.models.ACTIVATIONS), index=1, key="sine.activation",
                                format_func={"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid"}.get)
    cfg = controls.train_controls(page, lr=0.002, epochs=2000, max_epochs=20_000, optimizer="adam")

    def make_model(seed: int):
        return core.models.mlp(hidden=(width,) * depth, activation=activation, in_features=1,
                               out_features=1, seed=seed)
    grad_fn = None
    inputs = (model_kind, n, noise, data_seed, width, depth, activation)
    model_code, hand_code = core.codegen.model_mlp((width,) * depth, activation, 1, 1), ""


def start(cfg: core.TrainConfig) -> core.Run:
    return core.Run(make_model(cfg.seed), core.losses.sum_of_squares, x, y, cfg, grad_fn=grad_fn)


def draw(r: core.Run) -> None:
    xs = x.reshape(-1).tolist()
    before = core.predict(make_model(r.cfg.seed), x).reshape(-1).tolist()
    now = core.predict(r.model, x).reshape(-1).tolist()
    left, right = st.columns([3, 2], gap="large")
    with left:
        picture = core.charts.curves(
            xs, {"sin(x)": clean.reshape(-1).tolist(), "before training": before, "prediction now": now},
            title="sin(x), the prediction before training, and now",
            points=(xs, y.reshape(-1).tolist()) if noise else None, dashed=("before training",))
        chart.show(picture.properties(height=380))
    with right:
        run.loss_view(r, log_scale=True)
    if hasattr(r.model, "coefficients"):
        coef = r.model.coefficients()
        final = r.hist.loss[-1] if r.hist.loss else float("nan")
        st.dataframe(pd.DataFrame([["trained", *coef, final], ["least squares (the best cubic)", *best_coef, best_loss]],
                                  columns=["", "a", "b", "c", "d", "sum of squares"]),
                     hide_index=True, width="stretch",
                     column_config={k: st.column_config.NumberColumn(format="%.5f")
                                    for k in ("a", "b", "c", "d", "sum of squares")})


run.train_panel(page, cfg, start, draw, inputs=inputs)
code_panel.code_panel(page, core.codegen.Recipe(
    "Approximating sin(x)", core.codegen.data_sine(n, noise, data_seed), model_code,
    core.codegen.LOSS_CODE["sum_of_squares"], hand_grads=hand_code), cfg, "sine.py")

if model_kind == "cubic":
    st.header("By hand or by autograd: the same numbers", divider="orange")
    st.markdown("The hand-derived gradients are the tutorial's: with grad = 2 (y_pred − y), "
                "dL/da = Σ grad, dL/db = Σ grad·x, dL/dc = Σ grad·x², dL/dd = Σ grad·x³. "
                "Train both ways from the same start with the settings in the sidebar:")
    st.code("grad_y_pred = 2.0 * (y_pred - y)\n"
            "grad_a, grad_b = grad_y_pred.sum(), (grad_y_pred * x).sum()\n"
            "grad_c, grad_d = (grad_y_pred * x ** 2).sum(), (grad_y_pred * x ** 3).sum()", language="python")
    if st.button("Train both ways", key="sine.compare_button", icon=":material/compare_arrows:"):
        with st.spinner("Training by hand and with autograd…"):
            runs = core.compare(lambda: make_model(cfg.seed), core.losses.sum_of_squares, x, y,
                                {"by hand": cfg, "with autograd": cfg},
                                grad_fns={"by hand": core.gradients.cubic_sum_of_squares})
        st.session_state["sine.comparison"] = {
            k: (r.model.coefficients(), r.hist.loss[-1] if r.hist.loss else float("nan")) for k, r in runs.items()}
    both = st.session_state.get("sine.comparison")
    if both:
        rows = [[k, *coef, loss] for k, (coef, loss) in both.items()]
        gap = max(abs(a - b) for a, b in zip(rows[0][1:], rows[1][1:]))
        st.dataframe(pd.DataFrame(rows, columns=["", "a", "b", "c", "d", "final loss"]), hide_index=True,
                     column_config={k: st.column_config.NumberColumn(format="%.6f")
                                    for k in ("a", "b", "c", "d", "final loss")})
        st.success("The two agree to the last digit." if gap == 0 else
                   f"The largest difference between the two is {gap:.2g}: float rounding, nothing more.")
