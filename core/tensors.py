"""The Tensors page's workings: a safe parser for typed-in values, constructors with caps, and ops.

Nothing here evaluates user text: `parse_values` walks Python's syntax tree and accepts only
numbers, signs, lists and tuples.
"""
import ast
import math

import torch

from . import devices
from .problems import Problem

MAX_ELEMENTS = 10_000  # what a student types or asks a constructor for
MAX_RESULT = 100_000   # what an operation may make from two tensors (broadcast, A @ B)
MAX_DIMS = 6
# A 100 x 100 tensor of numbers of up to 4 characters ("-0.5", "1234"), as Python prints a list, is about
# 60,200 characters; 120,000 characters pasted once froze the page for 71 s. Longer text is refused unread.
MAX_TEXT = 64_000
RANGE_LIMIT = 1e6      # start, end, step, x, y, W, b: a teaching range float32 holds with room to spare
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64,
          "int32": torch.int32, "bool": torch.bool}
CONSTRUCTORS = ("tensor", "randn", "zeros", "ones", "arange", "linspace")


class TensorInputError(Problem):
    """Text or settings a student typed that cannot make a tensor: a code and values (core.problems)."""


def _literal(node: ast.AST, depth: int = 0):
    """A nested list of numbers from a syntax-tree node, or TensorInputError."""
    if depth > MAX_DIMS:
        raise TensorInputError("tensors.too_nested", most=MAX_DIMS)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_literal(item, depth + 1) for item in node.elts]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        value = _literal(node.operand, depth)
        if isinstance(value, list):
            raise TensorInputError("tensors.sign_before_list")
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        if isinstance(node.value, float) and not math.isfinite(node.value):  # 1e400 reads as inf
            raise TensorInputError("tensors.not_finite", value=repr(node.value))
        return node.value
    text = ast.unparse(node) if hasattr(ast, "unparse") else type(node).__name__
    raise TensorInputError("tensors.not_a_number", text=text[:40])
def _shape(value, where: str = "values") -> list[int]:
    """The shape of a nested list; ragged rows raise TensorInputError."""
    if not isinstance(value, list):
        return []
    shapes = [_shape(item, f"{where}[{i}]") for i, item in enumerate(value)]
    for i, shape in enumerate(shapes[1:], start=1):
        if shape != shapes[0]:
            raise TensorInputError("tensors.ragged", where=f"{where}[{i}]", shape=str(tuple(shape)),
                                   first=f"{where}[0]", first_shape=str(tuple(shapes[0])))
    return [len(value), *(shapes[0] if shapes else [])]


def parse_values(text: str) -> list | int | float:
    """'[[1, 2], [3, 4]]' -> [[1, 2], [3, 4]]; anything else than numbers and lists is refused."""
    text = (text or "").strip()
    if not text:
        raise TensorInputError("tensors.empty")
    if len(text) > MAX_TEXT:  # refused before parsing, and never echoed
        raise TensorInputError("tensors.too_long", chars=len(text), most=MAX_TEXT, elements=MAX_ELEMENTS)
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, RecursionError, MemoryError, ValueError) as err:
        detail = getattr(err, "msg", None) or type(err).__name__
        raise TensorInputError("tensors.malformed", detail=str(detail)[:80]) from None
    value = _literal(tree.body)
    numel = math.prod(_shape(value))
    if numel > MAX_ELEMENTS:
        raise TensorInputError("tensors.too_many_elements", n=numel, most=MAX_ELEMENTS)
    return value


def parse_shape(text: str) -> tuple[int, ...]:
    """'2, 3' or '(2, 3)' -> (2, 3), within the element and dimension caps."""
    text = text.strip().rstrip(",")  # "3," as Python allows it
    value = parse_values(text if "[" in text or "(" in text else f"({text},)")
    dims = value if isinstance(value, list) else [value]
    if any(isinstance(d, (list, float)) or d < 0 for d in dims):
        raise TensorInputError("tensors.bad_shape")
    if len(dims) > MAX_DIMS:
        raise TensorInputError("tensors.too_many_dims", n=len(dims), most=MAX_DIMS)
    if any(d > MAX_ELEMENTS for d in dims):  # (0, 10**20) has 0 elements, but torch cannot hold 10**20
        raise TensorInputError("tensors.size_too_big", size=max(dims), most=MAX_ELEMENTS)
    check_size(math.prod(dims))
    return tuple(dims)


def check_size(numel: int) -> None:
    if numel > MAX_ELEMENTS:
        raise TensorInputError("tensors.too_many_elements", n=numel, most=MAX_ELEMENTS)


