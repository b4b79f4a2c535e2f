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
    run = app.session_state["linear.run"]
    assert run.hist.diverged and all(v == v and abs(v) != float("inf") for v in run.hist.loss)


def test_the_momentum_exercise_overlays_two_curves(app):
    open_page(app, LINEAR)
    app.radio(key="linear.dataset").set_value("hours").run()
    app.number_input(key="linear.epochs").set_value(200).run()
    app.button(key="linear.compare_button").click().run()
    hists, _ = app.session_state["linear.comparison"]
    assert list(hists) == ["momentum 0", "momentum 0.9"]
    assert hists["momentum 0.9"].loss[-1] < hists["momentum 0"].loss[-1]
    assert metric(app, "Final loss, momentum 0") and metric(app, "Final loss, momentum 0.9")


def test_descent_step_shows_hand_and_autograd_gradients_that_agree(app):
    open_page(app, DESCENT)
    app.button(key="descent.step").click().run()
    path = app.session_state["descent.path.line"]
    assert len(path) == 2 and path[1] > path[0]
    table = next(m.value for m in app.markdown if "grad by hand" in m.value)
    hand = table.split("grad by hand")[1].split("**")[1]
    auto = table.split("grad by autograd")[1].split("**")[1]
    assert hand == auto
    app.button(key="descent.reset").click().run()
    assert app.session_state["descent.path.line"] == [-1.0]


def test_descent_trains_and_compares_three_optimizers(app):
    open_page(app, DESCENT)
    train(app, "descent")
    assert float(metric(app, "Final loss")) < 1
    app.button(key="descent.compare_button").click().run()
    results, _ = app.session_state["descent.comparison"]
    assert list(results) == ["SGD", "SGD + momentum 0.9", "Adam"]
    starts = {(ws[0], bs[0]) for (ws, bs), _ in results.values()}
    assert starts == {(-1.0, 3.0)}
    assert len(charts(app)) >= 4 + 2 + 2  # parabola, four regimes, run surface + loss, comparison


def test_descent_shows_the_regime_of_the_chosen_learning_rate(app):
    open_page(app, DESCENT)
    app.select_slider(key="descent.lr").set_value(0.5).run()
    assert any("**diverging**" in m.value for m in app.markdown)
    app.select_slider(key="descent.lr").set_value(0.001).run()
    assert any("**slow**" in m.value for m in app.markdown)
