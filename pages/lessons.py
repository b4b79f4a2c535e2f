"""Lessons: the tasks in lessons/, by tutorial; each opens its page with its starting settings and its goals
above Train. Like Home, it needs no torch: a class opens it before any page has trained."""
import streamlit as st

from core import lessons
from ui import lesson_box, nav
from ui.i18n import t

nav.ensure_entrypoint()

st.title(t("lessons.title"))
lesson_box.refused()
st.markdown(t("lessons.intro"))
lesson_box.index()
with st.expander(t("lessons.write"), icon=":material/edit_note:"):
    st.markdown(t("lessons.write_help", measures=", ".join(f"`{m}`" for m in lessons.MEASURES)))
