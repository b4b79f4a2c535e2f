"""The run on screen: the Train row (Train, One epoch, Stop, Pause), the live picture that trains a little
per redraw, and the one-click comparisons (presets) under it.

The core.Run lives in st.session_state, so its model and history survive reruns, control changes and
visits to other pages; only Train (or Step after a finished run) replaces it. A run is either playing
(the fragment redraws on a timer, at the chosen speed, a share of its optimizer steps each time) or
paused, after a Step or a Pause.
"""
import os
import time
from dataclasses import dataclass, replace
from typing import Callable

import streamlit as st

import core
from core import settings
from ui import chart, controls, keys, lesson_box, present, runs_list
from ui.i18n import md, t

Trial = core.TrainConfig | tuple[core.Experiment, core.TrainConfig]  # a preset's run: another experiment too

CHUNK_SECONDS = 0.4   # the most training time between two redraws
REDRAW_EVERY = 0.75   # seconds between redraws at full speed (a class shares one server)
FRAME = 0.5           # seconds between redraws when a run is played at a watchable speed


@dataclass
class Shown:
    """The run a page shows and how it plays: one object in the session (under shown(page)), not a key each.

    Only Train (or Step after a finished run), a preset and a run carried on on the CPU replace `run`."""
    run: "core.Run | None" = None
    inputs: tuple | dict = ()        # the page's own settings it was started with (data set, model...)
    asked: tuple | None = None       # (cfg, inputs) the student had set when it started: "settings changed"
    playing: bool = True             # False after a Step or a Pause: no redraw timer
    step_to: int = 0                 # the epochs a Step is training to (one epoch may take several redraws)
    clock: "core.pace.Clock | None" = None   # the redraws' pace
    sidebar: "core.TrainConfig | None" = None  # the sidebar's settings of this script run, for a preset


def shown(page: str) -> Shown:
    """The page's Shown, made on first use."""
    return st.session_state.setdefault(keys.of(page, "shown"), Shown())


def _default_speed() -> str:
    """Watch by default; TORCH_PLAYGROUND_SPEED=fast for tests and servers that want no pacing."""
    speed = os.environ.get("TORCH_PLAYGROUND_SPEED", "watch")
    return speed if speed in core.pace.SPEEDS else "watch"


def speed_control(where) -> str:
    speeds = {k: t(f"run.speed.{k}") for k in core.pace.SPEEDS}
    value = where.segmented_control(
        t("run.speed"), list(speeds), format_func=speeds.get, required=True,
        help=t("run.speed_help"),
        **controls.linked("app", settings.choice("speed", core.pace.SPEEDS, _default_speed())))
    return value or _default_speed()


def train_panel(page: str, cfg: core.TrainConfig, experiment: core.Experiment, draw: Callable[[core.Run], None],
                presets: dict[str, Callable[[core.TrainConfig], list[Trial]]] | None = None,
                metric: tuple[str, str] | None = None, runs_chart: bool = False) -> core.Run | None:
    """The Train row, then `draw(run)` live while it trains and after it ends, then one-click comparisons
    and every run the page keeps (their losses on one chart and a table, ui/runs_list.py).

    experiment: what the page trains (its inputs, the page's own settings a run depends on besides cfg,
    let the page say when the result shown no longer matches them, and label runs by what differs).
    presets: comparisons beside the learning-rate sweep every page has: a button label's key in the
    language tables -> the configs to train (each a TrainConfig of this experiment, or an (Experiment,
    TrainConfig) pair where the page's other settings change too), each added to the runs list.
    metric: (a History metric, its column title) for the runs table, such as MNIST's test accuracy.
    runs_chart: the shown runs' losses on a chart of their own below `draw`'s picture, for a page whose
    draw has no loss_view (the one loss chart that holds them).
    """
    screen = shown(page)
    screen.sidebar = cfg  # for a preset pressed further down
    runs_list.read_table(page)  # the table's Show ticks, before any chart of the runs is drawn
    stage = present.stage()  # presenting: the row and the picture go on the stage, under the page's title
    lesson_box.show(page, runs_list.runs_of(page).kept)  # a lesson opened on this page: its task, above the row
    speed = _train_row(page, cfg, experiment, screen, stage)
    if stage:
        with stage.picture:
            _live(page, cfg, experiment, screen, draw, speed, runs_chart)
    else:
        _live(page, cfg, experiment, screen, draw, speed, runs_chart)
    _presets(page, cfg, experiment, presets)
    _finder(page, cfg, experiment)
    runs_list.table(page, metric)
    return screen.run


