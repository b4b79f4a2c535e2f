"""The linear regression and gradient descent pages in AppTest."""
import pytest

from apptest_helpers import metric, open_page, train

LINEAR = "pages/linear_regression.py"
DESCENT = "pages/gradient_descent.py"


def charts(at):
    return at.get("vega_lite_chart")


@pytest.mark.parametrize("dataset", ["line", "hours", "heights", "noisy"])
def test_linear_trains_every_data_set_and_shows_its_charts(app, dataset):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value(dataset).run()
    app.number_input(key="linear.epochs").set_value(50).run()
    if dataset == "hours":
        app.select_slider(key="linear.lr").set_value(0.01).run()
    train(app, "linear")
    assert float(metric(app, "Final loss")) >= 0
    assert len(charts(app)) >= 2  # the line over the data, and the loss curve
    table = app.dataframe[0].value
    assert list(table[""]) == ["trained by SGD", "least squares (closed form)"]


def test_linear_defaults_give_the_tutorial_numbers_and_the_closed_form(app):
    open_page(app, LINEAR)
    train(app, "linear")
    table = app.dataframe[0].value.set_index("")
    assert table.loc["trained by SGD", "W"] == pytest.approx(1.9708, abs=1e-4)
    assert table.loc["trained by SGD", "b"] == pytest.approx(0.0664, abs=1e-4)
    assert table.loc["least squares (closed form)", "W"] == pytest.approx(2.0, abs=1e-6)


def test_a_csv_upload_trains(app):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("csv").run()
    app.file_uploader(key="linear.csv").upload("data.csv", b"size,price\n1,3\n2,5\n3,7\n4,9\n", "text/csv").run()
    assert not app.error
    train(app, "linear")
    table = app.dataframe[0].value.set_index("")
    assert table.loc["least squares (closed form)", "W"] == pytest.approx(2.0, abs=1e-5)
    assert table.loc["least squares (closed form)", "b"] == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("content", [b"1,2\n3,banana\n", b"\x89PNG\r\n\x1a\n\x00\xff", b"only one column\n1\n2\n"],
                         ids=["word", "binary", "one-column"])
def test_a_bad_csv_gives_an_error_and_no_exception(app, content):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("csv").run()
    app.file_uploader(key="linear.csv").upload("bad.csv", content, "text/csv").run()
    assert not app.exception
    assert app.error


def test_lr_one_on_the_hours_data_is_reported_as_diverging(app):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("hours").run()
    app.select_slider(key="linear.lr").set_value(1.0).run()
    app.number_input(key="linear.epochs").set_value(200).run()
    train(app, "linear")
    warning = next(w.value for w in app.warning if "diverged" in w.value)
    assert "epoch" in warning and "smaller learning rate" in warning
    run = app.session_state["linear.shown"].run
    assert run.hist.diverged and all(v == v and abs(v) != float("inf") for v in run.hist.loss)


def test_the_momentum_exercise_overlays_two_curves(app):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("hours").run()
    app.number_input(key="linear.epochs").set_value(200).run()
    app.button(key="linear.compare_button").click().run()
    plain, heavy = app.session_state["linear.runs"].kept          # both join the page's runs
    assert (plain.run.cfg.momentum, heavy.run.cfg.momentum) == (0.0, 0.9)
    assert heavy.run.hist.loss[-1] < plain.run.hist.loss[-1]
    spec = next(str(c.proto.spec) for c in app.get("vega_lite_chart") if "Loss of your runs" in str(c.proto.spec))
    assert "momentum 0" in spec                                   # the older run is labelled by what differs


def test_descent_step_shows_hand_and_autograd_gradients_that_agree(app):
    open_page(app, DESCENT)
    app.button(key="descent.step").click().run()
    path = app.session_state["descent.path.line"]
    assert len(path) == 2 and path[1] > path[0]
    rows = app.table[0].value  # x, y and the prediction at the W the walk has reached
    assert list(rows["x"]) == ["1", "2", "3"] and list(rows["y"]) == ["2", "4", "6"]
    assert [float(v) for v in rows["y_hat = W x"]] == pytest.approx([path[1] * x for x in (1, 2, 3)], abs=1e-4)
    table = next(m.value for m in app.markdown if "grad by hand" in m.value)
    hand = table.split("grad by hand")[1].split("**")[1]
    auto = table.split("grad by autograd")[1].split("**")[1]
    assert hand == auto
    app.button(key="descent.reset").click().run()
    assert app.session_state["descent.path.line"] == [-1.0]


def test_the_descent_table_shows_no_negative_zero(app):
    """On the heights data x = 0 is a row: W x at W = -1 is -0.0, which the table shows as 0."""
    open_page(app, DESCENT)
    app.radio(key="descent.dataset").set_value("heights").run()
    rows = app.table[0].value.set_index("x")
    assert rows.loc["0", "y_hat = W x"] == "0.0000" and rows.loc["5", "y_hat = W x"] == "-5.0000"


