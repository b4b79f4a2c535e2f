"""Numbers as pages write them."""
from core import numbers


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    assert numbers.fixed(-1e-7) == "0.0000" and numbers.fixed(-0.5) == "-0.5000" and numbers.fixed(2) == "2.0000"


def test_a_formulas_term_reads_noise_as_zero():
    """The heights' line was titled "weight = 1.821 · height -1.942e-06"."""
    assert numbers.term(-1.942e-06) == "+ 0.0000"
    assert numbers.term(-1.5) == "- 1.5000" and numbers.term(0.25) == "+ 0.2500"
    assert numbers.term(-3e7) == "- 3e+07"


def test_a_line_formula_writes_w_and_b_to_the_same_decimals():
    """"ability = 164.9 · hours + 66.4145" mixed one decimal with four, and wrapped mid-formula."""
    assert numbers.line_formula(1.97084, 0.06641) == "y = 1.9708 · x + 0.0664"  # the tutorial's numbers
    assert numbers.line_formula(164.87, 66.4145, "hours", "ability") == "ability = 164.87 · hours + 66.41"
    assert numbers.line_formula(0.0, -1.9e-06) == "y = 0.0000 · x + 0.0000"
    assert numbers.line_formula(3e7, 5.0) == "y = 3e+07 · x + 5"


def test_a_value_that_rounds_to_zero_is_an_unsigned_zero():
    """The least squares' b = -1.9e-07 showed as "-0.0000" in a table formatted "%.4f"."""
    assert "%.4f" % numbers.zero_unsigned(-1.9e-07) == "0.0000" and numbers.zero_unsigned(-0.5) == -0.5
    assert "%.5f" % numbers.zero_unsigned(-4e-6, 5) == "0.00000"


def test_a_cell_without_a_number_is_a_dash():
    assert numbers.cell(None) == numbers.cell(float("nan")) == "–" and numbers.cell(0.123456) == "0.1235"
