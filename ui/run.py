"""The Train/Stop run: a Train button, then a fragment that trains a chunk per rerun and draws live.

The core.Run lives in st.session_state, so its model and history survive reruns, control changes and
visits to other pages; only Train replaces it.
"""
import time
from typing import Callable

import streamlit as st

import core
from ui import chart
from ui.i18n import t

CHUNK_SECONDS = 0.4   # training time between two redraws
REDRAW_EVERY = 0.75   # seconds between fragment reruns while a run is going (a class shares one server)


def run_key(page: str) -> str:
    return f"{page}.run"


def train_panel(page: str, cfg: core.TrainConfig, start: Callable[[core.TrainConfig], core.Run],
                draw: Callable[[core.Run], None], inputs: tuple = ()) -> core.Run | None:
    """Train button, progress, Stop, and `draw(run)` for the run live and after it ends.

    inputs: the page's own settings (data set, model...) that a run depends on besides cfg,
    so the page can say when the result shown no longer matches them.
    """
    key = run_key(page)
    if st.button(t("run.train"), type="primary", key=f"{page}.train", icon=":material/play_arrow:"):
        try:
            st.session_state[key] = start(cfg)
            st.session_state[f"{page}.inputs"] = inputs
        except (ValueError, RuntimeError) as err:
            st.error(t("run.cannot_start", error=err))
    run = st.session_state.get(key)
    running = run is not None and not run.done

    @st.fragment(run_every=REDRAW_EVERY if running else None)
    def live():
        run = st.session_state.get(key)
        if run is None:
            st.info(t("run.press_train"))
            return
        if not run.done:
            if st.button(t("run.stop"), key=f"{page}.stop", icon=":material/stop:"):
                run.stop()
                st.rerun()
            try:
                run.advance(seconds=CHUNK_SECONDS)
            except Exception as err:  # a device that failed (out of memory, a lost driver), or worse:
                run.fail(err)         # keep what was learned, and say what happened
            st.progress(run.fraction, text=_progress_text(run, _seconds_left(key, run)))
            if run.done:
                st.rerun()  # a full rerun turns the redraw timer off and shows the final state
        elif run.hist.error:
            _offer_cpu(page, run)
        else:
            _outcome(run, cfg, st.session_state.get(f"{page}.inputs") == inputs)
        draw(run)

    live()
    return st.session_state.get(key)


def _seconds_left(key: str, run: core.Run) -> float | None:
    """Wall-clock time left at the pace since the run began (training and redrawing both)."""
    mark = f"{key}.started"
    if st.session_state.get(mark, (None,))[0] is not run:
        st.session_state[mark] = (run, time.perf_counter())
    started = st.session_state[mark][1]
    if run.fraction <= 0.02:  # too early: the first steps pay for warming up
        return None
    return (time.perf_counter() - started) * (1 - run.fraction) / run.fraction


def _progress_text(run: core.Run, seconds_left: float | None) -> str:
    epochs = run.cfg.epochs
    epoch = min(int(run.fraction * epochs) + 1, epochs)
    text = t("run.epoch_of", epoch=epoch, epochs=epochs)
    if run.hist.loss:
        text += " · " + t("run.loss_now", loss=f"{run.hist.loss[-1]:.4g}")
    if seconds_left is not None and run.fraction < 1:
        text += " · " + (t("run.seconds_left", s=f"{seconds_left:.0f}") if seconds_left >= 1 else t("run.almost_done"))
    return text


def _offer_cpu(page: str, run: core.Run) -> None:
    """A device broke off the run: say so, and offer to carry on from the last epoch on the CPU."""
    st.error(t("run.device_failed", device=run.hist.device, done=len(run.hist.loss), epochs=run.cfg.epochs,
               error=run.hist.error), icon=":material/memory:")
    if run.hist.device == "cpu" and not run.hist.error.startswith("OutOfMemoryError"):
        return  # the CPU itself failed the run: nowhere better to go
    if st.button(t("run.continue_cpu"), key=f"{page}.continue_cpu", icon=":material/play_arrow:"):
        try:
            st.session_state[run_key(page)] = run.resume_on("cpu")
        except ValueError as err:
            st.error(t("run.cannot_start", error=err))
            return
        st.session_state[f"_{page}.device"] = "cpu"  # the device control follows
        st.rerun()


def _outcome(run: core.Run, cfg: core.TrainConfig, same_inputs: bool = True) -> None:
    hist = run.hist
    if hist.diverged:
        st.warning(t("run.diverged", epoch=hist.diverged_epoch + 1, lr=f"{run.cfg.lr:g}"),
                   icon=":material/warning:")
    elif (epoch := core.training.blowing_up(hist.loss)) is not None:
        st.warning(t("run.growing", epoch=epoch + 1, first=f"{hist.loss[0]:.4g}", last=f"{hist.loss[-1]:.4g}",
                     lr=f"{run.cfg.lr:g}"), icon=":material/warning:")
    elif hist.stopped:
        st.info(t("run.stopped", done=len(hist.loss), epochs=run.cfg.epochs))
    else:
        n = len(hist.loss)
        st.success(t("run.trained_one" if n == 1 else "run.trained", n=n, s=f"{hist.seconds:.2f}",
                     device=hist.device))
    if run.cfg != cfg or not same_inputs:
        st.caption(t("run.settings_changed"))


def loss_view(run: core.Run, log_scale: bool = False) -> None:
    """The live loss curve and the "Final loss" metric: what every page shows of a run."""
    loss = run.hist.loss
    if loss:
        st.metric(t("run.final_loss"), f"{loss[-1]:.6g}")
        chart.show(core.charts.loss_curve(loss, title=t("chart.loss"), log_scale=log_scale,
                                          x_title=t("chart.epoch"), y_title=t("chart.loss")))
