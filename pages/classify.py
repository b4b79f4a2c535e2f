"""Classify: TensorFlow Playground's classic in PyTorch. Points of two colours, a small network, and the
decision boundary forming while it trains; every neuron drawn as a small map of its output."""
from dataclasses import replace

import streamlit as st

import core
from core import classify, network_picture, own_points, plane_maps, points, settings
from core.problems import Problem
from ui import address, chart, code_panel, controls, graph_view, health_view, live_run, nav, present
from ui.i18n import md, say, t

nav.ensure_entrypoint()
PAGE = "classify"
page = controls.For(PAGE)  # the page's own settings, each carried by links

st.title(t("classify.title"))
present.stage()  # presenting: Train and the live picture right under the title, the settings folded away
st.markdown(t("classify.intro"))

# Data ---------------------------------------------------------------------------------------------
KINDS = {k: t(f"classify.kind.{k}") for k in (*points.KINDS, own_points.KIND)}  # the last: your own points
kind = page.value(settings.choice("dataset", KINDS, "circle"))
# your own points, kept as text (core.own_points.format_link); a link carries 200 or fewer
own_text = page.value(settings.text("own", "", most=own_points.TEXT_MOST, in_link=own_points.fits_link))
try:
    own = own_points.parse(own_text)
except Problem as err:  # a link's bad value
    own = ()
    address.warn(say(err))
    page.set("own", "")
    address.write("own", "")
if kind == own_points.KIND:
    classes_now = own_points.classes(own)
else:
    classes_now = page.current("classes", points.classes_of(kind)) if kind in points.CLASSES else 2  # drawn below
defaults = classify.defaults(kind, classes_now)

# Keys that follow the data set's defaults until the student changes them: picking a data set resets them,
# and so does another number of classes (a spiral of five arms wants a larger network)
FOLLOW = ("features", "layers", "activation", "lr", "epochs", "batch_size", "optimizer", "reg", "reg_rate")


def box_key(feature: str) -> str:
    """The key of a feature's checkbox: ticked from the link's features on every run."""
    return page.key(f"f_{feature}")


def pick(new_kind: str) -> None:
    """A data set was clicked: take it, with the settings that learn it."""
    page.set("dataset", new_kind)
    controls.forget(PAGE, "classes")
    follow_defaults()


def follow_defaults() -> None:
    for name in FOLLOW:
        controls.forget(PAGE, name)
    for name in points.FEATURES:
        st.session_state.pop(box_key(name), None)


@st.cache_data(show_spinner=False)
def thumbnail(name: str):
    x, y = points.points2d(name, n=300, noise=0.0, seed=0)  # a data set of classes with its default number
    return network_picture.thumbnail(x, y, points.EXTENT)


def own_thumbnail():
    return network_picture.thumbnail(*own_points.tensors(own), points.EXTENT)  # the points as they are now


def set_own(new: own_points.Points, names: tuple[str, ...] = ()) -> None:
    """New own points: kept as the page's text, the plane drawn anew (a fresh chart, nothing selected)."""
    page.set("own", own_points.format_link(new))
    st.session_state[page.key("own_names")] = names
    st.session_state[page.key("own_edits")] = st.session_state.get(page.key("own_edits"), 0) + 1


def class_word(c: int) -> str:
    """A class as the picker names it: its colour, and its name from the CSV if it had names."""
    names = st.session_state.get(page.key("own_names"), ())
    word = t(f"classify.colour.{c}")
    # a name is the file's own text: escaped, so it cannot format the label
    return f":{COLOUR_TAGS[c]}[●] " + (f"{word}: {md(names[c])}" if c < len(names) else word)


COLOUR_TAGS = ("orange", "blue", "green", "violet", "red")  # Streamlit's names for network_picture.CLASS_COLOURS


