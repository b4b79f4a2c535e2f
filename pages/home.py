"""Home: what the playground teaches, and a way into each page."""
import streamlit as st

from ui import nav
from ui.i18n import t

nav.ensure_entrypoint()

st.title("Torch Playground")
st.markdown(t("home.intro"))
st.code(t("home.loop"), language="python")
st.markdown(t("home.howto"))

cards = st.container(horizontal=True, wrap=True)  # as many a row as fit: whole titles on a projector too
for page in nav.PAGES[1:]:
    with cards.container(border=True, width=230):
        st.page_link(page.file, label=t(f"nav.{page.name}"), icon=page.icon)
        st.caption(t(f"home.blurb.{page.name}"))
