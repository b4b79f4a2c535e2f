"""Digit pictures: a student's upload or drawing made to look like MNIST, and a labelled grid of test digits."""
import io
import struct
import zlib

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from . import malloc
from .data import DataError, megabytes_apart, normalise

MAX_IMAGE_BYTES = 10_000_000
MAX_PIXELS = 64_000_000  # a 50-megapixel camera's photo, and room; more is a mistake or a decompression bomb
MAX_SIDE = 16_000        # pixels on the longer side (a panorama of one digit is not one)
FORMATS = ("PNG", "JPEG", "MPO")  # MPO: the JPEG that many phone cameras write
CANVAS_SIDE = 4000       # a drawing component's picture: ours is 280 x 280
READ_SIDE = 800          # a photo is read at about this size (its longer side): the digit needs 20 pixels
WHOLE_MOST = 4_000_000   # pixels of a PNG read whole where it cannot be read in strips (interlaced, 16-bit)


def digit_from_upload(raw: bytes) -> tuple[torch.Tensor, np.ndarray]:
    """An uploaded PNG/JPG of one digit -> x (1, 1, 28, 28) scaled like MNIST, and the 28x28 uint8 it shows.

    As MNIST was made: grey, white ink on black (a light background is inverted), cropped to the ink,
    scaled so the longer side is 20 pixels, and centred on its centre of mass in a 28x28 frame. The
    picture is made small as it is decoded (`reduced`): a phone's 12-megapixel photo never exists in
    memory at full size, so a class uploading photos costs a shared server a few MB each.
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
    if w * h > MAX_PIXELS:
        raise DataError("image.too_many_megapixels", width=w, height=h, mp=f"{w * h / 1e6:.0f}",
                        most=f"{MAX_PIXELS / 1e6:.0f}")
    try:  # verify() checks little of a JPEG: a cut-off file fails only here, as it is decoded
        rgba = reduced(raw)  # (h, w, 4) uint8, the longer side about READ_SIDE
    except (OSError, ValueError, SyntaxError, zlib.error) as err:
        raise DataError("image.damaged", detail=str(err)) from None
    finally:
        malloc.give_back()  # the decoder's buffers: a shared server keeps none of a photo
    return mnist_like(ink_of(rgba))


# EXIF orientation -> the transpose that puts the picture upright (as PIL.ImageOps.exif_transpose)
UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
           5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_90}


def reduced(raw: bytes, side: int = READ_SIDE) -> np.ndarray:
    """A PNG or JPEG -> (H, W, 4) uint8 RGBA, upright, its longer side between side and 2 x side
    (smaller pictures as they are), decoded without ever holding the picture at full size.

    JPEG: the decoder itself scales by 1/2, 1/4 or 1/8 (`draft`), so a 12-megapixel photo is decoded
    straight to about 1000 x 750. PNG has no such thing: `_png_in_strips` decodes it a band of rows at
    a time and shrinks each band before the next.
    """
    with Image.open(io.BytesIO(raw)) as im:
        turn = UPRIGHT.get(_orientation(raw, im))
        factor = max(1, max(im.size) // side)  # an integer box filter: the shrunk side stays >= side
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", (max(1, im.width // factor), max(1, im.height // factor)))
            small = im.convert("RGBA")
            factor = max(1, max(small.size) // side)
            small = small.reduce(factor) if factor > 1 else small
        else:
            small = _png_in_strips(raw, im, factor)
    if turn is not None:
        small = small.transpose(turn)
    return np.asarray(small)


def _orientation(raw: bytes, im: Image.Image) -> int | None:
    """The EXIF orientation (1 to 8) of a picture, read without decoding it (a PNG's getexif() would)."""
    if im.format != "PNG":
        return im.getexif().get(0x0112)
    exif = next((data for kind, data, _ in _chunks(raw) if kind == b"eXIf"), None)
    if exif is None:
        return None
    found = Image.Exif()
    found.load(exif)
    return found.get(0x0112)


def _chunks(raw: bytes):
    """A PNG's chunks as (type, data, the chunk's whole bytes), in order."""
    at = 8
    while at + 8 <= len(raw):
        size, kind = struct.unpack(">I4s", raw[at:at + 8])
        yield kind, raw[at + 8:at + 8 + size], raw[at:at + 12 + size]
        at += 12 + size


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_in_strips(raw: bytes, im: Image.Image, factor: int) -> Image.Image:
    """A PNG shrunk by `factor` (box filter), decoded `factor` x 16 rows at a time: (W/f, H/f) RGBA.

    PNG filters each row against the one above, so a band cannot be decoded alone. Each band is made
    a small PNG of its own whose first row is the band's previous row, unfiltered (PNG filter 0), as
    Pillow gave it: Pillow then unfilters the band exactly as it would the whole picture. Only 8-bit,
    non-interlaced PNGs (what phones and screenshots write) have rows Pillow gives back byte for byte;
    others are read whole when small (WHOLE_MOST pixels), else refused.
    """
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", raw[16:29])
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if depth != 8 or interlace or channels is None:
        if width * height > WHOLE_MOST:
            raise ValueError(f"a {depth}-bit{' interlaced' if interlace else ''} PNG this large cannot be read "
                             f"in parts; save it as JPEG or as an 8-bit PNG")
        whole = im.convert("RGBA")
        return whole.reduce(factor) if factor > 1 else whole
    stride = width * channels  # bytes of one row, after its filter byte
    before = b"".join(c for kind, _, c in _chunks(raw) if kind not in (b"IHDR", b"IDAT", b"IEND"))
    stream = zlib.decompressobj()
    idat = (data for kind, data, _ in _chunks(raw) if kind == b"IDAT")
    band_rows = factor * 16
    pending, previous, parts = b"", None, []
    for top in range(0, height, band_rows):
        rows = min(band_rows, height - top)
        need = rows * (stride + 1)
        while len(pending) < need:  # inflate no more than the band needs: one IDAT may hold the whole picture
            piece = stream.unconsumed_tail or next(idat, None)
            if piece is None:
                raise ValueError("the picture's data ends early")
            pending += stream.decompress(piece, need - len(pending))
        band, pending = pending[:need], pending[need:]
        lead = b"" if previous is None else b"\x00" + previous
        header = struct.pack(">IIBBBBB", width, rows + (previous is not None), 8, colour, 0, 0, 0)
        mini = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + before +
                _chunk(b"IDAT", zlib.compress(lead + band, 1)) + _chunk(b"IEND", b""))
        with Image.open(io.BytesIO(mini)) as part:
            part.load()
            previous = part.crop((0, part.height - 1, width, part.height)).tobytes()  # raw bytes: 8-bit
            if part.height > rows:
                part = part.crop((0, 1, width, part.height))
            part = part.convert("RGBA")
            parts.append(part.reduce(factor) if factor > 1 else part)
    sheet = Image.new("RGBA", (parts[0].width, sum(p.height for p in parts)))
    y = 0
    for p in parts:
        sheet.paste(p, (0, y))
        y += p.height
    return sheet


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
    if max(rgba.shape[:2]) > CANVAS_SIDE:
        raise DataError("image.too_many_pixels", width=rgba.shape[1], height=rgba.shape[0], most=CANVAS_SIDE)
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
