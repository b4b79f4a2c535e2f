"""The PyTorch code that does what a student just did on the Tensors page, as text to show beside it.

Each snippet makes exactly the tensor the page shows: numbers are written as Python writes them back
(repr), so 0.0 stays a float and arange gives float32, as the page's does.
"""
from . import tensors

SHOWN_MOST = 300  # typed text longer than this is not echoed into the code: a placeholder stands there


def _number(value: float) -> str:
    """A float as Python reads it back exactly: 0.0, not 0 (which would make arange int64)."""
    return repr(float(value))


def _values(text: str, name: str) -> tuple[list[str], str]:
    """Typed values as code: (lines to put first, the expression), a short placeholder when long or bad."""
    text = text or ""
    if len(text) > SHOWN_MOST:
        return [f"{name} = ...  # the {len(text):,} characters typed in the box"], name
    try:
        return [], repr(tensors.parse_values(text))
    except tensors.TensorInputError:
        return [], " ".join(text.split()) or "..."


def _shape(text: str) -> str:
    """A typed shape as torch.zeros' arguments: '(2, 3)' -> '2, 3'; () for a 0-d tensor."""
    try:
        dims = tensors.parse_shape(text)
    except tensors.TensorInputError:
        return "..." if len(text) > SHOWN_MOST else text.strip().strip("()[]")
    return ", ".join(map(str, dims)) if dims else "()"


def make(constructor: str, *, values: str = "", shape: str = "", start: float = 0, end: float = 5,
         step: float = 1, steps: int = 5, dtype: str = "auto", device: str = "cpu", seed: int = 0) -> str:
    kind = "" if dtype == "auto" else f", dtype=torch.{dtype}"
    extra = kind + ("" if device == "cpu" else f", device={device!r}")
    lines = ["import torch", ""]
    if constructor == "tensor":
        first, expr = _values(values, "values")
        lines += [*first, f"A = torch.tensor({expr}{extra})"]
    elif constructor == "randn":
        # the page draws on the CPU and then moves the numbers, so every device shows the same ones
        moved = "" if device == "cpu" else f".to({device!r})"
        lines += [f"torch.manual_seed({seed})", f"A = torch.randn({_shape(shape)}{kind}){moved}"]
    elif constructor in ("zeros", "ones"):
        lines.append(f"A = torch.{constructor}({_shape(shape)}{extra})")
    elif constructor == "arange":
        lines.append(f"A = torch.arange({_number(start)}, {_number(end)}, {_number(step)}{extra})")
    elif constructor == "linspace":
        lines.append(f"A = torch.linspace({_number(start)}, {_number(end)}, {int(steps)}{extra})")
    lines += ["print(A)", "print(A.shape, A.dtype, A.device, A.ndim, A.numel())"]
    return "\n".join(lines)


def combine(op: str, b_values: str, shape: str = "", dim: int | None = None, device: str = "cpu") -> str:
    dim_arg = "" if dim is None else f"dim={dim}"
    new_shape = shape if len(shape) <= SHOWN_MOST else "..."
    expr = {"A.T (transpose)": "A.transpose(0, 1)",
            "A.reshape(shape)": f"A.reshape({new_shape})", "A.view(shape)": f"A.view({new_shape})",
            "A.sum(dim)": f"A.sum({dim_arg})", "A.mean(dim)": f"A.mean({dim_arg})"}.get(op, op)
    lines = []
    if "B" in op:
        on = "" if device == "cpu" else f", device={device!r}"
        first, b_expr = _values(b_values, "b_values")
        lines += [*first, f"B = torch.tensor({b_expr}{on})"]
        if op != "A @ B":
            lines += ["# the shape that A and B broadcast to", "print(torch.broadcast_shapes(A.shape, B.shape))"]
    lines += [f"C = {expr}", "print(C)"]
    return "\n".join(lines)


def one_step(x: float, y: float, w: float, b: float, lr: float) -> str:
    return f"""import torch

x, y = torch.tensor({float(x)!r}), torch.tensor({float(y)!r})
# requires_grad: autograd records what is done with W and b
W = torch.tensor({float(w)!r}, requires_grad=True)
b = torch.tensor({float(b)!r}, requires_grad=True)

y_hat = W * x + b               # forward
loss = 0.5 * (y - y_hat) ** 2   # loss
loss.backward()                 # backward
print(loss.item(), W.grad.item(), b.grad.item())

# step: W := W - lr * grad
with torch.no_grad():
    W -= {lr!r} * W.grad
    b -= {lr!r} * b.grad
print(W.item(), b.item())"""
