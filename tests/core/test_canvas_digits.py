"""A digit drawn on a canvas is prepared as MNIST was: test digits drawn large, anywhere, in each of the
three forms a drawing component returns, are read almost as well as the raw digits."""
import io

import numpy as np
import pytest
import torch
from PIL import Image

import core
from core.data import DataError

SIZES = [(280, 280), (400, 600), (720, 480), (1000, 1000)]  # (H, W) canvases
FORMS = ["transparent", "on_black", "on_white"]
N = 400  # test digits per form: each a canvas of up to a million pixels


def on_canvas(digit: np.ndarray, form: str, size: tuple[int, int], rng: np.random.Generator,
              ink=(255, 255, 255)) -> np.ndarray:
    """A 28x28 uint8 digit (white on black) drawn on an (H, W, 4) uint8 canvas, scaled 3 to 12 times
    (as large as fits), at a random place, in one of the three forms."""
    h, w = size
    scale = rng.uniform(3, min(12, min(h, w) / 28))
    side = int(28 * scale)
    big = np.asarray(Image.fromarray(digit).resize((side, side), Image.BILINEAR))      # (side, side)
    top, left = rng.integers(0, h - side + 1), rng.integers(0, w - side + 1)
    value = np.zeros((h, w), np.uint8)
    value[top:top + side, left:left + side] = big
    canvas = np.zeros((h, w, 4), np.uint8)
    if form == "transparent":   # ink of some colour, its opacity the stroke; the rest (0, 0, 0, 0)
        canvas[..., :3] = np.where(value[..., None] > 0, np.array(ink, np.uint8), 0)
        canvas[..., 3] = value
    elif form == "on_black":    # white ink on an opaque black background
        canvas[..., :3] = value[..., None]
        canvas[..., 3] = 255
    else:                       # dark ink on an opaque white background
        canvas[..., :3] = 255 - value[..., None]
        canvas[..., 3] = 255
    return canvas


@pytest.fixture(scope="module")
def sample():
    return core.data.load_mnist("sample")


@pytest.fixture(scope="module")
def model(sample):
    """The tutorial's MLP trained briefly on the bundled sample: once for the module."""
    train_x, train_y, *_ = sample
    net = core.models.mlp(seed=0)
    core.train(net, core.losses.cross_entropy, train_x, train_y,
               core.TrainConfig(lr=1e-3, epochs=5, optimizer="adam", batch_size=64, seed=0))
    return net


@pytest.mark.parametrize("form", FORMS)
def test_digits_drawn_on_a_canvas_are_read_as_well_as_the_raw_ones(sample, model, form):
    _, _, test_x, test_y, _ = sample
    rng = np.random.default_rng(FORMS.index(form))
    pick = rng.permutation(len(test_x))[:N]
    digits = core.images.to_uint8(test_x[pick])                                      # (N, 28, 28)
    inks = [(255, 255, 255), (0, 0, 0), (200, 30, 30)]  # on a transparent canvas the ink may be any colour
    xs = torch.cat([core.images.digit_from_canvas(on_canvas(d, form, SIZES[i % len(SIZES)], rng,
                                                            ink=inks[i % len(inks)]))[0]
                    for i, d in enumerate(digits)])                                  # (N, 1, 28, 28)
    raw = core.evaluate(model, test_x[pick], test_y[pick])
    drawn = core.evaluate(model, xs, test_y[pick])
    assert raw > 0.85  # a model that has learned something: the comparison means little otherwise
    assert drawn >= raw - 0.03, f"{form}: drawn {drawn:.1%} against raw {raw:.1%}"


def test_the_three_forms_give_the_same_digit(sample):
    """The same strokes, on transparent, black or white: the model sees one picture."""
    digit = core.images.to_uint8(sample[2][:1])[0]
    seen = [core.images.digit_from_canvas(on_canvas(digit, form, (400, 600), np.random.default_rng(5)))[1]
            for form in FORMS]
    assert np.abs(seen[0].astype(int) - seen[1]).max() <= 1
    assert np.abs(seen[1].astype(int) - seen[2]).max() <= 1


