"""The shared training controls in the sidebar, and the link that carries them.

Each control is `linked`: its value survives visits to other pages, a shared link (?lr=0.01&epochs=200)
sets it when the page is first drawn in a session, and every change is written back to the address.
"""
import streamlit as st

import core
from core import settings
from ui import address, keys, present
from ui.i18n import md, t

# Learning rates 1, 2 and 5 per decade, 1e-6 to 1: a log scale a slider can walk.
LEARNING_RATES = tuple(round(m * 10.0 ** e, 12) for e in range(-6, 0) for m in (1, 2, 5)) + (1.0,)
WEIGHT_DECAYS = (0.0, 1e-5, 1e-4, 1e-3, 1e-2, 0.1)


def linked(page: str, setting: settings.Setting, then=None) -> dict:
    """Widget arguments for the setting named setting.name on `page` (key f"{page}.{name}").

    Streamlit forgets a widget's state when a run does not draw it, so we keep a copy under "_key"
    (written by on_change) and hand it back before the widget is drawn. In a session's first run,
    a value in the address it was opened with wins, corrected with a warning when it is bad.
    """
    key = keys.of(page, setting.name)
    link = st.session_state.get(address.LINK)
    if link and not link["used"] and keys.seen(key) not in st.session_state:
        st.session_state[keys.seen(key)] = True
        raws = link["params"].get(setting.name)
        if raws:
            value, problem = settings.coerce(setting, raws[-1])
            st.session_state[keys.kept(key)] = value
            if problem:
                kind, values = problem
                address.warn(t(f"link.{kind}", **{**values, "raw": md(values["raw"])}))  # raw: the user's text
            if len(raws) > 1:
                address.warn(t("link.repeated", name=setting.name, n=len(raws), value=settings.format_value(value)))
    value = st.session_state.get(keys.kept(key), setting.default)
    if setting.kind in ("float", "int") and not setting.lo <= value <= setting.hi:  # the page lowered a cap
        value = min(max(value, setting.lo), setting.hi)
        st.session_state[keys.kept(key)] = value
        st.info(t("controls.capped", label=setting.name, value=settings.format_value(value)),
                icon=":material/speed:")
    if setting.kind == "choice" and value not in setting.choices:  # the page offers fewer now (a dim A lacks)
        value = setting.default
        st.session_state[keys.kept(key)] = value
    st.session_state[key] = value
    if setting.in_link(value) if setting.in_link else setting.kind != "text" or len(value) <= address.MOST_TEXT:
        # a long text stays out of the address (or one its page says the address cannot carry)
        address.write(setting.name, settings.format_value(value))
    return {"key": key, "on_change": _keep, "args": (key, then)}


def _keep(key: str, then=None) -> None:
    """A widget changed: keep its value; then(), if given (a change that resets other settings)."""
    st.session_state[keys.kept(key)] = st.session_state[key]
    if then is not None:
        then()


def set_value(page: str, name: str, value) -> None:
    """Set a control from code (a one-click fix, a device that failed): the widget shows it on the next run."""
    st.session_state[keys.kept(keys.of(page, name))] = value


def forget(page: str, name: str) -> None:
    """Drop a control's value (and its widget's), so it shows its default on the next run."""
    for key in (keys.of(page, name), keys.kept(keys.of(page, name))):
        st.session_state.pop(key, None)


def value(page: str, setting: settings.Setting):
    """A setting that no widget shows (kept by buttons and checkboxes of its own): its value now."""
    return st.session_state[linked(page, setting)["key"]]


def current(page: str, name: str, default):
    """A control's value as last set (its kept copy, else its widget's), before its widget is drawn in
    this run: what a control drawn earlier depends on (MNIST's epoch cap on the batch size below it)."""
    key = keys.of(page, name)
    return st.session_state.get(keys.kept(key), st.session_state.get(key, default))


class For:
    """One page's settings, declared where its widgets are drawn: each method takes the setting's name,
    default and range or choices, and returns the widget's arguments (its key, the value kept across
    pages and set by a link, written back to the address). `key` names the page's other state.

        page = controls.For("linear")
        st.radio(label, options, **page.choice("dataset", options, "line"))
        st.number_input(label, step=10, **page.number("points", 30, 2, 10_000, kind="int", bounded=True))
    """

    def __init__(self, page: str):
        self.page = page

    def key(self, name: str) -> str:
        """The session-state key of a piece of this page's state, or of a widget linked to nothing."""
        return keys.of(self.page, name)

    def number(self, name: str, default: float, lo: float, hi: float, kind: str = "float", snap: tuple = (),
               bounded: bool = False, then=None) -> dict:
        """bounded: a number box's min_value and max_value too, so the box cannot take what a link could not.
        then: called after a change (see _keep)."""
        args = linked(self.page, settings.number(name, default, lo, hi, kind=kind, snap=snap), then)
        return {"min_value": lo, "max_value": hi, **args} if bounded else args

    def choice(self, name: str, choices, default) -> dict:
        return linked(self.page, settings.choice(name, choices, default))

    def flag(self, name: str, default: bool) -> dict:
        return linked(self.page, settings.flag(name, default))

    def text(self, name: str, default: str, most: int = 2000) -> dict:
        return linked(self.page, settings.text(name, default, most))

    def value(self, setting: settings.Setting):
        """A setting no widget shows (kept by buttons of its own): its value now (see `value`)."""
        return value(self.page, setting)

    def set(self, name: str, value) -> None:
        set_value(self.page, name, value)

    def current(self, name: str, default):
        return current(self.page, name, default)


