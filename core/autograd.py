"""What backward() walks: the graph autograd built for a loss, as plain data a page can draw.

    with core.autograd.recording() as outputs:   # optional: each operation's forward value and shape
        loss = loss_fn(model(x), y)
    g = core.autograd.graph(loss, dict(model.named_parameters()), outputs)
    loss.backward()                               # fills each node's .grad, through hooks on the nodes
    g.nodes, g.edges                              # edges (from, to) run from the loss towards the leaves

A node is one of autograd's backward functions (`loss.grad_fn` and, through `next_functions`, every one
before it): "MulBackward0" for a `*`, "AccumulateGrad" for a parameter (a leaf). Its .grad is what
flowed into it during backward(): the gradient of the loss with respect to that operation's output (for
a leaf, the parameter's own gradient), caught by a pre-hook on the node, not worked out again.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field

import torch
from torch.overrides import TorchFunctionMode

SMALL = 16  # a node keeps its forward value and its gradient as numbers up to this many elements


@dataclass
class Node:
    id: int
    op: str                          # the backward function's class: "MulBackward0", "AccumulateGrad"
    leaf: bool                       # a tensor that requires grad and was made by no operation: a parameter
    name: str | None = None          # a leaf's name, from graph()'s params
    shape: tuple[int, ...] | None = None
    value: torch.Tensor | None = None  # the forward output (the parameter, for a leaf), when small
    grad: torch.Tensor | None = None   # after backward(): d loss / d this node's output (its full size)

    @property
    def label(self) -> str:
        """What a picture calls it: the parameter's name, or the operation without "Backward0"."""
        if self.leaf:
            return self.name or "leaf"
        return self.op.removesuffix("0").removesuffix("Backward")


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int]] = field(default_factory=list)  # (from, to): from the loss's side to a leaf's

    def node(self, name_or_id) -> Node:
        """A node by its id, or a leaf by its name."""
        return next(n for n in self.nodes if n.id == name_or_id or (n.leaf and n.name == name_or_id))

    @property
    def leaves(self) -> list[Node]:
        return [n for n in self.nodes if n.leaf]


class _Recorder(TorchFunctionMode):
    """Notes every operation's output tensor by the backward function it made (grad_fn -> tensor)."""

    def __init__(self):
        super().__init__()
        self.outputs: dict = {}

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in (out if isinstance(out, (tuple, list)) else (out,)):
            if isinstance(t, torch.Tensor) and t.grad_fn is not None:
                self.outputs.setdefault(t.grad_fn, t)
        return out


@contextmanager
def recording():
    """Within it, each operation's output is kept (a dict grad_fn -> tensor) for graph() to read values
    and shapes from: autograd's nodes keep their inputs where they need them, never their outputs."""
    recorder = _Recorder()
    with recorder:
        yield recorder.outputs


def _shape(fn, output: torch.Tensor | None) -> tuple[int, ...] | None:
    if output is not None:
        return tuple(output.shape)
    meta = getattr(fn, "_input_metadata", None)  # the shapes the node's gradients will have (torch >= 2.1)
    return tuple(meta[0].shape) if meta else None


def _small(t: torch.Tensor | None) -> torch.Tensor | None:
    return t.detach().clone().cpu() if t is not None and t.numel() <= SMALL else None


def graph(loss: torch.Tensor, params: dict[str, torch.Tensor] | None = None,
          outputs: dict | None = None) -> Graph:
    """The graph behind `loss`, from its grad_fn to the leaves (node 0 is the loss's); call it before
    loss.backward(), which then fills every node's .grad. params: names for the leaves
    (dict(model.named_parameters())); outputs: what recording() kept, for every node's value and shape."""
    return walk(loss, params, outputs)[0]


def walk(loss: torch.Tensor, params: dict[str, torch.Tensor] | None = None,
         outputs: dict | None = None) -> tuple[Graph, dict]:
    """graph(), and which node each backward function became ({grad_fn: id}): for a test to hold each
    node's output beside it. The Graph itself keeps no backward function, so it keeps no saved tensor."""
    if loss.grad_fn is None:
        raise ValueError("the loss has no grad_fn: nothing that requires grad went into it")
    names = {id(t): name for name, t in (params or {}).items()}
    outputs = outputs or {}
    g, ids = Graph(), {}

    def visit(fn) -> int:
        if fn in ids:
            return ids[fn]
        variable = getattr(fn, "variable", None)  # AccumulateGrad: the leaf it adds into
        leaf = variable is not None
        out = variable if leaf else outputs.get(fn)
        node = Node(id=len(g.nodes), op=type(fn).__name__, leaf=leaf,
                    name=names.get(id(variable)) if leaf else None,
                    shape=_shape(fn, out), value=_small(out))
        ids[fn] = node.id
        g.nodes.append(node)

        def caught(grad_outputs, node=node):  # what flows into the node: d loss / d its output
            grad = next((gr for gr in grad_outputs if gr is not None), None)
            if grad is not None:
                node.grad = grad.detach().clone().cpu()
                if node.shape is None:
                    node.shape = tuple(grad.shape)
            return None
        fn.register_prehook(caught)
        for child, _ in fn.next_functions:
            if child is not None:
                g.edges.append((node.id, visit(child)))
        return node.id

    visit(loss.grad_fn)
    return g, ids
