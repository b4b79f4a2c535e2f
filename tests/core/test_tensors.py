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


@pytest.mark.parametrize("text, code", [
    ("[1, 2", "malformed"),
    ("__import__('os')", "not_a_number"),
    ("__import__('os').system('echo hi')", "not_a_number"),
    ("[1, 'a']", "not_a_number"),
    ("[True, False]", "not_a_number"),
    ("[1, 2 + 3]", "not_a_number"),
    ("[[1, 2], [3]]", "ragged"),
    ("[[1, 2], 3]", "ragged"),
    ("[" * 500 + "]" * 500, "malformed"),
    ("[[[[[[[[1]]]]]]]]", "too_nested"),
    (str([0] * (MAX_ELEMENTS + 1)), "too_many_elements"),
    ("", "empty"),
    ("-[1]", "sign_before_list"),
], ids=lambda v: v[:20] if isinstance(v, str) else None)
def test_bad_values_are_refused_with_a_code(text, code):
    with pytest.raises(TensorInputError) as err:
        core.tensors.make("tensor", values=text)
    assert err.value.code == f"tensors.{code}"


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
    with pytest.raises(TensorInputError, match="range_too_long"):
        core.tensors.make("arange", start=0, end=1e9, step=1)
    with pytest.raises(TensorInputError, match="step_zero"):
        core.tensors.make("arange", step=0)
    with pytest.raises(TensorInputError, match="step_direction"):
        core.tensors.make("arange", start=0, end=5, step=-1)
    with pytest.raises(TensorInputError):
        core.tensors.make("linspace", steps=MAX_ELEMENTS + 1)


def test_randn_is_seeded_and_torch_refusals_become_messages():
    assert torch.equal(core.tensors.make("randn", shape="3", seed=1), core.tensors.make("randn", shape="3", seed=1))
    with pytest.raises(TensorInputError, match="randn_needs_float"):
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
    with pytest.raises(TensorInputError, match="bad_new_shape"):
        core.tensors.combine("A.reshape(shape)", a, shape="99999999999999999999")


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


# Every refusal is a code and values (ui.i18n.say words it) ---------------------------------------

def test_long_text_is_refused_unread_and_not_echoed():
    pasted = "[" + "1, " * 40_000 + "1]"  # 120,003 characters
    with pytest.raises(TensorInputError) as err:
        core.tensors.parse_values(pasted)
    assert err.value.code == "tensors.too_long"
    assert err.value.values["chars"] == len(pasted)
    assert all(not isinstance(v, str) or len(v) < 100 for v in err.value.values.values())
    assert core.snippets.make("tensor", values=pasted) is None  # refused: no code, and never the text
    assert core.snippets.combine("A + B", pasted) is None


def test_long_values_that_fit_get_a_placeholder_in_code_that_still_reads_as_python():
    typed = str([[-0.5] * 100] * 100)
    code = core.snippets.make("tensor", values=typed, dtype="float64")
    assert len(code) < 1000 and "values = ...  # the 60,200 characters" in code
    assert "A = torch.tensor(values, dtype=torch.float64)" in code
    compile(code, "snippet", "exec")
    compile(core.snippets.combine("A * B", typed), "snippet", "exec")


def test_the_text_limit_holds_a_real_tensor_of_the_most_elements():
    assert core.tensors.MAX_TEXT < 100_000
    typed = str([[-0.5] * 100] * 100)  # 10,000 numbers as Python prints them
    assert core.tensors.make("tensor", values=typed).shape == (100, 100)


@pytest.mark.parametrize("values, dtype, code", [
    ("[1e400]", "auto", "not_finite"), ("[-1e400]", "float64", "not_finite"),
    ("[1e39]", "float32", "does_not_fit"), ("[1e39]", "auto", "does_not_fit"),
    ("[3e9]", "int32", "does_not_fit"), ("[3000000000]", "int32", "does_not_fit"),
    ("[1e20]", "int64", "does_not_fit"), ("[99999999999999999999]", "auto", "does_not_fit"),
    ("[10**400]", "float64", "not_a_number"), ("[" + "9" * 400 + "]", "float64", "does_not_fit"),
], ids=lambda v: v[:24])
def test_numbers_the_dtype_cannot_hold_are_refused(values, dtype, code):
    with pytest.raises(TensorInputError) as err:
        core.tensors.make("tensor", values=values, dtype=dtype)
    assert err.value.code == f"tensors.{code}"


@pytest.mark.parametrize("values, dtype", [
    ("[1e39]", "float64"), ("[3e9]", "int64"), ("[2147483647, -2147483648]", "int32"),
    ("[3.4e38]", "float32"), ("[9223372036854775807]", "auto"), ("[1e20, 0]", "bool"),
])
def test_numbers_the_dtype_holds_are_kept(values, dtype):
    t = core.tensors.make("tensor", values=values, dtype=dtype)
    assert t.dtype == core.tensors.DTYPES["int64" if dtype == "auto" else dtype]
    assert torch.isfinite(t.double()).all()


