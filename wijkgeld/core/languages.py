"""The five languages of the site, and which pages speak which (docs/languages.md).

Residents can read every page they use without an account in Dutch, English, Turkish, Arabic or Polish. The
pages for staff, committees and members (behind a login) stay Dutch and English: a visitor who chose Turkish,
Arabic or Polish sees those pages in English, and the language switch there offers Dutch and English only.

Which pages are resident pages is an explicit list of URL names (below), not a guess from the URL: a page that
is not on the list is never shown in a language whose catalog does not cover it.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

# Languages of the staff pages (and of everything behind a login).
STAFF_LANGUAGES = ("nl", "en")
# The language a staff page falls back to when the visitor chose a resident-only language.
STAFF_FALLBACK = "en"

# The pages a resident uses without an account ("namespace:name"). Add a new resident page here, and make sure
# its app's strings are in the resident catalogs (tests/core/test_translations.py lists them).
RESIDENT_PAGES = frozenset(
    {
        "set_language",
        "public:home",
        "public:postcode",
        "public:area",
        "public:accessibility",
        "fund:home",
        "fund:round",
        "fund:idea_new",
        "fund:idea_thanks",
        "fund:idea",
        "fund:idea_private",
        "fund:results",
        "fund:receipt",
        "voting:start",
        "voting:area_start",
        "voting:ballot",
        "voting:receipt",
        "voting:receipt_done",
        "voting:desk",  # the help-desk tablet: a resident types the code there
        "community:list",
        "community:register",
        "people:overview",
        "people:role",
    }
)


def supported() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def is_resident_page(path: str) -> bool:
    """Unknown paths count as resident pages: their 404 page is for residents too."""
    try:
        match = resolve(path)
    except Resolver404:
        return True
    return match.view_name in RESIDENT_PAGES


def page_language(chosen: str, path: str) -> str:
    """The language to show `path` in, for a visitor who chose `chosen` (may be empty or unknown)."""
    language = chosen if chosen in supported() else settings.LANGUAGE_CODE
    if language not in STAFF_LANGUAGES and not is_resident_page(path):
        return STAFF_FALLBACK
    return language


def switch_languages(path: str) -> list[dict[str, str]]:
    """What the language switch offers on `path`: each language in its own name, with its code and direction."""
    names = dict(settings.LANGUAGES)
    codes = list(names) if is_resident_page(path) else [code for code in names if code in STAFF_LANGUAGES]
    return [
        {"code": code, "name": names[code], "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr"}
        for code in codes
    ]


def content_language(language: str | None = None) -> str:
    """The language to store with text a person types (an idea, a collective, a role): the one given, else
    the interface language the form was filled in, else Dutch."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    language = language.split("-")[0]
    return language if language in supported() else settings.LANGUAGE_CODE


# Choices for the stored language of typed content (in model fields; a new language needs a migration).
CONTENT_LANGUAGE_CHOICES = list(settings.LANGUAGES)
