"""MNIST: the tutorial's MLP 784-128-64-10 on real handwritten digits."""
import streamlit as st

import core
from ui import controls, nav, run

nav.ensure_entrypoint()

st.title("MNIST digits")


@st.cache_resource
def mnist():
    """Loaded once per process and shared read-only by every session."""
    return core.data.load_mnist("sample")


train_x, train_y, test_x, test_y, source = mnist()
st.caption(f"Data: the bundled sample of real MNIST digits, {len(train_x):,} to train on and "
           f"{len(test_x):,} to test.")
cfg = controls.train_controls("mnist", lr=1e-3, epochs=1, max_epochs=20, optimizer="adam",
                              batch_size=64, batch_sizes=(16, 32, 64, 128, 256, 512))


def start(cfg: core.TrainConfig) -> core.Run:
    model = core.models.mlp(seed=cfg.seed)
    accuracy = {"test accuracy": lambda m: core.evaluate(m, test_x, test_y, cfg.device)}
    return core.Run(model, core.losses.cross_entropy, train_x, train_y, cfg, metrics=accuracy)


def draw(r: core.Run) -> None:
    acc = r.hist.metrics.get("test accuracy", [])
    if acc:
        st.metric("Test accuracy", f"{acc[-1]:.1%}")
    run.loss_view(r)


run.train_panel("mnist", cfg, start, draw)
