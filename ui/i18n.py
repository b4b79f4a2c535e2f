"""The interface's language: t(key) looks a string up in the table of the chosen language.

One table per language (ui/lang_en.py, ui/lang_ko.py), with the same keys; a test keeps them alike.
"""
import streamlit as st

from ui import lang_en, lang_ko

LANGS = {"en": "English", "ko": "한국어"}
TABLES = {"en": lang_en.STRINGS, "ko": lang_ko.STRINGS}
KEY = "app.lang"


def lang() -> str:
    return st.session_state.get(KEY, "en") if st.session_state.get(KEY) in TABLES else "en"


def t(key: str, **values) -> str:
    """The string `key` in the session's language, with {placeholders} filled from `values`."""
    text = TABLES[lang()].get(key) or lang_en.STRINGS[key]
    return text.format(**values) if values else text