def dtype_of(values, dtype: str = "auto") -> str:
    """The dtype torch.tensor(values) gets: auto is int64 for whole numbers only, float32 otherwise."""
    if dtype != "auto":
        return dtype
    numbers = list(_flat(values))
    return "int64" if numbers and all(isinstance(v, int) for v in numbers) else "float32"


def _flat(values):
    if isinstance(values, list):
        for item in values:
            yield from _flat(item)
    else:
        yield values


def limits(dtype: str) -> tuple[float, float] | None:
    """The smallest and largest number `dtype` holds; None for bool (every number is True or False)."""
    kind = DTYPES[dtype]
    if kind == torch.bool:
        return None
    info = torch.finfo(kind) if kind.is_floating_point else torch.iinfo(kind)
    return info.min, info.max


def check_fits(numbers, dtype: str) -> None:
    """Every number fits in `dtype`: 1e39 in float32 would become inf, 3e9 in int32 would not convert."""
    span = limits(dtype) or limits("int64")  # bool: torch reads whole numbers through int64
    for v in numbers:
        if isinstance(v, float) and not math.isfinite(v):
            raise TensorInputError("tensors.not_finite", value=repr(v))
        if (dtype != "bool" or isinstance(v, int)) and not span[0] <= v <= span[1]:
            raise TensorInputError("tensors.does_not_fit", value=_short(v), dtype=dtype,
                                   lo=f"{span[0]:.6g}", hi=f"{span[1]:.6g}")


def _short(v: int | float) -> str:
    """A number in at most a dozen characters: 1e+20; a whole number too long for a float by its digits."""
    try:
        return f"{float(v):.6g}"
    except OverflowError:
        return f"{str(v)[:6]}... ({len(str(abs(v)))} digits)"


def values_tensor(text: str, dtype: str = "auto", device: torch.device | str = "cpu") -> torch.Tensor:
    """torch.tensor of typed values, after checking that each number fits the dtype it will get."""
    values = parse_values(text)
    check_fits(_flat(values), dtype_of(values, dtype))
    return torch.tensor(values, dtype=None if dtype == "auto" else DTYPES[dtype], device=device)


def arange_length(start: float, end: float, step: float) -> int:
    """How many numbers torch.arange(start, end, step) makes, refused when it is 0-step, backwards or huge."""
    for v in (start, end, step):
        if not math.isfinite(v):
            raise TensorInputError("tensors.not_finite", value=repr(v))
    if step == 0:
        raise TensorInputError("tensors.step_zero")
    if (end - start) * step < 0:
        raise TensorInputError("tensors.step_direction", start=f"{start:g}", end=f"{end:g}", step=f"{step:g}")
    count = (end - start) / step  # inf for -1e308..1e308 or a step of 1e-320: no math.ceil overflow
    if not math.isfinite(count) or count > MAX_ELEMENTS:
        raise TensorInputError("tensors.range_too_long", n=f"{count:.3g}", most=MAX_ELEMENTS)
    return math.ceil(count)


def make(constructor: str, *, values: str = "", shape: str = "2, 3", start: float = 0.0,
         end: float = 5.0, step: float = 1.0, steps: int = 5, dtype: str = "auto",
         device: str = "cpu", seed: int = 0) -> torch.Tensor:
    """Build a tensor the tutorial's ways; bad input raises TensorInputError with the reason."""
    kind = None if dtype == "auto" else DTYPES[dtype]
    dev = devices.resolve(device)
    if constructor == "tensor":
        return values_tensor(values, dtype, dev)
    if constructor in ("randn", "zeros", "ones"):
        size = parse_shape(shape)
        if constructor == "randn":
            if kind is not None and not kind.is_floating_point:
                raise TensorInputError("tensors.randn_needs_float", dtype=dtype)
            gen = torch.Generator().manual_seed(seed)  # drawn on the CPU, so every device agrees
            return torch.randn(size, generator=gen, dtype=kind or torch.float32).to(dev)
        return getattr(torch, constructor)(size, dtype=kind, device=dev)
    if constructor == "arange":
        arange_length(start, end, step)
        check_fits((start, end), "float32" if dtype == "auto" else dtype)
        return torch.arange(float(start), float(end), float(step), dtype=kind, device=dev)
    if constructor == "linspace":
        if steps < 0:
            raise TensorInputError("tensors.steps_negative")
        check_size(steps)
        check_fits((start, end), "float32" if dtype == "auto" else dtype)
        return torch.linspace(float(start), float(end), int(steps), dtype=kind, device=dev)
    raise TensorInputError("tensors.unknown_constructor", name=str(constructor)[:40])


