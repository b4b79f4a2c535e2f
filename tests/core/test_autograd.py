"""core.autograd: the graph backward() walks, each node's gradient checked against torch.autograd.grad."""
import pytest
import torch

import core
from core import autograd


def tutorial_step():
    """x = 2, y = 4, W = b = 1: y_pred = W x + b = 3, loss = 0.5 (y - y_pred)^2 = 0.5."""
    W, b = torch.tensor(1.0, requires_grad=True), torch.tensor(1.0, requires_grad=True)
    x, y = torch.tensor(2.0), torch.tensor(4.0)
    return {"W": W, "b": b}, lambda: 0.5 * (y - (W * x + b)) ** 2


def model_case(model, loss_fn, x, y):
    return dict(model.named_parameters()), lambda: loss_fn(model(x), y)


def cases():
    torch.manual_seed(0)
    x3 = torch.tensor([[1.0], [2.0], [3.0]])
    sine_x = torch.linspace(-3, 3, 50).unsqueeze(1)
    digits, labels = torch.randn(6, 1, 28, 28), torch.randint(0, 10, (6,))
    return {
        "tutorial step": tutorial_step(),
        "linear": model_case(core.models.linear(init="random"), core.losses.mse, x3, 2 * x3),
        "cubic": model_case(core.models.cubic(seed=0), core.losses.sum_of_squares, sine_x, torch.sin(sine_x)),
        "mlp": model_case(core.models.mlp(hidden=(16, 8)), core.losses.cross_entropy, digits, labels),
        "cnn": model_case(core.models.cnn(seed=0), core.losses.cross_entropy, digits, labels),
    }


@pytest.mark.parametrize("name", list(cases()))
def test_every_gradient_the_graph_reports_is_autograds_own(name):
    params, forward = cases()[name]
    with autograd.recording() as outputs:
        loss = forward()
    g, ids = autograd.walk(loss, params, outputs)
    # the oracle, before backward frees the graph: d loss / d each recorded output, and each parameter
    expected = {}
    for fn, t in outputs.items():
        if fn in ids:
            expected[ids[fn]] = torch.autograd.grad(loss, t, retain_graph=True)[0]
    for leaf in g.leaves:
        expected[leaf.id] = torch.autograd.grad(loss, params[leaf.name], retain_graph=True)[0]
    loss.backward()
    for node_id, want in expected.items():
        node = g.node(node_id)
        assert node.grad is not None and torch.allclose(node.grad, want, atol=1e-6), (name, node.label)
    # every parameter is a named leaf; every node has a gradient and a shape
    assert sorted(n.name for n in g.leaves) == sorted(params)
    assert all(n.grad is not None and n.shape is not None for n in g.nodes)
    # the nodes checked against the oracle: all but those made inside one C++ call, whose output Python
    # never holds: cross_entropy's log_softmax, the weight's transpose in nn.Linear, and the CNN's Flatten
    # copying its channels-last maps (core.models.CNN_MEMORY_FORMAT) into (N, 512) order. The transpose is
    # checked through its weight: the gradient that flowed into it is the weight's, transposed.
    unchecked = [n for n in g.nodes if n.id not in expected]
    assert {n.label for n in unchecked} <= {"LogSoftmax", "T", "Clone"}, [n.label for n in unchecked]
    for t in (n for n in unchecked if n.label == "T"):
        weight = next(g.node(b) for a, b in g.edges if a == t.id)
        assert torch.allclose(t.grad.T, weight.grad), weight.name


def test_the_tutorial_step_has_its_values_and_gradients():
    params, forward = tutorial_step()
    with autograd.recording() as outputs:
        loss = forward()
    g = autograd.graph(loss, params, outputs)
    assert [n.grad for n in g.nodes] == [None] * len(g.nodes)  # nothing flowed yet
    loss.backward()
    assert g.nodes[0].value.item() == 0.5 and g.node("W").grad.item() == -2.0 and g.node("b").grad.item() == -1.0
    add = next(n for n in g.nodes if n.label == "Add")
    assert add.value.item() == 3.0 and add.grad.item() == -1.0  # y_pred = 3; d loss / d y_pred = -(y - y_pred)
    assert all(0 <= a < len(g.nodes) and 0 <= b < len(g.nodes) for a, b in g.edges)
    assert {g.node(b).name for a, b in g.edges if g.node(b).leaf} == {"W", "b"}


def test_a_loss_without_a_graph_is_said():
    with pytest.raises(ValueError, match="no grad_fn"):
        autograd.graph(torch.tensor(1.0))
