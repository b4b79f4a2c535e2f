"""MNIST: the tutorial's MLP learns handwritten digits live; then see what it gets wrong, and try your own."""
import numpy as np
import streamlit as st

import core
from ui import chart, code_panel, controls, nav, run

nav.ensure_entrypoint()

st.title("MNIST: reading handwritten digits")
st.markdown("The tutorial's model: each 28×28 picture is flattened to 784 numbers and passed through "
            "**Linear 784→128, ReLU, Linear 128→64, ReLU, Linear 64→10**. The ten outputs score the "
            "digits 0 to 9; **CrossEntropyLoss** trains them, **Adam** steps, 64 pictures a batch.")

SOURCES = {"auto": "Full MNIST if it can be had, else the sample", "sample": "The bundled sample (offline, quick)",
           "full": "Full MNIST (60,000 + 10,000; downloads 11 MB once)"}
c1, c2, c3 = st.columns([2, 1, 1])
source = c1.selectbox("Data", list(SOURCES), format_func=SOURCES.get,
                      **controls.linked("mnist", core.settings.choice("dataset", SOURCES, "auto")),
                      help="The sample is 5,000 real MNIST digits kept in the app, so a class can work "
                           "without wifi; full MNIST is downloaded on first use and kept.")
HIDDEN = {"128-64": (128, 64), "64": (64,), "256-128": (256, 128), "512-256": (512, 256), "32": (32,)}
hidden_name = c2.selectbox("Hidden layers", list(HIDDEN), format_func=lambda k: k.replace("-", ", "),
                           **controls.linked("mnist", core.settings.choice("model", HIDDEN, "128-64")),
                           help="Widths of the hidden layers; the tutorial uses 128 then 64.")
activation = c3.selectbox("Activation", list(core.models.ACTIVATIONS), key="mnist.activation",
                          format_func={"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid"}.get)


@st.cache_resource(show_spinner="Loading MNIST…")
def mnist(source: str):
    """Loaded once per process and source, shared read-only by every session."""
    return core.data.load_mnist_explained(source)


try:
    train_x, train_y, test_x, test_y, used, why = mnist(source)
except Exception as err:  # "full" asked for and unavailable: say so, and offer the sample
    st.error(f"Full MNIST could not be loaded: {err}. Choose the bundled sample to work offline.")
    st.stop()
st.caption(f"Using **{'full MNIST' if used == 'full' else 'the bundled sample'}**: {len(train_x):,} digits to "
           f"train on, {len(test_x):,} to test. Why: {why}.")
cfg = controls.train_controls("mnist", lr=1e-3, epochs=1, max_epochs=10, optimizer="adam",
                              batch_size=64, batch_sizes=(16, 32, 64, 128, 256, 512, 1024))
inputs = (used, hidden_name, activation)


def start(cfg: core.TrainConfig) -> core.Run:
    model = core.models.mlp(hidden=HIDDEN[hidden_name], activation=activation, seed=cfg.seed)
    accuracy = {"train accuracy": lambda m: core.evaluate(m, train_x, train_y, cfg.device),
                "test accuracy": lambda m: core.evaluate(m, test_x, test_y, cfg.device)}
    return core.Run(model, core.losses.cross_entropy, train_x, train_y, cfg, metrics=accuracy)


def draw(r: core.Run) -> None:
    hist = r.hist
    cols = st.columns(4)
    test_acc, train_acc = hist.metrics.get("test accuracy", []), hist.metrics.get("train accuracy", [])
    cols[0].metric("Test accuracy", f"{test_acc[-1]:.1%}" if test_acc else "–")
    cols[1].metric("Train accuracy", f"{train_acc[-1]:.1%}" if train_acc else "–")
    cols[2].metric("Final loss", f"{hist.loss[-1]:.6g}" if hist.loss else "–")
    cols[3].metric("Steps", f"{hist.steps:,}")
    left, right = st.columns(2, gap="large")
    with left:
        if hist.batch_loss:
            chart.show(core.charts.loss_curves(
                {"loss": hist.batch_loss}, title=f"Loss, every {core.training.BATCH_LOG} batches",
                x_title=f"batches ÷ {core.training.BATCH_LOG}"))
    with right:
        if test_acc:
            chart.show(core.charts.loss_curves(
                {"train": train_acc, "test": test_acc}, title="Accuracy after each epoch",
                y_title="Accuracy", first=1))


