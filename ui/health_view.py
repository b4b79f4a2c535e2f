"""Training health under a network page's pictures (Sine's network, MNIST, Classify): each layer's gradients
and steps over the epochs, its weights and gradients now, the units that are stuck, and what went wrong,
live while the run on screen trains. The numbers are core.health's; this module only words and draws them."""
import streamlit as st

import core
from ui import chart, keys, live_run
from ui.i18n import t

PLOT_HEIGHT = 170    # px of the two line charts' plots, under their titles and legends


def section(page: str, experiment: "core.Experiment", seed: int = 0) -> None:
    """A toggle, off by default (it costs a forward pass a redraw), then the health of the run on screen, or
    before a run of the page's starting model: its weights, and the units stuck before any step."""
    if not st.toggle(t("health.show"), key=keys.of(page, "health"), help=t("health.show_help")):
        return
    screen = live_run.shown(page)
    live_now = screen.run is not None and not screen.run.done and screen.playing

    @st.fragment(run_every=live_run.REDRAW_EVERY if live_now else None)
    def view():
        run = live_run.shown(page).run
        if run is None or run.health is None:
            st.info(t("health.before"), icon=":material/monitor_heart:")
            model, series, loss, diverged = experiment.make_model(seed=seed), core.health.Series(), [], False
            x = experiment.x
        else:
            model, series, loss, diverged = run.model, run.health.series, run.hist.loss, run.hist.diverged
            x = run.x
        stuck = core.health.units(model, x)
        _diagnoses(core.health.diagnose(series, stuck, loss, diverged), measured=bool(series.epochs))
        if series.epochs:
            left, right = st.columns(2)
            with left:
                chart.show(core.charts.per_layer(series.epochs, series.grad_norm, title=t("health.grad_title"),
                                                 x_title=t("chart.epoch"), y_title=t("health.grad_axis")),
                           plot_height=PLOT_HEIGHT)
            with right:
                chart.show(core.charts.per_layer(series.epochs, series.ratio, title=t("health.ratio_title"),
                                                 x_title=t("chart.epoch"), y_title=t("health.ratio_axis"),
                                                 healthy=1e-3), plot_height=PLOT_HEIGHT)
            st.caption(t("health.ratio_caption"))
        _histograms(model)
        _units(stuck, min(len(x), core.health.PROBE))

    view()


def _diagnoses(found: list[tuple[str, dict]], measured: bool) -> None:
    for code, values in found:
        st.warning(t(f"health.diag.{code}", **_worded(values)), icon=":material/healing:")
    if measured and not found:
        st.success(t("health.fine"), icon=":material/check_circle:")


def _worded(values: dict) -> dict:
    """A diagnosis's numbers as a sentence carries them: ratios in powers of ten, shares in percent."""
    out = dict(values)
    for name in ("ratio", "growth"):
        if name in out:
            out[name] = f"{out[name]:.1e}" if name == "ratio" else f"{out[name]:,.0f}"
    if "share" in out:
        out["share"] = f"{out['share']:.0%}"
    return out


def _histograms(model) -> None:
    found = core.health.histograms(model)
    if not found:
        return
    kinds = {"weight": t("health.kind.weight"), "grad": t("health.kind.grad")}
    rows = [{"layer": h.layer, "kind": kinds[h.of], "lo": lo, "hi": hi, "count": count}
            for h in found for lo, hi, count in zip(h.edges, h.edges[1:], h.counts)]
    # no axis titles: each small multiple is headed by its layer and its column, and the caption says the rest
    chart.show(core.charts.histograms(rows, title=t("health.hist_title")), width="content")
    st.caption(t("health.hist_caption"))


def _units(stuck: list["core.health.Units"], examples: int) -> None:
    if not stuck:
        return
    # "ReLU 1": the activation after Linear 1 (a longer label was cut at the chart's edge)
    labels = [f"{u.activation} {u.layer.rsplit(' ', 1)[-1]}" for u in stuck]
    worst = max(range(len(stuck)), key=lambda i: stuck[i].share)
    chart.show(core.charts.bars(labels, [u.share for u in stuck], title=t("health.units_title", n=f"{examples:,}"),
                                y_title=t("health.units_axis"), across=True,
                                highlight=worst if stuck[worst].share > core.health.DEAD_SHARE else None))
    st.caption(t("health.units_caption"))