def activation_name(key: str) -> str:
    """An activation's name on a page: its torch class's ("ReLU"), or the language tables' word for it."""
    activation = core.models.ACTIVATIONS[key]
    return t(f"activation.{key}") if activation.worded else activation.module.__name__


def init_choice(where, page: str) -> str:
    """The network's starting weights (core.models.INITS), beside its activation on Sine, MNIST and Classify."""
    inits = {k: t(f"init.{k}") for k in core.models.INITS}  # words fixed now, not at each call
    return where.selectbox(t("controls.init"), list(inits), format_func=inits.get,
                           help=t("controls.init_help"), **linked(page, settings.choice("init", inits, "default")))


def _lr_label(lr: float) -> str:
    return f"{lr:.0e}" if lr < 1e-3 else f"{lr:g}"


def train_controls(page: str, *, lr: float = 0.01, epochs: int = 100, max_epochs: int = 5000,
                   momentum: float = 0.0, optimizer: str = "sgd", batch_size: int | None = None,
                   batch_sizes: tuple[int, ...] = (), seed: int = 0, seed_used: bool = True) -> "core.TrainConfig":
    """Draw the controls with this page's defaults; return the TrainConfig they describe.

    Of momentum, Nesterov and weight decay, only those the chosen optimizer takes are shown
    (core.optimizers); the others are 0 and off.

    seed_used False: the page's runs start from fixed weights on the full batch, so the seed changes
    nothing there; the control is shown disabled, and its help says why.
    """
    registry = core.optimizers.OPTIMIZERS  # (looked up here: importing this module must not import torch)
    default_momentum = momentum
    stage = present.stage()
    if stage:  # the sidebar is hidden: the two knobs a teacher turns most sit in the Train row, the rest in Settings
        spot = {"lr": stage.knobs.container(width=155), "epochs": stage.knobs.container(width=110)}
        side = stage.settings
    else:
        st.sidebar.subheader(t("controls.training"))
        spot, side = {}, st.sidebar
    lr = spot.get("lr", side).select_slider(
        t("controls.lr"), options=LEARNING_RATES, format_func=_lr_label, help=t("controls.lr_help"),
        **linked(page, settings.number("lr", min(LEARNING_RATES, key=lambda v: abs(v - lr)), 1e-6, 1.0,
                                       snap=LEARNING_RATES, log=True)))
    epochs = spot.get("epochs", side).number_input(
        t("controls.epochs"), min_value=1, max_value=max_epochs, step=1,
        help=t("controls.epochs_help", max=max_epochs),
        **linked(page, settings.number("epochs", epochs, 1, max_epochs, kind="int")))
    # applies a link first: the help follows it
    chosen = linked(page, settings.choice("optimizer", registry, optimizer))
    optimizer = spot.get("optimizer", side).selectbox(
        t("controls.optimizer"), options=list(registry), format_func=lambda k: registry[k].label,
        help=t(f"optimizer.help.{current(page, 'optimizer', optimizer)}"),
        **chosen)
    knobs = registry[optimizer].knobs  # only what this optimizer takes is shown (and linked)
    momentum, nesterov, weight_decay = 0.0, False, 0.0
    if "momentum" in knobs:
        momentum = spot.get("momentum", side).slider(
            t("controls.momentum"), min_value=0.0, max_value=0.99, step=0.01, help=t("controls.momentum_help"),
            **linked(page, settings.number("momentum", default_momentum, 0.0, 0.99,
                                           snap=tuple(i / 100 for i in range(100)))))
    if "nesterov" in knobs:
        nesterov = side.checkbox(t("controls.nesterov"), help=t("controls.nesterov_help"), disabled=momentum == 0,
                                 **linked(page, settings.flag("nesterov", False)))
    if "weight_decay" in knobs:
        weight_decay = side.select_slider(
            t("controls.weight_decay"), options=WEIGHT_DECAYS, format_func=lambda v: f"{v:g}",
            help=t("controls.weight_decay_help"),
            **linked(page, settings.number("weight_decay", 0.0, 0.0, 0.1, snap=WEIGHT_DECAYS)))
    schedules = {k: t(f"schedule.{k}") for k in core.optimizers.SCHEDULES}  # words fixed now, not at each call
    schedule = side.selectbox(
        t("controls.schedule"), options=list(schedules), format_func=schedules.get,
        help=t("controls.schedule_help"),
        **linked(page, settings.choice("schedule", core.optimizers.SCHEDULES, "constant")))
    if batch_sizes:
        batch_size = spot.get("batch_size", side).select_slider(
            t("controls.batch_size"), options=list(batch_sizes), help=t("controls.batch_size_help"),
            **linked(page, settings.number("batch_size", batch_size, min(batch_sizes), max(batch_sizes),
                                           kind="int", snap=batch_sizes)))
    here = core.devices.available()
    device = side.selectbox(
        t("controls.device"), options=here, help=t("controls.device_help", devices=", ".join(here)),
        **linked(page, settings.choice("device", here, "cpu")))
    seed = side.number_input(
        t("controls.seed"), min_value=0, max_value=2**31 - 1, step=1, disabled=not seed_used,
        help=t("controls.seed_help") if seed_used else t("controls.seed_unused_help"),
        **linked(page, settings.number("seed", seed, 0, 2**31 - 1, kind="int")))
    return core.TrainConfig(lr=float(lr), epochs=int(epochs), momentum=float(momentum),
                            optimizer=optimizer, batch_size=batch_size, device=device, seed=int(seed),
                            weight_decay=float(weight_decay), nesterov=nesterov and momentum > 0,  # a link may say both
                            schedule=schedule)
