"""The autograd graph as a picture: Graphviz DOT text, which st.graphviz_chart draws in the browser
(no system package). Forward runs top to bottom, from the parameters to the loss; backward() walks it
back, and each node then shows the gradient that reached it."""
import torch

from .autograd import Graph, local_derivatives

BLUE, ORANGE, GREY, RED = "#1c7ed6", "#e4572e", "#868e96", "#c92a2a"


def _number(t: torch.Tensor | None) -> str | None:
    if t is None or t.numel() != 1:
        return None
    return f"{t.item():.4g}".replace("-", "−")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dot(g: Graph, words: dict[str, str], values: bool = True, grads: bool = True,
        stepped: dict[str, float] | None = None) -> str:
    """The graph in DOT. words: "value", "grad", "loss" (the first node's caption) and, when an edge
    shows its local derivative, "local". values / grads: show each node's forward value / gradient
    (before Forward or Backward the picture holds the graph's shape alone). stepped: a leaf's value after
    the optimizer's step ({"W": 1.2}), beside the one the forward pass used."""
    local = local_derivatives(g) if grads else {}
    # top to bottom, the parameters first: in a row, seven boxes were squeezed to 7 px text in half a page
    lines = ["digraph backward {", 'rankdir=TB; bgcolor="transparent"; nodesep=0.3; ranksep=0.3;',
             'node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=13, penwidth=1.2,'
             ' margin="0.15,0.05"];', 'edge [fontname="Helvetica", fontsize=12, color="#495057"];']
    for n in g.nodes:
        title = _escape(n.label if n.leaf else n.op)
        rows = [f"<b>{title}</b>"]
        if n.id == 0:
            rows.append(_escape(words["loss"]))
        if n.shape:
            rows.append(f'<font color="{GREY}">{_escape(str(list(n.shape)))}</font>')
        value = _number(n.value)
        if values and value is not None:
            rows.append(f"{_escape(words['value'])} {value}")
        grad = _number(n.grad)
        if grads and grad is not None:
            rows.append(f'<font color="{RED}">{_escape(words["grad"])} {grad}</font>')
        if n.leaf and stepped and n.name in stepped:
            rows.append(f'<font color="{BLUE}"><b>→ {stepped[n.name]:.4g}</b></font>'.replace("-", "−"))
        fill = "#e7f5ff" if n.leaf else ("#fff4e6" if n.id == 0 else "#f8f9fa")
        colour = BLUE if n.leaf else (ORANGE if n.id == 0 else "#adb5bd")
        label = "<br/>".join(rows)
        lines.append(f'n{n.id} [label=<{label}>, fillcolor="{fill}", color="{colour}"];')
    for a, b in g.edges:  # drawn forward: from what went in (b) to what came out (a)
        label = ""
        if (a, b) in local:
            label = f' [label=<<font color="{RED}">× {local[(a, b)]:.4g}</font>>]'.replace("-", "−")
        lines.append(f"n{b} -> n{a}{label};")
    lines.append("}")
    return "\n".join(lines)


def _norm(t: torch.Tensor | None) -> str | None:
    return None if t is None else f"{t.norm().item():.3g}"


def layers_dot(g: Graph, words: dict[str, str]) -> str:
    """A graph from core.autograd.by_layer (or a whole graph of tensors) in DOT: a box a layer or an
    operation, two lines each (a CNN's twelve fit a 768 px screen), the shape each arrow carries, and
    after backward() each parameter's gradient norm. words: "grad" (the norm's name), "loss"."""
    lines = ["digraph backward {", 'rankdir=TB; bgcolor="transparent"; nodesep=0.25; ranksep=0.14;',
             'node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, penwidth=1.2,'
             ' margin="0.12,0.02", height=0.25];', 'edge [fontname="Helvetica", fontsize=10, color="#495057"];']
    for n in g.nodes:
        title = f"<b>{_escape(n.label if n.leaf else n.op)}</b>"
        if n.name and not n.leaf:
            title += f' <font color="{GREY}">{_escape(n.name)}</font>'
        if n.id == 0:
            title += f" · {_escape(words['loss'])}"
        second = []
        if n.param_grads:
            second.append(" · ".join(f"‖{_escape(words['grad'])} {_escape(p)}‖ {v:.3g}"  # the weight first
                                     for p, v in sorted(n.param_grads.items(), key=lambda kv: kv[0] != "weight")))
        elif n.leaf and n.grad is not None and n.grad.numel() == 1:  # one number: itself, signed, as by hand
            second.append(f"{_escape(words['grad'])} {_number(n.grad)}")
        elif n.leaf and n.grad is not None:
            second.append(f"‖{_escape(words['grad'])}‖ {_norm(n.grad)}")
        rows = [title] + [f'<font color="{RED}">{row}</font>' for row in second]
        fill = "#e7f5ff" if n.leaf or n.param_grads else ("#fff4e6" if n.id == 0 else "#f8f9fa")
        colour = BLUE if n.leaf or n.param_grads else (ORANGE if n.id == 0 else "#adb5bd")
        label = "<br/>".join(rows)
        lines.append(f'n{n.id} [label=<{label}>, fillcolor="{fill}", color="{colour}"];')
    for a, b in g.edges:  # forward: from the input (b) to the output (a), carrying b's shape
        shape = g.node(b).shape
        label = f' [label=< {_escape(str(list(shape)))}>]' if shape else ""
        lines.append(f"n{b} -> n{a}{label};")
    lines.append("}")
    return "\n".join(lines)
