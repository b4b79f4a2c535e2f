"""Home: what the playground teaches, and a way into each page."""
import streamlit as st

from ui import nav
from ui.i18n import t

nav.ensure_entrypoint()

st.title("Torch Playground")
st.markdown(t("home.intro"))
st.code(t("home.loop"), language="python")
st.markdown(t("home.howto"))

cols = st.columns(5)
for col, (path, title, _) in zip(cols, nav.PAGES[1:]):
    with col.container(border=True):
        st.page_link(path, label=t(title))
        st.caption(t(title.replace("nav.", "home.blurb.")))
