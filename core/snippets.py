"""The PyTorch code that does what a student just did on the Tensors page, as text to show beside it.

Each snippet makes exactly the tensor the page shows: numbers are written as Python writes them back
(repr), so 0.0 stays a float and arange gives float32, as the page's does.

A snippet holds only what the parser accepted, written back as Python literals: never the text typed
(or carried by a link), which a student copies and runs. Input the parser refuses gives None: no code.
"""
import pprint

from . import code_lines, tensors

SHOWN_MOST = 300  # typed text longer than this is not written into the code: a placeholder stands there
OPS_CODE = {"A + B": "A + B", "A - B": "A - B", "A * B": "A * B", "A / B": "A / B", "A @ B": "A @ B",
            "A.T (transpose)": "A.transpose(0, 1)", "A.reshape(shape)": "A.reshape({shape})",
            "A.view(shape)": "A.view({shape})", "A.sum(dim)": "A.sum({dim})", "A.mean(dim)": "A.mean({dim})"}


def _number(value: float) -> str:
    """A float as Python reads it back exactly: 0.0, not 0 (which would make arange int64)."""
    return repr(float(value))


def _values(text: str, name: str, line: str) -> tuple[list[str], str] | None:
    """Typed values as code: (lines to put first, the expression); a placeholder when long; None when refused.

    line: the line the expression goes into, "{}" where it stands. Values too many for that line are
    set first, on lines of their own (name = [...]), and the line takes their name."""
    try:
        values = tensors.parse_values(text or "")
    except tensors.TensorInputError:
        return None
    if len(text) > SHOWN_MOST:
        return [f"{name} = ...  # the {len(text):,} characters typed in the box"], name
    literal = repr(values)  # nested lists of int and float: their repr is a Python literal
    if code_lines.columns(line.format(literal)) <= code_lines.WIDTH:
        return [], literal
    head = f"{name} = "
    wrapped = pprint.pformat(values, width=code_lines.WIDTH - len(head), compact=True)
    return [head + wrapped.replace("\n", "\n" + " " * len(head))], name


def _dims(dims) -> str:
    """Whole numbers as a call's arguments: (2, 3) -> '2, 3'; () for none (a 0-d tensor)."""
    return ", ".join(str(int(d)) for d in dims) or "()"


def _shape(text: str) -> str | None:
    """A typed shape as torch.zeros' arguments: '(2, 3)' -> '2, 3'; None when refused."""
    try:
        return _dims(tensors.parse_shape(text or ""))
    except tensors.TensorInputError:
        return None


def make(constructor: str, *, values: str = "", shape: str = "", start: float = 0, end: float = 5,
         step: float = 1, steps: int = 5, dtype: str = "auto", device: str = "cpu", seed: int = 0) -> str | None:
    """The code that makes the page's tensor A, or None when what was typed makes none."""
    if constructor not in tensors.CONSTRUCTORS or (dtype != "auto" and dtype not in tensors.DTYPES):
        return None
    kind = "" if dtype == "auto" else f", dtype=torch.{dtype}"
    extra = kind + ("" if device == "cpu" else f", device={str(device)!r}")
    lines = ["import torch", ""]
    if constructor == "tensor":
        if (typed := _values(values, "values", f"A = torch.tensor({{}}{extra})")) is None:
            return None
        first, expr = typed
        lines += [*first, f"A = torch.tensor({expr}{extra})"]
    elif constructor in ("randn", "zeros", "ones"):
        if (dims := _shape(shape)) is None:
            return None
        if constructor == "randn":
            # the page draws on the CPU and then moves the numbers, so every device shows the same ones
            moved = "" if device == "cpu" else f".to({str(device)!r})"
            lines += [f"torch.manual_seed({int(seed)})", f"A = torch.randn({dims}{kind}){moved}"]
        else:
            lines.append(f"A = torch.{constructor}({dims}{extra})")
    else:  # arange or linspace: three numbers and the options, on as many lines as they need
        numbers = [_number(start), _number(end), _number(step) if constructor == "arange" else str(int(steps))]
        lines.append(code_lines.packed(f"A = torch.{constructor}(", numbers + extra.split(", ")[1:], ")"))
    lines += ["print(A)", "print(A.shape, A.dtype, A.device, A.ndim, A.numel())"]
    return "\n".join(lines)


def combine(op: str, b_values: str, shape: str = "", dim: int | None = None, device: str = "cpu") -> str | None:
    """The code for C = op(A, B), or None when the op is unknown or what was typed for it is refused."""
    if op not in OPS_CODE:
        return None
    new_shape = ""
    if "shape" in op:
        try:
            new_shape = _dims(tensors.parse_new_shape(shape or ""))
        except tensors.TensorInputError:
            return None
    expr = OPS_CODE[op].format(shape=new_shape, dim="" if dim is None else f"dim={int(dim)}")
    lines = []
    if "B" in op:
        on = "" if device == "cpu" else f", device={str(device)!r}"
        if (typed := _values(b_values, "b_values", f"B = torch.tensor({{}}{on})")) is None:
            return None
        first, b_expr = typed
        lines += [*first, f"B = torch.tensor({b_expr}{on})"]
        if op != "A @ B":
            lines += ["# the shape that A and B broadcast to", "print(torch.broadcast_shapes(A.shape, B.shape))"]
    lines += [f"C = {expr}", "print(C)"]
    return "\n".join(lines)


def one_step(x: float, y: float, w: float, b: float, lr: float) -> str:
    """The one step by hand as code: every value a float written back by repr."""
    return f"""import torch

x, y = torch.tensor({float(x)!r}), torch.tensor({float(y)!r})
# requires_grad: autograd follows what W and b do
W = torch.tensor({float(w)!r}, requires_grad=True)
b = torch.tensor({float(b)!r}, requires_grad=True)

y_hat = W * x + b               # forward
loss = 0.5 * (y - y_hat) ** 2   # loss
loss.backward()                 # backward
print(loss.item(), W.grad.item(), b.grad.item())

# step: W := W - lr * grad
with torch.no_grad():
    W -= {float(lr)!r} * W.grad
    b -= {float(lr)!r} * b.grad
print(W.item(), b.item())"""
