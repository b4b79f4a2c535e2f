"""Runs kept side by side: every Train adds a row and a curve; show, hide, delete, clear; they stay."""
import pytest

from apptest_helpers import PAGES, train
from test_links import opened


def runs_chart(at):
    return [c for c in at.get("vega_lite_chart") if "Loss of your runs" in str(c.proto.spec)]


def test_two_trains_leave_two_rows_and_two_curves_and_delete_removes_one():
    at = opened("pages/linear_regression.py", epochs="20")
    train(at, "linear")
    at.select_slider(key="linear.lr").set_value(0.1).run()
    train(at, "linear")
    kept = at.session_state["linear.runs"].kept
    assert [k.run.cfg.lr for k in kept] == [0.01, 0.1]
    assert len(runs_chart(at)) == 1
    spec = str(runs_chart(at)[0].proto.spec)
    assert "#1 \\u00b7 lr 0.01" in spec and "#2 \\u00b7 newest" in spec  # labelled by what differs
    assert any(b.key == "linear.runs_clear" for b in at.button)
    at.switch_page("pages/sine.py").run()                        # a visit to another page keeps them
    at.switch_page("pages/linear_regression.py").run()
    assert len(at.session_state["linear.runs"].kept) == 2
    at.session_state["linear.runs"].kept[0].shown = False        # hidden: not on the chart
    at.run()
    assert not runs_chart(at)
    at.session_state["linear.runs"].remove(1)
    at.run()
    assert [k.number for k in at.session_state["linear.runs"].kept] == [2]
    at.button(key="linear.runs_clear").click().run()
    assert at.session_state["linear.runs"].kept == []
    assert not at.exception


def test_a_ninth_run_lets_the_oldest_go_with_a_note():
    at = opened("pages/tensors.py", epochs="2")
    for _ in range(9):
        train(at, "tensors")
    runs = at.session_state["tensors.runs"]
    assert [k.number for k in runs.kept] == list(range(2, 10))
    assert any("let go" in c.value for c in at.caption)


def test_the_learning_rate_sweep_adds_three_runs_from_the_same_start():
    at = opened("pages/linear_regression.py", epochs="30", lr="0.01")
    at.button(key="linear.preset_sweep").click().run()
    kept = at.session_state["linear.runs"].kept
    assert [k.run.cfg.lr for k in kept] == [0.001, 0.1, 0.01]   # the student's own rate last: the newest
    assert at.session_state["linear.shown"].run is kept[-1].run      # and the one shown live
    assert all(k.run.done and len(k.run.hist.loss) == 30 for k in kept)
    assert len({k.run.hist.loss[0] for k in kept}) == 1        # the same weights before the first step
    assert not at.exception


@pytest.mark.parametrize("page, key", list(PAGES.items()))
def test_every_training_page_keeps_two_runs_deletes_one_and_keeps_them_across_pages(page, key):
    at = opened(page, epochs="2")
    train(at, key)
    lr = at.select_slider(key=f"{key}.lr")
    lr.set_value(_other_rate(lr)).run()
    train(at, key)
    runs = at.session_state[f"{key}.runs"]
    assert len(runs.kept) == 2 and runs.kept[0].run.cfg.lr != runs.kept[1].run.cfg.lr
    assert len(runs_chart(at)) == 1 and at.dataframe[-1].value.shape[0] == 2   # two curves, two rows
    at.switch_page("pages/home.py").run()
    at.switch_page(page).run()
    assert len(at.session_state[f"{key}.runs"].kept) == 2
    at.session_state[f"{key}.runs"].remove(1)
    at.run()
    assert at.dataframe[-1].value.shape[0] == 1 and not at.exception


def _other_rate(slider) -> float:
    """A learning rate next to the one set: the options are formatted labels, the values are numbers."""
    from ui.controls import LEARNING_RATES
    i = LEARNING_RATES.index(slider.value)
    return LEARNING_RATES[i - 1] if i else LEARNING_RATES[1]


