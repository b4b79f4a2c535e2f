"""Settings that arrive as text (a shared link's ?lr=0.01&epochs=200): parse, check, correct.

Every bad value becomes the default or the nearest allowed value, with a message that says so;
nothing a link holds can raise.
"""
import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One named setting: a number in [lo, hi] (kind "float" or "int"), or one of `choices`."""
    name: str
    default: Any
    kind: str = "choice"           # "float" | "int" | "choice"
    lo: float | None = None
    hi: float | None = None
    choices: tuple = ()
    snap: tuple = ()               # for numbers: the allowed values, the nearest one is taken
    log: bool = False              # snap by ratio (learning rates), not by difference


def number(name: str, default: float, lo: float, hi: float, kind: str = "float", snap: tuple = (),
           log: bool = False) -> Setting:
    return Setting(name, default, kind, lo, hi, snap=tuple(snap), log=log)


def choice(name: str, choices, default) -> Setting:
    return Setting(name, default, "choice", choices=tuple(choices))


def format_value(value) -> str:
    """How a value is written in a link."""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def coerce(setting: Setting, raw: str) -> tuple[Any, str | None]:
    """-> (the value to use, a message when it is not what the text asked for)."""
    text = str(raw).strip()[:100]
    shown = text if len(text) <= 30 else text[:30] + "…"
    if setting.kind == "choice":
        if text in setting.choices:
            return text, None
        return setting.default, (f"{setting.name}={shown!r} is not one of {', '.join(map(str, setting.choices))}; "
                                 f"using {format_value(setting.default)}.")
    try:
        value = float(text)
    except ValueError:
        return setting.default, f"{setting.name}={shown!r} is not a number; using {format_value(setting.default)}."
    if not math.isfinite(value):
        return setting.default, f"{setting.name}={shown!r} is not a finite number; using {format_value(setting.default)}."
    if setting.log and value <= 0:
        return setting.default, f"{setting.name} must be above 0; using {format_value(setting.default)}."
    fixed = min(max(value, setting.lo), setting.hi)
    if setting.snap:
        distance = (lambda v: abs(math.log(v / fixed))) if setting.log else (lambda v: abs(v - fixed))
        fixed = min(setting.snap, key=distance)
    if setting.kind == "int":
        fixed = int(round(fixed))
    if math.isclose(fixed, value, rel_tol=1e-9, abs_tol=1e-12):
        return fixed, None
    reason = "out of range" if not setting.lo <= value <= setting.hi else "not an allowed value"
    return fixed, (f"{setting.name}={shown} is {reason} ({format_value(setting.lo)} to "
                   f"{format_value(setting.hi)}); using the nearest allowed, {format_value(fixed)}.")
