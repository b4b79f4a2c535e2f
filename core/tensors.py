"""The Tensors page's workings: a safe parser for typed-in values, constructors with caps, and ops.

Nothing here evaluates user text: `parse_values` walks Python's syntax tree and accepts only
numbers, signs, lists and tuples.
"""
import ast
import math

import torch

from . import devices
from .problems import Problem

MAX_ELEMENTS = 10_000
MAX_DIMS = 6
MAX_TEXT = 100_000
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64,
          "int32": torch.int32, "bool": torch.bool}
CONSTRUCTORS = ("tensor", "randn", "zeros", "ones", "arange", "linspace")


class TensorInputError(Problem):
    """Text or settings a student typed that cannot make a tensor: a code and values (core.problems)."""


def _literal(node: ast.AST, depth: int = 0):
    """A nested list of numbers from a syntax-tree node, or TensorInputError."""
    if depth > MAX_DIMS:
        raise TensorInputError(f"Too deeply nested: at most {MAX_DIMS} levels of brackets.")
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_literal(item, depth + 1) for item in node.elts]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        value = _literal(node.operand, depth)
        if isinstance(value, list):
            raise TensorInputError("A sign (+ or -) can stand only before a number.")
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    text = ast.unparse(node) if hasattr(ast, "unparse") else type(node).__name__
    raise TensorInputError(f"Not a number: {text[:40]!r}. Use numbers, commas and [brackets] only.")


def _shape(value, where: str = "values") -> list[int]:
    """The shape of a nested list; ragged rows raise TensorInputError."""
    if not isinstance(value, list):
        return []
    shapes = [_shape(item, f"{where}[{i}]") for i, item in enumerate(value)]
    for i, shape in enumerate(shapes[1:], start=1):
        if shape != shapes[0]:
            raise TensorInputError(
                f"Ragged rows: {where}[{i}] has shape {tuple(shape)} but {where}[0] has shape "
                f"{tuple(shapes[0])}. Every row must have the same length.")
    return [len(value), *(shapes[0] if shapes else [])]


def parse_values(text: str) -> list | int | float:
    """'[[1, 2], [3, 4]]' -> [[1, 2], [3, 4]]; anything else than numbers and lists is refused."""
    text = (text or "").strip()
    if not text:
        raise TensorInputError("Type some values, for example [[1, 2], [3, 4]].")
    if len(text) > MAX_TEXT:
        raise TensorInputError(f"Too much text: at most {MAX_TEXT:,} characters.")
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, RecursionError, MemoryError, ValueError) as err:
        detail = getattr(err, "msg", None) or str(err)
        raise TensorInputError(f"Malformed values ({detail}). Check the brackets and commas, "
                               "as in [[1, 2], [3, 4]].") from None
    value = _literal(tree.body)
    numel = math.prod(_shape(value))
    if numel > MAX_ELEMENTS:
        raise TensorInputError(f"Too many elements: {numel:,}; at most {MAX_ELEMENTS:,}.")
    return value


def parse_shape(text: str) -> tuple[int, ...]:
    """'2, 3' or '(2, 3)' -> (2, 3), within the element and dimension caps."""
    value = parse_values(text if "[" in text or "(" in text else f"({text},)")
    dims = value if isinstance(value, list) else [value]
    if any(isinstance(d, list) or isinstance(d, float) or d < 0 for d in dims):
        raise TensorInputError("A shape is whole numbers >= 0 separated by commas, such as 2, 3.")
    if len(dims) > MAX_DIMS:
        raise TensorInputError(f"Too many dimensions: {len(dims)}; at most {MAX_DIMS}.")
    check_size(math.prod(dims))
    return tuple(dims)


def check_size(numel: int) -> None:
    if numel > MAX_ELEMENTS:
        raise TensorInputError(f"That shape has {numel:,} elements; at most {MAX_ELEMENTS:,}.")


