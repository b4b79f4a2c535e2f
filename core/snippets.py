"""The PyTorch code that does what a student just did on the Tensors page, as text to show beside it."""


def make(constructor: str, *, values: str = "", shape: str = "", start: float = 0, end: float = 5,
         step: float = 1, steps: int = 5, dtype: str = "auto", device: str = "cpu", seed: int = 0) -> str:
    extra = ("" if dtype == "auto" else f", dtype=torch.{dtype}") + \
            ("" if device == "cpu" else f", device={device!r}")
    dims = shape.strip().strip("()[]")
    lines = ["import torch", ""]
    if constructor == "tensor":
        lines.append(f"A = torch.tensor({' '.join(values.split())}{extra})")
    elif constructor == "randn":
        lines += [f"torch.manual_seed({seed})", f"A = torch.randn({dims}{extra})"]
    elif constructor in ("zeros", "ones"):
        lines.append(f"A = torch.{constructor}({dims}{extra})")
    elif constructor == "arange":
        lines.append(f"A = torch.arange({start:g}, {end:g}, {step:g}{extra})")
    elif constructor == "linspace":
        lines.append(f"A = torch.linspace({start:g}, {end:g}, {steps}{extra})")
    lines += ["print(A)", "print(A.shape, A.dtype, A.device, A.ndim, A.numel())"]
    return "\n".join(lines)


def combine(op: str, b_values: str, shape: str = "", dim: int | None = None) -> str:
    dim_arg = "" if dim is None else f"dim={dim}"
    expr = {"A.T (transpose)": "A.transpose(0, 1)",
            "A.reshape(shape)": f"A.reshape({shape})", "A.view(shape)": f"A.view({shape})",
            "A.sum(dim)": f"A.sum({dim_arg})", "A.mean(dim)": f"A.mean({dim_arg})"}.get(op, op)
    lines = []
    if "B" in op:
        lines.append(f"B = torch.tensor({' '.join(b_values.split())})")
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
    W -= {lr:g} * W.grad
    b -= {lr:g} * b.grad
print(W.item(), b.item())"""
