"""`streamlit run server.py`: the app (streamlit_app.py) on Streamlit's ASGI server (st.App), which loads
torch and the training code as the server starts, before it answers: the first visitors find them ready.

`streamlit run streamlit_app.py` runs the same app on Streamlit's classic server, which has no start-up
hook: there the first visitor's session starts the load, once its page is drawn.
"""
import asyncio
import contextlib

import streamlit as st


@contextlib.asynccontextmanager
async def lifespan(app):
    from ui import nav
    await asyncio.to_thread(nav.load_now)  # about 3 s on a 2-core machine; the server answers after it
    yield


app = st.App("streamlit_app.py", lifespan=lifespan)