@pytest.mark.parametrize("args, code", [
    (dict(constructor="zeros", shape="0, 99999999999999999999"), "size_too_big"),
    (dict(constructor="ones", shape="0, 20000"), "size_too_big"),
    (dict(constructor="arange", start=0, end=5, step=1e-320), "range_too_long"),
    (dict(constructor="arange", start=0, end=1e300, step=1e-10), "range_too_long"),
    (dict(constructor="arange", start=-1e308, end=1e308, step=1), "range_too_long"),
    (dict(constructor="arange", start=0, end=float("inf"), step=1), "not_finite"),
    (dict(constructor="linspace", start=0, end=1e39, steps=3), "does_not_fit"),
    (dict(constructor="arange", start=0, end=5, step=1, dtype="int32"), None),
])
def test_extreme_shapes_and_ranges_give_a_code_not_a_crash(args, code):
    if code is None:
        assert core.tensors.make(**args).tolist() == [0, 1, 2, 3, 4]
        return
    with pytest.raises(TensorInputError) as err:
        core.tensors.make(**args)
    assert err.value.code == f"tensors.{code}"


def test_a_broadcast_clash_names_the_dimension_and_the_sizes():
    a = core.tensors.make("tensor", values="[[1, 2, 3], [4, 5, 6]]")  # (2, 3)
    b = core.tensors.make("tensor", values="[1, 2]")                  # (2,)
    with pytest.raises(TensorInputError) as err:
        core.tensors.combine("A * B", a, b)
    assert err.value.code == "tensors.broadcast_clash"
    assert err.value.values | {"message": None} == {"dim": 1, "right": -1, "a": 3, "b": 2, "a_shape": "[2, 3]",
                                                     "b_shape": "[2]", "message": None}
    assert "must match the size of tensor b (2) at non-singleton dimension 1" in err.value.values["message"]


def test_the_mean_of_whole_numbers_asks_for_a_float_dtype():
    a = core.tensors.make("tensor", values="[[1, 2], [3, 4]]")
    with pytest.raises(TensorInputError) as err:
        core.tensors.combine("A.mean(dim)", a, dim=0)
    assert err.value.code == "tensors.mean_needs_float" and err.value.values["dtype"] == "int64"
    assert core.tensors.combine("A.mean(dim)", core.tensors.make("tensor", values="[[1, 2], [3, 4]]",
                                                                dtype="float32"), dim=0).tolist() == [2, 3]


@pytest.mark.parametrize("op, a_shape, b_values", [
    ("A + B", "10, 10, 10, 10, 1, 1", str([[0] * 100] * 100)),  # broadcasts to 1e8 numbers
    ("A @ B", "10000, 1", str([[0] * 10000])),                 # (10000, 1) @ (1, 10000)
], ids=["broadcast", "matmul"])
def test_a_result_over_the_cap_is_refused_before_it_is_computed(op, a_shape, b_values, monkeypatch):
    a = core.tensors.make("randn", shape=a_shape, dtype="float64")
    b = core.tensors.make("tensor", values=b_values)
    real = core.tensors.BINARY[op]
    monkeypatch.setitem(core.tensors.BINARY, op, lambda x, y: real(x, y) if x.device.type == "meta"
                        else pytest.fail("computed"))
    with pytest.raises(TensorInputError) as err:
        core.tensors.combine(op, a, b)
    assert err.value.code == "tensors.result_too_big" and err.value.values["n"] == 100_000_000


def test_results_under_the_cap_are_computed():
    a = core.tensors.make("ones", shape="100, 1")
    b = core.tensors.make("ones", shape="1, 100")
    assert core.tensors.combine("A @ B", a, b).shape == (100, 100)
    assert core.tensors.combine("A + B", a, b).shape == (100, 100)
    with pytest.raises(TensorInputError, match="matmul_clash"):
        core.tensors.combine("A @ B", a, a)


@pytest.mark.parametrize(
    "args",
    [
        dict(constructor="arange"),
        dict(constructor="arange", start=0.0, end=5.0, step=1.0),
        dict(constructor="arange", start=-1.0, end=1.0, step=0.1),
        dict(constructor="arange", start=0.0, end=10.0, step=3.0, dtype="int32"),
        dict(constructor="arange", start=0.5, end=2.0, step=0.25, dtype="float64"),
        dict(constructor="linspace"),
        dict(constructor="linspace", start=0.0, end=1.0, steps=7),
        dict(constructor="linspace", start=-3.0, end=3.0, steps=4, dtype="int64"),
        dict(constructor="linspace", start=0.1, end=0.3, steps=3, dtype="float64"),
        dict(constructor="tensor", values="[[1, 2], [3, 4]]", dtype="float32"),
        dict(constructor="tensor", values="(1.5, -2, 3e2)"),
        dict(constructor="tensor", values="7"),
        dict(constructor="tensor", values="[1, # a comment\n 2]"),
        dict(constructor="tensor", values="[0, 2]", dtype="bool"),
        dict(constructor="randn", shape="(2, 3)", seed=3, dtype="float64"),
        dict(constructor="randn", shape="4", seed=0),
        dict(constructor="zeros", shape="[2, 1]", dtype="int32"),
        dict(constructor="ones", shape="3,", dtype="bool"),
        dict(constructor="zeros", shape="()"),
    ],
    ids=lambda a: "-".join(f"{v}" for v in a.values()),
)
def test_every_snippet_makes_exactly_the_tensor_the_page_shows(args):
    scope = {}
    exec(core.snippets.make(**args), scope)
    shown = core.tensors.make(**args)
    assert scope["A"].dtype == shown.dtype
    assert scope["A"].shape == shown.shape
    assert torch.equal(scope["A"], shown)


def test_the_step_snippet_writes_the_learning_rate_exactly():
    assert "W -= 0.0001234567 * W.grad" in core.snippets.one_step(2, 4, 1, 1, 0.0001234567)
