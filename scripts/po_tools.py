"""Small tools for the translation catalogs (uses polib).

fill-en          English is the source language: copy each msgid into an empty English msgstr.
missing          list Dutch entries without a translation (exit 1 if any).
apply FILE.json  apply {"msgid": "Dutch text"} (or {"msgid": ["singular", "plural"]}) to the Dutch catalogs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "wijkgeld"


def catalogs(lang: str) -> list[Path]:
    return sorted(ROOT.glob(f"**/locale/{lang}/LC_MESSAGES/django.po"))


def fill_en() -> None:
    for path in catalogs("en"):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()


def missing() -> int:
    count = 0
    for path in catalogs("nl"):
        po = polib.pofile(str(path))
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            print(f"{path.relative_to(ROOT.parent)}: {entry.msgid!r}")
            count += 1
    return 1 if count else 0


def apply(source: str) -> None:
    table = json.loads(Path(source).read_text(encoding="utf-8"))
    for path in catalogs("nl"):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid in table:
                value = table[entry.msgid]
                if entry.msgid_plural:
                    singular, plural = value if isinstance(value, list) else (value, value)
                    entry.msgstr_plural = {0: singular, 1: plural}
                else:
                    entry.msgstr = value
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.save()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fill-en":
        fill_en()
    elif command == "missing":
        sys.exit(missing())
    elif command == "apply":
        apply(sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