def test_descent_trains_and_compares_three_optimizers(app):
    open_page(app, DESCENT)
    train(app, "descent")
    assert float(metric(app, "Final loss")) < 1
    app.button(key="descent.compare_button").click().run()
    kept = app.session_state["descent.runs"].kept[-3:]
    assert [(k.run.cfg.optimizer, k.run.cfg.momentum) for k in kept] == [("sgd", 0.0), ("sgd", 0.9), ("adam", 0.0)]
    assert {(k.run.model.weight.item() != -1.0) for k in kept} == {True}
    assert {k.run.hist.loss[0] for k in kept} == {kept[0].run.hist.loss[0]}  # the same start for all three
    surface = next(str(c.proto.spec) for c in charts(app) if "optimizer" in str(c.proto.spec))
    assert surface.count("momentum 0.9") >= 1 and "#3 \\u00b7 newest" in surface  # their paths on the one surface
    assert app.session_state["descent.shown"].run is kept[0].run   # the sidebar's plain SGD, trained already: reused


def test_descent_shows_the_regime_of_the_chosen_learning_rate(app):
    open_page(app, DESCENT)
    app.select_slider(key="descent.lr").set_value(0.5).run()
    assert any("**diverging**" in m.value for m in app.markdown)
    app.select_slider(key="descent.lr").set_value(0.001).run()
    assert any("**slow**" in m.value for m in app.markdown)


def upload(app, content: bytes, name: str = "data.csv"):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("csv").run()
    app.file_uploader(key="linear.csv").upload(name, content, "text/csv").run()
    assert not app.exception, app.exception
    return app


def test_a_csv_beyond_float32_is_refused_in_words_not_a_code(app):
    upload(app, b"x,y\n1,2\n1e308,4\n")
    message = app.error[0].value
    assert "float32" in message and "csv.too_large" not in message


def test_a_csv_from_old_mac_excel_with_cr_line_ends_trains(app):
    upload(app, b"x,y\r1,3\r2,5\r3,7\r")
    assert not app.error
    train(app, "linear")
    assert app.dataframe[0].value.set_index("").loc["least squares (closed form)", "W"] == pytest.approx(2.0)


def test_8000_csv_rows_train_draw_and_compare(app):
    rows = "".join(f"{i / 1000},{2 * i / 1000 + 1}\n" for i in range(8000)).encode()
    upload(app, b"x,y\n" + rows)
    app.number_input(key="linear.epochs").set_value(5).run()
    app.select_slider(key="linear.lr").set_value(0.001).run()
    train(app, "linear")
    assert any("2,000 of the 8,000 points" in c.value for c in app.caption)
    loss = app.dataframe[0].value["loss"]
    assert all(text == "%.4g" % float(text) for text in loss)  # a loss of 1e-6 is not shown as 0.0000
    app.button(key="linear.compare_button").click().run()
    assert not app.exception and len(app.session_state["linear.runs"].kept) >= 2


def test_x_from_1_to_20_warns_before_and_explains_after_and_standardising_fixes_it(app):
    upload(app, b"x,y\n" + "".join(f"{i},{3 * i + 2}\n" for i in range(1, 21)).encode())
    warning = next(w.value for w in app.warning if "diverges at any learning rate above" in w.value)
    assert "0.00693" in warning and "**0.005**" in warning
    app.number_input(key="linear.epochs").set_value(100).run()
    train(app, "linear")
    assert app.session_state["linear.shown"].run.hist.diverged
    assert any("this data's scale" in i.value for i in app.info)
    assert "scientific" in app.dataframe[0].proto.columns  # W near -4e17 as a power of ten, not 18 digits
    app.checkbox(key="linear.standardise").check().run()
    assert not any("diverges at any" in w.value for w in app.warning)
    app.number_input(key="linear.epochs").set_value(1000).run()
    train(app, "linear")
    assert not app.session_state["linear.shown"].run.hist.diverged
    units = next(c.value for c in app.caption if "original units" in c.value)
    assert "y = 3 · x +2" in units


def test_the_seed_is_shown_unused_on_both_pages(app):
    open_page(app, LINEAR)
    assert app.number_input(key="linear.seed").disabled
    open_page(app, DESCENT)
    assert app.number_input(key="descent.seed").disabled


def test_every_number_box_has_a_teaching_range(app):
    open_page(app, DESCENT)
    for key in ("descent.start_w", "descent.w0", "descent.b0"):
        box = app.number_input(key=key)
        assert -1e3 <= box.min <= box.max <= 1e3
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("noisy").run()
    for key in ("linear.points", "linear.slope", "linear.intercept", "linear.noise", "linear.data_seed"):
        box = app.number_input(key=key)
        assert box.min is not None and abs(box.max) < 3.4e38


