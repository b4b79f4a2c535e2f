"""core.graph_picture: the autograd graph as DOT text a browser's Graphviz can draw."""
import re

from core import autograd, graph_picture

WORDS = {"value": "value", "grad": "grad", "loss": "the loss"}


def test_the_dot_is_well_formed_at_every_stage():
    """An edge's label once came as "n5 -> n4, label=<...>;", which Graphviz refuses: the picture vanished."""
    for stage in autograd.STAGES:
        walk = autograd.tutorial_step(2, 4, 1, 1, 0.1, stage)
        text = graph_picture.dot(walk.graph, WORDS, values=True, grads=True,
                                 stepped={"W": walk.W, "b": walk.b})
        body = text.splitlines()[4:-1]
        nodes = [line for line in body if "->" not in line]
        edges = [line for line in body if "->" in line]
        assert all(re.fullmatch(r"n\d+ \[label=<.*>, fillcolor=\"#\w+\", color=\"#\w+\"\];", n) for n in nodes), nodes
        assert all(re.fullmatch(r"n\d+ -> n\d+( \[label=<.*>\])?;", e) for e in edges), edges
        assert len(nodes) == 7 and len(edges) == 6
        assert text.count("<font") == text.count("</font>") and text.count("<b>") == text.count("</b>")


def test_after_backward_each_arrow_carries_its_local_derivative():
    walk = autograd.tutorial_step(2, 4, 1, 1, 0.1, "backward")
    text = graph_picture.dot(walk.graph, WORDS)
    # d(0.5 u) = 0.5, d(v^2) = 2v = 2, d(y - y_hat) / d y_hat = -1, d(p + b) = 1, d(W x) / d W = x = 2
    assert sorted(re.findall(r"× (−?[\d.]+)", text)) == sorted(["0.5", "2", "−1", "1", "1", "2"])