def describe(t: torch.Tensor) -> dict:
    """What the page shows of a tensor: PyTorch's own repr, and its attributes."""
    return {"repr": repr(t), "shape": tuple(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
            "device": str(t.device), "ndim": t.ndim, "numel": t.numel()}


BINARY = {"A + B": torch.add, "A - B": torch.sub, "A * B": torch.mul, "A / B": torch.div,
          "A @ B": torch.matmul}
UNARY = ("A.T (transpose)", "A.reshape(shape)", "A.view(shape)", "A.sum(dim)", "A.mean(dim)")
# Short names for links (an address cannot carry "A + B": its "+" reads back as a space).
OPS = {"add": "A + B", "sub": "A - B", "mul": "A * B", "div": "A / B", "matmul": "A @ B",
       "transpose": "A.T (transpose)", "reshape": "A.reshape(shape)", "view": "A.view(shape)",
       "sum": "A.sum(dim)", "mean": "A.mean(dim)"}


def parse_new_shape(text: str) -> list[int]:
    """'2, -1' -> [2, -1] for reshape/view: whole numbers, each within the element cap."""
    size = parse_values(text if "[" in text or "(" in text else f"({text},)")
    size = size if isinstance(size, list) else [size]
    if any(not isinstance(d, int) or abs(d) > MAX_ELEMENTS for d in size) or len(size) > MAX_DIMS:
        raise TensorInputError("tensors.bad_new_shape", most=MAX_DIMS)
    return size


def _on_meta(fn, a: torch.Tensor, b: torch.Tensor):
    """fn on shape-only stand-ins for a and b: the result's shape, with no memory and no arithmetic."""
    return fn(torch.empty(a.shape, dtype=a.dtype, device="meta"), torch.empty(b.shape, dtype=b.dtype, device="meta"))


def _binary(op: str, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """A op B, its size checked before anything is computed; a clash said in plain words."""
    if b.device != a.device:
        b = b.to(a.device)
    fn = BINARY[op]
    if op != "A @ B":
        rows, shape = broadcast(tuple(a.shape), tuple(b.shape))
        if shape is None:
            # PyTorch numbers the clashing dimension from the left; the page's table, from the right
            dim, right, sa, sb = next((i, r, sa, sb) for i, (r, sa, sb, out) in enumerate(rows) if out is None)
            try:
                fn(a, b)  # fails at once, before allocating: we want PyTorch's own words beside ours
            except RuntimeError as err:
                raise TensorInputError("tensors.broadcast_clash", dim=dim, right=right, a=sa, b=sb,
                                       a_shape=str(list(a.shape)),
                                       b_shape=str(list(b.shape)), message=str(err)) from None
    else:
        try:
            shape = tuple(_on_meta(fn, a, b).shape)
        except RuntimeError as meta_err:
            try:
                fn(a, b)  # a shape mismatch fails before any arithmetic
            except RuntimeError as err:
                raise TensorInputError("tensors.matmul_clash", a_shape=str(list(a.shape)),
                                       b_shape=str(list(b.shape)), message=str(err)) from None
            raise TensorInputError("tensors.torch", message=str(meta_err)) from None
    numel = math.prod(shape)
    if numel > MAX_RESULT:  # (10000, 1) @ (1, 10000) would be 1e8 numbers
        raise TensorInputError("tensors.result_too_big", shape=str(list(shape)), n=numel, most=MAX_RESULT)
    try:
        return fn(a, b)
    except RuntimeError as err:  # e.g. int64 @ float32
        raise TensorInputError("tensors.torch", message=str(err)) from None


def combine(op: str, a: torch.Tensor, b: torch.Tensor | None = None, *, shape: str = "-1",
            dim: int | None = None) -> torch.Tensor:
    """Apply one of BINARY or UNARY; PyTorch's own message comes back as TensorInputError."""
    if op in BINARY:
        return _binary(op, a, b)
    try:
        if op == "A.T (transpose)":
            return a.transpose(0, 1) if a.ndim >= 2 else a
        if op in ("A.reshape(shape)", "A.view(shape)"):
            size = parse_new_shape(shape)
            return a.reshape(size) if op == "A.reshape(shape)" else a.view(size)
        if op in ("A.sum(dim)", "A.mean(dim)"):
            if op == "A.mean(dim)" and not (a.is_floating_point() or a.is_complex()):
                try:
                    a.mean()
                except RuntimeError as err:
                    raise TensorInputError("tensors.mean_needs_float", dtype=str(a.dtype).replace("torch.", ""),
                                           message=str(err)) from None
            fn = a.sum if op == "A.sum(dim)" else a.mean
            return fn() if dim is None else fn(dim=dim)
    except (RuntimeError, IndexError, TypeError) as err:
        raise TensorInputError("tensors.torch", message=str(err)) from None
    raise TensorInputError("tensors.unknown_op", op=str(op)[:40])


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
