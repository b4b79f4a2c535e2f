import streamlit as st

st.title("Page one")
st.write("Hello.")
