"""A file one byte over its limit is said so in both languages: "5.000001 MB; at most 5 MB", not "5.0 MB; 5 MB"."""
import re

import pytest

import core
from core.data import DataError
from ui.i18n import TABLES, t_in


def refusal(kind: str, size: int) -> DataError:
    with pytest.raises(DataError) as err:
        if kind == "image":
            core.images.digit_from_upload(b"\x00" * size)
        else:
            core.data.read_xy_csv(b"1,2\n" * (size // 4) + b"1" * (size % 4))
    return err.value


@pytest.mark.parametrize("kind, most", [("image", core.images.MAX_IMAGE_BYTES), ("csv", core.data.MAX_CSV_BYTES)])
@pytest.mark.parametrize("language", list(TABLES))
def test_one_byte_over_the_limit_reads_larger_than_the_limit(kind, most, language):
    err = refusal(kind, most + 1)
    assert err.code == f"{kind}.too_big"
    said = t_in(language, f"error.{err.code}", **err.values)
    numbers = re.findall(r"\d+(?:\.\d+)?", said)
    assert len(numbers) == 2 and float(numbers[0]) > float(numbers[1]), said
    assert float(numbers[0]) * 1e6 == pytest.approx(most + 1) and float(numbers[1]) * 1e6 == most


def test_sizes_get_only_the_decimals_they_need():
    assert core.data.megabytes_apart(7_340_032, 5_000_000) == ("7.3", "5")
    assert core.data.megabytes_apart(5_000_001, 5_000_000) == ("5.000001", "5")
    assert core.data.megabytes_apart(1_040_000, 1_000_000) == ("1.04", "1")
