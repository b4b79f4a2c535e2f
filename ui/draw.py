"""A square to draw one digit on, white ink on black as MNIST's digits are, with a Clear button.

streamlit-drawable-canvas 0.13.0 reruns the script after every stroke, and forgets its drawing when its
key changes: Clear bumps a number in the key.
"""
from functools import partial

import numpy as np
import streamlit as st
from streamlit_drawable_canvas import st_canvas

import core
from ui import keys
from ui.i18n import t

SIDE = 280  # canvas pixels a side: ten to each of MNIST's 28, and it fits a phone or a 1024x768 projector
INK = 20    # stroke width: a digit drawn 150 to 250 pixels tall gets MNIST's thickness for its size


def canvas(page: str) -> np.ndarray | None:
    """The canvas and Clear beneath it -> the drawing, (SIDE, SIDE, 4) uint8 RGBA, or None while it holds no ink."""
    cleared = keys.of(page, "draw.cleared")
    result = st_canvas(stroke_width=INK, stroke_color="#ffffff", background_color="#000000",
                       width=SIDE, height=SIDE, drawing_mode="freedraw", return_image_data=True,
                       key=f"{page}.draw.canvas.{st.session_state.get(cleared, 0)}",
                       on_change=partial(mark, page, "draw"))  # it takes no args=
    # beneath, not above: the canvas's own toolbar (undo, redo, bin) floats over what is above it
    row = st.container(horizontal=True, vertical_alignment="center")
    row.button(t("mnist.draw.clear"), key=f"{page}.draw.clear", icon=":material/ink_eraser:",
               on_click=_clear, args=(page,))
    row.caption(t("mnist.draw.label"))
    drawing = result.image_data
    # a canvas emptied with its own bin still sends a (black) picture: no ink is no drawing
    return drawing if drawing is not None and core.images.has_ink(drawing) else None


def _clear(page: str) -> None:
    """A new key: the component starts again, empty."""
    cleared = keys.of(page, "draw.cleared")
    st.session_state[cleared] = st.session_state.get(cleared, 0) + 1


def mark(page: str, what: str) -> None:
    """Remember which the student gave last: "draw" or "upload"."""
    st.session_state[keys.of(page, "draw.last")] = what


def latest(page: str, drawing: np.ndarray | None, upload) -> str | None:
    """"draw" or "upload": the one to read, the newer of the two when both are there; None when neither is."""
    if drawing is not None and (upload is None or st.session_state.get(keys.of(page, "draw.last")) != "upload"):
        return "draw"
    return "upload" if upload is not None else None
