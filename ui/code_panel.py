"""The code behind the knobs: the runnable script for the page's current settings."""
import streamlit as st

import core
from ui import nav
from ui.i18n import t


def code_panel(page: str, recipe: core.codegen.Recipe, cfg: core.TrainConfig, file_name: str) -> str:
    """An expander with the script, a copy button (on the code) and a download; returns the script."""
    # the server's thread count, so the script sums and rounds as the page did
    code = core.codegen.script(recipe, cfg, threads=nav.share_the_cores(),
                               words={key: t(key) for key in core.codegen.COMMENT_KEYS})  # comments in the page's language
    with st.expander(t("code.title"), icon=":material/code:"):
        st.caption(t("code.caption"))
        st.code(code, language="python", line_numbers=True)
        st.download_button(t("code.download"), code, file_name=file_name, mime="text/x-python",
                           key=f"{page}.download_code", icon=":material/download:")
    return code
