"""The interface's language: t(key) looks a string up in the table of the chosen language.

One table per language (ui/lang_en.py, ui/lang_ko.py), with the same keys; a test keeps them alike.
Problems from core (core.problems.Problem) are said through say(), from the keys "error.<code>".
"""
import re

import streamlit as st

from ui import keys, lang_en, lang_ko

LANGS = {"en": "English", "ko": "한국어"}
TABLES = {"en": lang_en.STRINGS, "ko": lang_ko.STRINGS}
KEY = keys.LANG


def lang() -> str:
    return st.session_state.get(KEY, "en") if st.session_state.get(KEY) in TABLES else "en"


# Korean breaks lines between syllables by default, splitting words ("모/든", "됩니/다"); keep-all breaks
# only at spaces, as Korean text is set. A word longer than its line may still break (overflow-wrap).
# On every element: Streamlit's own paragraphs and captions set word-break: break-word, which an inherited
# value does not override (the Tensors and MNIST intros and Classify's captions still split words).
# The file uploader's own hint ("5MB per file • CSV, TXT") is English whatever the language: hidden, as
# each uploader's label says its limit in words.
KOREAN_CSS = ("<style>.stApp, .stApp *, [data-testid='stPopoverBody'] * "  # a popover's body: outside .stApp
              "{ word-break: keep-all !important; overflow-wrap: break-word; }\n"
              "[data-testid='stFileUploaderDropzoneInstructions'] { display: none; }</style>")


def style() -> None:
    """The language's own CSS, once a script run (a style-only st.html takes no room on the page)."""
    if lang() == "ko":
        st.html(KOREAN_CSS)


def has(key: str) -> bool:
    """Whether the tables word `key` (English is complete; Korean is checked against it by the tests)."""
    return key in lang_en.STRINGS


def t(key: str, **values) -> str:
    """The string `key` in the session's language, with {placeholders} filled from `values`.

    A sentence that sends the student to the settings says where they are with {sidebar}: the sidebar,
    or in presenter mode, where the sidebar is hidden, the stage's **Settings**."""
    language = lang()
    if "sidebar" not in values and "{sidebar}" in _text(language, key) and st.session_state.get(keys.PRESENT):
        values["sidebar"] = f"**{t_in(language, 'present.settings')}**"
    return t_in(language, key, **values)


def _text(language: str, key: str) -> str:
    return TABLES[language].get(key) or lang_en.STRINGS[key]


def t_in(language: str, key: str, **values) -> str:
    """The string `key` in `language`: for what is drawn once for every session in that language."""
    text = _text(language, key)
    if "sidebar" not in values and "{sidebar}" in text:
        values["sidebar"] = _text(language, "where.sidebar")
    return text.format(**values) if values else text


# Every character Streamlit's Markdown gives a meaning to: emphasis, links, images, headings, lists,
# tables, code, LaTeX ($), icons and colours (:material/x:, :red[...]), HTML (<, &).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=^])")


def md(text) -> str:
    """User text made safe to put into Markdown: it shows as the characters typed, and nothing renders."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", " ")


def say(problem) -> str:
    """A core.problems.Problem in the session's language, as Markdown; the values are escaped text."""
    return t(f"error.{problem.code}", **{k: md(v) if isinstance(v, str) else v for k, v in problem.values.items()})
