"""The Tensors page's workings: the safe parser, the caps, the ops, and the code shown beside them."""
import pytest
import torch

import core
from core.tensors import MAX_ELEMENTS, TensorInputError


def test_values_make_the_tensor_pytorch_would():
    t = core.tensors.make("tensor", values="[[1, 2], [3, 4]]")
    assert torch.equal(t, torch.tensor([[1, 2], [3, 4]]))
    assert core.tensors.describe(t)["repr"] == "tensor([[1, 2],\n        [3, 4]])"
    assert core.tensors.describe(t) | {"repr": None} == {
        "repr": None, "shape": (2, 2), "dtype": "int64", "device": "cpu", "ndim": 2, "numel": 4}
    assert core.tensors.make("tensor", values="[-1.5, +2, 3e2]").tolist() == [-1.5, 2.0, 300.0]
    assert core.tensors.make("tensor", values="7", dtype="float64").dtype == torch.float64


@pytest.mark.parametrize("text, reason", [
    ("[1, 2", "Malformed"),
    ("__import__('os')", "Not a number"),
    ("__import__('os').system('echo hi')", "Not a number"),
    ("[1, 'a']", "Not a number"),
    ("[True, False]", "Not a number"),
    ("[1, 2 + 3]", "Not a number"),
    ("[[1, 2], [3]]", "Ragged rows"),
    ("[[1, 2], 3]", "Ragged rows"),
    ("[" * 500 + "]" * 500, "Malformed"),
    ("[[[[[[[[1]]]]]]]]", "nested"),
    (str([0] * (MAX_ELEMENTS + 1)), "Too many elements"),
    ("", "Type some values"),
], ids=lambda v: v[:20] if isinstance(v, str) else None)
def test_bad_values_are_refused_with_the_reason(text, reason):
    with pytest.raises(TensorInputError, match=reason):
        core.tensors.make("tensor", values=text)


def test_parsing_never_evaluates(monkeypatch):
    monkeypatch.setattr("builtins.eval", lambda *a: pytest.fail("eval was called"))
    with pytest.raises(TensorInputError):
        core.tensors.parse_values("(lambda: 1)()")


@pytest.mark.parametrize("constructor", ["randn", "zeros", "ones"])
def test_shapes_are_capped(constructor):
    assert core.tensors.make(constructor, shape="2, 3").shape == (2, 3)
    assert core.tensors.make(constructor, shape="(100, 100)").numel() == MAX_ELEMENTS
    for bad in ("101, 100", "1000000, 1000000", "-1, 2", "2.5", "a", "1,1,1,1,1,1,1"):
        with pytest.raises(TensorInputError):
            core.tensors.make(constructor, shape=bad)


def test_ranges_are_capped_and_checked():
    assert core.tensors.make("arange", start=0, end=5, step=1).tolist() == [0, 1, 2, 3, 4]
    assert core.tensors.make("linspace", start=0, end=1, steps=3).tolist() == [0, 0.5, 1]
    with pytest.raises(TensorInputError, match="at most"):
        core.tensors.make("arange", start=0, end=1e9, step=1)
    with pytest.raises(TensorInputError, match="not 0"):
        core.tensors.make("arange", step=0)
    with pytest.raises(TensorInputError):
        core.tensors.make("linspace", steps=MAX_ELEMENTS + 1)


def test_randn_is_seeded_and_torch_refusals_become_messages():
    assert torch.equal(core.tensors.make("randn", shape="3", seed=1), core.tensors.make("randn", shape="3", seed=1))
    with pytest.raises(TensorInputError):
        core.tensors.make("randn", shape="2", dtype="int64")