def test_descent_compare_of_2000_epochs_draws(app):
    open_page(app, DESCENT)
    app.number_input(key="descent.epochs").set_value(2000).run()
    app.button(key="descent.compare_button").click().run()
    assert not app.exception
    assert len(app.session_state["descent.runs"].kept[-3].run.hist.metrics["W"]) == 2000


def test_descent_compare_where_every_run_diverged_at_once_still_draws(app):
    """Start values are bounded now, so runs that diverge in their first epoch are set up by hand."""
    import core
    open_page(app, DESCENT)
    train(app, "descent")  # the page's list of runs exists
    x, y = core.data.table("line")
    for optimizer in ("sgd", "adam"):
        run = core.Run(core.models.linear(init=(-1.0, 3.0)), core.losses.mse, x, y,
                       core.TrainConfig(optimizer=optimizer, epochs=3))
        run.hist.diverged, run.hist.diverged_epoch, run.done = True, 0, True
        app.session_state["descent.runs"].add(run, {"dataset": "line", "W0": -1.0, "b0": 3.0})
        app.session_state["descent.shown"].run = run
    app.run()
    assert not app.exception


def test_a_walk_that_overflows_is_stopped_with_a_message(app):
    open_page(app, DESCENT)
    app.session_state["descent.path.line"] = [-1.0, 3e38]
    app.select_slider(key="descent.lr").set_value(1.0).run()
    app.button(key="descent.step").click().run()
    assert not app.exception
    assert any("no longer a finite number" in w.value for w in app.warning)
    assert app.session_state["descent.path.line"][-1] == 3e38
    assert any("W = 3e+38" in m.value for m in app.markdown)  # not 39 digits


def rows_of_charts(at) -> list[int]:
    """For each row of columns (st.columns) on the page, how many of its columns hold a chart."""
    def holds_chart(node) -> bool:
        kids = getattr(node, "children", {})
        return getattr(node, "type", "") == "vega_lite_chart" or any(holds_chart(k) for k in kids.values())

    def rows(node) -> list[int]:
        kids = list(getattr(node, "children", {}).values())
        if kids and all(getattr(k, "type", "") == "column" for k in kids):
            return [sum(holds_chart(k) for k in kids)]
        return [n for k in kids for n in rows(k)]
    return rows(at.main)


def test_the_four_regime_charts_are_a_2x2_grid_with_short_titles(app):
    """Four charts in one row are too narrow at a projector's 1024 px: titles were cut."""
    import json
    open_page(app, DESCENT)
    assert max(rows_of_charts(app)) <= 2
    specs = [json.loads(c.proto.spec) for c in charts(app)]
    titles = [spec.get("title") or spec.get("layer", [{}])[0].get("title") for spec in specs]
    regime = [t for t in titles if isinstance(t, str) and "lr =" in t]
    assert len(regime) == 4 and all(len(t) <= 30 for t in regime)


def test_the_linear_table_spans_the_page_not_half_of_it(app):
    """In half the page at 1024 px, the W/b table lost its loss column."""
    open_page(app, LINEAR)
    train(app, "linear")

    def in_columns(node, inside=False) -> bool:
        if getattr(node, "type", "") in ("dataframe", "arrow_data_frame"):
            return inside
        return any(in_columns(k, inside or getattr(node, "type", "") == "column")
                   for k in getattr(node, "children", {}).values())
    assert app.dataframe and not in_columns(app.main)


def test_no_page_text_names_an_internal_function():
    from ui import lang_en, lang_ko
    for table in (lang_en.STRINGS, lang_ko.STRINGS):
        assert not [k for k, v in table.items() if "core.train" in v]


def test_descent_reset_is_there_on_the_first_visit(app):
    """It was drawn only when the walk already existed, so a first visit had no Reset button."""
    open_page(app, DESCENT)
    assert app.button(key="descent.reset")


def test_the_runs_losses_share_the_pages_loss_chart_with_a_legend_below_it(app):
    """Side by side at a projector's 1024 px, the legends were cut and the loss title ended in '(l…': in
    the page's one loss chart (half the page) the runs' legend goes below the plot, the title wraps."""
    import json
    open_page(app, DESCENT)
    train(app, "descent")
    app.button(key="descent.compare_button").click().run()
    specs = [json.loads(c.proto.spec) for c in app.get("vega_lite_chart")]
    (runs_chart,) = [s for s in specs if "Loss of your runs" in json.dumps(s)]
    assert runs_chart["encoding"]["color"]["legend"]["orient"] == "bottom"
    assert isinstance(runs_chart["title"]["text"], list)  # wrapped into lines that fit half a page