@pytest.mark.parametrize("form", FORMS)
def test_a_canvas_and_its_png_upload_are_one_pipeline(sample, form):
    """digit_from_upload and digit_from_canvas share their preparation: a canvas saved as a PNG and
    uploaded gives the same tensor."""
    canvas = on_canvas(core.images.to_uint8(sample[2][3:4])[0], form, (280, 280), np.random.default_rng(1))
    buf = io.BytesIO()
    Image.fromarray(canvas, "RGBA").save(buf, "PNG")
    x_canvas, seen_canvas = core.images.digit_from_canvas(canvas)
    x_upload, seen_upload = core.images.digit_from_upload(buf.getvalue())
    assert np.array_equal(seen_canvas, seen_upload) and torch.equal(x_canvas, x_upload)
    assert x_canvas.shape == (1, 1, 28, 28) and x_canvas.dtype == torch.float32
    assert seen_canvas.shape == (28, 28) and seen_canvas.dtype == np.uint8
    assert x_canvas.min().item() == -1.0 and x_canvas.max().item() == 1.0


def test_a_stroke_is_framed_as_mnist_frames_a_one():
    """A vertical stroke anywhere on a big canvas: 20 pixels tall, centred, as the browser test draws it."""
    canvas = np.zeros((280, 280, 4), np.uint8)
    canvas[..., 3] = 255
    canvas[40:200, 200:218, :3] = 255
    _, seen = core.images.digit_from_canvas(canvas)
    rows, cols = np.flatnonzero(seen.max(axis=1) > 60), np.flatnonzero(seen.max(axis=0) > 60)
    assert rows[-1] - rows[0] + 1 == 20 and cols[-1] - cols[0] + 1 <= 4
    assert abs((rows[0] + rows[-1]) / 2 - 13.5) <= 1 and abs((cols[0] + cols[-1]) / 2 - 13.5) <= 1


def blank(kind: str) -> np.ndarray:
    canvas = np.zeros((280, 280, 4), np.uint8)
    if kind == "on_black":
        canvas[..., 3] = 255
    elif kind == "on_white":
        canvas[...] = 255
    elif kind == "faint":  # a smudge too light to be ink
        canvas[..., 3] = 255
        canvas[100:110, 100:110, :3] = 20
    return canvas


@pytest.mark.parametrize("kind", ["transparent", "on_black", "on_white", "faint"])
def test_a_blank_canvas_is_a_problem_not_a_digit(kind):
    with pytest.raises(DataError) as err:
        core.images.digit_from_canvas(blank(kind))
    assert err.value.code == "image.blank"


@pytest.mark.parametrize("value, code", [
    (np.zeros((280, 280), np.uint8), "image.canvas_shape"),
    (np.zeros((280, 280, 3), np.uint8), "image.canvas_shape"),
    (np.zeros((0, 280, 4), np.uint8), "image.canvas_shape"),
    (np.zeros((1, 280, 280, 4), np.uint8), "image.canvas_shape"),
    (np.zeros((280, 280, 4), np.float32), "image.canvas_dtype"),
    (np.zeros((280, 280, 4), np.int64), "image.canvas_dtype"),
    ([[0, 0, 0, 0]], "image.canvas_type"),
    (None, "image.canvas_type"),
    (np.zeros((5000, 10, 4), np.uint8), "image.too_many_pixels"),
], ids=["2d", "rgb", "empty", "batched", "float", "int64", "list", "none", "huge"])
def test_a_wrong_array_is_a_clear_problem(value, code):
    with pytest.raises(DataError) as err:
        core.images.digit_from_canvas(value)
    assert err.value.code == code
    assert str(err.value).startswith(code)  # its values go into the sentence: the shape or dtype it got


def test_the_probability_bars_name_every_digit_and_write_only_the_visible_values():
    """Beside the canvas at 1024x768 the chart is about 220 px wide: Vega hid every other digit, and
    ten "0%" ran into one another."""
    probs = [0.0, 0.001, 0.0, 0.02, 0.0, 0.0, 0.0, 0.88, 0.0, 0.099]
    spec = core.charts.bars(list(range(10)), probs, highlight=7, label_from=0.01).to_dict()
    bars, text = spec["layer"]
    assert bars["encoding"]["x"]["axis"]["labelOverlap"] is False
    assert text["transform"] == [{"filter": "(datum.value >= 0.01)"}]
    assert "transform" not in core.charts.bars(list(range(10)), probs).to_dict()["layer"][1]  # by default, all
