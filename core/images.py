"""Digit pictures: a student's upload or drawing made to look like MNIST, and a labelled grid of test digits."""
import io

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from .data import DataError, megabytes_apart, normalise

MAX_IMAGE_BYTES = 5_000_000
MAX_SIDE = 4000          # pixels; a bigger picture of one digit is a mistake or a decompression bomb
FORMATS = ("PNG", "JPEG", "MPO")  # MPO: the JPEG that many phone cameras write


def digit_from_upload(raw: bytes) -> tuple[torch.Tensor, np.ndarray]:
    """An uploaded PNG/JPG of one digit -> x (1, 1, 28, 28) scaled like MNIST, and the 28x28 uint8 it shows.

    As MNIST was made: grey, white ink on black (a light background is inverted), cropped to the ink,
    scaled so the longer side is 20 pixels, and centred on its centre of mass in a 28x28 frame.
    """
    if len(raw) > MAX_IMAGE_BYTES:
        mb, most = megabytes_apart(len(raw), MAX_IMAGE_BYTES)
        raise DataError("image.too_big", mb=mb, most=most)
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            kind, (w, h) = probe.format, probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise DataError("image.not_a_picture") from None
    if kind not in FORMATS:
        raise DataError("image.wrong_format", kind=str(kind))
    if max(w, h) > MAX_SIDE:
        raise DataError("image.too_many_pixels", width=w, height=h, most=MAX_SIDE)
    try:  # verify() checks little of a JPEG: a cut-off file fails only here, as it is decoded
        rgba = np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(raw))).convert("RGBA"))  # (H, W, 4)
    except (OSError, ValueError, SyntaxError) as err:
        raise DataError("image.damaged", detail=str(err)) from None
    return mnist_like(ink_of(rgba))


def digit_from_canvas(rgba: np.ndarray) -> tuple[torch.Tensor, np.ndarray]:
    """A drawing component's picture, (H, W, 4) uint8 RGBA -> what digit_from_upload returns.

    Whatever it holds: ink on a transparent background (of any colour), or on an opaque one, dark or light.
    """
    if not isinstance(rgba, np.ndarray):
        raise DataError("image.canvas_type", kind=type(rgba).__name__)
    if rgba.ndim != 3 or rgba.shape[2] != 4 or min(rgba.shape[:2]) < 1:
        raise DataError("image.canvas_shape", shape=str(tuple(rgba.shape)))
    if rgba.dtype != np.uint8:
        raise DataError("image.canvas_dtype", dtype=str(rgba.dtype))
    if max(rgba.shape[:2]) > MAX_SIDE:
        raise DataError("image.too_many_pixels", width=rgba.shape[1], height=rgba.shape[0], most=MAX_SIDE)
    return mnist_like(ink_of(rgba))


def ink_of(rgba: np.ndarray) -> np.ndarray:
    """(H, W, 4) uint8 RGBA -> (H, W) float32, the ink bright (0..255) on a black background.

    The background is what the picture's edges mostly show. A transparent one: the ink is whatever was
    painted, of any colour, so its opacity is the ink. An opaque one: grey, inverted if mostly light
    (dark ink on paper); transparent spots count as white paper, and the paper's own grey (its median)
    becomes pure black.
    """
    alpha = rgba[..., 3].astype(np.float32)                                # (H, W), 0..255
    edges = np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]])
    if np.median(edges) < 128:                                             # ink on a transparent background
        return alpha
    rgb = rgba[..., :3].astype(np.float32)
    grey = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)          # (H, W), as PIL's "L"
    opacity = alpha / 255.0
    grey = grey * opacity + 255.0 * (1.0 - opacity)                        # over white paper
    if grey.mean() > 127:                                                  # dark ink on light paper
        grey = 255 - grey
    return np.clip(grey - np.median(grey), 0, None)


FAINTEST = 40  # the least ink (0..255) a picture needs to hold a digit: less is a blank page


def has_ink(rgba: np.ndarray) -> bool:
    """Whether a drawing (H, W, 4) uint8 RGBA holds any ink: a canvas emptied with its own bin has none."""
    return bool(ink_of(rgba).max() >= FAINTEST)


def mnist_like(grey: np.ndarray) -> tuple[torch.Tensor, np.ndarray]:
    """(H, W) float ink, bright on black -> x (1, 1, 28, 28) scaled like MNIST, and seen (28, 28) uint8.

    As MNIST was made: cropped to the ink, scaled so the longer side is 20 pixels, and centred on its
    centre of mass in a 28x28 frame. No ink at all -> DataError("image.blank").
    """
    ink = grey > 0.25 * grey.max() if grey.max() > 0 else np.zeros_like(grey, bool)
    if grey.max() < FAINTEST or not ink.any():
        raise DataError("image.blank")
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    crop = grey[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    scale = 20 / max(crop.shape)
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    small = np.asarray(Image.fromarray(np.rint(crop).astype(np.uint8)).resize(size, Image.LANCZOS), dtype=np.float32)
    frame = np.zeros((28, 28), dtype=np.float32)
    ys, xs = np.indices(small.shape)
    mass = small.sum() or 1.0
    cy, cx = (ys * small).sum() / mass, (xs * small).sum() / mass           # centre of mass
    top = int(np.clip(round(14 - cy), 0, 28 - small.shape[0]))
    left = int(np.clip(round(14 - cx), 0, 28 - small.shape[1]))
    frame[top:top + small.shape[0], left:left + small.shape[1]] = small
    seen = np.clip(np.rint(frame * (255.0 / frame.max())), 0, 255).astype(np.uint8)  # (28, 28)
    return normalise(torch.from_numpy(seen).unsqueeze(0)), seen


def to_uint8(x: torch.Tensor) -> np.ndarray:
    """Normalised MNIST tensors (N, 1, 28, 28) back to (N, 28, 28) uint8 pictures."""
    return ((x.reshape(-1, 28, 28) * 0.5 + 0.5) * 255).round().clamp(0, 255).to(torch.uint8).numpy()


def digit_grid(images: np.ndarray, labels: list[int], predicted: list[int], cols: int = 8,
               scale: int = 3, wrong: str = "{pred} (is {true})") -> Image.Image:
    """Digits in a grid, each with its prediction beneath: green when right, red and framed when wrong.

    wrong: the caption of a mistake, with {pred} and {true}; keep it to Latin letters and digits,
    which PIL's built-in font draws.
    """
    cell, caption = 28 * scale, 22
    rows = max(1, -(-len(images) // cols))
    sheet = Image.new("RGB", (cols * (cell + 8), rows * (cell + caption + 8)), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=16)
    for k, (img, true, pred) in enumerate(zip(images, labels, predicted)):
        x0, y0 = (k % cols) * (cell + 8) + 4, (k // cols) * (cell + caption + 8) + 4
        sheet.paste(Image.fromarray(img).resize((cell, cell), Image.NEAREST).convert("RGB"), (x0, y0))
        right = true == pred
        colour = "#2b8a3e" if right else "#e03131"
        if not right:
            draw.rectangle([x0 - 3, y0 - 3, x0 + cell + 2, y0 + cell + 2], outline=colour, width=3)
        text = f"{pred}" if right else wrong.format(pred=pred, true=true)
        draw.text((x0 + cell // 2, y0 + cell + 2), text, fill=colour, font=font, anchor="ma")
    return sheet