def _finder(page: str, cfg: core.TrainConfig, experiment: core.Experiment) -> None:
    """A learning-rate finder beside the comparisons: the range test from the page's starting weights
    (core.lr_finder; it trains a model of its own), its curve, and a button that sets the rate found."""
    found_key = keys.of(page, "lr_found")
    if st.button(t("finder.button"), key=keys.of(page, "find_lr"), icon=":material/troubleshoot:",
                 help=t("finder.help")):
        with st.spinner(t("finder.running")):
            st.session_state[found_key] = (core.lr_finder.range_test(experiment, cfg), cfg.optimizer)
    found = st.session_state.get(found_key)
    if found is None:
        return
    finding, optimizer = found
    chart.show(core.charts.lr_range(finding.rates, finding.losses, finding.smoothed, finding.suggested,
                                    title=t("finder.title", optimizer=core.optimizers.OPTIMIZERS[optimizer].label),
                                    x_title=t("finder.rate"), y_title=t("chart.loss"),
                                    names=(t("finder.raw"), t("finder.smoothed"))).properties(height=320))
    if finding.suggested is None:
        st.warning(t("finder.none"), icon=":material/trending_flat:")
        return
    # the learning-rate control's nearest value at or below the steepest fall: a step past it is often
    # where the loss begins to blow up
    rate = max((v for v in controls.LEARNING_RATES if v <= finding.suggested), default=controls.LEARNING_RATES[0])
    st.caption(t("finder.found", steepest=f"{finding.suggested:.2g}", rate=f"{rate:g}"))
    if st.button(t("finder.use", rate=f"{rate:g}"), key=keys.of(page, "use_lr"), icon=":material/check:"):
        controls.set_value(page, "lr", rate)
        st.rerun()


def _train_row(page: str, cfg: core.TrainConfig, experiment: core.Experiment, screen: Shown, stage) -> str:
    """Train, One epoch, and once there is a run Stop and Pause/Resume; the speed control goes with the
    other settings. A press starts, steps or stops screen.run; returns the speed chosen."""
    row = stage.buttons if stage else st.container(horizontal=True, vertical_alignment="bottom")
    train = row.button(t("run.train"), type="primary", key=f"{page}.train", icon=":material/play_arrow:")
    # on the stage, One epoch is its icon alone (its words in the help): the row has room for the knobs then
    step = row.button("" if stage else t("run.step"), key=f"{page}.train_step", icon=":material/skip_next:",
                      help=f"**{t('run.step')}**: {t('run.step_help')}" if stage else t("run.step_help"))
    # Stop and Pause/Resume, once there is a run
    halt = row.container(horizontal=True, width="content", gap="small", key=f"{page}_halt")
    # the speed with the other settings (the sidebar, or the stage's Settings): at 1024 px with the sidebar
    # open, it took a row of its own under Train, and pushed the live picture below the fold
    speed = speed_control(stage.settings if stage else st.sidebar)
    inputs, current = experiment.inputs, screen.run
    same = current is not None and current.cfg == cfg and screen.inputs == inputs
    if train or (step and (current is None or current.done or not same)):
        if current is not None and not current.done:
            current.stop()  # replaced: it must not stay "running" in the runs list
        try:
            current = experiment.start(cfg)
            screen.run, screen.inputs, screen.asked = current, inputs, (cfg, inputs)
            runs_list.runs_of(page).add(current, inputs, experiment.recipe)
            screen.clock = core.pace.Clock(FRAME)
        except (ValueError, RuntimeError) as err:
            st.error(t("run.cannot_start", error=md(err)))
            current = None
        screen.playing = bool(train)
    if step and current is not None:
        screen.playing = False
        screen.step_to = len(current.hist.loss) + 1
        _advance(current, epochs=1)  # a long epoch (full MNIST) goes on in the redraws below, Stop answered
    # Stop in the Train row, not above the picture: the picture starts a row higher. It is drawn by full
    # runs only; the redraw that ends a run reruns the page, which takes it away.
    # On the stage Stop and Pause are there, greyed, before a run too: appearing at Train, they pushed the
    # knobs beside them 195 px to the right under the teacher's pointer
    running = current is not None and not current.done
    if running or stage:
        if halt.button(t("run.stop"), key=f"{page}.stop", icon=":material/stop:", disabled=not running):
            current.stop()
            st.rerun()
        _pause_or_resume(halt, screen, page, short=stage is not None, disabled=not running)
    return speed