trained = run.train_panel("mnist", cfg, start, draw, inputs=inputs)
code_panel.code_panel("mnist", core.codegen.Recipe(
    "MNIST digits", core.codegen.data_mnist(used),
    core.codegen.model_mlp(HIDDEN[hidden_name], activation, 784, 10), core.codegen.LOSS_CODE["cross_entropy"],
    report=core.codegen.ACCURACY_REPORT), cfg, "mnist_mlp.py")

# What it gets wrong -----------------------------------------------------------------------------
if trained is not None and trained.done and not trained.hist.diverged:
    st.header("What the model gets wrong", divider="orange")
    key = "mnist.eval"
    if st.session_state.get(key, (None,))[0] is not trained:
        predicted, _ = core.evaluation.predict_classes(trained.model, test_x, trained.cfg.device)
        st.session_state[key] = (trained, predicted)
    predicted = st.session_state[key][1]
    matrix = core.evaluation.confusion(test_y, predicted)
    left, right = st.columns(2, gap="large")
    with left:
        chart.show(core.charts.confusion_matrix(matrix.tolist()), width="content")
    with right:
        per_class = core.evaluation.per_class_accuracy(matrix)
        worst = int(np.argmin(per_class))
        chart.show(core.charts.bars(list(range(10)), per_class, "Test accuracy per digit", "accuracy",
                                         highlight=worst))
        st.caption(f"Hardest digit: **{worst}** ({per_class[worst]:.0%} right). Each row of the matrix is a "
                   "true digit; a bright cell off the diagonal is a mix-up, e.g. a 4 read as a 9.")
    only_wrong = st.toggle("Show only the mistakes", key="mnist.only_wrong")
    pick = (predicted != test_y).nonzero().reshape(-1) if only_wrong else np.arange(len(test_y))
    pick = pick[:32]
    if len(pick):
        grid = core.images.digit_grid(core.images.to_uint8(test_x[pick]), test_y[pick].tolist(),
                                      predicted[pick].tolist())
        st.image(grid, caption="Test digits and the model's answers: green is right; red is wrong, "
                               "with the true digit in brackets.")
    else:
        st.success("No mistakes at all on the test set.")
    d1, d2 = st.columns(2)
    d1.download_button("Download the model (state_dict, .pt)", core.export.state_dict_bytes(trained.model),
                       file_name="mnist_mlp.pt", mime="application/octet-stream", key="mnist.download_model",
                       icon=":material/download:")
    d2.download_button("Download the history (.csv)", core.export.history_csv(trained.hist),
                       file_name="mnist_history.csv", mime="text/csv", key="mnist.download_history",
                       icon=":material/download:")

# Try your own ------------------------------------------------------------------------------------
st.header("Try your own digit", divider="orange")
upload = st.file_uploader("A photo or drawing of one digit (PNG or JPG, at most 5 MB)",
                          type=["png", "jpg", "jpeg"], key="mnist.upload")
if upload is not None:
    try:
        x_mine, seen = core.images.digit_from_upload(upload.getvalue())
    except core.data.DataError as err:
        st.error(str(err), icon=":material/error:")
    else:
        left, right = st.columns([1, 3], gap="large")
        left.image(seen, caption="What the model sees: 28×28, white on black", width=168, clamp=True)
        if trained is None:
            right.info("Train a model above first; then it will read your digit.")
        else:
            label, probs = core.evaluation.predict_classes(trained.model, x_mine, trained.cfg.device)
            with right:
                chart.show(core.charts.bars(list(range(10)), probs[0].tolist(),
                                            f"The model reads a {label.item()}", "probability",
                                            highlight=label.item()))
