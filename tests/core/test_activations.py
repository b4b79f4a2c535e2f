"""Every activation of core.models.ACTIVATIONS (LeakyReLU, GELU and SiLU among them) trains on Classify and
its script prints the page's final loss."""
import pytest

import core


@pytest.mark.parametrize("activation", list(core.models.ACTIVATIONS))
def test_a_script_with_each_activation_prints_the_apps_final_loss(activation, capsys):
    setup = core.classify.Setup("xor", 0.1, 0, 0.5, ("x1", "x2"), (5, 3), activation, "none", 0.0, n=80)
    experiment = core.classify.experiment(setup)
    module = core.models.ACTIVATIONS[activation].module
    assert sum(isinstance(m, module) for m in experiment.make_model(seed=0)) == 2  # one after each hidden layer
    cfg = core.TrainConfig(lr=0.03, epochs=3, optimizer="adam", batch_size=10, seed=2)
    run = experiment.start(cfg)
    run.advance()
    exec(core.codegen.script(experiment.recipe, cfg), {"__name__": "script"})
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"final loss: {run.hist.loss[-1]:.6g}"
