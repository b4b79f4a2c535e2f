"""The Korean interface: one table per language, the same keys, and ?lang=ko on every page."""
import re
import string
from pathlib import Path

import pytest

from apptest_helpers import PAGES
from test_links import opened
from ui import lang_en, lang_ko

ROOT = Path(__file__).resolve().parents[2]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_tables_have_the_same_keys_and_placeholders():
    assert set(lang_en.STRINGS) == set(lang_ko.STRINGS)
    for key, english in lang_en.STRINGS.items():
        assert fields(english) == fields(lang_ko.STRINGS[key]), key


def _translated():
    """tools/translated.py, loaded from its file (tools/ is not a package)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("translated", ROOT / "tools" / "translated.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stale_korean(english: dict[str, str]) -> list[str]:
    """Keys whose English changed since their Korean was written (tools/translated.py records when)."""
    import json
    tool = _translated()
    recorded = json.loads(tool.RECORD.read_text(encoding="utf-8"))
    return sorted(key for key, fp in tool.fingerprints(english).items() if recorded.get(key) != fp)


def test_no_korean_is_left_behind_its_english():
    """A key's English changed and its Korean did not: bring the Korean up to date, then run
    `python tools/translated.py` to record it."""
    assert stale_korean(lang_en.STRINGS) == []


def test_a_changed_english_string_is_found():
    changed = {**lang_en.STRINGS, "controls.lr": "Learning rate (step size)"}
    assert stale_korean(changed) == ["controls.lr"]


def test_the_korean_table_is_korean():
    hangul = re.compile("[\uac00-\ud7a3]")
    same = [
        k
        for k, v in lang_ko.STRINGS.items()
        if v == lang_en.STRINGS[k] and hangul.search(lang_en.STRINGS[k]) is None and not k.startswith("runs.value.")
    ]  # values in labels are names (ReLU, L2, CSV) in both
    # only names and formulas may stay as they are (MNIST, "x = 1, 2, 3 → y = 2, 4, 6", "{pred} (is {true})"...)
    assert len(same) <= 4, same
    assert lang_ko.STRINGS["controls.lr"] == "학습률"


@pytest.mark.parametrize("page", list(PAGES))
def test_lang_ko_shows_korean_labels(page):
    at = opened(page, lang="ko")
    assert not at.exception
    assert at.select_slider(key=f"{PAGES[page]}.lr").label == "학습률"
    assert at.number_input(key=f"{PAGES[page]}.epochs").label == "에포크"
    assert at.button(key=f"{PAGES[page]}.train").label == "학습"
    assert at.title[0].value == lang_ko.STRINGS[f"{PAGES[page]}.title"]


def test_a_korean_run_reports_in_korean():
    at = opened("pages/linear_regression.py", lang="ko", epochs="20")
    at.button(key="linear.train").click().run()
    assert any("에포크를" in s.value for s in at.success)
    assert any(m.label == "최종 손실" for m in at.metric)


def test_the_language_can_be_switched_in_the_sidebar():
    at = opened("pages/tensors.py")
    assert at.title[0].value == "Tensors and autograd"
    at.selectbox(key="app.lang").set_value("ko").run()
    assert at.title[0].value == "텐서와 autograd"


@pytest.mark.parametrize("page", list(PAGES))
def test_an_unknown_language_gives_a_warning_and_english(page):
    at = opened(page, lang="xx")
    assert not at.exception
    assert any("lang='xx'" in w.value for w in at.warning)
    assert at.select_slider(key=f"{PAGES[page]}.lr").label == "Learning rate"


SOURCES = [p for d in ("core", "ui", "pages") for p in (ROOT / d).glob("*.py")] + [ROOT / "streamlit_app.py"]
KEY_USE = re.compile(r"""\bt\(\s*["']([\w.]+)["']""")
PROBLEM = re.compile(r"""\b(?:Problem|DataError|TensorInputError)\(\s*["']([^"']+)["']""")


def test_both_tables_hold_every_key_the_code_uses():
    used = {key for p in SOURCES for key in KEY_USE.findall(p.read_text())}
    assert len(used) > 100  # the scan finds them
    for table in (lang_en.STRINGS, lang_ko.STRINGS):
        assert sorted(used - set(table)) == []


def test_every_problem_core_raises_is_a_code_with_words_in_both_tables():
    codes = {code for p in SOURCES for code in PROBLEM.findall(p.read_text())}
    assert [c for c in codes if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", c)] == []  # codes, not sentences
    for table in (lang_en.STRINGS, lang_ko.STRINGS):
        assert sorted(f"error.{c}" for c in codes if f"error.{c}" not in table) == []


def test_every_page_of_the_registry_has_its_title_and_blurb_in_both_tables():
    from ui import nav
    for table in (lang_en.STRINGS, lang_ko.STRINGS):
        for page in nav.PAGES:
            assert f"nav.{page.name}" in table
            assert page.name == "home" or f"home.blurb.{page.name}" in table


def test_korean_text_breaks_lines_between_words_not_inside_them():
    """Lines split words ("모/든", "줄/어드는", "됩니/다") until word-break: keep-all."""
    from test_links import opened
    korean = opened("pages/home.py", lang="ko")
    assert any("keep-all" in h.proto.body for h in korean.get("html"))
    english = opened("pages/home.py")
    assert not any("keep-all" in h.proto.body for h in english.get("html"))


def test_no_korean_particle_hangs_on_a_value_or_a_word_whose_sound_it_cannot_know():
    """"Adam 가", "CrossEntropyLoss 로": a particle whose form follows the sound before it (가/이, 를/을,
    는/은, 로/으로, 와/과) after a placeholder, or after a space, fits one value and not the next."""
    import re

    from ui import lang_ko
    particle = r"(가|이|를|을|는|은|와|과|로|으로)(?=[\s,.]|$)"
    after_value = re.compile(r"\{\w+\}\**" + particle)
    after_space = re.compile(r"[A-Za-z}]\*\* " + particle)
    bad = {k: v for k, v in lang_ko.STRINGS.items() if after_value.search(v) or after_space.search(v)}
    assert not bad, bad
