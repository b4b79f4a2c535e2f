"""The runs a page keeps: their loss curves on one chart, a table to show, hide or delete them, a CSV.

The list itself is core.kept_runs.Runs in st.session_state under runs_key(page); ui/live_run.py adds to it.
"""
import pandas as pd
import streamlit as st

import core
from core.kept_runs import Kept, Runs
from ui import controls, keys
from ui.i18n import has, t


# A page whose runs join another's list. Sine's small network has controls of its own (the sidebar's
# settings change with the model), but its runs and the cubic's are one list, each labelled by its model:
# with a list of its own, choosing the network seemed to empty the cubic's runs.
SHARED = {"sine_net": "sine"}


def runs_key(page: str) -> str:
    return keys.of(SHARED.get(page, page), "runs")


def runs_of(page: str) -> Runs:
    """The page's list, made on first use; it lives as long as the session."""
    return st.session_state.setdefault(runs_key(page), Runs())


def _value(name: str, value) -> str:
    """A setting's value as a person reads it in a label."""
    if name == "optimizer":
        return core.optimizers.OPTIMIZERS[value].label
    if name == "schedule":
        return t(f"schedule.{value}")
    if name == "init":
        return t(f"init.{value}")
    if name == "nesterov":
        return t("runs.nesterov_on") if value else t("runs.nesterov_off")
    if isinstance(value, str) and has(f"runs.value.{name}.{value}"):  # a page's code name, in words
        return t(f"runs.value.{name}.{value}")
    if name == "activation" and value in core.models.ACTIVATIONS:  # its torch class's name, as the pages say it
        return controls.activation_name(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _said_alone(name: str, value) -> bool:
    """Values that say their setting themselves: "Adam", "cosine", "Nesterov on" (not "optimizer Adam")."""
    return name in ("optimizer", "schedule") or isinstance(value, bool)


def label(kept: Kept, newest: Kept) -> str:
    """'#3 · lr 0.1, Adam': the run's number, then what differs from the newest run."""
    if kept is newest:
        return f"#{kept.number} · {t('runs.newest')}"
    diffs = core.kept_runs.differences(kept, newest)
    words = [_value(name, value) if _said_alone(name, value) else f"{_name(name)} {_value(name, value)}"
             for name, value in diffs]
    return f"#{kept.number} · " + (", ".join(words) if words else t("runs.same"))


def _name(setting: str) -> str:
    """A setting's short name in labels: the table's word if it has one, else the link's name (lr)."""
    return t(f"runs.name.{setting}") if has(f"runs.name.{setting}") else setting


def settings_text(kept: Kept) -> str:
    """Every knob the run's optimizer took, in a line: 'SGD · lr 0.01 · momentum 0.9 · epochs 200'."""
    cfg, takes = kept.run.cfg, core.optimizers.OPTIMIZERS[kept.run.cfg.optimizer].knobs
    parts = [_value("optimizer", cfg.optimizer), f"{_name('lr')} {_value('lr', cfg.lr)}"]
    for knob in core.optimizers.KNOBS:  # the knobs its optimizer takes; a flag only when on ("Nesterov on")
        value = getattr(cfg, knob)
        if knob in takes and (value or not isinstance(value, bool)):
            parts.append(_value(knob, value) if _said_alone(knob, value) else f"{_name(knob)} {_value(knob, value)}")
    if cfg.schedule != "constant":
        parts.append(_value("schedule", cfg.schedule))
    parts.append(f"{_name('epochs')} {cfg.epochs}")
    if cfg.batch_size:
        parts.append(f"{_name('batch_size')} {cfg.batch_size}")
    if cfg.patience:
        parts.append(f"{_name('patience')} {cfg.patience}")
    return " · ".join(parts + [f"{_name(k)} {v}" for k, v in kept.inputs.items()])


def colour(kept: Kept) -> str:
    return core.charts.RUN_COLOURS[kept.colour % len(core.charts.RUN_COLOURS)]


def alongside(page: str, run: "core.Run", inputs: dict) -> tuple[str, str, list[tuple[Kept, str]]]:
    """For a page's own picture: the run drawn live (its label and colour), and the other shown runs
    trained on the same data and model (the page's inputs), each with its label, oldest first."""
    runs = runs_of(page)
    mine = next((k for k in runs.kept if k.run is run), None)
    if mine is None or runs.newest is None:
        return "", core.charts.RUN_COLOURS[0], []
    others = [(k, label(k, runs.newest)) for k in runs.shown() if k is not mine and k.inputs == inputs]
    return label(mine, runs.newest), colour(mine), others


def loss_chart(page: str, live: "core.Run", log_scale: bool | None = None):
    """The page's one loss chart: the run on screen bold in its colour, each other shown run thinner in
    its own. log_scale None: a log scale where the losses span decades (a spike, then flat, otherwise)."""
    runs = runs_of(page)
    mine, newest = next((k for k in runs.kept if k.run is live), None), runs.newest
    series = [(label(k, newest), k.run.hist.loss, k.colour, False)
              for k in runs.shown() if k is not mine and k.run.hist.loss]
    series.append((label(mine, newest) if mine and series else t("chart.loss"), live.hist.loss,
                   mine.colour if mine else 0, True))
    if log_scale is None:
        log_scale = core.charts.spans_decades(*(loss for _, loss, *_ in series))
    return core.charts.runs_chart(series, title=t("runs.chart_title") if len(series) > 1 else t("chart.loss"),
                                  y_title=t("chart.loss"), x_title=t("chart.epoch"), log_scale=log_scale)


def read_table(page: str) -> None:
    """Apply the table's Show ticks before anything is drawn: the table comes last on the page, and a
    chart drawn before it read the tick was a rerun behind (unticking a run did not hide it)."""
    runs = runs_of(page)
    edits = st.session_state.get(_table_key(page, runs), {}) or {}
    for row, change in edits.get("edited_rows", {}).items():
        if t("runs.col.show") in change and int(row) < len(runs.kept):
            runs.kept[int(row)].shown = bool(change[t("runs.col.show")])


def _table_key(page: str, runs: Runs) -> str:
    """The table's key names its runs: a list that changed is a new table, with no stale ticks."""
    return f"{page}.runs_table." + "-".join(str(k.number) for k in runs.kept)


def table(page: str, metric: tuple[str, str] | None = None) -> None:
    """One row a run: show it or not, its settings and results; delete ticked, clear all, download CSV.

    metric: (the History metric, its column title), such as test accuracy on MNIST.
    """
    runs = runs_of(page)
    if not runs.kept:
        return
    newest = runs.newest
    st.subheader(t("runs.title"))
    if runs.dropped:
        st.caption(t("runs.dropped", n=runs.dropped, most=core.kept_runs.MOST))
    rows = [core.kept_runs.row(k, metric[0] if metric else None) for k in runs.kept]
    # the numbers a class compares first, the long settings line last: at 1280 px it pushed Final loss,
    # Seconds and Status past the right edge
    frame = pd.DataFrame({
        t("runs.col.show"): [k.shown for k in runs.kept],
        t("runs.col.delete"): [False] * len(runs.kept),
        t("runs.col.run"): [label(k, newest) for k in runs.kept],
        t("runs.col.final_loss"): [r["final_loss"] for r in rows],
        **({metric[1]: [r[metric[0]] for r in rows]} if metric else {}),
        t("runs.col.seconds"): [r["seconds"] for r in rows],
        t("runs.col.status"): [t(f"runs.status.{r['status']}") for r in rows],
        t("runs.col.epochs"): [r["epochs_done"] for r in rows],
        t("runs.col.device"): [r["device"] for r in rows],
        t("runs.col.settings"): [settings_text(k) for k in runs.kept],
    })
    fixed = [c for c in frame.columns if c not in (t("runs.col.show"), t("runs.col.delete"))]
    edited = st.data_editor(
        frame, hide_index=True, width="stretch", disabled=fixed, key=_table_key(page, runs),
        column_config={t("runs.col.final_loss"): st.column_config.NumberColumn(format="%.5g"),
                       **({metric[1]: st.column_config.NumberColumn(format="percent")} if metric else {})})
    for kept, show in zip(runs.kept, edited[t("runs.col.show")]):
        kept.shown = bool(show)
    ticked = [k.number for k, d in zip(runs.kept, edited[t("runs.col.delete")]) if d]
    row = st.container(horizontal=True)
    if row.button(t("runs.delete", n=len(ticked)), key=f"{page}.runs_delete", disabled=not ticked,
                  icon=":material/delete:"):
        for number in ticked:
            runs.remove(number)
        st.rerun()
    if row.button(t("runs.clear"), key=f"{page}.runs_clear", icon=":material/clear_all:"):
        runs.clear()
        st.rerun()
    settings = pd.DataFrame(rows)
    # on_click="ignore": pressed during a live run, a rerun replaced the file before the browser fetched it
    row.download_button(t("runs.download"), settings.to_csv(index=False), file_name=f"{page}_runs.csv",
                        mime="text/csv", key=f"{page}.runs_csv", icon=":material/download:",
                        on_click="ignore")

