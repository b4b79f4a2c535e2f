"""Here is the data, before "now train": every page draws its data, and the untrained model, on opening."""
import json

import pytest

from apptest_helpers import open_page


def specs(at) -> list[str]:
    """Each chart's spec as text, its words as written ("·", not "\\u00b7")."""
    return [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("vega_lite_chart")]


@pytest.mark.parametrize("page, key, drawn", [
    # the points and the zero line the tutorial starts from, W = b = 0
    ("pages/linear_regression.py", "linear", ["y = 0.0000 · x + 0.0000"]),
    # the (W, b) surface with the start of the path, in the third section
    ("pages/gradient_descent.py", "descent", ["SGD, lr 0.05"]),
    # sin(x), and the cubic from its randn start
    ("pages/sine.py", "sine", ["sin(x)", "before training"]),
    # the points with the untrained network's boundary, and the network
    ("pages/classify.py", "classify", ["Decision boundary", "network_0"]),
    # the point and the line W0 x + b0 that section 5 trains from
    ("pages/tensors.py", "tensors", ["The line walks to the point", "start"]),
])
def test_the_page_draws_its_data_and_model_before_train(app, page, key, drawn):
    open_page(app, page)
    assert not app.exception
    everything = "\n".join(specs(app))
    missing = [word for word in drawn if word not in everything]
    assert not missing, f"not drawn before Train: {missing}"
    # a picture of a run that has not begun: nothing trained, nothing in the runs list
    assert app.session_state[f"{key}.shown"].run is None if f"{key}.shown" in app.session_state else True
    assert not app.session_state[f"{key}.runs"].kept if f"{key}.runs" in app.session_state else True
    assert any("Press **Train**" in i.value for i in app.info)
    if key != "classify":  # beside the picture, the loss's place: a dash and a word, not an empty column
        assert [m.value for m in app.metric][:1] == ["–"], [m.value for m in app.metric]
        assert any("once you press Train" in c.value for c in app.caption)


@pytest.mark.parametrize("page, column", [("pages/linear_regression.py", "loss"),
                                          ("pages/sine.py", "sum of squares")])
def test_a_loss_not_yet_had_reads_as_a_dash_not_none(app, page, column):
    """Before Train the results table's trained row has no loss yet: "–", where it said "None"."""
    open_page(app, page)
    table = app.dataframe[0].value
    assert table[column].iloc[0] == "–", table
    assert float(table[column].iloc[1]) >= 0  # the closed form's loss, a number


def test_a_least_squares_zero_is_not_minus_zero(app):
    """The hours data's least-squares b came out -1e-07 and the table wrote "-0.0000"."""
    import math
    open_page(app, "pages/linear_regression.py")
    app.radio(key="linear.dataset").set_value("hours").run()
    b = app.dataframe[0].value["b"].iloc[1]
    assert b == 0 and math.copysign(1.0, b) == 1.0, b


def test_the_status_line_counts_batches_within_a_long_epoch():
    """MNIST said "Epoch 0 / 2" while 44 batches had trained: it looked stuck."""
    from types import SimpleNamespace

    from core.training import Progress
    from ui import live_run
    run = SimpleNamespace(hist=SimpleNamespace(loss=[]), cfg=SimpleNamespace(epochs=2),
                          last=Progress(epoch=0, step=44, steps_per_epoch=63, loss=None, epoch_end=False))
    assert live_run._progress_text(run, None) == "Epoch 0 / 2 · batch 44 / 63 of epoch 1"
