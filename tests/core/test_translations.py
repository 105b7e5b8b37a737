"""Every resident-facing string exists in all five languages (docs/languages.md).

Dutch and English cover every catalog. The eight resident catalogs (the pages a resident uses without an account,
the voting letter and the paper ballot) also exist in Turkish, Arabic and Polish, completely translated, with a
header that says how the translation was made and what awaits review by a native speaker. And the catalogs are
in step with the sources: a string added to a resident template or module without running
scripts/makemessages.sh fails here, in every language.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2] / "wijkgeld"
NL = sorted(ROOT.glob("**/locale/nl/LC_MESSAGES/django.po"))
# "" is the shared catalog (wijkgeld/locale: base templates, error pages, the language switch).
RESIDENT_CATALOGS = ("", "core", "areas", "public", "voting", "community", "fund", "people")
RESIDENT_LANGUAGES = ("tr", "ar", "pl")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalog(app: str, lang: str) -> Path:
    return ROOT / app / "locale" / lang / "LC_MESSAGES" / "django.po"


def live(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


RESIDENT = [(app, lang) for app in RESIDENT_CATALOGS for lang in RESIDENT_LANGUAGES]


def resident_id(case) -> str:
    app, lang = case
    return f"{app or 'shared'}-{lang}"


def test_every_app_with_strings_has_both_catalogs():
    assert NL, "no Dutch catalogs found"
    for nl in NL:
        assert nl.parent.parent.parent.joinpath("en/LC_MESSAGES/django.po").exists(), nl


def test_the_resident_catalogs_are_the_ones_the_tools_and_pages_use():
    """scripts/po_tools.py and scripts/makemessages.sh name the same eight catalogs as this test."""
    sys.path.insert(0, str(ROOT.parent / "scripts"))
    try:
        import po_tools
    finally:
        sys.path.pop(0)
    assert tuple(po_tools.RESIDENT_CATALOGS) == RESIDENT_CATALOGS
    script = (ROOT.parent / "scripts" / "makemessages.sh").read_text()
    assert 'RESIDENT_APPS=" core areas public voting community fund people "' in script
    for app in RESIDENT_CATALOGS:
        assert catalog(app, "nl").exists(), app


@pytest.mark.parametrize("path", NL, ids=lambda p: str(p.relative_to(ROOT)))
def test_dutch_catalog_is_complete(path):
    po = polib.pofile(str(path))
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == [], f"untranslated in {path}: {missing[:10]}"


@pytest.mark.parametrize("case", RESIDENT, ids=resident_id)
def test_resident_catalog_exists_and_translates_every_dutch_entry(case):
    app, lang = case
    path = catalog(app, lang)
    assert path.exists(), f"{path.relative_to(ROOT.parent)} is missing: residents would see English"
    entries = {(e.msgctxt, e.msgid): e for e in live(path)}
    untranslated = []
    for nl in live(catalog(app, "nl")):
        entry = entries.get((nl.msgctxt, nl.msgid))
        if entry is None or "fuzzy" in entry.flags:
            untranslated.append(nl.msgid)
        elif nl.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                untranslated.append(nl.msgid)
        elif not entry.msgstr.strip():
            untranslated.append(nl.msgid)
    assert untranslated == [], f"{len(untranslated)} untranslated in {path}: {untranslated[:10]}"


@pytest.mark.parametrize("case", RESIDENT, ids=resident_id)
def test_resident_catalog_says_how_it_was_made_and_what_awaits_review(case):
    path = catalog(app := case[0], case[1])
    if not path.exists():
        pytest.fail(f"{path} is missing")
    header = polib.pofile(str(path)).header
    assert re.search(r"^Made:", header, re.MULTILINE | re.IGNORECASE), f"{app or 'shared'}: no 'Made:' note"
    assert re.search(r"^Review:", header, re.MULTILINE | re.IGNORECASE), (
        f"{app or 'shared'}: no 'Review:' note"
    )
    assert polib.pofile(str(path)).metadata.get("Language") == case[1]


LANGUAGE_CATALOGS = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("path", LANGUAGE_CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_placeholders_and_tags_survive_translation(path):
    """A lost %(amount)s or a broken tag would crash the page or show nonsense, in any language."""
    for entry in polib.pofile(str(path)).translated_entries():
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        wanted = sorted(set(PLACEHOLDER.findall(" ".join(sources))))
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            found = sorted(set(PLACEHOLDER.findall(text)))
            # A plural form may leave out the number ("one idea"), never add or rename a placeholder.
            ok = set(found) <= set(wanted) if entry.msgid_plural else found == wanted
            assert ok, f"{path}: {entry.msgid!r} -> {text!r}"
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(entry.msgid)) or entry.msgid_plural, (
                f"{path}: tags differ in {entry.msgid!r}"
            )


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


def _extract(app: str, tmp_path: Path) -> set[tuple[str | None, str]]:
    """The msgids Django's makemessages finds in the sources of one resident catalog (in a copy, so that the
    real catalogs are never touched)."""
    source = ROOT / app if app else ROOT
    work = tmp_path / (app or "shared")
    if app:
        shutil.copytree(
            source, work, ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "tests")
        )
    else:  # the shared catalog: the project templates and the package's own modules
        shutil.copytree(source / "templates", work / "templates")
        for module in source.glob("*.py"):
            shutil.copy(module, work / module.name)
    (work / "locale").mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-location", "-v", "0"],
        cwd=work,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "PYTHONPATH": str(ROOT.parent),
            "PATH": "/usr/bin:/bin",
        },
    )
    return {(e.msgctxt, e.msgid) for e in live(work / "locale" / "nl" / "LC_MESSAGES" / "django.po")}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
@pytest.mark.parametrize("app", RESIDENT_CATALOGS, ids=lambda a: a or "shared")
def test_resident_catalogs_are_in_step_with_the_sources(app, tmp_path):
    """A new resident-facing string that never reached the catalogs would show in English to everyone."""
    in_sources = _extract(app, tmp_path)
    in_catalog = {(e.msgctxt, e.msgid) for e in live(catalog(app, "nl"))}
    missing = sorted(msgid for _ctxt, msgid in in_sources - in_catalog)
    assert missing == [], f"run scripts/makemessages.sh: not in {app or 'shared'} catalogs: {missing[:10]}"
