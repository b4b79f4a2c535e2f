"""Adding a thing is one entry (docs/architecture.md, "Adding a thing"): an activation, an optimizer and a
Classify data set, each added here as its registry entry and its words only, reach every page that offers
its kind, the model and the script."""
import torch
from torch import nn

import core
from apptest_helpers import train
from test_links import opened
from ui import lang_en, lang_ko


def test_an_activation_is_one_entry(monkeypatch):
    monkeypatch.setitem(core.models.ACTIVATIONS, "leaky", core.models.Activation(nn.LeakyReLU))
    assert isinstance(core.models.mlp(hidden=(4,), activation="leaky", in_features=2, out_features=1)[2], nn.LeakyReLU)
    assert "nn.LeakyReLU()" in core.codegen.model_mlp((4,), "leaky", 2, 1)
    for page, params, key in (("pages/mnist.py", {}, "mnist.activation"),
                              ("pages/sine.py", {"model": "net"}, "sine.activation"),
                              ("pages/classify.py", {}, "classify.activation")):
        at = opened(page, activation="leaky", **params)
        assert not at.exception and not at.warning, page      # the link's value is known: no warning
        box = at.selectbox(key=key)
        assert box.value == "leaky" and "LeakyReLU" in box.options, page


def test_an_optimizer_is_one_entry(monkeypatch):
    nadam = core.optimizers.Optimizer("NAdam", lambda params, cfg: torch.optim.NAdam(params, lr=cfg.lr), (),
                                      "torch.optim.NAdam(model.parameters(), lr={lr})")
    monkeypatch.setitem(core.optimizers.OPTIMIZERS, "nadam", nadam)
    for table, words in ((lang_en.STRINGS, "NAdam: Adam with Nesterov's momentum."),
                         (lang_ko.STRINGS, "NAdam: 네스테로프 모멘텀을 쓰는 Adam입니다.")):
        monkeypatch.setitem(table, "optimizer.help.nadam", words)
    at = opened("pages/linear_regression.py", optimizer="nadam", epochs="20", lr="0.1")
    assert not at.exception and at.selectbox(key="linear.optimizer").value == "nadam"
    train(at, "linear")
    run = at.session_state["linear.shown"].run
    assert not at.exception and run.hist.loss[-1] < 10
    assert "torch.optim.NAdam(model.parameters(), lr=0.1)" in core.optimizers.code(run.cfg)


def ring(n: int, noise: float, gen: torch.Generator):
    """A data set a teacher might add: an inner disc and a ring around it."""
    radius = torch.cat([torch.rand(n // 2, generator=gen) * 2, 4 + torch.rand(n - n // 2, generator=gen)])
    angle = torch.rand(n, generator=gen) * 2 * torch.pi
    x = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)
    x = x + noise * torch.randn(n, 2, generator=gen)
    return x, (radius < 3).long()


def test_a_classify_data_set_is_one_entry(monkeypatch):
    monkeypatch.setitem(core.points.KINDS, "ring", ring)
    for table, words in ((lang_en.STRINGS, "Ring"), (lang_ko.STRINGS, "고리")):
        monkeypatch.setitem(table, "classify.kind.ring", words)
    at = opened("pages/classify.py", dataset="ring", epochs="5")
    assert not at.exception
    assert any(b.label == "Ring" for b in at.button)           # its tile, with the Playground's settings
    train(at, "classify")
    assert not at.exception and at.session_state["classify.shown"].run.done
