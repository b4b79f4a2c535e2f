"""The code behind the knobs: the runnable script for the page's current settings."""
import streamlit as st

import core


def code_panel(page: str, recipe: core.codegen.Recipe, cfg: core.TrainConfig, file_name: str) -> str:
    """An expander with the script, a copy button (on the code) and a download; returns the script."""
    code = core.codegen.script(recipe, cfg)
    with st.expander("The PyTorch code for these settings", icon=":material/code:"):
        st.caption("A complete script for the settings above. Run it with `python` and it prints the same "
                   "**Final loss** this page shows after training with them.")
        st.code(code, language="python", line_numbers=True)
        st.download_button("Download as .py", code, file_name=file_name, mime="text/x-python",
                           key=f"{page}.download_code", icon=":material/download:")
    return code
