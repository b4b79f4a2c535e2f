"""core.codegen: the numbers a script writes out, and what it sets before training."""
from pathlib import Path

import pytest
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


def test_comments_come_in_the_callers_words_with_their_values():
    recipe = core.codegen.Recipe(
        "t",
        core.codegen.data_noisy_line(30, 2.0, 1.0, 0.5, 0),
        core.codegen.model_linear(0.0, 0.0),
        core.codegen.LOSS_CODE["mse"],
    )
    cfg = core.TrainConfig(lr=0.01, epochs=3)
    english = core.codegen.script(recipe, cfg)
    assert "# 30 points on y = 2.0 x + 1.0, plus Gaussian noise (0.5)" in english and "# forward" in english
    words = {"code.comment.noisy_line": "N={n} a={slope} b={intercept} s={noise}", "code.comment.forward": "FWD"}
    said = core.codegen.script(recipe, cfg, words=words)
    assert "# N=30 a=2.0 b=1.0 s=0.5" in said and "# FWD" in said and "# forward" not in said
    assert said.replace("# N=30 a=2.0 b=1.0 s=0.5", "").replace("# FWD", "") == \
        english.replace("# 30 points on y = 2.0 x + 1.0, plus Gaussian noise (0.5)", "").replace("# forward", "")


def test_the_cnn_script_builds_the_apps_cnn_and_prints_its_final_loss(capsys):
    """The code panel's CNN: the same layers and starting weights as core.models.cnn, the same final loss."""
    scope = {}
    exec("import torch\nfrom torch import nn\ntorch.manual_seed(4)\n" + core.codegen.model_cnn(), scope)
    written, app = scope["model"], core.models.cnn(seed=4)
    assert [type(m) for m in written] == [type(m) for m in app]
    assert all(torch.equal(a, b) for a, b in zip(written.state_dict().values(), app.state_dict().values()))
    # laid out alike (channels last, core.models.CNN_MEMORY_FORMAT): the convolutions then round alike
    assert all(m[3].weight.is_contiguous(memory_format=torch.channels_last) for m in (written, app))

    cfg = core.TrainConfig(lr=1e-3, epochs=1, optimizer="adam", batch_size=256, seed=4)
    recipe = core.codegen.Recipe("t", core.codegen.data_mnist("sample"), core.codegen.model_cnn(),
                                 core.codegen.LOSS_CODE["cross_entropy"], report=core.codegen.ACCURACY_REPORT)
    exec(core.codegen.script(recipe, cfg), {"__name__": "script"})
    printed = capsys.readouterr().out.strip().splitlines()
    train_x, train_y, test_x, test_y, _ = core.data.load_mnist("sample")
    model = core.models.cnn(seed=4)
    hist = core.train(model, core.losses.cross_entropy, train_x, train_y, cfg)
    assert printed[-1] == f"final loss: {hist.loss[-1]:.6g}"
    assert printed[-2] == f"test accuracy: {core.evaluate(model, test_x, test_y):.1%}"
    korean = core.codegen.say_comments(core.codegen.model_cnn(), {"code.comment.cnn": "합성곱 두 번"})
    assert korean.splitlines()[0] == "# 합성곱 두 번"  # its comment, in the page's language


def test_every_comment_is_written_once_and_every_marker_is_worded():
    """The comments lived twice (in the builders and in COMMENTS) and a regex swapped them; now a
    builder names one, and a script holds no marker, in English or in the page's words."""
    source = Path(core.codegen.__file__).read_text(encoding="utf-8")
    for name, english in core.codegen.COMMENTS.items():
        if "{" not in english:
            assert f"# {english}" not in source, (name, "written again beside COMMENTS")
    with pytest.raises(KeyError):
        core.codegen.say("no such comment")
    recipe = core.codegen.Recipe("t", core.codegen.data_sine(10, 0.1, 0), core.codegen.model_cubic(),
                                 core.codegen.LOSS_CODE["sum_of_squares"], hand_grads=core.codegen.CUBIC_HAND_GRADS)
    cfg = core.TrainConfig(lr=1e-6, epochs=2, batch_size=4)
    english = core.codegen.script(recipe, cfg)
    assert "# 10 points of y = sin(x) on [-pi, pi]" in english and "\ue000" not in english
    korean = core.codegen.script(recipe, cfg, words={"code.comment.sine_points": "sin(x) 위의 점 {n}개"})
    assert "# sin(x) 위의 점 10개" in korean and "# sum of squared errors" in korean  # unworded: English
