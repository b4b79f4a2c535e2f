"""A phone photo is read small as it is decoded: the same pixels as a whole decode, upright, and a few MB."""
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import core
from core.data import DataError

ROOT = Path(__file__).resolve().parents[2]


def png(image: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **kw)
    return out.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "LA", "P"])
@pytest.mark.parametrize("factor", [1, 3])
def test_a_png_read_in_strips_is_the_whole_decode_shrunk(mode, factor):
    noise = np.random.default_rng(1).integers(0, 256, (301, 450, 4), dtype=np.uint8)  # every PNG filter shows up
    raw = png(Image.fromarray(noise, "RGBA").convert(mode))
    with Image.open(io.BytesIO(raw)) as im:
        got = core.images._png_in_strips(raw, im, factor)
    whole = Image.open(io.BytesIO(raw)).convert("RGBA")
    assert np.array_equal(np.asarray(got), np.asarray(whole.reduce(factor) if factor > 1 else whole))


def test_a_big_photo_is_read_at_about_the_reading_size():
    raw = png(Image.new("RGB", (4032, 3024), "white"))
    assert core.images.reduced(raw).shape == (605, 807, 4)  # 4032 // 800 = 5: one pixel a box of 5 x 5


def test_16_bit_and_interlaced_pngs_are_read_whole_when_small_and_refused_when_large():
    small = png(Image.new("I;16", (300, 200), 1000))
    assert core.images.reduced(small).shape == (200, 300, 4)
    large = png(Image.new("RGB", (2100, 2000), "white"), interlace=1)  # Pillow writes no Adam7: fake its flag
    header = bytearray(large)
    header[28] = 1
    with pytest.raises(ValueError, match="cannot be read in parts"):
        core.images._png_in_strips(bytes(header), Image.open(io.BytesIO(large)), 2)


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_photo_taken_sideways_is_read_upright(kind):
    picture = Image.new("RGB", (1200, 900), "white")  # landscape pixels, the camera held upright
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 clockwise to view"
    out = io.BytesIO()
    picture.save(out, kind, exif=exif.tobytes())
    assert core.images.reduced(out.getvalue()).shape[:2] == (1200, 900)


def test_photos_up_to_50_megapixels_are_accepted_and_larger_ones_refused_in_words():
    x, seen = core.images.digit_from_upload(photo_bytes(8192, 6144, "JPEG"))
    assert x.shape == (1, 1, 28, 28) and seen.max() == 255
    with pytest.raises(DataError) as err:
        core.images.digit_from_upload(photo_bytes(9000, 8000, "JPEG"))
    assert err.value.code == "image.too_many_megapixels" and err.value.values["mp"] == "72"


def photo_bytes(width: int, height: int, kind: str) -> bytes:
    """A light page with a dark stroke on it, as a phone would photograph a digit."""
    small = Image.new("L", (width // 16, height // 16), 210)
    small.paste(40, (small.width // 3, small.height // 4, small.width // 3 + small.width // 10, 3 * small.height // 4))
    out = io.BytesIO()
    small.resize((width, height)).convert("RGB").save(out, kind)
    return out.getvalue()


MEASURE = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    import core
    core.images.digit_from_upload(Path(sys.argv[1]).read_bytes())  # the first call loads what it uses once
    raw = Path(sys.argv[2]).read_bytes()
    status = Path("/proc/self/status")
    rss = lambda field: int(next(l for l in status.read_text().splitlines() if l.startswith(field)).split()[1])
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts from now
    before = rss("VmRSS:")
    core.images.digit_from_upload(raw)
    print((rss("VmHWM:") - before) / 1024)
""")


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc high-water mark")
@pytest.mark.parametrize("width, height, kind", [(4032, 3024, "JPEG"), (3024, 4032, "PNG")])
def test_a_phone_photo_costs_the_process_a_few_megabytes(tmp_path, width, height, kind):
    warm, photo = tmp_path / "warm", tmp_path / "photo"
    warm.write_bytes(photo_bytes(640, 480, kind))
    photo.write_bytes(photo_bytes(width, height, kind))
    out = subprocess.run([sys.executable, "-c", MEASURE.format(root=str(ROOT)), str(warm), str(photo)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    grew = float(out.stdout.split()[-1])
    # at full size the picture alone is 49 MB as RGBA (12.2 megapixels x 4 bytes); the bound is 40
    assert grew < 40, f"reading a {width}x{height} {kind} raised the peak by {grew:.0f} MB"
