"""core.codegen: the numbers a script writes out, and what it sets before training."""
import torch

import core


def _read_back(code: str) -> tuple[torch.Tensor, torch.Tensor]:
    scope = {"torch": torch}
    exec(code, scope)
    return scope["x"], scope["y"]


def test_data_values_writes_float32_as_its_shortest_decimal_and_keeps_the_tensor():
    x = torch.tensor([[10.58], [0.1], [3.3333333], [1e-7], [-123456.79]])
    y = torch.randn(5, 1, generator=torch.Generator().manual_seed(0))
    code = core.codegen.data_values(x, y, "values")
    assert "10.58]" in code and "10.579999923706055" not in code
    back_x, back_y = _read_back(code)
    assert torch.equal(back_x, x) and torch.equal(back_y, y)  # the very same float32 values


def test_the_script_sets_the_apps_thread_count():
    recipe = core.codegen.Recipe("t", core.codegen.data_sine(10, 0.0, 0), core.codegen.model_cubic(),
                                 core.codegen.LOSS_CODE["sum_of_squares"])
    cfg = core.TrainConfig(lr=1e-6, epochs=3)
    assert "torch.set_num_threads(3)" in core.codegen.script(recipe, cfg, threads=3)
