"""Lessons a teacher writes as one TOML file each in lessons/: a task on one page, its starting settings,
goals the app checks against the page's kept runs, hints, and the answer's settings.

TOML, not YAML: Python reads it without a dependency (tomllib), it has no indentation to get wrong, and
"no" or "3.10" stay the text and the number they look like. A file that cannot be used is refused with a
Problem naming the file and the line ("lesson.*" codes), never a traceback.

    page = "linear_regression"
    start = "dataset=hours&epochs=100&lr=0.001"
    answer = "dataset=hours&epochs=2000&lr=0.01"
    title.en = "Reach the least-squares loss"
    title.ko = "최소제곱 손실에 도달하기"
    text.en = "..."
    text.ko = "..."

    [[goal]]
    checks = ["final_loss <= 4.5", "epochs <= 2000"]
    text.en = "A final loss of 4.5 or less in 2,000 epochs or fewer"
    text.ko = "..."

    [[hint]]
    en = "..."
    ko = "..."
"""
import math
import operator
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from .problems import Problem

LANGS = ("en", "ko")
# the pages a lesson can be on, tutorial order: their addresses' names -> their keys (ui/nav.py's PAGES, which
# tests/pages/test_lessons.py holds this to; written out here because ui.nav imports every page's modules)
PAGES = {"tensors": "tensors", "linear_regression": "linear", "gradient_descent": "descent", "sine": "sine",
         "mnist": "mnist", "classify": "classify"}
# a page that keeps two lists of runs: the list's key -> the page's (Sine's network runs apart from its cubic's)
RUNS_OF = {"sine_net": "sine"}
OPS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "==": operator.eq, "!=": operator.ne}


def _final_loss(kept):
    return kept.run.hist.loss[-1] if kept.run.hist.loss else math.nan


def _metric(name: str):
    return lambda kept: (kept.run.hist.metrics.get(name) or [math.nan])[-1]


def _neurons(kept):
    """The hidden neurons of a Classify network (its layers, "8-8-4"), or of Sine's (its width)."""
    layers = kept.inputs.get("layers")
    if layers is not None:
        return 0 if layers == "0" else sum(int(w) for w in str(layers).split("-"))
    return kept.inputs.get("width", math.nan) * kept.inputs.get("depth", 1) if "width" in kept.inputs else math.nan


def _depth(kept):
    """The hidden layers of a Classify network ("8-8-4": 3), or of Sine's."""
    layers = kept.inputs.get("layers")
    if layers is not None:
        return 0 if layers == "0" else len(str(layers).split("-"))
    return kept.inputs.get("depth", math.nan)


def _vanishing(kept):
    """Whether the run ends as the health view's "vanishing gradients": the first layer's gradient a small share
    of the last's (core.health.diagnose, on the gradients alone)."""
    watch = kept.run.health
    if watch is None:
        return False
    from . import health  # torch's: only a check that asks needs it
    return any(code == "vanishing" for code, _ in health.diagnose(watch.series, [], kept.run.hist.loss,
                                                                  kept.run.hist.diverged))


# what a check may measure on a kept run: its name -> (kind of value, how it is read)
MEASURES = {
    "final_loss": ("number", _final_loss),
    "test_accuracy": ("number", _metric("test accuracy")),
    "train_accuracy": ("number", _metric("train accuracy")),
    "epochs": ("number", lambda kept: len(kept.run.hist.loss)),
    "lr": ("number", lambda kept: kept.run.cfg.lr),
    "momentum": ("number", lambda kept: kept.run.cfg.momentum),
    "neurons": ("number", _neurons),
    "depth": ("number", _depth),
    "optimizer": ("text", lambda kept: kept.run.cfg.optimizer),
    "diverged": ("flag", lambda kept: kept.run.hist.diverged),
    "vanishing": ("flag", _vanishing),
}
_CHECK = re.compile(r"^\s*(not\s+)?([a-z_]+)\s*(?:(<=|>=|==|!=|<|>)\s*(.+?))?\s*$")


@dataclass(frozen=True)
class Check:
    """One test of a kept run: `measure` `op` `value`; a flag alone ("diverged", "not vanishing"): value True
    or False."""
    measure: str
    op: str
    value: object
    text: str  # as written, to say it back

    def value_of(self, kept):
        return MEASURES[self.measure][1](kept)

    def met(self, kept) -> bool:
        got = self.value_of(kept)
        if MEASURES[self.measure][0] == "flag":
            return bool(got) == self.value
        if isinstance(got, float) and math.isnan(got):
            return False
        return OPS[self.op](got, self.value)