def test_the_sweep_goes_below_the_sliders_smallest_rate():
    at = opened("pages/sine.py", epochs="20", lr="1e-06")
    at.button(key="sine.preset_sweep").click().run()
    assert [k.run.cfg.lr for k in at.session_state["sine.runs"].kept] == [1e-07, 1e-05, 1e-06]


def test_runs_are_labelled_by_the_pages_settings_in_the_pages_language():
    at = opened("pages/linear_regression.py", epochs="3", lang="ko")
    train(at, "linear")
    at.radio(key="linear.dataset").set_value("hours").run()
    train(at, "linear")
    labels = at.dataframe[-1].value.iloc[:, 2].tolist()
    assert labels[0] == "#1 · 데이터 y = 2x", labels  # the setting and its value in words


def loss_charts(at):
    """The charts whose y axis is the loss per epoch."""
    import json
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    return [s for s in specs if s.get("encoding", {}).get("y", {}).get("field") == "loss"]


def test_one_loss_chart_in_the_runs_colour_on_a_log_scale_where_the_loss_spans_decades():
    """The page's Loss chart was blue and linear (a spike, then flat, on the hours data) beside a log
    runs chart in the run's colour: two charts that disagreed."""
    import core
    at = opened("pages/tensors.py", epochs="30")
    train(at, "tensors")
    (spec,) = loss_charts(at)
    kept = at.session_state["tensors.runs"].newest
    assert spec["encoding"]["color"]["scale"]["range"] == [core.charts.RUN_COLOURS[kept.colour]]
    assert spec["encoding"]["y"]["scale"]["type"] == "log"    # 0.5 down to about 1e-6
    at.select_slider(key="tensors.lr").set_value(0.01).run()
    train(at, "tensors")
    (spec,) = loss_charts(at)                                 # still one chart, now with both runs
    assert len(spec["encoding"]["color"]["scale"]["domain"]) == 2 and "Loss of your runs" in str(spec)


def test_a_flat_loss_stays_on_an_ordinary_scale():
    at = opened("pages/sine.py", epochs="3")
    train(at, "sine")
    (spec,) = loss_charts(at)
    assert spec["encoding"]["y"]["scale"].get("type") != "log"


def test_a_preset_reuses_a_kept_run_and_says_nothing_changed():
    """Compare momentum after a Train added a copy of the run already kept (#3 equal to #2), and the page
    said the settings had changed when nothing was touched."""
    at = opened("pages/linear_regression.py", epochs="20", dataset="hours")
    train(at, "linear")
    at.button(key="linear.compare_button").click().run()
    kept = at.session_state["linear.runs"].kept
    assert [(k.number, k.run.cfg.momentum) for k in kept] == [(1, 0.0), (2, 0.9)]
    assert at.session_state["linear.shown"].run is kept[0].run       # the sidebar's settings: the run on screen
    assert not any("settings have changed" in c.value for c in at.caption)
    at.button(key="linear.preset_sweep").click().run()          # its own rate is kept already: two new runs
    assert [k.run.cfg.lr for k in at.session_state["linear.runs"].kept] == [0.01, 0.01, 0.001, 0.1]
    assert not any("settings have changed" in c.value for c in at.caption)
    at.select_slider(key="linear.lr").set_value(0.001).run()   # touched: now it says so
    assert any("settings have changed" in c.value for c in at.caption)
    assert not at.exception


def test_the_numbers_a_class_compares_come_before_the_settings():
    """At 1280 px the Settings column pushed Final loss, Seconds and Status past the right edge."""
    at = opened("pages/linear_regression.py", epochs="3")
    train(at, "linear")
    columns = list(at.dataframe[-1].value.columns)
    settings = columns.index("Settings")
    assert all(columns.index(c) < settings for c in ("Final loss", "Seconds", "Status")), columns