def _live(page: str, cfg: core.TrainConfig, experiment: core.Experiment, screen: Shown,
          draw: Callable[[core.Run], None], speed: str, runs_chart: bool) -> None:
    """The picture: a fragment that, while the run plays, trains a share of it and redraws on a timer."""
    run = screen.run
    stepping = run is not None and len(run.hist.loss) < screen.step_to
    live_now = run is not None and not run.done and (screen.playing or stepping)
    paced = core.pace.SPEEDS[speed] > 0

    @st.fragment(run_every=(FRAME if paced else REDRAW_EVERY) if live_now else None)
    def live():
        run = screen.run
        if run is None:
            # here is the data, and the model untrained, before "now train": a run that has not begun
            try:
                preview = experiment.start(cfg)
            except (ValueError, RuntimeError):  # a device that is not here: said when Train is pressed
                preview = None
            st.info(t("run.press_train"))
            if preview is not None:
                draw(preview)
            return
        if not run.done:
            if not screen.playing:
                if len(run.hist.loss) < screen.step_to:  # a Step's epoch, not over yet
                    _advance(run, epochs=1)
                    st.progress(run.fraction, text=_progress_text(run, None))
                    if len(run.hist.loss) >= screen.step_to or run.done:
                        st.rerun()  # paused again: a full rerun turns the redraw timer off
                else:
                    st.progress(run.fraction, text=_paused_text(run))
            else:
                clock = screen.clock = screen.clock or core.pace.Clock(FRAME)
                clock.tick(time.perf_counter())
                # a share of the run's optimizer steps, not whole epochs: five long MNIST epochs were five
                # redraws at every speed, and Stop could not land inside one
                _advance(run, steps=core.pace.steps_this_frame(speed, run.total_steps, run.hist.steps,
                                                               clock.active, FRAME))
                st.progress(run.fraction, text=_progress_text(run, clock.seconds_left(run.fraction)))
                if run.done:
                    st.rerun()  # a full rerun turns the redraw timer off and shows the final state
        elif run.hist.error:
            _offer_cpu(page, run)
        else:
            _outcome(run, screen.asked == (cfg, experiment.inputs))
        draw(run)
        if runs_chart and len(runs_list.runs_of(page).shown()) > 1:
            chart.show(runs_list.loss_chart(page, run))

    live()


def _presets(page: str, cfg: core.TrainConfig, experiment: core.Experiment,
             presets: dict[str, Callable[[core.TrainConfig], list[Trial]]] | None) -> None:
    """The one-click comparisons: below the picture, so the Train row stays short and the picture high."""
    compare = st.container(horizontal=True)
    for label_key, configs in {"run.preset.sweep": lr_sweep, **(presets or {})}.items():
        name = label_key.rsplit(".", 1)[-1]
        if compare.button(t(label_key, lr=f"{cfg.lr:g}", m=f"{cfg.momentum or 0.9:g}"), key=f"{page}.preset_{name}",
                          icon=":material/compare_arrows:", help=t(f"{label_key}_help")):
            train_all(page, experiment, configs(cfg))
            st.rerun()


def lr_sweep(cfg: core.TrainConfig) -> list[core.TrainConfig]:
    """The learning rate ten times smaller and ten times larger, then as set: trained last, the run of the
    student's own settings is the newest, shown live, and the others are labelled by their rates."""
    return [replace(cfg, lr=float(f"{cfg.lr * f:.6g}")) for f in (0.1, 10)] + [cfg]  # 0.001, not 0.0010000000000000002


