"""Torch Playground: the entrypoint. Navigation over the pages, and the settings they share."""
import streamlit as st

st.set_page_config(page_title="Torch Playground", page_icon=":material/local_fire_department:",
                   layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("pages/tensors.py", title="Tensors", icon=":material/grid_on:"),
    st.Page("pages/linear_regression.py", title="Linear regression", icon=":material/show_chart:"),
    st.Page("pages/gradient_descent.py", title="Gradient descent", icon=":material/trending_down:"),
    st.Page("pages/sine.py", title="Sine", icon=":material/waves:"),
    st.Page("pages/mnist.py", title="MNIST", icon=":material/draw:"),
]

st.navigation(PAGES).run()
