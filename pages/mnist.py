"""MNIST: the tutorial's MLP learns handwritten digits live; then see what it gets wrong, and try your own."""
import os
from dataclasses import replace
from functools import partial

import numpy as np
import streamlit as st

import core
from ui import chart, code_panel, controls, graph_view, health_view, live_run, nav, present, runs_list
from ui import draw as canvas_ui  # (the page has a draw(run) of its own)
from ui.i18n import md, say, t

nav.ensure_entrypoint()

st.title(t("mnist.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
intro = st.empty()  # filled once the sidebar says the batch size and the optimizer

page = controls.For("mnist")  # the page's own settings, each carried by links
SOURCES = {key: t(f"mnist.source.{key}") for key in ("auto", "sample", "full")}
c1, c2, c3, c4 = present.settings().columns([1.5, 1, 1.3, 1])  # at 1024 px, "128, 64" and its label still fit
source = c1.selectbox(t("mnist.data"), list(SOURCES), format_func=SOURCES.get,
                      **page.choice("dataset", SOURCES, "auto"),
                      help=t("mnist.data_help"))
# The tutorial's MLP, or a small convolutional network (core.models.cnn) that the course moves on to
MODELS = {"mlp": "MLP", "cnn": "CNN"}
arch = c2.selectbox(t("mnist.cnn.model"), list(MODELS), format_func=MODELS.get,
                    **page.choice("arch", MODELS, "mlp"),
                    help=t("mnist.cnn.model_help"))
is_cnn = arch == "cnn"  # the hidden widths and the activation below shape only the MLP
HIDDEN = {"128-64": (128, 64), "64": (64,), "256-128": (256, 128), "512-256": (512, 256), "32": (32,)}
hidden_name = c3.selectbox(t("sine.depth"), list(HIDDEN), format_func=lambda k: k.replace("-", ", "),
                           disabled=is_cnn, help=t("mnist.cnn.mlp_only") if is_cnn else t("mnist.hidden_help"),
                           **page.choice("model", HIDDEN, "128-64"))
activation = c4.selectbox(t("sine.activation"), core.models.bending(), format_func=controls.activation_name,
                          disabled=is_cnn, help=t("mnist.cnn.mlp_only") if is_cnn else None,
                          **page.choice("activation", core.models.bending(), "relu"))
# the starting weights (the CNN's too) with the training controls: a fifth column here narrowed the data
# choice past its words and made the row taller, pushing the picture below the fold at 1024 px
init = controls.init_choice(st.sidebar if present.stage() is None else present.settings(), "mnist")


@st.cache_resource(show_spinner="Loading MNIST…")
def mnist(source: str):
    """Loaded once per process and source, shared read-only by every session."""
    return core.data.load_mnist_with_reason(source)


try:
    train_x, train_y, test_x, test_y, used, (reason, detail) = mnist(source)
    why = t(f"mnist.why.{reason}", detail=md(detail))  # the detail is an exception's English text
except Exception as err:  # "full" asked for and unavailable: say so, and offer the sample
    detail = t("mnist.no_mirror", s=f"{err.seconds:g}") if isinstance(err, core.data.NoMirror) else md(err)
    st.error(t("mnist.full_failed", kind=t(f"mnist.failure.{core.data.mnist_failure(err)}"), error=detail),
             icon=":material/error:")
    st.stop()
st.caption(t("mnist.using", which=t(f"mnist.which.{used}"), train=f"{len(train_x):,}", test=f"{len(test_x):,}",
             why=why))
if source == "auto" and used == "sample" and not os.environ.get(core.data.OFFLINE):
    # the fallback is cached for the whole server: once the wifi is back, anyone can ask again
    if st.button(t("mnist.retry_full"), key=page.key("retry_full"), icon=":material/refresh:"):
        mnist.clear()
        st.rerun()
# Epochs capped to about a minute for this data set, network and batch size (the batch size as last set:
# the sidebar draws it after the epochs). Five epochs on the sample take about a second.
batch_now = page.current("batch_size", 64)
cfg = controls.train_controls("mnist", lr=1e-3, epochs=5, optimizer="adam",
                              max_epochs=core.budget.mnist_epochs(len(train_x), HIDDEN[hidden_name], batch_now,
                                                                   model=arch),
                              batch_size=64, batch_sizes=(16, 32, 64, 128, 256, 512, 1024))
if is_cnn:
    LAYER_WORDS = {"Conv2d": "Conv {0}→{1} {2}×{2}", "MaxPool2d": "MaxPool {0}×{0}", "Linear": "Linear {0}→{1}",
                   "ReLU": "ReLU"}
    layers = ", ".join(
        LAYER_WORDS[name].format(*args) for name, args in core.models.cnn_layers() if name in LAYER_WORDS
    )
    intro.markdown(t("mnist.cnn.intro", layers=layers, optimizer=core.optimizers.OPTIMIZERS[cfg.optimizer].label,
                     batch=f"{cfg.batch_size:,}"))
else:
    widths = (784, *HIDDEN[hidden_name], 10)
    layers = f", {controls.activation_name(activation)}, ".join(f"Linear {a}→{b}" for a, b in zip(widths, widths[1:]))
    intro.markdown(t("mnist.intro", layers=layers, optimizer=core.optimizers.OPTIMIZERS[cfg.optimizer].label,
                     batch=f"{cfg.batch_size:,}"))


# seed= -> a fresh model; a partial of core's builder, not a function of this page: a kept run holds on to
# its maker, and a function defined here would keep this whole script run's variables alive with it
make_model = (partial(core.models.cnn, init=init) if is_cnn else
              partial(core.models.mlp, hidden=HIDDEN[hidden_name], activation=activation, init=init))


experiment = core.Experiment(
    make_model=make_model,
    loss_fn=core.losses.cross_entropy,
    x=train_x,
    y=train_y,
    # what sets runs apart in the runs list: the MLP's widths and activation only where there is an MLP
    inputs={"data": used, "model": MODELS[arch]}
    | ({} if is_cnn else {"layers": hidden_name, "activation": activation}) | {"init": init},
    # measured where the model is: after a device failure the run may carry on on the CPU
    metrics=core.evaluation.accuracy_metrics(train_x, train_y, test_x, test_y),
    recipe=core.codegen.Recipe(
        t("mnist.title"),
        core.codegen.data_mnist(used),
        core.codegen.model_cnn(init) if is_cnn else core.codegen.model_mlp(HIDDEN[hidden_name], activation, 784, 10,
                                                                            init=init),
        core.codegen.LOSS_CODE["cross_entropy"],
        report=core.codegen.ACCURACY_REPORT,
    ),
)


def draw(r: core.Run) -> None:
    hist = r.hist
    test_acc = hist.metrics.get(core.training.TEST_ACCURACY, [])
    train_acc = hist.metrics.get(core.training.TRAIN_ACCURACY, [])
    with present.picture():  # the loss and the accuracy first: what a class watches
        left, right = st.columns(2, gap="large")
        with left:
            if hist.batch_loss:
                chart.show(core.charts.loss_curves(
                    {"loss": hist.batch_loss}, title=t("mnist.loss_every", n=core.training.BATCH_LOG),
                    x_title=t("mnist.batches", n=core.training.BATCH_LOG), y_title=t("chart.loss")))
        with right:
            if test_acc:
                label, colour, others = runs_list.alongside("mnist", r, r.inputs)  # other runs of its data and model
                series = {f"{name} · {t('mnist.test')}": k.run.hist.metrics.get(core.training.TEST_ACCURACY, [])
                          for k, name in others}
                series.update({t("mnist.train"): train_acc, t("mnist.test"): test_acc})
                colours = [runs_list.colour(k) for k, _ in others] + ["#adb5bd", colour]
                chart.show(
                    core.charts.accuracy_curves(
                        series,
                        title=t("mnist.accuracy_title"),
                        y_title=t("mnist.accuracy"),
                        x_title=t("chart.epoch"),
                        first=1,
                        colours=colours,
                        named=[t("mnist.train"), t("mnist.test")],
                    )
                )
    # under the charts, a row that wraps, each number as wide as it is: four equal columns cut the Korean
    # loss at 1024 px
    row = st.container(horizontal=True, wrap=True, gap="medium")
    row.metric(t("mnist.test_accuracy"), f"{test_acc[-1]:.1%}" if test_acc else "–", width="content")
    row.metric(t("mnist.train_accuracy"), f"{train_acc[-1]:.1%}" if train_acc else "–", width="content")
    live_run.loss_metric(r, row, width="content")
    row.metric(t("mnist.steps"), f"{hist.steps:,}", width="content")


trained = live_run.train_panel("mnist", cfg, experiment, draw,
                          metric=(core.training.TEST_ACCURACY, t("mnist.test_accuracy")), runs_chart=True)
graph_view.of_experiment("mnist", experiment, cfg.seed)
health_view.section("mnist", experiment, cfg.seed)
code_panel.code_panel("mnist", experiment.recipe, cfg, "mnist.py")  # whichever run's script, MLP or CNN

# What it gets wrong -----------------------------------------------------------------------------
if trained is not None and trained.done and not (trained.hist.diverged or trained.hist.error):
    st.header(t("mnist.wrong_title"), divider="orange")
    key = page.key("eval")  # predicted once per run and test set: the data set may have changed since training
    if st.session_state.get(key, (None, None))[:2] != (trained, used):
        predicted, probs = core.evaluation.predict_classes(trained.model, test_x, core.devices.device_of(trained.model))
        st.session_state[key] = (trained, used, predicted, probs)  # predicted (N,), probs (N, 10)
    _, _, predicted, probs = st.session_state[key]
    matrix = core.evaluation.confusion(test_y, predicted)
    left, right = st.columns(2, gap="large")
    with left:
        # sized to its column: at 1024 px with the sidebar open, 30 px cells lost the columns 8 and 9
        chart.show(core.cell_charts.confusion_matrix_fitted(matrix.tolist(), t("mnist.confusion"),
                                                       t("mnist.predicted_label"), t("mnist.true_label")))
    with right:
        per_class = core.evaluation.per_class_accuracy(matrix)
        worst = int(np.argmin(per_class))
        chart.show(core.charts.bars(list(range(10)), per_class, t("mnist.per_digit"), t("mnist.accuracy"),
                                    highlight=worst, across=True))
        st.caption(t("mnist.hardest", digit=worst, right=f"{per_class[worst]:.0%}"))
    only_wrong = st.toggle(t("mnist.only_wrong"), key=page.key("only_wrong"))
    # the mistakes the model was surest of first: a scrawl, or now and then a digit labelled wrongly
    pick = core.evaluation.mistakes_by_confidence(test_y, probs) if only_wrong else np.arange(len(test_y))
    pick = pick[:32]
    if len(pick):
        grid = core.images.digit_grid(core.images.to_uint8(test_x[pick]), test_y[pick].tolist(),
                                      predicted[pick].tolist(), wrong=t("mnist.grid_wrong"))
        caption = t("mnist.grid_caption")
        if only_wrong:
            caption += " " + t("mnist.inside.wrong_sorted", first=f"{probs[pick[0]].max().item():.1%}",
                               last=f"{probs[pick[-1]].max().item():.1%}")
        st.image(grid, caption=caption, width="stretch")  # its small captions grow with it
    else:
        st.success(t("mnist.no_mistakes"))
    d1, d2 = st.columns(2)  # on_click="ignore": a download must not rerun the page (and replace its file)
    d1.download_button(t("mnist.download_model"), core.export.state_dict_bytes(trained.model),
                       file_name=f"mnist_{arch}.pt", mime="application/octet-stream", key=page.key("download_model"),
                       icon=":material/download:", on_click="ignore")
    d2.download_button(t("mnist.download_history"), core.export.history_csv(trained.hist),
                       file_name="mnist_history.csv", mime="text/csv", key=page.key("download_history"),
                       icon=":material/download:", on_click="ignore")

# Try your own ------------------------------------------------------------------------------------
st.header(t("mnist.yours_title"), divider="orange")
x_mine = None  # the digit drawn or uploaded, (1, 1, 28, 28) scaled like MNIST, for what comes below
row = st.container(horizontal=True, gap="medium")  # the canvas at its own width, the answer in the rest
with row.container(width=canvas_ui.SIDE):
    drawing = canvas_ui.canvas("mnist")  # (280, 280, 4) uint8 RGBA; every stroke reruns the page
with row.container(width="stretch"):
    upload = st.file_uploader(t("mnist.upload"), type=["png", "jpg", "jpeg"], key=page.key("upload"),
                              on_change=canvas_ui.mark, args=("mnist", "upload"))
    mine = canvas_ui.latest("mnist", drawing, upload)
    try:
        if mine == "draw":
            x_mine, seen = core.images.digit_from_canvas(drawing)
        elif mine == "upload":
            x_mine, seen = core.images.digit_from_upload(upload.getvalue())
    except core.data.DataError as err:
        st.error(say(err), icon=":material/error:")
    usable = trained is not None and not (trained.hist.diverged or trained.hist.error)  # (it may still be training)
    if trained is None:
        # Before any training: one epoch on the sample, about a second, kept as a run like any other.
        # Only this button trains here: a stroke reruns the page, and must stay cheap.
        st.info(t("mnist.train_first") if x_mine is not None else t("mnist.draw.no_model"))
        if st.button(t("mnist.draw.quick_train"), type="primary", key=page.key("draw.quick_train"),
                     icon=":material/bolt:", help=t("mnist.draw.quick_train_help")):
            sample_x, sample_y, sample_test_x, sample_test_y, *_ = mnist("sample")
            quick = replace(experiment, x=sample_x, y=sample_y, inputs={**experiment.inputs, "data": "sample"},
                            metrics=core.evaluation.accuracy_metrics(sample_x, sample_y, sample_test_x, sample_test_y),
                            recipe=replace(experiment.recipe, data=core.codegen.data_mnist("sample")))
            live_run.train_all("mnist", quick, [replace(cfg, epochs=1)])
            st.rerun()
    elif not usable:
        st.info(t("mnist.draw.unusable"))
    elif x_mine is not None:
        label, probs = core.evaluation.predict_classes(trained.model, x_mine, core.devices.device_of(trained.model))
        seen_at, said = st.columns([1, 2], vertical_alignment="center")
        seen_at.image(seen, width="stretch", clamp=True)
        said.caption(t("mnist.sees"))
        chart.show(core.charts.bars(list(range(10)), probs[0].tolist(), t("mnist.reads", digit=label.item()),
                                    t("mnist.probability"), highlight=label.item(), label_from=0.01)
                   .properties(height=220))
    elif mine is None:
        st.caption(t("mnist.draw.hint"))

# Look inside -------------------------------------------------------------------------------------
with st.container(key="mnist_inside"):  # one box, so a test can tell its pictures from the ones above
    st.header(t("mnist.inside.title"), divider="orange")
    if trained is None or not trained.done or trained.hist.diverged or trained.hist.error:
        st.info(t("mnist.inside.train_first"))
    elif core.inside.kind(trained.model) == "mlp":
        # the first layer's weights, one 28x28 picture per hidden unit
        start = trained.fresh() if trained.fresh else None  # the same units before training
        pictures = core.inside.weight_pictures(trained.model, most=32, start=start)  # (32, 28, 28), most changed first
        st.markdown(t("mnist.inside.weights_intro", shown=len(pictures), units=core.inside.units(trained.model)))
        st.image(core.inside.grid(pictures, columns=8, scale=4), caption=t("mnist.inside.weights_caption"),
                 width="stretch", output_format="PNG")  # PNG: JPEG would smear the sharp squares
    else:
        # the first convolution's filters, and below each what it finds in one digit
        kernels = core.inside.filters(trained.model)  # (16, 5, 5)
        digit = x_mine if x_mine is not None else test_x[:1]  # (1, 1, 28, 28)
        maps = core.inside.feature_maps(trained.model, digit)  # (16, 24, 24)
        st.markdown(t("mnist.inside.filters_intro", count=len(kernels), size=kernels.shape[-1]) + " " +
                    t("mnist.inside.maps_intro", side=maps.shape[-1]) + " " +
                    t("mnist.inside.maps_yours" if x_mine is not None else "mnist.inside.maps_test"))
        # both grids 120 px a cell (5 x 24 and 24 x 5), eight a row, so each filter sits right above its own map
        for first in range(0, len(kernels), 8):
            pair = slice(first, first + 8)
            left, right = st.columns([1, 4], gap="medium")
            if first == 0:
                left.image(core.images.to_uint8(digit)[0], caption=t("mnist.inside.input"), width="stretch", clamp=True)
            last = first + 8 >= len(kernels)
            right.image(core.inside.grid(kernels[pair], columns=8, scale=120 // kernels.shape[-1], gap=8),
                        width="stretch", output_format="PNG")
            right.image(core.inside.grid(maps[pair], columns=8, scale=120 // maps.shape[-1], diverging=False, gap=8),
                        caption=t("mnist.inside.maps_caption") if last else None, width="stretch", output_format="PNG")