def test_the_regime_pictures_are_drawn_once_for_the_whole_class(monkeypatch):
    import json

    import streamlit as st

    import core
    from test_links import opened
    st.cache_data.clear()
    calls = []
    real = core.regimes.walk
    monkeypatch.setattr(core.regimes, "walk", lambda *a, **k: calls.append(1) or real(*a, **k))
    opened("pages/gradient_descent.py", start_w="-2")
    assert len(calls) == 4                                  # one walk per regime
    second = opened("pages/gradient_descent.py", start_w="-2")   # another student, the same settings
    assert len(calls) == 4 and not second.exception
    korean = opened("pages/gradient_descent.py", start_w="-2", lang="ko")
    specs = [json.loads(c.proto.spec) for c in korean.get("vega_lite_chart")]
    assert any("진동" in json.dumps(spec, ensure_ascii=False) for spec in specs)   # the language is part of the picture
    assert len(calls) == 8
    st.cache_data.clear()


def test_the_server_draws_the_default_regime_pictures_before_anyone_asks(monkeypatch):
    from test_links import opened
    from ui import descent, i18n
    at = opened("pages/gradient_descent.py")  # the page's defaults are what the server draws
    assert not at.exception
    assert at.radio(key="descent.dataset").value == descent.DATA
    assert at.number_input(key="descent.start_w").value == descent.START_W
    asked = []
    monkeypatch.setattr(descent, "regime_picture", lambda *a: asked.append(a))
    descent.warm_up()
    assert sorted(asked) == sorted(
        (descent.DATA, kind, descent.START_W, lang, False)
        for kind in ("slow", "converging", "oscillating", "diverging")
        for lang in i18n.LANGS
    )


def test_every_number_on_the_descent_page_is_from_the_same_moment_of_a_run():
    """During a slow run one screen said "Epoch 37 · loss 0.806", "after 33 steps", Final loss 0.8667 and
    a loss chart at epoch 5."""
    import json
    import re

    from test_links import opened
    at = opened(DESCENT, epochs="200", speed="slow")
    at.button(key="descent.train").click().run()
    at.run()
    run = at.session_state["descent.shown"].run
    assert not run.done and len(run.hist.loss) > 1
    status = at.get("progress")[0].proto.text
    epoch, loss = re.search(r"Epoch (\d+) / 200 · loss ([\d.e+-]+)", status).groups()
    steps = re.search(r"after (\d+) steps", next(m.value for m in at.markdown if "steps" in m.value)).group(1)
    final = metric(at, f"Loss at epoch {len(run.hist.loss)}")  # mid-run: not yet "Final loss"
    from streamlit import dataframe_util
    (chart,) = [c for c in at.get("vega_lite_chart")
                if json.loads(c.proto.spec).get("encoding", {}).get("y", {}).get("field") == "loss"]
    rows = dataframe_util.convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)
    assert int(epoch) == int(steps) == len(run.hist.loss) == rows["epoch"].max()
    assert float(loss) == pytest.approx(float(final), rel=1e-3)


def test_the_descent_surface_covers_the_path_that_starts_at_its_edge():
    import json

    from test_links import opened
    at = opened(DESCENT, epochs="30", b0="3")
    train(at, "descent")
    spec = next(json.loads(c.proto.spec) for c in at.get("vega_lite_chart") if "layer" in json.loads(c.proto.spec)
                and json.loads(c.proto.spec)["layer"][0].get("mark", {}).get("type") == "rect")
    x = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    y = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    run = at.session_state["descent.shown"].run
    ws, bs = [-1.0] + run.hist.metrics["W"], [3.0] + run.hist.metrics["b"]
    assert x[0] < min(ws) - 0.05 * (x[1] - x[0]) and max(ws) + 0.05 * (x[1] - x[0]) < x[1]
    assert y[0] < min(bs) - 0.05 * (y[1] - y[0]) and max(bs) + 0.05 * (y[1] - y[0]) < y[1]


def test_no_number_on_the_pages_reads_minus_zero_or_float_noise():
    """"b = -0.0000" beside the least squares, and "weight = 1.821 · height -1.942e-06"."""

    from test_links import opened
    at = opened(DESCENT, epochs="5")
    train(at, "descent")
    caption = next(m.value for m in at.markdown if "least squares" in m.value)
    assert "-0.0000" not in caption, caption
    at = opened(LINEAR, dataset="heights", epochs="50")
    train(at, "linear")
    line = next(c.proto.spec for c in at.get("vega_lite_chart") if "weight =" in c.proto.spec)
    line = line[line.index("weight ="):].split("]")[0].replace('", "', " ")  # the title, its lines joined
    assert "e-0" not in line and "+ 0.0000" in line, line
