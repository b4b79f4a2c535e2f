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
from dataclasses import dataclass, field, replace

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
    layer: str | None = None           # the model's layer (module name) it belongs to, when layers() named them
    param_grads: dict[str, float] = field(default_factory=dict)  # by_layer(): each parameter's gradient norm

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
    layer_kinds: dict[str, str] = field(default_factory=dict)   # a layer's module class by its name

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
def layers(model: torch.nn.Module):
    """Within it, which layer made each output: {grad_fn: (module name, module class)} of every module
    without children, for graph() to collapse the operations of a layer into one (by_layer)."""
    made: dict = {}
    def note(name: str, module: torch.nn.Module):
        def hook(_module, _inputs, output):
            if isinstance(output, torch.Tensor) and output.grad_fn is not None:
                made.setdefault(output.grad_fn, (name, type(module).__name__))
        return hook
    # a model of no layers (the cubic, one nn.Linear) is not one: its operations are shown one by one
    handles = [m.register_forward_hook(note(name, m)) for name, m in model.named_modules()
               if not list(m.children()) and m is not model]
    try:
        yield made
    finally:
        for h in handles:
            h.remove()


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
          outputs: dict | None = None, made_by: dict | None = None) -> Graph:
    """The graph behind `loss`, from its grad_fn to the leaves (node 0 is the loss's); call it before
    loss.backward(), which then fills every node's .grad. params: names for the leaves
    (dict(model.named_parameters())); outputs: what recording() kept, for every node's value and shape;
    made_by: what layers() kept, for each node's layer."""
    return walk(loss, params, outputs, made_by)[0]


def walk(loss: torch.Tensor, params: dict[str, torch.Tensor] | None = None,
         outputs: dict | None = None, made_by: dict | None = None) -> tuple[Graph, dict]:
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
    if made_by:
        _name_layers(g, {ids[fn]: name for fn, (name, _) in made_by.items() if fn in ids})
        g.layer_kinds = dict(made_by.values())
    return g, ids


def _name_layers(g: Graph, own: dict[int, str]) -> None:
    """Each node's layer: its own (a layer's output), a parameter's (its name less ".weight"), else the
    layer of the node it feeds (the weight's transpose inside nn.Linear belongs to its Linear)."""
    for n in g.nodes:
        n.layer = own.get(n.id, n.name.rsplit(".", 1)[0] if n.leaf and n.name and "." in n.name else None)
    for a, b in g.edges:  # edges run from the loss outwards: a node's parent is named before it
        child = g.node(b)
        if child.layer is None and not child.leaf:
            child.layer = g.node(a).layer


def by_layer(g: Graph) -> Graph:
    """The graph with each layer's operations and parameters as one node (op: the layer's class, "Linear";
    name: its module name; shape and grad: its output's; param_grads: its parameters' gradient norms),
    and the nodes of no layer (the loss's operations) as they are. Call it after backward()."""
    kinds = g.layer_kinds
    key = {n.id: (("layer", n.layer) if n.layer is not None else ("node", n.id)) for n in g.nodes}
    out, index = Graph(), {}
    for n in g.nodes:  # in graph order: the loss first, then towards the inputs
        k = key[n.id]
        if k not in index:
            index[k] = len(out.nodes)
            if n.layer is None:  # a node of no layer stays as it is (a parameter stays a named leaf)
                out.nodes.append(replace(n, id=index[k], param_grads={}))
            else:
                out.nodes.append(Node(id=index[k], op=kinds.get(n.layer, n.op), leaf=False, name=n.layer,
                                      shape=n.shape, grad=n.grad, layer=n.layer))
        if n.leaf and n.layer is not None and n.grad is not None:
            out.nodes[index[k]].param_grads[n.name.rsplit(".", 1)[-1]] = n.grad.norm().item()
    seen = set()
    for a, b in g.edges:
        edge = (index[key[a]], index[key[b]])
        if edge[0] != edge[1] and edge not in seen:
            seen.add(edge)
            out.edges.append(edge)
    return out


# The tutorial's step, walked a stage at a time -----------------------------------------------------

STAGES = ("start", "forward", "backward", "step")  # what the Tensors page's buttons have done so far


@dataclass
class Step:
    """One autograd step of y_pred = W x + b, loss = 0.5 (y - y_pred)^2, up to a stage of STAGES."""
    graph: Graph
    stage: str
    W: float
    b: float              # after "step": the new values, W - lr * W.grad and b - lr * b.grad
    loss: float


def tutorial_step(x: float, y: float, w: float, b: float, lr: float, stage: str = "step") -> Step:
    """The tutorial's step with the student's numbers (x = 2, y = 4, W = b = 1, lr 0.1: loss 0.5,
    W.grad -2, b.grad -1, then W 1.2, b 1.1), its graph from autograd itself; backward() runs only
    from stage "backward" on, so before it the nodes have no gradient, as in PyTorch."""
    if stage not in STAGES:
        raise ValueError(f"stage {stage!r} is not one of {STAGES}")
    W = torch.tensor(float(w), requires_grad=True)
    B = torch.tensor(float(b), requires_grad=True)
    X, Y = torch.tensor(float(x)), torch.tensor(float(y))
    with recording() as outputs:
        loss = 0.5 * (Y - (W * X + B)) ** 2
    g = graph(loss, {"W": W, "b": B}, outputs)
    new_w, new_b = float(w), float(b)
    if STAGES.index(stage) >= STAGES.index("backward"):
        loss.backward()
    if stage == "step":
        with torch.no_grad():
            W -= lr * W.grad
            B -= lr * B.grad
        new_w, new_b = W.item(), B.item()
    return Step(g, stage, new_w, new_b, loss.item())


def local_derivatives(g: Graph) -> dict[tuple[int, int], float]:
    """For a graph of scalars after backward: each edge's local derivative, d parent / d child, such that
    child.grad = parent.grad x local (the chain rule a step at a time; every node here has one parent).
    Edges whose parent has no gradient, or a zero one, or whose nodes are not scalars, are left out."""
    parents: dict[int, list[int]] = {}
    for a, b in g.edges:
        parents.setdefault(b, []).append(a)
    out = {}
    for a, b in g.edges:
        up, down = g.node(a).grad, g.node(b).grad
        if (len(parents[b]) == 1 and up is not None and down is not None and up.numel() == down.numel() == 1
                and up.item() != 0):
            out[(a, b)] = down.item() / up.item()
    return out
