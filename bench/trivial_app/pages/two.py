import streamlit as st

st.title("Page two")
st.slider("A number", 0, 10, 5)
