"""Numbers as pages write them."""
from core import numbers


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    assert numbers.fixed(-1e-7) == "0.0000" and numbers.fixed(-0.5) == "-0.5000" and numbers.fixed(2) == "2.0000"


def test_a_formulas_term_reads_noise_as_zero():
    """The heights' line was titled "weight = 1.821 · height -1.942e-06"."""
    assert numbers.term(-1.942e-06) == "+ 0.0000"
    assert numbers.term(-1.5) == "- 1.5000" and numbers.term(0.25) == "+ 0.2500"
    assert numbers.term(-3e7) == "- 3e+07"
