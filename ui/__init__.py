"""Streamlit pieces that every page shares: the training controls and the Train/Stop run."""