def train_all(page: str, experiment: core.Experiment, configs: list[Trial]) -> None:
    """Train each config to its end now, with a progress bar, and keep every run. A config that a kept
    run of the same page settings was trained under reuses that run, not a copy of it. Shown after: the
    run of the sidebar's settings (on the page's experiment) if one of them is, else the last.
    A config may come with an experiment of its own (Classify's loss or dropout comparisons).

    Called after train_panel, which keeps the sidebar's settings of this script run.
    """
    page_inputs = experiment.inputs
    screen = shown(page)
    if screen.run is not None and not screen.run.done:
        screen.run.stop()  # the sweep's last run takes its place
    sidebar = screen.sidebar
    kept = runs_list.runs_of(page)
    bar = st.progress(0.0, text=t("run.preset.training", n=len(configs)))
    newest = None  # the run shown after: the sidebar's if the sweep has it
    for i, trial in enumerate(configs):
        trial_experiment, cfg = trial if isinstance(trial, tuple) else (experiment, trial)
        inputs = trial_experiment.inputs
        if (same := kept.same(cfg, inputs)) is not None:
            run = same.run  # trained already, from the same start: its numbers would be the same
        else:
            try:
                run = trial_experiment.start(cfg)
            except (ValueError, RuntimeError) as err:
                st.error(t("run.cannot_start", error=md(err)))
                break
            while not run.done:
                _advance(run, epochs=None)
                bar.progress(min((i + run.fraction) / len(configs), 1.0),
                             text=t("run.preset.training", n=len(configs)) + f" · {i + 1}/{len(configs)}")
            kept.add(run, inputs, trial_experiment.recipe)
        if newest is None or (newest.cfg, newest.inputs) != (sidebar, page_inputs):
            newest = run
    if newest is not None:
        # nothing was touched: no "settings changed" (when the run shown is the page's own settings)
        screen.run, screen.inputs, screen.asked = newest, newest.inputs, (sidebar, page_inputs)
    bar.empty()


def _pause_or_resume(where, screen: Shown, page: str, short: bool, disabled: bool = False) -> None:
    """Pause while a run plays, Resume while it is paused. The run, its model and where it is stay as
    they are: only the redraws stop. Callbacks, so the rerun a press causes already draws the new state
    (paused: no redraw timer). short: the icon alone, its word in the help (the stage's row is full)."""
    now = "pause" if screen.playing or disabled else "resume"  # greyed before a run: the Pause it will be
    word = t(f"run.{now}")
    where.button("" if short else word, key=f"{page}.{now}", icon=f":material/{now}:",
                 help=f"**{word}**: {t(f'run.{now}_help')}" if short else t(f"run.{now}_help"),
                 on_click=setattr, args=(screen, "playing", now == "resume"), disabled=disabled)


def _advance(run: core.Run, epochs: int | None = None, steps: int | None = None) -> None:
    """Train one redraw's worth: at most `epochs` more or `steps` more optimizer steps, and at most
    CHUNK_SECONDS (a slow epoch, such as full MNIST's, spreads over several redraws so Stop is
    answered); a device that fails keeps what was learned and says what happened."""
    try:
        run.advance(seconds=CHUNK_SECONDS, epochs=epochs, steps=steps)
    except Exception as err:  # out of memory, a lost driver, or worse
        run.fail(err)


def _progress_text(run: core.Run, seconds_left: float | None) -> str:
    """'Epoch 36 / 200 · loss 0.8258': the epochs done and the last one's loss, the numbers the picture,
    the Final loss and the loss chart's last point show (it said the epoch under way: 37, one ahead)."""
    text = t("run.epoch_of", epoch=len(run.hist.loss), epochs=run.cfg.epochs)
    last = run.last
    if last is not None and not last.epoch_end and last.steps_per_epoch > 1:
        # part way through a long epoch (MNIST): "Epoch 0 / 2" while 44 batches had trained read as stuck
        text += " · " + t("run.within", step=last.step, steps=last.steps_per_epoch, epoch=last.epoch + 1)
    if run.hist.loss:
        # the last whole epoch's: the same number as the loss metric beside the picture
        text += " · " + t("run.loss_now", loss=f"{run.hist.loss[-1]:.4g}")
    if seconds_left is not None:
        text += " · " + (t("run.seconds_left", s=f"{seconds_left:.0f}") if seconds_left >= 1 else t("run.almost_done"))
    return text


def _paused_text(run: core.Run) -> str:
    """Where a paused run stands: after an epoch (a Step's), or part way through one (a Pause)."""
    last, epochs = run.last, run.cfg.epochs
    if last is None or last.epoch_end:
        return t("run.paused", done=len(run.hist.loss), epochs=epochs)
    return t("run.paused_within", epoch=last.epoch + 1, epochs=epochs, step=last.step, steps=last.steps_per_epoch)


