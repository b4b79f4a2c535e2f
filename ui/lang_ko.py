"""The interface in Korean: every label, help text, explanation and chart title, by key.

One table a part of the app (ui/lang/ko/); keys start with the part's name ("mnist.", "run.", "error.").
"""
from ui.lang.ko import app, classify, descent, errors, linear, mnist, sine, tensors, training

STRINGS = {**app.STRINGS, **training.STRINGS, **errors.STRINGS, **tensors.STRINGS, **linear.STRINGS,
           **descent.STRINGS, **sine.STRINGS, **mnist.STRINGS, **classify.STRINGS}
