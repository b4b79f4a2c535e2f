"""What backward() walks for a page's model: one training step's autograd graph, a box a layer (or every
operation), under the page's pictures. The step runs on a copy, so the page's model and its runs stay as
they are."""
import copy

import streamlit as st
import torch

import core
from ui import live_run
from ui.i18n import t

EXAMPLES = 64  # the examples of the step drawn: a batch, as MNIST trains


def backward_graph(page: str, model: torch.nn.Module, loss_fn, x: torch.Tensor, y: torch.Tensor) -> None:
    """One step of `model` on the first EXAMPLES of (x, y): its graph, collapsed by layer unless the
    student asks for every operation. Only while the box is open: the step and the graph cost the server
    a forward and backward pass every run, and drawing a graph (the browser's Graphviz) took a first
    visit 0.3 to 0.5 s of the browser's time even in a closed box."""
    box = st.expander(t("graph.title"), icon=":material/account_tree:", key=f"{page}.graph_open", on_change="rerun")
    with box:
        every = st.toggle(t("graph.every_op"), key=f"{page}.graph_every_op", help=t("graph.every_op_help"))
        if not box.open:
            return
        twin = copy.deepcopy(model).cpu()
        xb, yb = x[:EXAMPLES].cpu(), y[:EXAMPLES].cpu()
        with core.autograd.recording() as outputs, core.autograd.layers(twin) as made:
            loss = loss_fn(twin(xb), yb)
        g = core.autograd.graph(loss, dict(twin.named_parameters()), outputs, made)
        loss.backward()
        shown = g if every else core.autograd.by_layer(g)
        st.graphviz_chart(core.graph_picture.layers_dot(shown, {"grad": t("graph.grad"), "loss": t("graph.loss")}),
                          width="content")
        st.caption(t("graph.caption", n=len(xb), nodes=len(g.nodes), layers=len(shown.nodes)))


def of_experiment(page: str, experiment: "core.Experiment", seed: int = 0) -> None:
    """backward_graph of the run on screen (its model as trained so far) on its own data, or, before a
    run, of the page's model as a run would start it."""
    run = live_run.shown(page).run
    if run is not None and run.experiment is not None:
        model, source = run.model, run.experiment
    else:
        model, source = experiment.make_model(seed=seed), experiment
    backward_graph(page, model, source.loss_fn, source.x, source.y)
