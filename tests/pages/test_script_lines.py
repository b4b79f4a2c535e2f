"""Every code box the app shows (and every script it downloads) keeps its lines within 88 columns,
with each page's default settings and with settings that make the longest lines, in both languages;
the heights script writes the tutorial's numbers and centres them in code."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from apptest_helpers import PAGES, metric, train
from core import codegen
from core.code_lines import WIDTH, columns
from test_links import opened

ROOT = Path(__file__).resolve().parents[2]

LONG_VALUES = str([[round(i * 1.2345678, 6) for i in range(9)] for _ in range(3)])
CASES = {  # id: (page, the link's settings)
    **{name: (page, {}) for page, name in PAGES.items()},
    "home": ("pages/home.py", {}),
    "tensors-long-values": ("pages/tensors.py", {"values": LONG_VALUES, "dtype": "float64", "op": "A + B",
                                                 "b_values": str(list(range(40)))}),
    "tensors-linspace": ("pages/tensors.py", {"constructor": "linspace", "start": "-123456.789012",
                                              "end": "987654.321098", "steps": "7", "dtype": "float64"}),
    "linear-heights-standardised": ("pages/linear_regression.py", {"dataset": "heights", "standardise": "1"}),
    "linear-noisy": ("pages/linear_regression.py", {"dataset": "noisy", "slope": "-123.456789",
                                                    "intercept": "987.654321", "noise": "12.3456789"}),
    "linear-rmsprop": ("pages/linear_regression.py", {"optimizer": "rmsprop", "momentum": "0.9",
                                                      "weight_decay": "0.001", "schedule": "step"}),
    "descent-sgd-nesterov": ("pages/gradient_descent.py", {"momentum": "0.9", "nesterov": "1",
                                                           "weight_decay": "0.0001", "schedule": "cosine"}),
    "sine-hand": ("pages/sine.py", {"gradients": "hand", "noise": "0.1"}),
    "sine-net": ("pages/sine.py", {"model": "net"}),
    "mnist-cnn": ("pages/mnist.py", {"arch": "cnn", "optimizer": "adamw", "weight_decay": "0.01"}),
    **{f"classify-{kind}": ("pages/classify.py", {"dataset": kind, "reg": "l2", "reg_rate": "0.003",
                                                  "layers": "8-8-8-8-8-8"})
       for kind in ("circle", "xor", "gauss", "spiral", "moons")},
}


def overlong(at) -> list[str]:
    return [line for box in at.code for line in box.value.splitlines() if columns(line) > WIDTH]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_every_code_line_fits_in_88_columns(case, lang):
    page, params = CASES[case]
    at = opened(page, lang=lang, **params)
    assert not at.exception, at.exception
    assert at.code, "no code box on the page"
    assert overlong(at) == []


@pytest.mark.parametrize(
    "page, key", [("pages/linear_regression.py", "linear"), ("pages/gradient_descent.py", "descent")]
)
def test_the_heights_script_writes_the_tutorials_numbers_and_centres_them_in_code(page, key):
    at = opened(page, dataset="heights", epochs="30")
    script = next(c.value for c in at.code if "final loss" in c.value)
    assert "166.0" in script and "58.7" in script  # the tutorial's heights and weights, as it gives them
    assert "-6.7" not in script and "-6.700001" not in script  # not the numbers already centred
    assert "x, y = x - x.mean(), y - y.mean()" in script
    train(at, key)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == f"final loss: {metric(at, 'Final loss')}"


def test_a_standardised_script_standardises_in_code_and_prints_the_pages_loss():
    at = opened("pages/linear_regression.py", dataset="noisy", standardise="1", epochs="20")
    script = next(c.value for c in at.code if "final loss" in c.value)
    assert "torch.linspace(" in script and "x, y = standardise(x), standardise(y)" in script
    train(at, "linear")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == f"final loss: {metric(at, 'Final loss')}"


def english_comment(english: str) -> re.Pattern:
    """A whole end-of-line comment with this English text, whatever its {placeholders} hold."""
    parts = re.split(r"\{\w+\}", english)
    return re.compile("# " + ".+?".join(map(re.escape, parts)) + "$", re.M)


@pytest.mark.parametrize(
    "case", ["linear-heights-standardised", "linear-noisy", "mnist", "sine-hand", "classify-spiral"]
)
def test_a_korean_script_has_no_english_comment_left(case):
    page, params = CASES[case]
    at = opened(page, lang="ko", **params)
    script = next(c.value for c in at.code if "final loss" in c.value)
    left = [name for name, english in codegen.COMMENTS.items() if english_comment(english).search(script)]
    assert left == []
