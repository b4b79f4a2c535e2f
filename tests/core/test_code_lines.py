"""core.code_lines and the code it shapes: no line past 88 columns, and the code means what it did."""
import ast

import pytest
import torch

import core
from core import code_lines, optimizers, snippets
from core.code_lines import columns, too_long


def test_a_wide_character_takes_two_columns():
    assert columns("loss") == 4 and columns("손실") == 4 and columns("# 손실 x") == 8


def test_fit_puts_a_long_comment_on_lines_of_its_own_and_leaves_the_code_alone():
    code = ("def f(x):\n"
            "    y = x + 1  # " + "a comment that goes on and on " * 5 + "\n"
            "    return y  # short\n")
    fitted = code_lines.fit(code)
    assert too_long(fitted) == []
    assert ast.dump(ast.parse(fitted)) == ast.dump(ast.parse(code))  # the same program
    lines = fitted.splitlines()
    assert lines[1].startswith("    # a comment") and lines[-1] == "    return y  # short"


def test_fit_wraps_korean_comments_by_their_width():
    code = "x = 1  # " + "학습률을 바꾸면 " * 12
    fitted = code_lines.fit(code)
    assert too_long(fitted) == [] and fitted.splitlines()[-1] == "x = 1"


def test_fit_leaves_a_hash_inside_a_string_and_docstrings_alone():
    code = 'print("# not a comment ' + "x" * 90 + '")\n"""' + "y " * 50 + '\n"""\n'
    assert code_lines.fit(code) == code


def test_packed_lines_up_items_under_the_bracket_and_stays_python():
    text = code_lines.packed("x = torch.tensor([", [f"[{i}.25]" for i in range(60)], "])  # (N, 1)")
    assert too_long(text) == [] and text.count("\n") > 2
    scope = {"torch": torch}
    exec(text, scope)
    assert scope["x"].shape == (60, 1)
    assert code_lines.packed("f(", ["1", "2"], ")") == "f(1, 2)"


@pytest.mark.parametrize("name", list(optimizers.OPTIMIZERS))
@pytest.mark.parametrize("schedule", list(optimizers.SCHEDULES))
def test_every_optimizer_and_schedule_line_fits(name, schedule):
    cfg = core.TrainConfig(lr=1.2345678e-05, epochs=12345, optimizer=name, momentum=0.987654321,
                           nesterov=True, weight_decay=0.000123456789, schedule=schedule)
    code = optimizers.code(cfg)
    assert too_long(code) == []
    scope = {"torch": torch, "model": torch.nn.Linear(1, 1)}
    exec(code, scope)
    assert scope["optimizer"].defaults["lr"] == cfg.lr


@pytest.mark.parametrize("kwargs", [
    dict(constructor="tensor", values=str([[round(i * 1.2345678, 7) for i in range(5)] for _ in range(3)]),
         dtype="float64"),
    dict(constructor="tensor", values=str(list(range(70)))),
    dict(constructor="arange", start=-1.2345678901234567e+30, end=1.2345678901234567e+30,
         step=1.2345678901234567e+29, dtype="float64"),
    dict(constructor="linspace", start=-123456.789012345, end=987654.321098765, steps=9, dtype="float64"),
])
def test_snippets_fit_and_make_the_pages_tensor(kwargs):
    code = snippets.make(**kwargs)
    assert too_long(code) == []
    scope = {}
    exec(code.replace("print(", "(lambda *a: a)("), scope)
    assert torch.equal(scope["A"], core.tensors.make(**kwargs))


def test_a_long_b_fits_and_broadcasts():
    code = snippets.combine("A + B", str([round(0.123456789 * i, 3) for i in range(30)]))
    assert too_long(code) == []
    scope = {"A": torch.zeros(2, 30), "torch": torch}
    exec(code.replace("print(", "(lambda *a: a)("), scope)
    assert scope["C"].shape == (2, 30)


def test_a_scripts_long_title_and_numbers_fit():
    x = torch.linspace(-1, 1, 50).unsqueeze(1) * 1.2345678
    recipe = core.codegen.Recipe("A title of many words " * 6, core.codegen.data_values(x, 3 * x, "values"),
                                 core.codegen.model_linear(0.0, 0.0), core.codegen.LOSS_CODE["mse"])
    script = core.codegen.script(recipe, core.TrainConfig(lr=0.01, epochs=3), threads=2)
    assert too_long(script) == []
    compile(script, "script", "exec")
