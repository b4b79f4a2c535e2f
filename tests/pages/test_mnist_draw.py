"""MNIST's canvas in AppTest: quick train, a stroke read by the model, Clear, a blank canvas.

AppTest cannot draw, and has no API for a components-v2 element (it shows as an UnknownElement), so
stroke() sends what the browser sends after a stroke: the canvas's state, {"drawing": {"raw", "data"}},
a PNG data URL in "data", as the JSON value of the component's state widget. That reaches into AppTest's
_tree and _run; the browser test (tests/e2e/test_mnist_draw_browser.py) draws with a real mouse.
"""
import base64
import io
import json

import numpy as np
from PIL import Image

from apptest_helpers import open_page
from test_links import opened
from test_mnist_page import chart_titles

PAGE = "pages/mnist.py"


def canvas_node(at):
    found = [n for n in _nodes(at._tree) if getattr(n, "type", None) == "bidi_component"
             and "mnist.draw.canvas" in n.proto.id]
    assert len(found) == 1, found
    return found[0]


def _nodes(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _nodes(child)


def stroke(at, rgba: np.ndarray):
    """The canvas reports a drawing, (H, W, 4) uint8, as it does after each stroke; the page reruns."""
    buf = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buf, "PNG")
    url = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = canvas_node(at).proto.id
    state.json_value = json.dumps({"drawing": {"raw": {"objects": [{"type": "Path"}], "background": "#000000"},
                                               "data": url}, "backgroundFit": None})
    at._run(states)
    assert not at.exception, at.exception
    return at


def one(side=280) -> np.ndarray:
    """A vertical stroke, white on the canvas's black, as the browser test draws it."""
    rgba = np.zeros((side, side, 4), np.uint8)
    rgba[..., 3] = 255
    rgba[50:230, 130:150, :3] = 255
    return rgba


def quick_train(at):
    at.button(key="mnist.draw.quick_train").click().run()
    assert not at.exception, at.exception
    return at


def reads(at) -> list[str]:
    return [t for t in chart_titles(at) if t and t.startswith("The model reads a")]


def test_quick_train_adds_a_normal_run_of_one_epoch_on_the_sample(app):
    open_page(app, PAGE)
    assert any("No model has been trained yet" in i.value for i in app.info)
    quick_train(app)
    run = app.session_state["mnist.shown"].run
    assert run.done and len(run.hist.loss) == 1 and run.cfg.epochs == 1
    assert run.hist.metrics["test accuracy"][-1] > 0.5
    kept = app.session_state["mnist.runs"].kept
    assert len(kept) == 1 and kept[0].run is run and kept[0].inputs["data"] == "sample"
    assert all(b.key != "mnist.draw.quick_train" for b in app.button)  # offered only before any training
    assert any(m.label == "Test accuracy" for m in app.metric)  # shown above as any run is


def probabilities(at) -> str:
    """The "reads" chart's data, by name: Altair names a data set by a hash of its values."""
    names = [json.loads(c.proto.spec)["data"]["name"] for c, title in zip(at.get("vega_lite_chart"), chart_titles(at))
             if title and title.startswith("The model reads a")]
    assert len(names) == 1, names
    return names[0]


def test_a_stroke_is_read_and_clear_empties_the_canvas(app):
    open_page(app, PAGE)
    quick_train(app)
    assert not reads(app)
    stroke(app, one())
    assert reads(app) and not app.error
    assert app.session_state["mnist.draw.last"] == "draw"  # the canvas's on_change ran
    first_key = canvas_node(app).proto.id
    app.button(key="mnist.draw.clear").click().run()
    assert canvas_node(app).proto.id != first_key  # a new key: the component starts empty
    assert not reads(app)
    assert any("Draw one digit" in c.value for c in app.caption)


def test_a_stroke_does_not_train(app):
    """Every stroke reruns the page: the run must stay as it was."""
    open_page(app, PAGE)
    quick_train(app)
    run = app.session_state["mnist.shown"].run
    before = (len(run.hist.loss), run.hist.steps, [p.detach().clone() for p in run.model.parameters()])
    stroke(app, one())
    stroke(app, np.rot90(one()).copy())
    assert app.session_state["mnist.shown"].run is run
    assert (len(run.hist.loss), run.hist.steps) == before[:2]
    assert all((p == q).all() for p, q in zip(run.model.parameters(), before[2]))


def test_a_stroke_before_training_asks_for_a_model(app):
    open_page(app, PAGE)
    stroke(app, one())
    assert not reads(app)
    assert any("Train a model above first" in i.value for i in app.info)
    assert any(b.key == "mnist.draw.quick_train" for b in app.button)


def test_a_canvas_emptied_with_its_own_bin_asks_to_draw_not_an_error(app):
    open_page(app, PAGE)
    quick_train(app)
    empty = np.zeros((280, 280, 4), np.uint8)
    empty[..., 3] = 255
    stroke(app, empty)
    assert not app.error and not reads(app)
    assert any("Draw one digit" in c.value for c in app.caption)


def test_a_drawing_in_korean():
    app = opened(PAGE, lang="ko")
    quick_train(app)
    stroke(app, one())
    assert any(t and t.startswith("모델은") for t in chart_titles(app))
    assert app.button(key="mnist.draw.clear").label == "지우기"


def test_the_newer_of_the_upload_and_the_drawing_is_read(app):
    """x_mine is one digit: the one the student gave last; Clear goes back to the upload."""
    from test_mnist_page import seven_png
    open_page(app, PAGE)
    quick_train(app)
    app.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    assert app.session_state["mnist.draw.last"] == "upload"
    uploaded = probabilities(app)
    stroke(app, one())
    assert app.session_state["mnist.draw.last"] == "draw"
    drawn = probabilities(app)
    assert drawn != uploaded
    buf = io.BytesIO()
    Image.fromarray(255 - one()[..., 0]).save(buf, "PNG")  # the stroke again, as a dark-on-white photo
    app.file_uploader(key="mnist.upload").upload("one.png", buf.getvalue(), "image/png").run()
    assert app.session_state["mnist.draw.last"] == "upload"  # newer than the drawing, which stays
    assert probabilities(app) == drawn  # one pipeline: the same strokes, uploaded, read the same
    app.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    assert probabilities(app) == uploaded
    stroke(app, np.rot90(one()).copy())  # a new stroke (a state that changes, as every stroke's does)
    assert app.session_state["mnist.draw.last"] == "draw" and probabilities(app) not in (uploaded, drawn)
    app.button(key="mnist.draw.clear").click().run()
    assert probabilities(app) == uploaded and not app.error  # the upload again: the canvas is empty


def test_a_canvas_emptied_with_its_own_bin_gives_the_upload_back(app):
    from test_mnist_page import seven_png
    open_page(app, PAGE)
    quick_train(app)
    app.file_uploader(key="mnist.upload").upload("seven.png", seven_png(), "image/png").run()
    uploaded = probabilities(app)
    stroke(app, one())
    assert probabilities(app) != uploaded
    empty = np.zeros((280, 280, 4), np.uint8)
    empty[..., 3] = 255
    stroke(app, empty)                                  # the bin: black again, no ink
    assert probabilities(app) == uploaded and not app.error


def test_a_diverged_run_does_not_read_the_drawing(app):
    open_page(app, PAGE)
    quick_train(app)
    hist = app.session_state["mnist.shown"].run.hist
    hist.diverged, hist.diverged_epoch = True, 0   # as a run that blew up leaves it
    stroke(app, one())
    assert not reads(app) and any("cannot read a digit" in i.value for i in app.info)
