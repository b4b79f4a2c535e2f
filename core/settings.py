"""Settings that arrive as text (a shared link's ?lr=0.01&epochs=200): parse, check, correct.

Every bad value becomes the default or the nearest allowed value, with a message that says so;
nothing a link holds can raise.
"""
import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One named setting: a number in [lo, hi] (kind "float" or "int"), one of `choices`, or text of at
    most `hi` characters (kind "text")."""
    name: str
    default: Any
    kind: str = "choice"           # "float" | "int" | "choice"
    lo: float | None = None
    hi: float | None = None
    choices: tuple = ()
    snap: tuple = ()               # for numbers: the allowed values, the nearest one is taken
    log: bool = False              # snap by ratio (learning rates), not by difference
    in_link: Any = None            # for text: value -> whether the address may carry it (None: if it is short)


def number(name: str, default: float, lo: float, hi: float, kind: str = "float", snap: tuple = (),
           log: bool = False) -> Setting:
    return Setting(name, default, kind, lo, hi, snap=tuple(snap), log=log)


def choice(name: str, choices, default) -> Setting:
    return Setting(name, default, "choice", choices=tuple(choices))


def text(name: str, default: str, most: int = 2000, in_link=None) -> Setting:
    """Free text a page parses itself (a tensor's values); a link longer than `most` is refused.
    in_link: value -> whether the share link may carry it (a page's own rule: 200 points or fewer)."""
    return Setting(name, default, "text", hi=most, in_link=in_link)


def flag(name: str, default: bool) -> Setting:
    """On or off (a checkbox); a link writes it 1 or 0."""
    return Setting(name, default, "flag")


FLAG_WORDS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def format_value(value) -> str:
    """How a value is written in a link."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# What can be wrong with a value, and the English sentence for it; a UI may say it in another language.
MESSAGES = {
    "not_choice": "{name}='{raw}' is not one of {choices}; using {value}.",
    "too_long": "{name} is longer than {hi} characters; using {value}.",
    "not_number": "{name}='{raw}' is not a number; using {value}.",
    "not_finite": "{name}='{raw}' is not a finite number; using {value}.",
    "not_positive": "{name} must be above 0; using {value}.",
    "out_of_range": "{name}={raw} is out of range ({lo} to {hi}); using the nearest allowed, {value}.",
    "not_allowed": "{name}={raw} is not an allowed value ({lo} to {hi}); using the nearest allowed, {value}.",
    "not_whole": "{name}={raw} is not a whole number; using {value}.",
}


def message(problem: tuple[str, dict], templates: dict[str, str] = MESSAGES) -> str:
    kind, values = problem
    return templates[kind].format(**values)


def coerce(setting: Setting, raw: str) -> tuple[Any, tuple[str, dict] | None]:
    """-> (the value to use, None or (what is wrong, the values to say it with); see message())."""
    if setting.kind == "text":
        if len(str(raw)) <= setting.hi:
            return str(raw), None
        return setting.default, ("too_long", {"name": setting.name, "raw": "", "value": setting.default,
                                              "choices": "", "lo": "", "hi": format_value(setting.hi)})
    text = str(raw).strip()[:100]
    shown = text if len(text) <= 30 else text[:30] + "…"

    def problem(kind: str, value) -> tuple[str, dict]:
        return kind, {"name": setting.name, "raw": shown, "value": format_value(value),
                      "choices": ", ".join(map(str, setting.choices)) or "1, 0",
                      "lo": format_value(setting.lo), "hi": format_value(setting.hi)}

    if setting.kind == "flag":
        if text.lower() in FLAG_WORDS:
            return FLAG_WORDS[text.lower()], None
        return setting.default, problem("not_choice", setting.default)
    if setting.kind == "choice":
        if text in setting.choices:
            return text, None
        return setting.default, problem("not_choice", setting.default)
    try:
        if not text.isascii():  # float() reads other scripts' digits ("١" is 1) but not their separators
            raise ValueError(text)
        value = float(text)
    except ValueError:
        return setting.default, problem("not_number", setting.default)
    if not math.isfinite(value):
        return setting.default, problem("not_finite", setting.default)
    if setting.log and value <= 0:
        return setting.default, problem("not_positive", setting.default)
    fixed = min(max(value, setting.lo), setting.hi)
    if setting.snap:
        distance = (lambda v: abs(math.log(v / fixed))) if setting.log else (lambda v: abs(v - fixed))
        fixed = min(setting.snap, key=distance)
    if setting.kind == "int":
        fixed = int(round(fixed))
        if fixed != value and setting.lo <= value <= setting.hi:
            return fixed, problem("not_whole", fixed)
    if math.isclose(fixed, value, rel_tol=1e-9, abs_tol=1e-12):
        return fixed, None
    return fixed, problem("out_of_range" if not setting.lo <= value <= setting.hi else "not_allowed", fixed)
