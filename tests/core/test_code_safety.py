"""Code boxes show only code: every text a page puts into code, hostile or not, comes out as the values the
parser accepted (Python literals), or as no code at all; run, it is tensor code and nothing else."""
import ast
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: code_safety
import core  # noqa: E402
from code_safety import HOSTILE, PAYLOAD, holds_no_payload, run_in  # noqa: E402

# The names a Tensors snippet may use, and the calls it may make: torch's constructors and A's methods.
SNIPPET_NAMES = {"torch", "A", "B", "C", "values", "b_values", "print"}


def only_tensor_code(code: str) -> None:
    """The snippet's syntax tree: torch imported, the known names used, no dunder attribute."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            assert [a.name for a in node.names] == ["torch"], ast.unparse(node)
        elif isinstance(node, ast.Name):
            assert node.id in SNIPPET_NAMES, node.id
        elif isinstance(node, ast.Attribute):
            assert not node.attr.startswith("_"), node.attr
        assert not isinstance(node, (ast.Lambda, ast.FunctionDef, ast.ClassDef, ast.With, ast.JoinedStr))


def what_the_boxes_show(field: str, text: str) -> list[str | None]:
    """Every snippet that takes `field` from the page, for typed text."""
    if field == "values":
        return [core.snippets.make("tensor", values=text, dtype=d) for d in ("auto", "float64")]
    if field == "shape":
        return [core.snippets.make(c, shape=text) for c in ("zeros", "ones", "randn")]
    if field == "b_values":
        return [core.snippets.combine(op, text) for op in core.tensors.BINARY]
    return [core.snippets.combine(op, "", shape=text) for op in ("A.reshape(shape)", "A.view(shape)")]


FIELDS = ("values", "shape", "b_values", "new_shape")


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_never_reaches_a_tensors_code_box(field, text, tmp_path):
    for code in what_the_boxes_show(field, text):
        assert holds_no_payload(code), code
        if code is not None:  # what parsed is only numbers: it runs, and runs only tensor code
            only_tensor_code(code)
            run_in(tmp_path, code, {"A": torch.ones(2, 2)})


@pytest.mark.parametrize("field, text", [
    ("values", "[[1, 2], [3, 4]]"), ("values", "(1.5, -2, 3e2)"), ("values", "[1, # a comment\n 2]"),
    ("values", "  7  "), ("shape", "2, 3"), ("shape", "(4,)"), ("shape", "()"),
    ("b_values", "[10, 20]"), ("new_shape", "4"), ("new_shape", "(2, -1)"), ("new_shape", "[1, 4]"),
])
def test_good_text_comes_back_as_the_literal_it_parsed_to(field, text, tmp_path):
    for code in what_the_boxes_show(field, text):
        assert code is not None and "#" not in code.replace("# the shape that A and B broadcast to", "")
        only_tensor_code(code)
        scope = run_in(tmp_path, code, {"A": torch.ones(2, 2, dtype=torch.int64), "torch": torch})
        assert "A" in scope


def test_a_refused_text_gives_no_code_not_the_text():
    assert core.snippets.make("tensor", values="1) ; x = 2 ; (1") is None
    assert core.snippets.make("zeros", shape="2, three") is None
    assert core.snippets.combine("A + B", "[1, 2") is None
    assert core.snippets.combine("A.reshape(shape)", "", shape="2; 3") is None
    assert core.snippets.combine("__import__('os')", "[1]") is None  # an op the page does not have


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_words_a_page_puts_into_a_script_stay_words(text, tmp_path):
    """The title and a data comment (were a CSV's header or a file name put there): each stays on one line of
    a docstring or a comment, whatever it holds. (The other comments' words are the language tables'.)"""
    x, y = torch.tensor([[1.0], [2.0]]), torch.tensor([[2.0], [4.0]])
    recipe = core.codegen.Recipe(text, core.codegen.data_values(x, y, text), core.codegen.model_linear(0.0, 0.0),
                                 core.codegen.LOSS_CODE["mse"])
    code = core.codegen.script(recipe, core.TrainConfig(lr=0.01, epochs=3))
    tree = ast.parse(code)
    assert not any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "__import__" for n in ast.walk(tree))
    run_in(tmp_path, code)


def test_numbers_in_a_script_are_written_as_numbers():
    """A builder handed text where a number goes writes the number or fails; it never writes the text."""
    with pytest.raises(ValueError):
        core.codegen.data_noisy_line("3; __import__('os')", 2.0, 1.0, 0.5, 0)
    with pytest.raises(ValueError):
        core.codegen.model_linear("0) ; __import__('os') ; (0", 0.0)
    assert "2.0 x + 1.0" in core.codegen.say_comments(core.codegen.data_noisy_line("30", "2", 1, 0.5, "0"))


def test_the_check_sees_the_payload_run(tmp_path):
    """The harness itself: the payload, run, is caught (it touches pwned in its own folder, nowhere else)."""
    with pytest.raises(AssertionError, match="os.system"):
        run_in(tmp_path, PAYLOAD)
    assert (tmp_path / "pwned").exists()
