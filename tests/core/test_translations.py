"""Every resident-facing string exists in Dutch and English."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2] / "wijkgeld"
NL = sorted(ROOT.glob("**/locale/nl/LC_MESSAGES/django.po"))


def test_every_app_with_strings_has_both_catalogs():
    assert NL, "no Dutch catalogs found"
    for nl in NL:
        assert nl.parent.parent.parent.joinpath("en/LC_MESSAGES/django.po").exists(), nl


@pytest.mark.parametrize("path", NL, ids=lambda p: str(p.relative_to(ROOT)))
def test_dutch_catalog_is_complete(path):
    po = polib.pofile(str(path))
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == [], f"untranslated in {path}: {missing[:10]}"


@pytest.mark.parametrize("path", NL, ids=lambda p: str(p.relative_to(ROOT)))
def test_placeholders_survive_translation(path):
    import re

    pattern = re.compile(r"%\(\w+\)s|\{\w+\}")
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), entry.msgid


def test_no_source_text_has_two_different_dutch_translations():
    """Django merges the catalogs of all apps and the first app wins: a msgid translated differently in
    two apps silently shows the other app's text (a button label a test or a resident looks for)."""
    seen: dict[tuple[str | None, str], dict[str, str]] = {}
    for path in NL:
        app = path.relative_to(ROOT).parts[0]
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.msgid_plural:
                seen.setdefault((entry.msgctxt, entry.msgid), {})[app] = entry.msgstr
    conflicts = {key[1]: apps for key, apps in seen.items() if len(set(apps.values())) > 1}
    assert conflicts == {}
