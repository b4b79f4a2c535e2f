"""What backward() walks, under MNIST, Classify and Sine: one step's graph of the page's model."""
import re

import pytest

from apptest_helpers import open_page, train


def graphs(at) -> list[str]:
    return [c.proto.spec for c in at.get("graphviz_chart")]


def open_graph(at, key: str):
    """Open the graph's box, as a click on it does: closed, the page draws no graph."""
    assert not graphs(at)
    at.session_state[f"{key}.graph_open"] = True
    at.run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("page, key, layers", [
    ("pages/mnist.py", "mnist", ["Linear", "ReLU"]),   # the MLP, a box a layer (Flatten of an input needs no grad)
    ("pages/classify.py", "classify", ["Linear", "Tanh"]),
    ("pages/sine.py", "sine", ["PowBackward0", "MulBackward0"]),         # the cubic has no layers: its operations
])
def test_the_graph_of_one_step_is_drawn_by_layer_with_gradient_norms(app, page, key, layers):
    open_page(app, page)
    open_graph(app, key)
    (dot,) = graphs(app)
    assert all(f"<b>{name}</b>" in dot for name in layers), re.findall(r"<b>(\w+)</b>", dot)
    grads = re.findall(r"(‖|grad) (−?[\d.e+-]+)", dot)  # a norm, or a parameter's one number
    assert grads and all(float(v) >= 0 for mark, v in grads if mark == "‖")
    assert not app.exception
    if key == "mnist":
        app.toggle(key="mnist.graph_every_op").set_value(True).run()
        (every,) = graphs(app)
        assert "AddmmBackward0" in every and "<b>Linear</b>" not in every  # each operation, by autograd's names
        train(app, "mnist")  # the graph follows the run's trained model
        assert graphs(app)[0] != every


def test_linear_regression_s_graph_gives_the_gradients_worked_by_hand(app):
    """The tutorial's data and W = b = 0: the graph's weight.grad is the hand formula 2 mean((W x - y) x)."""
    import torch
    open_page(app, "pages/linear_regression.py")
    open_graph(app, "linear")
    (dot,) = graphs(app)
    x, y = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 4.0, 6.0])
    by_hand = (2 * ((0 * x - y) * x).mean()).item()  # -18.67
    weight = re.search(r"<b>weight</b><br/><font[^>]*>grad (−?[\d.]+)", dot).group(1)
    assert float(weight.replace("−", "-")) == pytest.approx(by_hand, rel=1e-3)