def own_editor() -> None:
    """The plane to click on, the class a click adds, Clear and a CSV: the student's own data set."""
    plane, side = st.columns([3, 2], gap="medium")
    with side:
        label = st.radio(t("classify.own.class"), range(points.MOST_CLASSES), format_func=class_word,
                         key=page.key("own_class"), help=t("classify.own.class_help"))
        st.button(t("classify.own.clear"), key=page.key("own_clear"), icon=":material/delete:",
                  on_click=set_own, args=((),), disabled=not own)
        upload = st.file_uploader(t("classify.own.csv", rows=f"{points.MAX_POINTS:,}"), type=["csv", "txt"],
                                  key=page.key("own_csv"), help=t("classify.own.csv_help"),
                                  max_upload_size=max(1, core.data.MAX_CSV_BYTES // 10**6))  # MB, as csv_text reads
    if upload is not None and st.session_state.get(page.key("own_csv_read")) != upload.file_id:
        st.session_state[page.key("own_csv_read")] = upload.file_id  # read once: later clicks edit its points
        try:
            new, names, scale = own_points.read_csv(upload.getvalue())
        except Problem as err:
            side.error(say(err), icon=":material/error:")
        else:
            set_own(new, names)
            if scale < 1:
                st.session_state[page.key("own_scaled")] = scale
            st.rerun()  # the page above read the points before this file: draw it again with them
    key = page.key(f"own_plane_{st.session_state.get(page.key('own_edits'), 0)}")
    click = (st.session_state.get(key) or {}).get("selection", {}).get("pick")
    if click:  # the plane was clicked in the last run: that chart's selection, applied once (a new key follows)
        set_own(own_points.toggle(own, float(click[0]["x"]), float(click[0]["y"]), label if label is not None else 0),
                st.session_state.get(page.key("own_names"), ()))
        st.rerun()
    with plane:
        st.caption(t("classify.own.plane"))
        chart.picked(network_picture.editor(list(own), points.EXTENT, own_points.cells()), key)
    with side:
        counts = own_points.counts(own)
        each = ", ".join(t("classify.own.each", n=n, colour=t(f"classify.colour.{c}").lower())
                         for c, n in enumerate(counts) if n)
        st.caption(t("classify.own.counts_one" if len(own) == 1 else "classify.own.counts", n=len(own), each=each)
                   if own else t("classify.own.empty"))
        if scale := st.session_state.pop(page.key("own_scaled"), None):
            st.caption(t("classify.own.scaled", scale=f"{scale:.3g}"))
        if len(own) > own_points.LINK_MOST:
            st.caption(t("classify.own.no_link", most=own_points.LINK_MOST))


with present.settings():
    st.subheader(t("classify.data"))
    tiles = st.columns(len(KINDS))
    for tile, (name, label) in zip(tiles, KINDS.items()):
        tile.image(own_thumbnail() if name == own_points.KIND else thumbnail(name), width=72)
        tile.button(label, key=page.key(f"pick_{name}"), type="primary" if name == kind else "secondary",
                    on_click=pick, args=(name,), width="stretch")
    c1, c2, c3 = st.columns([2, 2, 1], gap="large")
    if kind in points.CLASSES:  # blobs and the spiral take 2 to 5 classes (a link: ?classes=5)
        classes = int(c3.number_input(t("classify.classes"), help=t("classify.classes_help"), step=1,
                                      **page.number("classes", points.classes_of(kind), 2, points.MOST_CLASSES,
                                                    kind="int", bounded=True, then=follow_defaults)))
    else:
        classes = 2
    if kind == own_points.KIND:
        classes, noise = own_points.classes(own), 0  # the colours placed; a student's points are as placed
    else:
        noise = c1.slider(t("classify.noise"), 0, 50, step=5, help=t("classify.noise_help"),
                          **page.number("noise", 0, 0, 50, kind="int", snap=tuple(range(0, 51, 5))))
    # up to 95% kept for testing: 5% left to train on, a handful of points, is the overfitting lab
    test_share = c2.slider(t("classify.test_share"), 10, 95, step=5, help=t("classify.test_share_help"),
                           **page.number("test_share", 50, 10, 95, kind="int", snap=tuple(range(10, 96, 5))))
    points_seed = int(page.value(settings.number("points", 0, 0, 10**6, kind="int")))


    def new_points() -> None:
        """The same data set drawn again from the next seed (kept in the link as ?points=)."""
        page.set("points", (points_seed + 1) % 10**6)


    n_points = len(own) if kind == own_points.KIND else classify.POINTS
    if kind == own_points.KIND:
        own_editor()
    buttons = st.container(horizontal=True, vertical_alignment="center")
    if kind != own_points.KIND:
        buttons.button(t("classify.new_points"), key=page.key("new_points"), icon=":material/refresh:",
                       on_click=new_points)
    show_test = buttons.toggle(t("classify.show_test"), key=page.key("show_test"))
    if kind == own_points.KIND and not own_points.trainable(own):
        st.info(t("classify.own.too_few", n=own_points.FEWEST), icon=":material/touch_app:")
        st.stop()
    n_test = core.points.test_count(n_points, test_share / 100)
    buttons.caption(t("classify.split_now", train=n_points - n_test, test=n_test))

# Inputs -------------------------------------------------------------------------------------------
with present.settings():
    st.subheader(t("classify.features"))
    features_text = page.value(settings.text("features", ",".join(defaults.features), most=100))
    try:  # "" is every box unticked by the student: said below, not corrected
        features = points.parse_features(features_text) if features_text else ()
    except Problem as err:  # a link's bad value
        features = defaults.features
        address.warn(say(err) + " " + t("classify.using", value=",".join(features)))
        page.set("features", ",".join(features))
        address.write("features", ",".join(features))


    def keep_features() -> None:
        page.set("features", ",".join(n for n in points.FEATURES if st.session_state.get(box_key(n))))


    row = st.container(horizontal=True)
    for name, feature in points.FEATURES.items():
        st.session_state[box_key(name)] = name in features
        row.checkbox(feature.label, key=box_key(name), on_change=keep_features)
    if not features:
        st.error(say(Problem("points.no_features")), icon=":material/error:")
        st.stop()

# Network ------------------------------------------------------------------------------------------
with present.settings():
    st.subheader(t("classify.network"))
    layers_text = page.value(settings.text("layers", classify.format_layers(defaults.layers), most=40))
    try:
        layers = classify.parse_layers(layers_text)
    except Problem as err:
        layers = defaults.layers
        address.warn(say(err) + " " + t("classify.using", value=classify.format_layers(layers)))
        page.set("layers", classify.format_layers(layers))
        address.write("layers", classify.format_layers(layers))


    def reshape(change, *args) -> None:
        """A +/- button: the new shape goes where the page reads it on the next run."""
        page.set("layers", classify.format_layers(change(layers, *args)))


    shape = st.container(horizontal=True, vertical_alignment="center")
    shape.button(t("classify.add_layer"), key=page.key("add_layer"), icon=":material/add:", on_click=reshape,
                 args=(classify.add_layer,), disabled=len(layers) >= classify.MAX_LAYERS)
    shape.button(t("classify.remove_layer"), key=page.key("remove_layer"), icon=":material/remove:", on_click=reshape,
                 args=(classify.remove_layer,), disabled=not layers)
    shape.caption(t("classify.layers_now", n=len(layers), k=classes) if layers else t("classify.no_layers"))
    marks = {}  # the layers (0-based) with batch norm ("bn") and with dropout ("drop"), each carried by links
    for name in ("bn", "drop"):
        raw = page.value(settings.text(name, "", most=40))
        try:
            marks[name] = classify.parse_marks(raw, layers, name)
        except Problem as err:
            marks[name] = ()
            address.warn(say(err))
            page.set(name, "")
            address.write(name, "")


    def mark_key(name: str, i: int) -> str:
        return page.key(f"{name}_{i}")


    def keep_marks(name: str) -> None:
        page.set(name, classify.format_marks(tuple(i for i in range(len(layers))
                                                   if st.session_state.get(mark_key(name, i)))))


    cards = st.container(horizontal=True, wrap=True)
    for i, width in enumerate(layers):
        box = cards.container(border=True, width=132, horizontal_alignment="center", gap="small")
        box.markdown(t("classify.layer_width_one" if width == 1 else "classify.layer_width", i=i + 1, n=width))
        pair = box.container(horizontal=True, gap="small", horizontal_alignment="center")
        pair.button("", key=page.key(f"remove_neuron_{i}"), icon=":material/remove:", help=t("classify.remove_neuron"),
                    on_click=reshape, args=(classify.remove_neuron, i), disabled=width <= 1)
        pair.button("", key=page.key(f"add_neuron_{i}"), icon=":material/add:", help=t("classify.add_neuron"),
                    on_click=reshape, args=(classify.add_neuron, i), disabled=width >= classify.MAX_NEURONS)
        for name in ("bn", "drop"):  # ticked from the link on every run, as the inputs are
            st.session_state[mark_key(name, i)] = i in marks[name]
            box.checkbox(t(f"classify.{name}"), key=mark_key(name, i),  # its help is the dropout rate's and a caption
                         on_change=keep_marks, args=(name,))
    a1, a2, a3, a4 = st.columns(4)
    ACTIVATIONS = list(core.models.ACTIVATIONS)  # all of them, "linear" too: what a network without one cannot do
    activation = a1.selectbox(t("classify.activation"), ACTIVATIONS, format_func=controls.activation_name,
                              help=t("classify.activation_help"),
                              **page.choice("activation", ACTIVATIONS, defaults.activation))
    init = controls.init_choice(a4, PAGE)
    REGS = {k: t(f"classify.reg.{k}") for k in classify.REGULARISATIONS}
    regularisation = a2.selectbox(t("classify.regularisation"), list(REGS), format_func=REGS.get,
                                  help=t("classify.regularisation_help"),
                                  **page.choice("reg", REGS, "none"))
    rate = a3.select_slider(t("classify.rate"), options=classify.RATES, format_func=lambda v: f"{v:g}",
                            disabled=regularisation == "none", help=t("classify.rate_help"),
                            **page.number("reg_rate", 0.001, 0.0, 1.0, snap=classify.RATES))
    b1, b2, b3 = st.columns([2, 1, 1])
    LOSSES = {k: t(f"classify.loss.{k}") for k in classify.LOSS_FNS}
    loss = b1.selectbox(t("classify.loss"), list(LOSSES), format_func=LOSSES.get, help=t("classify.loss_help"),
                        **page.choice("loss", LOSSES, "cross_entropy"))
    dropout = b2.select_slider(t("classify.dropout"), options=classify.DROPOUTS, format_func=lambda v: f"{v:g}",
                               disabled=not marks["drop"], help=t("classify.dropout_help"),
                               **page.number("dropout", 0.2, 0.0, 0.5, snap=classify.DROPOUTS))
    patience = int(b3.number_input(t("classify.patience"), step=1, help=t("classify.patience_help"),
                                   **page.number("patience", 0, 0, 500, kind="int", bounded=True)))

# Training -----------------------------------------------------------------------------------------
cfg = controls.train_controls(PAGE, lr=defaults.lr, epochs=defaults.epochs, max_epochs=3000, optimizer="adam",
                              batch_size=defaults.batch_size, batch_sizes=classify.BATCH_SIZES)
cfg = replace(cfg, patience=patience)
setup = classify.Setup(kind, noise / 100, points_seed, test_share / 100, features, layers,
                       activation, regularisation, float(rate) if regularisation != "none" else 0.0, init=init,
                       classes=classes, loss=loss, norm=marks["bn"], dropout=float(dropout), drop=marks["drop"],
                       n=n_points, own=own if kind == own_points.KIND else ())


def experiment_of(setup: classify.Setup) -> core.Experiment:
    return classify.experiment(setup, title=t("classify.title"), batch_size=cfg.batch_size)


try:
    experiment = experiment_of(setup)
except Problem as err:
    st.error(say(err), icon=":material/error:")
    st.stop()
WORDS = {"boundary": t("classify.boundary"), "inputs": t("classify.inputs"), "layer": t("classify.layer"),
         "output": t("classify.output")}


STAGE_PLOT = 240  # px: the boundary's square and the network's height in presenter mode, both in view at 768


def draw(r: core.Run) -> None:
    hist = r.hist
    m = hist.metrics
    last = {name: values[-1] for name, values in m.items() if values}
    with present.picture():  # the boundary and the network first: what a class watches
        left, right = st.columns(2, gap="medium")
        plane = r.experiment.setup  # what it was trained on: the page's setup may have changed since
        boundary, picture = plane_maps.pictures(r.model, plane.setup, plane.train_points, plane.train_y,
                                              plane.test_points if show_test else None,
                                              plane.test_y if show_test else None, WORDS)
        # on the stage the two pictures take the room Classify has under them (no number above them)
        with left:
            chart.show(boundary, stage_height=STAGE_PLOT, square=True)
        with right:
            st.markdown(f"**{t('classify.network_title')}**")
            chart.show(picture, stage_height=STAGE_PLOT)
    st.caption(t("classify.network_caption"))  # under the picture: on a projector the picture stays in view
    cols = st.columns(3)  # three numbers fit a 1024 px projector's column; the gap is said under them
    for col, name, words in ((cols[0], core.training.TEST_ACCURACY, "classify.test_accuracy"),
                             (cols[1], core.training.TRAIN_ACCURACY, "classify.train_accuracy")):
        col.metric(t(words), f"{last[name]:.1%}" if name in last else "–")
    live_run.loss_metric(r, cols[2], digits=4)
    gap = last[core.training.TEST_LOSS] - last[core.training.TRAIN_LOSS] if core.training.TEST_LOSS in last else None
    if gap is not None:
        st.caption(t("classify.gap_now", gap=f"{gap:+.3f}"), help=t("classify.gap_help"))
    if plane.setup.norm or plane.setup.dropped:
        st.caption(t("classify.eval_note"))
    if m.get(core.training.TRAIN_LOSS):
        chart.show(network_picture.train_and_test_loss(
            {t("classify.train"): m[core.training.TRAIN_LOSS], t("classify.test"): m[core.training.TEST_LOSS]},
            title=t("classify.loss_title", loss=t(f"classify.loss.{plane.setup.loss}")), x_title=t("chart.epoch"),
            y_title=t("chart.loss"), gap=t("classify.gap_band")))
    if r.done and len(plane.test_y):  # once a run ends: a redraw while it trains stays cheap
        per_class_view(r.model, plane)


def per_class_view(model, plane: classify.Plane) -> None:
    """The test points' confusion matrix and each class's accuracy, the worst marked."""
    matrix = classify.confusion(model, plane)  # (k, k): row the true class, column the predicted one
    names = [t("classify.class_name", i=i) for i in range(len(matrix))]  # the labels, 0 to k - 1, as the matrix
    # a class without test points (your own points of orange and green only) has no accuracy to show
    shown = [i for i in range(len(matrix)) if matrix[i].sum() > 0]
    per_class = [core.evaluation.per_class_accuracy(matrix)[i] for i in shown]
    left, right = st.columns(2, gap="large")
    with left:
        chart.show(core.cell_charts.confusion_matrix_fitted(matrix.tolist(), t("classify.confusion"),
                                                            t("classify.predicted"), t("classify.true"), height=220))
    with right:
        worst = min(range(len(per_class)), key=per_class.__getitem__)
        chart.show(core.charts.bars([names[i] for i in shown], per_class, t("classify.per_class"),
                                    t("classify.accuracy"), highlight=worst, across=True))


def presets() -> dict:
    """The page's comparisons, each from the same start: the two losses, and with and without L2 / dropout."""
    other = "mse" if setup.loss == "cross_entropy" else "cross_entropy"
    l2 = setup.rate if setup.regularisation == "l2" and setup.rate else classify.L2_PRESET
    plain = replace(setup, regularisation="none", rate=0.0, drop=())
    every = tuple(range(len(setup.layers)))
    return {
        "classify.preset.losses": lambda cfg: [(experiment_of(replace(setup, loss=other)), cfg), (experiment, cfg)],
        "classify.preset.regularise": lambda cfg: [
            (experiment_of(plain), cfg), (experiment_of(replace(plain, regularisation="l2", rate=l2)), cfg),
            (experiment_of(replace(plain, dropout=classify.DROPOUT_PRESET, drop=every)), cfg)],
    }


live_run.train_panel(PAGE, cfg, experiment, draw, presets=presets(), runs_chart=True)
graph_view.of_experiment(PAGE, experiment, cfg.seed)
health_view.section(PAGE, experiment, cfg.seed)
code_panel.code_panel(PAGE, experiment.recipe, cfg, "classify.py")
