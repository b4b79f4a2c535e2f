"""The shared training controls in the sidebar; they return a core.TrainConfig."""
import streamlit as st

import core

# Learning rates 1, 2 and 5 per decade, 1e-6 to 1: a log scale a slider can walk.
LEARNING_RATES = [round(m * 10.0 ** e, 12) for e in range(-6, 0) for m in (1, 2, 5)] + [1.0]
OPTIMIZER_NAMES = {"sgd": "SGD", "adam": "Adam"}


def persistent(key: str, default):
    """Give widget `key` a value that survives visits to other pages.

    Streamlit forgets a widget's state when a run does not draw it; we keep a copy under "_key"
    (written by the widget's on_change) and hand it back before the widget is drawn again.
    """
    st.session_state[key] = st.session_state.get("_" + key, default)
    return {"key": key, "on_change": _keep, "args": (key,)}


def _keep(key: str) -> None:
    st.session_state["_" + key] = st.session_state[key]


def _lr_label(lr: float) -> str:
    return f"{lr:.0e}" if lr < 1e-3 else f"{lr:g}"


def train_controls(page: str, *, lr: float = 0.01, epochs: int = 100, max_epochs: int = 5000,
                   momentum: float = 0.0, optimizer: str = "sgd", batch_size: int | None = None,
                   batch_sizes: tuple[int, ...] = (), seed: int = 0) -> core.TrainConfig:
    """Draw the controls with this page's defaults; return the TrainConfig they describe."""
    side = st.sidebar
    side.subheader("Training")
    lr = side.select_slider(
        "Learning rate", options=LEARNING_RATES, format_func=_lr_label,
        help="How far each step moves the weights: W := W - lr * grad. Log scale, 1e-6 to 1. "
             "Too small crawls, too large overshoots and diverges.",
        **persistent(f"{page}.lr", min(LEARNING_RATES, key=lambda v: abs(v - lr))))
    epochs = side.number_input(
        "Epochs", min_value=1, max_value=max_epochs, step=1,
        help=f"Passes over the whole data set (at most {max_epochs} on this page, "
             "to keep a run within about a minute on a laptop).",
        **persistent(f"{page}.epochs", epochs))
    optimizer = side.selectbox(
        "Optimizer", options=list(OPTIMIZER_NAMES), format_func=OPTIMIZER_NAMES.get,
        help="SGD: plain gradient descent, with momentum if you set it. "
             "Adam: per-weight step sizes from running averages of the gradient.",
        **persistent(f"{page}.optimizer", optimizer))
    momentum = side.slider(
        "Momentum", min_value=0.0, max_value=0.99, step=0.01, disabled=optimizer == "adam",
        help="SGD with momentum keeps a running sum of past gradients, so steps build up speed "
             "along a consistent slope. 0 is plain SGD. Adam ignores it.",
        **persistent(f"{page}.momentum", momentum))
    if batch_sizes:
        batch_size = side.select_slider(
            "Batch size", options=list(batch_sizes),
            help="Examples per optimizer step; each epoch shuffles the data with the seed.",
            **persistent(f"{page}.batch_size", batch_size))
    here = core.devices.available()
    device = side.selectbox(
        "Device", options=here,
        help="Where the tensors live and the maths runs: " + ", ".join(here) + " on this machine.",
        **persistent(f"{page}.device", "cpu"))
    seed = side.number_input(
        "Seed", min_value=0, max_value=2**31 - 1, step=1,
        help="Seeds the starting weights and the batch order: the same seed gives the same numbers.",
        **persistent(f"{page}.seed", seed))
    return core.TrainConfig(lr=float(lr), epochs=int(epochs), momentum=float(momentum),
                            optimizer=optimizer, batch_size=batch_size, device=device, seed=int(seed))