@dataclass(frozen=True)
class Goal:
    checks: tuple[Check, ...]
    text: dict  # language -> words

    def met(self, kept) -> bool:
        """Every check on one and the same run."""
        return all(c.met(kept) for c in self.checks)


@dataclass(frozen=True)
class Lesson:
    name: str           # the file's stem: the lesson's address (?lesson=name)
    page: str
    start: dict         # the link's settings to open the page with: name -> value
    answer: dict
    title: dict
    text: dict
    goals: tuple[Goal, ...]
    hints: tuple[dict, ...]


def _line(raw: str, needle: str) -> int:
    """The line of the file where needle first appears (1 if nowhere): what a message points at."""
    at = raw.find(needle)
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def parse_check(text: str) -> Check:
    """'final_loss <= 4.5', 'optimizer == "sgd"', 'diverged', 'not vanishing' -> a Check; anything else raises
    "lesson.check"."""
    m = _CHECK.match(str(text))
    if not m or m.group(2) not in MEASURES:
        raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES))
    negated, measure, op, raw = m.groups()
    kind = MEASURES[measure][0]
    if kind == "flag":
        if op is not None:
            raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES))
        return Check(measure, "==", not negated, text)
    if op is None or negated:
        raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES))
    if kind == "text":
        value = raw.strip().strip('"').strip("'")
        if op not in ("==", "!=") or not value:
            raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES))
        return Check(measure, op, value, text)
    try:
        value = float(raw)
    except ValueError:
        raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES)) from None
    if not math.isfinite(value):
        raise Problem("lesson.check", check=str(text)[:60], measures=", ".join(MEASURES))
    return Check(measure, op, value, text)


def _words(table, what: str, file: str, raw: str) -> dict:
    """A {en, ko} table of words: both languages, each non-empty text."""
    if not isinstance(table, dict) or any(not isinstance(table.get(lang), str) or not table[lang].strip()
                                          for lang in LANGS):
        raise Problem("lesson.words", file=file, line=_line(raw, what), what=what)
    return {lang: table[lang].strip() for lang in LANGS}


def _settings(query, what: str, file: str, raw: str) -> dict:
    if not isinstance(query, str):
        raise Problem("lesson.field", file=file, line=_line(raw, what), field=what)
    return {k: v[-1] for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}


def load(path: Path) -> Lesson:
    """One lesson file -> a Lesson; a file that cannot be used raises a Problem naming it and the line."""
    file = path.name
    raw = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(err))) else 1
        raise Problem("lesson.toml", file=file, line=line, detail=str(err)[:120]) from None
    known = {"page", "start", "answer", "title", "text", "goal", "hint"}
    for key in data:
        if key not in known:
            raise Problem("lesson.unknown", file=file, line=_line(raw, key), field=key[:40],
                          fields=", ".join(sorted(known)))
    page = data.get("page")
    if page not in PAGES:
        raise Problem("lesson.page", file=file, line=_line(raw, "page"), page=str(page)[:40], pages=", ".join(PAGES))
    start, answer = _settings(data.get("start"), "start", file, raw), _settings(data.get("answer"), "answer", file, raw)
    title, text = _words(data.get("title"), "title", file, raw), _words(data.get("text"), "text", file, raw)
    goals = []
    for goal in data.get("goal", []):
        if not isinstance(goal, dict) or not goal.get("checks") or not isinstance(goal["checks"], list):
            raise Problem("lesson.field", file=file, line=_line(raw, "[[goal]]"), field="goal.checks")
        checks = []
        for written in goal["checks"]:
            try:
                checks.append(parse_check(written))
            except Problem as err:
                raise Problem("lesson.check_in", file=file, line=_line(raw, str(written)), **err.values) from None
        goals.append(Goal(tuple(checks), _words(goal.get("text"), "[[goal]]", file, raw)))
    if not goals:
        raise Problem("lesson.field", file=file, line=1, field="goal")
    return Lesson(path.stem, page, start, answer, title, text, tuple(goals),
                  tuple(_words(h, "[[hint]]", file, raw) for h in data.get("hint", [])))


FOLDER = Path(__file__).resolve().parents[1] / "lessons"


def load_all(folder: Path = FOLDER) -> tuple[dict[str, Lesson], list[Problem]]:
    """Every lesson in the folder, by name, and the Problems of the files refused (the app says them)."""
    lessons, problems = {}, []
    for path in sorted(folder.glob("*.toml")):
        try:
            lessons[path.stem] = load(path)
        except Problem as err:
            problems.append(err)
    return lessons, problems


def met(lesson: Lesson, kept_runs) -> list[bool]:
    """Each goal: whether some kept run meets all its checks."""
    return [any(goal.met(k) for k in kept_runs) for goal in lesson.goals]
