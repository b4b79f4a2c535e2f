"""Numbers as a page writes them: no "-0.0000" for a value that rounds to zero, no 1e-06 for noise."""


def fixed(v: float, digits: int = 4) -> str:
    """v with `digits` decimals; a value that rounds to zero is "0.0000", not "-0.0000"."""
    text = f"{v:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def term(v: float, digits: int = 4, most: float = 1e4) -> str:
    """v as the added term of a formula, "+ 0.0000" or "- 1.9420": fixed decimals, so float noise
    (-1.942e-06 for a centred intercept) reads as the 0 it is; powers of ten beyond `most`."""
    if abs(v) >= most:
        return f"{'-' if v < 0 else '+'} {abs(v):.{digits}g}"
    text = fixed(v, digits)
    return f"- {text[1:]}" if text.startswith("-") else f"+ {text}"
