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


def zero_unsigned(v: float, digits: int = 4) -> float:
    """v, or 0.0 where it rounds to zero at `digits` decimals: a table's "%.4f" wrote -1e-9 as "-0.0000"."""
    return 0.0 if round(v, digits) == 0 else v


NONE_YET = "–"  # a table's cell for a number there is not yet (the loss before the first step)


def cell(v: float | None, fmt: str = "%.4g") -> str:
    """A number as a table writes it, or NONE_YET when there is none (a table showed "None")."""
    return NONE_YET if v is None or v != v else fmt % v


def line_formula(w: float, b: float, x: str = "x", y: str = "y") -> str:
    """y = W · x + b with both numbers to the same decimals: 4 for numbers under 10 (the tutorial's
    1.9708 and 0.0664), fewer as they grow, so a title reads "ability = 164.87 · hours + 66.41", not W to
    one decimal beside b to four; powers of ten from 10,000."""
    top = max(abs(w), abs(b))
    if top >= 1e4:
        return f"{y} = {w:.4g} · {x} {'-' if b < 0 else '+'} {abs(b):.4g}"
    digits = max(0, min(4, 5 - len(str(int(top)))))  # 4 decimals under 10, 2 for 164.87, 1 for 1234.5
    return f"{y} = {fixed(w, digits)} · {x} {term(b, digits)}"
