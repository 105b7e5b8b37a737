"""Small tools for the translation catalogs (uses polib).

fill-en          English is the source language: copy each msgid into an empty English msgstr.
missing          list entries without a translation (exit 1 if any): Dutch in every catalog, Turkish, Arabic
                 and Polish in the resident catalogs (a missing resident catalog counts too).
apply FILE.json [LANG]
                 apply {"msgid": "text"} (or {"msgid": ["singular", "plural"]}) to the catalogs of LANG
                 (default nl).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "wijkgeld"
# The catalogs of the pages residents use without an account: these speak all five languages (docs/languages.md).
RESIDENT_CATALOGS = ("", "core", "areas", "public", "voting", "community", "fund", "people")
RESIDENT_LANGUAGES = ("tr", "ar", "pl")


def catalogs(lang: str) -> list[Path]:
    return sorted(ROOT.glob(f"**/locale/{lang}/LC_MESSAGES/django.po"))


def resident_catalog(app: str, lang: str) -> Path:
    return ROOT / app / "locale" / lang / "LC_MESSAGES" / "django.po"


def untranslated(path: Path) -> list[str]:
    po = polib.pofile(str(path))
    return [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries() if not entry.obsolete]


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
    paths = catalogs("nl")
    for lang in RESIDENT_LANGUAGES:
        for app in RESIDENT_CATALOGS:
            path = resident_catalog(app, lang)
            if not path.exists():
                print(f"{path.relative_to(ROOT.parent)}: the catalog is missing")
                count += 1
            else:
                paths.append(path)
    for path in paths:
        for msgid in untranslated(path):
            print(f"{path.relative_to(ROOT.parent)}: {msgid!r}")
            count += 1
    return 1 if count else 0


def apply(source: str, lang: str = "nl") -> None:
    table = json.loads(Path(source).read_text(encoding="utf-8"))
    for path in catalogs(lang):
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
        apply(sys.argv[2], *sys.argv[3:4])
    else:
        print(__doc__)
        sys.exit(2)
