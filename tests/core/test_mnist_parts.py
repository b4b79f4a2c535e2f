"""The MNIST page's parts: evaluation, the digit upload, the digit grid, and the downloads."""
import io
import re

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

import core
from core.data import DataError


def picture(kind="PNG", size=(200, 260), paper="white", ink="black", mode="RGB") -> bytes:
    img = Image.new(mode, size, paper)
    ImageDraw.Draw(img).line([(40, 40), (160, 40), (90, 220)], fill=ink, width=18)  # a 7
    buf = io.BytesIO()
    img.save(buf, kind)
    return buf.getvalue()


@pytest.mark.parametrize("raw", [picture(), picture("JPEG"), picture(paper="black", ink="white"),
                                 picture(mode="RGBA", paper=(0, 0, 0, 0), ink=(0, 0, 0, 255)),
                                 picture("JPEG", paper=(235, 235, 225), ink=(30, 30, 60))],
                         ids=["png", "jpg", "white-on-black", "transparent", "grey-paper"])
def test_an_upload_becomes_an_mnist_like_digit(raw):
    x, seen = core.images.digit_from_upload(raw)
    assert x.shape == (1, 1, 28, 28) and x.dtype == torch.float32
    assert seen.shape == (28, 28) and seen.dtype == np.uint8
    assert x.min().item() == -1.0 and x.max().item() == 1.0
    rows = np.flatnonzero(seen.max(axis=1) > 60)
    assert 17 <= rows[-1] - rows[0] + 1 <= 21                # scaled to about 20 pixels, as MNIST was
    assert seen[0].max() < 60 and seen[:, 0].max() < 60      # dark background
    assert np.median(seen) == 0                              # the paper is black, not grey
    ys, xs = np.indices(seen.shape)
    cy, cx = (ys * seen).sum() / seen.sum(), (xs * seen).sum() / seen.sum()
    assert abs(cy - 14) < 2 and abs(cx - 14) < 2               # centred on its centre of mass


@pytest.mark.parametrize("raw, says", [
    (b"this is not an image", "image.not_a_picture"),
    (b"%PDF-1.4 not an image", "image.not_a_picture"),
    (picture("GIF"), "image.wrong_format"),
    (picture(size=(16_100, 20)), "image.too_many_pixels"),
    (Image.new("L", (50, 50), 255).tobytes()[:10] + picture()[10:], "image.not_a_picture"),
    (picture(size=(60, 60), paper="white", ink="white"), "image.blank"),
    (b"\x00" * 11_000_000, "image.too_big"),
    (picture("JPEG")[:1500], "image.damaged|image.not_a_picture"),
], ids=["text", "pdf", "gif", "huge", "corrupt", "blank", "too-big", "cut-off-jpeg"])
def test_bad_uploads_are_refused_with_a_reason(raw, says):
    with pytest.raises(DataError) as err:
        core.images.digit_from_upload(raw)
    assert re.fullmatch(says, err.value.code)  # a code, said in the page's language by ui.i18n.say


def test_confusion_and_per_class_accuracy():
    labels = torch.tensor([0, 0, 1, 1, 2, 2])
    predicted = torch.tensor([0, 1, 1, 1, 0, 2])
    m = core.evaluation.confusion(labels, predicted, classes=3)
    assert m.tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 1]]
    assert core.evaluation.per_class_accuracy(m) == [0.5, 1.0, 0.5]


def test_predict_classes_agrees_with_evaluate():
    _, _, test_x, test_y, _ = core.data.load_mnist("sample")
    model = core.models.mlp(seed=1)
    predicted, probs = core.evaluation.predict_classes(model, test_x, batch_size=300)
    assert probs.shape == (1000, 10) and torch.allclose(probs.sum(dim=1), torch.ones(1000))
    assert (predicted == test_y).float().mean().item() == pytest.approx(core.evaluate(model, test_x, test_y))


def test_the_digit_grid_frames_the_mistakes():
    imgs = np.zeros((3, 28, 28), dtype=np.uint8)
    sheet = np.asarray(core.images.digit_grid(imgs, [1, 2, 3], [1, 5, 3], cols=3, scale=2))
    red = (sheet[..., 0] > 200) & (sheet[..., 1] < 80) & (sheet[..., 2] < 80)
    cell = sheet.shape[1] // 3
    assert not red[:, :cell].any() and red[:, cell:2 * cell].any() and not red[:, 2 * cell:].any()


def test_to_uint8_undoes_the_normalisation():
    raw = torch.randint(0, 256, (4, 28, 28), dtype=torch.uint8)
    assert np.array_equal(core.images.to_uint8(core.data.normalise(raw)), raw.numpy())


def test_the_downloads_load_back():
    x, y = core.data.table("line")
    model = core.models.linear()
    hist = core.train(model, core.losses.mse, x, y, core.TrainConfig(epochs=3),
                      metrics={"W": lambda m: m.weight.item()})
    state = torch.load(io.BytesIO(core.export.state_dict_bytes(model)))
    fresh = core.models.linear(init="ones")
    fresh.load_state_dict(state)
    assert fresh.weight.item() == model.weight.item()
    lines = core.export.history_csv(hist).splitlines()
    assert lines[0] == "epoch,loss,W" and len(lines) == 4
    assert float(lines[1].split(",")[1]) == pytest.approx(hist.loss[0], rel=1e-5)


def test_mnist_epochs_keep_about_a_minute():
    """The largest run allowed (full MNIST, batches of 16, 512-256) took 5 minutes at 10 epochs."""
    assert core.budget.mnist_epochs(60_000, (512, 256), 16) * core.budget.mnist_epoch_seconds(
        60_000, (512, 256), 16) <= 60
    assert core.budget.mnist_epochs(60_000, (512, 256), 16) < 10
    assert core.budget.mnist_epochs(4_000, (128, 64), 64) == 10  # the sample: the whole range stays


def test_a_failed_full_mnist_has_a_kind_in_words(monkeypatch, tmp_path):
    monkeypatch.delenv(core.data.OFFLINE, raising=False)
    monkeypatch.setattr(core.data, "_full", lambda root: (_ for _ in ()).throw(OSError("no mirror")))
    *_, used, (kind, detail) = core.data.load_mnist_with_reason("auto", root=tmp_path)
    assert used == "sample" and kind == "failed_network" and detail == "no mirror"
    assert core.data.mnist_failure(ImportError("torchvision")) == "torchvision"
