"""What backward() walks, under MNIST, Classify and Sine: one step's graph of the page's model."""
import re

import pytest

from apptest_helpers import open_page, train


def graphs(at) -> list[str]:
    return [c.proto.spec for c in at.get("graphviz_chart")]


@pytest.mark.parametrize("page, key, layers", [
    ("pages/mnist.py", "mnist", ["Linear", "ReLU"]),   # the MLP, a box a layer (Flatten of an input needs no grad)
    ("pages/classify.py", "classify", ["Linear", "Tanh"]),
    ("pages/sine.py", "sine", ["PowBackward0", "MulBackward0"]),         # the cubic has no layers: its operations
])
def test_the_graph_of_one_step_is_drawn_by_layer_with_gradient_norms(app, page, key, layers):
    open_page(app, page)
    (dot,) = graphs(app)
    assert all(f"<b>{name}</b>" in dot for name in layers), re.findall(r"<b>(\w+)</b>", dot)
    norms = [float(v) for v in re.findall(r"‖ ([\d.e+-]+)", dot)]
    assert norms and all(v >= 0 for v in norms)
    assert not app.exception
    if key == "mnist":
        app.toggle(key="mnist.graph_every_op").set_value(True).run()
        (every,) = graphs(app)
        assert "AddmmBackward0" in every and "<b>Linear</b>" not in every  # each operation, by autograd's names
        train(app, "mnist")  # the graph follows the run's trained model
        assert graphs(app)[0] != every
