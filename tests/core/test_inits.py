"""core.models.INITS: each starts the weights as its torch.nn.init calls say, in the app and in the script
alike (the script's numbers are the page's, whatever the Initialisation)."""
import pytest
import torch
from torch import nn

import core

INITS = list(core.models.INITS)


def _written(code: str, seed: int) -> nn.Module:
    scope = {}
    exec("import torch\nfrom torch import nn\ntorch.manual_seed(%d)\n" % seed + core.codegen.say_comments(code), scope)
    return scope["model"]


def _same(a: nn.Module, b: nn.Module) -> bool:
    return all(torch.equal(p, q) for p, q in zip(a.state_dict().values(), b.state_dict().values()))


@pytest.mark.parametrize("init", INITS)
def test_the_scripts_networks_start_where_the_apps_do(init):
    assert _same(_written(core.codegen.model_mlp((8, 8), "tanh", 2, 2, flatten=False, init=init), 3),
                 core.models.classifier(2, (8, 8), "tanh", seed=3, init=init))
    assert _same(_written(core.codegen.model_mlp((16,), "relu", 1, 1, init=init), 5),
                 core.models.mlp((16,), "relu", 1, 1, seed=5, init=init))
    assert _same(_written(core.codegen.model_cnn(init), 2), core.models.cnn(seed=2, init=init))


def test_each_init_draws_what_it_names():
    layer = lambda init: core.models.mlp((256,), "relu", 400, 10, seed=0, init=init)[1]  # noqa: E731
    default, zeros, normal = layer("default"), layer("zeros"), layer("normal")
    xavier, kaiming = layer("xavier"), layer("kaiming")
    assert default.weight.abs().max() <= 1 / 400 ** 0.5 and default.bias.abs().sum() > 0
    assert zeros.weight.abs().sum() == 0 and zeros.bias.abs().sum() == 0
    assert normal.weight.std().item() == pytest.approx(1.0, rel=0.02)
    assert xavier.weight.abs().max() <= (6 / (400 + 256)) ** 0.5 and xavier.bias.abs().sum() == 0
    assert kaiming.weight.std().item() == pytest.approx((2 / 400) ** 0.5, rel=0.03)
    with pytest.raises(ValueError):
        core.models.mlp(init="ones")


@pytest.mark.parametrize("init", INITS)
def test_a_script_with_each_init_prints_the_apps_final_loss(init, capsys):
    setup = core.classify.Setup("circle", 0.1, 0, 0.5, ("x1", "x2"), (4, 4), "tanh", "none", 0.0, n=80, init=init)
    experiment = core.classify.experiment(setup)
    cfg = core.TrainConfig(lr=0.03, epochs=3, optimizer="adam", batch_size=10, seed=1)
    run = experiment.start(cfg)
    run.advance()
    exec(core.codegen.script(experiment.recipe, cfg), {"__name__": "script"})
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"final loss: {run.hist.loss[-1]:.6g}"
