"""The Tensors page in AppTest: values, bad input, combining, and the autograd step."""
import pytest

from apptest_helpers import open_page, train

PAGE = "pages/tensors.py"


def codes(at):
    return [c.value for c in at.code]


def test_valid_values_are_shown_as_pytorch_prints_them(app):
    open_page(app, PAGE)
    assert "tensor([[1, 2],\n        [3, 4]])" in codes(app)
    app.text_area(key="tensors.values").input("[[1.5, -2], [0, 4e1]]").run()
    assert "tensor([[ 1.5000, -2.0000],\n        [ 0.0000, 40.0000]])" in codes(app)
    assert not app.error and not app.exception


@pytest.mark.parametrize("text, says", [
    ("[1, 2", "Malformed"),
    ("__import__('os')", "Not a number"),
    ("[[1, 2], [3]]", "Ragged rows"),
    (str([0] * 20000), "Too many elements"),
], ids=["unclosed", "code", "ragged", "too-many"])
def test_bad_values_give_an_error_not_an_exception(app, text, says):
    open_page(app, PAGE)
    app.text_area(key="tensors.values").input(text).run()
    assert not app.exception
    assert any(says in e.value for e in app.error)


def test_an_over_size_shape_gives_an_error(app):
    open_page(app, PAGE)
    app.selectbox(key="tensors.constructor").set_value("zeros").run()
    app.text_input(key="tensors.shape").input("1000, 1000").run()
    assert not app.exception
    assert any("at most 10,000" in e.value for e in app.error)
    app.text_input(key="tensors.shape").input("3, 4").run()
    assert not any("at most" in e.value for e in app.error)
    assert any(c.startswith("tensor([[0., 0., 0., 0.]") for c in codes(app))


def test_mismatched_shapes_show_pytorchs_message(app):
    open_page(app, PAGE)
    app.text_input(key="tensors.b_values").input("[1, 2, 3]").run()
    assert not app.exception
    assert any("must match the size of tensor b" in e.value for e in app.error)
    assert any("clash" in str(df.value.to_dict()) for df in app.dataframe)


def test_the_autograd_step_shows_the_tutorial_numbers(app):
    open_page(app, PAGE)
    table = next(m.value for m in app.markdown if "backward" in m.value and "| step |" in m.value)
    for number in ("**3**", "**0.5**", "**-2**", "**-1**", "**1.2**", "**1.1**"):
        assert number in table


def test_train_walks_the_line_to_the_point(app):
    open_page(app, PAGE)
    train(app, "tensors")  # defaults: lr 0.1, 20 epochs
    run = app.session_state["tensors.run"]
    w, b = run.model.weight.item(), run.model.bias.item()
    assert abs(2 * w + b - 4) < 0.01
    assert run.hist.metrics["W"][0] == pytest.approx(1.2) and run.hist.metrics["b"][0] == pytest.approx(1.1)
