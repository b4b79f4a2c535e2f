"""A trivial two-page Streamlit app: the floor our first paint is measured against (bench/first_paint.py)."""
import streamlit as st

page = st.navigation([st.Page("pages/one.py", title="One", default=True), st.Page("pages/two.py", title="Two")])
page.run()