def test_combining_gives_pytorch_results_and_pytorch_messages():
    a = core.tensors.make("tensor", values="[[1, 2], [3, 4]]")
    b = core.tensors.make("tensor", values="[10, 20]")
    assert core.tensors.combine("A + B", a, b).tolist() == [[11, 22], [13, 24]]
    assert core.tensors.combine("A @ B", a, b).tolist() == [50, 110]
    assert core.tensors.combine("A.T (transpose)", a).tolist() == [[1, 3], [2, 4]]
    assert core.tensors.combine("A.reshape(shape)", a, shape="-1").tolist() == [1, 2, 3, 4]
    assert core.tensors.combine("A.sum(dim)", a, dim=0).tolist() == [4, 6]
    assert core.tensors.combine("A.mean(dim)", a.float()).item() == 2.5
    c = core.tensors.make("tensor", values="[1, 2, 3]")
    with pytest.raises(TensorInputError, match="must match the size of tensor b"):
        core.tensors.combine("A + B", a, c)
    with pytest.raises(TensorInputError, match="size mismatch|cannot be multiplied"):
        core.tensors.combine("A @ B", a, c)
    with pytest.raises(TensorInputError, match="invalid for input of size 4"):
        core.tensors.combine("A.reshape(shape)", a, shape="3")


def test_broadcast_lines_shapes_up_from_the_right():
    rows, result = core.tensors.broadcast((2, 3), (3,))
    assert rows == [(-2, 2, None, 2), (-1, 3, 3, 3)] and result == (2, 3)
    rows, result = core.tensors.broadcast((4, 1), (1, 5))
    assert result == (4, 5)
    rows, result = core.tensors.broadcast((2, 2), (3,))
    assert result is None and rows[-1][3] is None


def test_one_step_by_hand_gives_the_tutorial_numbers():
    s = core.gradients.one_step(x=2, y=4, w=1, b=1, lr=0.1)
    assert s["y_hat"] == 3 and s["loss"] == 0.5
    assert s["grad_w"] == s["hand_grad_w"] == -2 and s["grad_b"] == s["hand_grad_b"] == -1
    assert s["new_w"] == pytest.approx(1.2) and s["new_b"] == pytest.approx(1.1)
    other = core.gradients.one_step(x=-1.5, y=0.3, w=0.7, b=-2, lr=0.05)
    assert other["grad_w"] == pytest.approx(other["hand_grad_w"])
    assert other["grad_b"] == pytest.approx(other["hand_grad_b"])


@pytest.mark.parametrize("constructor, args", [
    ("tensor", dict(values="[[1, 2], [3, 4]]")), ("tensor", dict(values="[1.5, 2]", dtype="float64")),
    ("randn", dict(shape="2, 3", seed=7)), ("zeros", dict(shape="4")), ("ones", dict(shape="(2, 2)")),
    ("arange", dict(start=1, end=4, step=0.5)), ("linspace", dict(start=-1, end=1, steps=5)),
])
def test_the_code_shown_makes_the_same_tensor(constructor, args, capsys):
    scope = {}
    exec(core.snippets.make(constructor, **args), scope)
    assert torch.equal(scope["A"], core.tensors.make(constructor, **args))


def test_the_code_shown_for_the_step_prints_the_same_numbers(capsys):
    exec(core.snippets.one_step(2, 4, 1, 1, 0.1), {})
    lines = capsys.readouterr().out.split("\n")
    assert lines[0].split() == ["0.5", "-2.0", "-1.0"]
    assert [round(float(v), 4) for v in lines[1].split()] == [1.2, 1.1]


@pytest.mark.parametrize("op", ["A + B", "A * B", "A @ B", "A.T (transpose)", "A.reshape(shape)", "A.sum(dim)"])
def test_the_code_shown_for_an_op_gives_the_same_result(op, capsys):
    a = core.tensors.make("tensor", values="[[1, 2], [3, 4]]")
    scope = {"A": a, "torch": torch}
    exec(core.snippets.combine(op, "[10, 20]", "4", 1), scope)
    b = core.tensors.make("tensor", values="[10, 20]")
    assert torch.equal(scope["C"], core.tensors.combine(op, a, b, shape="4", dim=1))
