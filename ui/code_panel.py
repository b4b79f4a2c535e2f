"""The code behind the knobs: the runnable script for the page's settings, or for one of its kept runs."""
import streamlit as st

import core
from ui import lesson_box, runs_list
from ui.i18n import t


def code_panel(page: str, recipe: core.codegen.Recipe, cfg: core.TrainConfig, file_name: str) -> str:
    """An expander with the script, a copy button (on the code) and a download; returns the script.

    When the page keeps runs, a choice picks whose script it is: the settings now, or any kept run's.
    """
    with st.expander(t("code.title"), icon=":material/code:"):
        recipe, cfg = _chosen(page, recipe, cfg)
        # the server's thread count, so the script sums and rounds as the page did; comments in its language
        parts = core.codegen.script_parts(recipe, cfg, threads=core.devices.share_the_cores(),
                                          words={key: t(key) for key in core.codegen.COMMENT_KEYS})
        code = "\n\n".join(c for _, c in parts) + "\n"  # core.codegen.script, from the parts the notebook takes
        st.caption(t("code.caption"))
        # wrapped: a line of 88 columns is wider than the box at 1024 px; a wrapped line keeps one number
        st.code(code, language="python", line_numbers=True, wrap_lines=True)
        # on_click="ignore": a download must not rerun the page, whose rerun could replace the file first
        row = st.container(horizontal=True)
        row.download_button(t("code.download"), code, file_name=file_name, mime="text/x-python",
                            key=f"{page}.download_code", icon=":material/download:", on_click="ignore")
        # the same script a part a cell, each after a heading in the page's language, after the lesson's task
        # when one is open. Built with the panel: a callable (built when pressed) missed its download in a
        # loaded CI run of tests/e2e/test_lessons_browser.py
        headings, task = {name: t(f"notebook.{name}") for name in core.codegen.PARTS}, lesson_box.task(page)
        row.download_button(t("code.download_notebook"),
                            core.notebook.notebook(parts, headings, recipe.title, task),
                            file_name=file_name.removesuffix(".py") + ".ipynb",
                            mime="application/x-ipynb+json", key=f"{page}.download_notebook",
                            icon=":material/book:", on_click="ignore")
    return code


def _chosen(page: str, recipe, cfg):
    """The recipe and config of the script to show: the settings now, or a kept run picked by the student."""
    kept = [k for k in runs_list.runs_of(page).kept if k.recipe is not None]
    if not kept:
        return recipe, cfg
    newest = runs_list.runs_of(page).newest
    choices = {0: t("code.now"), **{k.number: runs_list.label(k, newest) for k in kept}}
    pick = st.selectbox(t("code.which"), list(choices), format_func=choices.get, key=f"{page}.code_of")
    chosen = next((k for k in kept if k.number == pick), None)
    return (chosen.recipe, chosen.run.cfg) if chosen else (recipe, cfg)