def _offer_cpu(page: str, run: core.Run) -> None:
    """A device broke off the run: say so, and offer to carry on from the last epoch on the CPU."""
    st.error(t("run.device_failed", device=run.hist.device, done=len(run.hist.loss), epochs=run.cfg.epochs,
               error=md(run.hist.error)), icon=":material/memory:")
    if run.hist.device == "cpu" and not run.hist.error.startswith("OutOfMemoryError"):
        return  # the CPU itself failed the run: nowhere better to go
    if st.button(t("run.continue_cpu"), key=f"{page}.continue_cpu", icon=":material/play_arrow:"):
        screen = shown(page)
        try:
            screen.run = resumed = run.resume_on("cpu")
        except ValueError as err:
            st.error(t("run.cannot_start", error=md(err)))
            return
        runs_list.runs_of(page).replace(run, resumed)  # the list shows the run carrying on, not the failed one
        controls.set_value(page, "device", "cpu")  # the device control follows
        if screen.asked is not None:  # as if started on the CPU
            screen.asked = (replace(screen.asked[0], device="cpu"), screen.asked[1])
        st.rerun()


def _outcome(run: core.Run, unchanged: bool = True) -> None:
    """How the run ended; unchanged: the sidebar and the page are as they were when it started. A change
    is said beside the ending, not under it: a line more pushed the stage's picture 55 px below a
    1024 x 768 projector's edge."""
    if not unchanged:
        with st.container(horizontal=True, wrap=False, vertical_alignment="center", key="run_outcome"):
            _ending(run)
            st.caption(t("run.settings_changed"))
    else:
        _ending(run)


def _ending(run: core.Run) -> None:
    hist = run.hist
    if hist.diverged:
        st.warning(t("run.diverged", epoch=hist.diverged_epoch + 1, lr=f"{run.cfg.lr:g}"),
                   icon=":material/warning:")
    elif (epoch := core.training.blowing_up(hist.loss)) is not None:
        st.warning(t("run.growing", epoch=epoch + 1, first=f"{hist.loss[0]:.4g}", last=f"{hist.loss[-1]:.4g}",
                     lr=f"{run.cfg.lr:g}"), icon=":material/warning:")
    elif hist.stopped:
        st.info(t("run.stopped", done=len(hist.loss), epochs=run.cfg.epochs))
    elif hist.early_stop is not None:
        st.success(t("run.early_stop", n=hist.early_stop, patience=run.cfg.patience, s=f"{hist.seconds:.2f}"),
                   icon=":material/front_hand:")
    else:
        n = len(hist.loss)
        st.success(t("run.trained_one" if n == 1 else "run.trained", n=n, s=f"{hist.seconds:.2f}",
                     device=hist.device))


def loss_view(page: str, run: core.Run, log_scale: bool | None = None) -> None:
    """The "Final loss" metric and the page's one loss chart: this run in its colour, with the other shown
    runs; log_scale None: log where the losses span decades."""
    loss_metric(run)  # "–" before the first step: the column is not an empty half of the picture
    if run.hist.loss:
        chart.show(runs_list.loss_chart(page, run, log_scale))
    else:
        st.caption(t("run.loss_appears"))
    lr_view(run)


def loss_metric(run: core.Run, where=st, digits: int = 6, **options) -> None:
    """The run's loss as a number: "Final loss" once it has ended, "Loss at epoch 37" while it trains (a
    "Final loss" that kept changing mid-run), with a word on what it is when the epoch had batches (the
    mean of the batch losses a curve beside it draws one by one)."""
    loss = run.hist.loss
    if not loss:
        value = "–"
    else:  # six digits, as the scripts print it; a blown-up loss in three (1e+38 with six is cut in half a row)
        value = f"{loss[-1]:.{digits}g}" if abs(loss[-1]) < 1e6 else f"{loss[-1]:.3g}"
    label = t("run.final_loss") if run.done or not loss else t("run.loss_at", epoch=len(loss))
    where.metric(label, value, help=t("run.loss_mean_help") if run.cfg.batch_size else None, **options)


def lr_view(run: core.Run) -> None:
    """The learning rate epoch by epoch, when a schedule changes it."""
    if run.cfg.schedule != "constant" and run.hist.lr:
        chart.show(core.charts.loss_curve(run.hist.lr, title=t("chart.lr"), x_title=t("chart.epoch"),
                                          y_title=t("chart.lr_axis")).properties(height=160))
