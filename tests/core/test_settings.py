"""Settings from a link: every bad value becomes the default or the nearest allowed, with a reason."""
import math

import pytest

from core import settings

LR = settings.number("lr", 0.01, 1e-6, 1.0, snap=(1e-6, 1e-4, 1e-3, 2e-3, 0.01, 0.1, 1.0), log=True)
EPOCHS = settings.number("epochs", 100, 1, 5000, kind="int")
DEVICE = settings.choice("device", ["cpu"], "cpu")


@pytest.mark.parametrize("setting, raw, value", [
    (LR, "0.01", 0.01), (LR, "1e-3", 1e-3), (EPOCHS, "20", 20), (EPOCHS, "2e3", 2000), (DEVICE, "cpu", "cpu"),
])
def test_good_values_pass_without_a_message(setting, raw, value):
    assert settings.coerce(setting, raw) == (value, None)


@pytest.mark.parametrize("setting, raw, value, says", [
    (LR, "abc", 0.01, "not a number"),
    (LR, "1e308", 1.0, "out of range"),
    (LR, "0", 0.01, "above 0"),
    (LR, "-3", 0.01, "above 0"),
    (LR, "nan", 0.01, "not a finite number"),
    (LR, "inf", 0.01, "not a finite number"),
    (LR, "0.003", 0.002, "not an allowed value"),
    (EPOCHS, "-5", 1, "out of range"),
    (EPOCHS, "1000000000", 5000, "out of range"),
    (EPOCHS, "12.5", 12, "not a whole number"),
    (settings.number("seed", 0, 0, 2**31 - 1, kind="int"), "2147483646.5", 2147483646, "not a whole number"),
    (LR, "١", 0.01, "not a number"),          # an Arabic-Indic 1: float() would take it
    (EPOCHS, "١٢", 100, "not a number"),
    (EPOCHS, "", 100, "not a number"),
    (DEVICE, "cuda:7", "cpu", "not one of cpu"),
    (DEVICE, "x" * 500, "cpu", "…"),
])
def test_bad_values_are_corrected_with_a_reason(setting, raw, value, says):
    got, problem = settings.coerce(setting, raw)
    message = settings.message(problem)
    assert got == value and says in message
    assert len(message) < 200


def test_integers_stay_integers_and_numbers_print_short():
    assert isinstance(settings.coerce(EPOCHS, "7.0")[0], int)
    assert settings.format_value(0.001) == "0.001" and settings.format_value(1e-6) == "1e-06"
    assert math.isclose(float(settings.format_value(0.9)), 0.9)