def make(constructor: str, *, values: str = "", shape: str = "2, 3", start: float = 0.0,
         end: float = 5.0, step: float = 1.0, steps: int = 5, dtype: str = "auto",
         device: str = "cpu", seed: int = 0) -> torch.Tensor:
    """Build a tensor the tutorial's ways; bad input raises TensorInputError with the reason."""
    kind = None if dtype == "auto" else DTYPES[dtype]
    dev = devices.resolve(device)
    try:
        if constructor == "tensor":
            return torch.tensor(parse_values(values), dtype=kind, device=dev)
        if constructor in ("randn", "zeros", "ones"):
            size = parse_shape(shape)
            if constructor == "randn":
                gen = torch.Generator().manual_seed(seed)  # drawn on the CPU, so every device agrees
                return torch.randn(size, generator=gen, dtype=kind or torch.float32).to(dev)
            return getattr(torch, constructor)(size, dtype=kind, device=dev)
        if constructor == "arange":
            if step == 0:
                raise TensorInputError("arange needs a step that is not 0.")
            check_size(max(math.ceil((end - start) / step), 0))
            return torch.arange(start, end, step, dtype=kind, device=dev)
        if constructor == "linspace":
            if steps < 0:
                raise TensorInputError("linspace needs steps >= 0.")
            check_size(steps)
            return torch.linspace(start, end, steps, dtype=kind, device=dev)
    except RuntimeError as err:  # torch's own refusal, e.g. randn with an integer dtype
        raise TensorInputError(str(err)) from None
    raise TensorInputError(f"Unknown constructor {constructor!r}; one of {', '.join(CONSTRUCTORS)}.")


def describe(t: torch.Tensor) -> dict:
    """What the page shows of a tensor: PyTorch's own repr, and its attributes."""
    return {"repr": repr(t), "shape": tuple(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
            "device": str(t.device), "ndim": t.ndim, "numel": t.numel()}


BINARY = {"A + B": torch.add, "A - B": torch.sub, "A * B": torch.mul, "A / B": torch.div,
          "A @ B": torch.matmul}
UNARY = ("A.T (transpose)", "A.reshape(shape)", "A.view(shape)", "A.sum(dim)", "A.mean(dim)")


def combine(op: str, a: torch.Tensor, b: torch.Tensor | None = None, *, shape: str = "-1",
            dim: int | None = None) -> torch.Tensor:
    """Apply one of BINARY or UNARY; PyTorch's own message comes back as TensorInputError."""
    try:
        if op in BINARY:
            if b is not None and b.device != a.device:
                b = b.to(a.device)
            return BINARY[op](a, b)
        if op == "A.T (transpose)":
            return a.transpose(0, 1) if a.ndim >= 2 else a
        if op in ("A.reshape(shape)", "A.view(shape)"):
            size = parse_values(shape if "[" in shape or "(" in shape else f"({shape},)")
            size = size if isinstance(size, list) else [size]
            if any(not isinstance(d, int) for d in size):
                raise TensorInputError("A shape is whole numbers separated by commas; -1 means 'the rest'.")
            return a.reshape(size) if op == "A.reshape(shape)" else a.view(size)
        if op in ("A.sum(dim)", "A.mean(dim)"):
            fn = a.sum if op == "A.sum(dim)" else a.mean
            return fn() if dim is None else fn(dim=dim)
    except (RuntimeError, IndexError, TypeError) as err:
        raise TensorInputError(str(err)) from None
    raise TensorInputError(f"Unknown operation {op!r}.")


def broadcast(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[list[tuple], tuple | None]:
    """Line two shapes up from the right, as broadcasting does.

    -> rows of (dim from the right, size in A or None, size in B or None, result size or None),
       and the result shape, or None when they do not broadcast.
    """
    n = max(len(a_shape), len(b_shape))
    a = (None,) * (n - len(a_shape)) + tuple(a_shape)
    b = (None,) * (n - len(b_shape)) + tuple(b_shape)
    rows, ok = [], True
    for i, (da, db) in enumerate(zip(a, b)):
        sizes = [d for d in (da, db) if d is not None]
        if len(set(s for s in sizes if s != 1)) > 1:
            out, ok = None, False
        else:
            out = max(sizes) if 0 not in sizes else 0
        rows.append((i - n, da, db, out))
    return rows, (tuple(torch.broadcast_shapes(tuple(a_shape), tuple(b_shape))) if ok else None)
