"""Record that the Korean table is up to date with the English one.

    python tools/translated.py

ui/lang/translated.json keeps, for every key, a short fingerprint of the English text its Korean was
written from. tests/pages/test_language.py compares it with today's English: a key whose English changed
since fails the test, named, until its Korean is brought up to date and this script is run again.
Run it only after checking the Korean of the keys the test names.
"""
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "ui" / "lang" / "translated.json"


def fingerprint(english: str) -> str:
    return hashlib.sha1(english.encode("utf-8")).hexdigest()[:10]


def fingerprints(strings: dict[str, str]) -> dict[str, str]:
    return {key: fingerprint(text) for key, text in sorted(strings.items())}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from ui import lang_en
    RECORD.write_text(json.dumps(fingerprints(lang_en.STRINGS), indent=0, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print(f"recorded {len(lang_en.STRINGS)} keys in {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
