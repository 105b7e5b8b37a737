"""Voting in Turkish and in Arabic (right to left) in real Chromium: by keyboard, at 320 px, with and without
JavaScript; axe-core finds nothing; the language choice persists; staff pages stay Dutch or English.

The expected texts come from the catalogs at test time (gettext in the page's language), so these tests check
that the pages are translated the way the catalogs say, without copying Turkish or Arabic into the test.
WIJKGELD_SCREENSHOTS=folder saves the Arabic home, ballot and letter (page 1) at 1280 and 320 px.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from django.utils import translation

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.test_voting import voting_round  # noqa: F401  (the same round, ideas and codes)

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them
ARABIC_IDEA = "حديقة صغيرة للأطفال"


def said(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would. (Playwright's
    own selectors work with JavaScript switched off in the page, page.evaluate does not.)"""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.locator(f"{selector}:focus").count():
            return
    raise AssertionError(f"{selector} never got the keyboard focus on {page.url}")


def check(page, language: str, *, scan: bool) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    if scan:
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


def make_round(voting_round):  # noqa: F811
    """The round of the voting tests, with one idea written in Arabic by a resident."""
    from wijkgeld.fund.models import Proposal

    round_, codes = voting_round()
    Proposal.objects.filter(round=round_, number=3).update(title=ARABIC_IDEA, content_language="ar")
    return round_, codes


def submit(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def choose_language(page, language: str) -> None:
    """The switch in the header: a button per language, in its own name; Enter submits (no script needed)."""
    page.goto("/")
    tab_to(page, f".language-switch button[value={language}]")
    submit(page)


def vote_by_keyboard(page, voting_round, language: str, *, scan: bool):  # noqa: F811
    from wijkgeld.voting.models import Ballot

    round_, codes = make_round(voting_round)
    choose_language(page, language)
    check(page, language, scan=scan)
    page.goto("/stemmen/")
    check(page, language, scan=scan)
    assert page.locator("h1").inner_text().strip() == said(language, "Vote with your code")
    tab_to(page, "#id_code")
    page.keyboard.type(codes[0])
    submit(page)
    check(page, language, scan=scan)
    # Ideas keep the language they were written in, whatever the page's language (WCAG 3.1.2).
    assert page.locator("label[for=project-1] .ballot__title").get_attribute("lang") == "nl"
    assert page.locator("label[for=project-3] .ballot__title").get_attribute("lang") == "ar"
    for idea in ("#project-1", "#project-3"):
        tab_to(page, idea)
        page.keyboard.press("Space")
    assert page.is_checked("#project-1") and page.is_checked("#project-3")
    tab_to(page, "button[value=confirm]")
    submit(page)
    check(page, language, scan=scan)
    tab_to(page, "button[value=cast]")
    submit(page)
    assert page.url.endswith("/stemmen/bewijs/")
    check(page, language, scan=scan)
    assert Ballot.objects.get().approvals == ["1", "3"]
    assert said(language, "Your receipt code:") in page.inner_text("main")
    if scan:  # the receipt code stays left to right inside Arabic text
        assert page.locator(".receipt-code").evaluate("el => getComputedStyle(el).direction") == "ltr"
    return round_


@pytest.mark.parametrize("language", ["tr", "ar"])
def test_vote_by_keyboard_at_320px_with_javascript(small_page, voting_round, language):  # noqa: F811
    vote_by_keyboard(small_page, voting_round, language, scan=True)


@pytest.mark.parametrize("language", ["tr", "ar"])
def test_vote_by_keyboard_at_320px_without_javascript(browser, live_server, voting_round, language):  # noqa: F811
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 320, "height": 640},
        java_script_enabled=False,
        locale="nl-NL",
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        vote_by_keyboard(page, voting_round, language, scan=False)
    finally:
        context.close()


def test_the_choice_persists_and_a_letter_link_sets_it(page, voting_round):  # noqa: F811
    make_round(voting_round)
    choose_language(page, "pl")
    page.goto("/gebieden/stemwijk/")
    check(page, "pl", scan=False)
    assert page.locator(".language-switch button[aria-current=true]").get_attribute("value") == "pl"
    # Every language is offered in its own name, marked with its own language.
    buttons = page.locator(".language-switch button")
    offered = {buttons.nth(i).get_attribute("lang"): buttons.nth(i).inner_text().strip() for i in range(5)}
    assert offered == {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية", "pl": "Polski"}
    # The letter's link for Arabic readers: the language comes with the link and stays.
    page.goto("/stemmen/?lang=ar")
    check(page, "ar", scan=True)
    page.goto("/")
    check(page, "ar", scan=True)
    # Staff pages stay Dutch or English: English for someone who chose Arabic, and only those two are offered.
    page.goto("/account/login/")
    check(page, "en", scan=False)
    assert page.locator(".language-switch button").count() == 2


def test_arabic_amounts_and_codes_read_left_to_right(small_page, voting_round):  # noqa: F811
    round_, codes = make_round(voting_round)
    page = small_page
    page.goto(f"/stemmen/?lang=ar&code={codes[1]}")
    check(page, "ar", scan=True)
    assert page.locator("#id_code").evaluate("el => getComputedStyle(el).direction") == "ltr"
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()
    cost = page.locator("label[for=project-1] .ballot__cost").inner_text()
    assert "2.500,00" in cost and "€" in cost
    # The page runs right to left: the idea's checkbox sits on the right of its title.
    box = page.locator("#project-1").bounding_box()
    title = page.locator("label[for=project-1] .ballot__title").bounding_box()
    assert box["x"] > title["x"]


@pytest.mark.skipif(not SHOTS, reason="screenshots only on request: WIJKGELD_SCREENSHOTS=folder")
def test_arabic_screenshots(browser, live_server, voting_round, settings):  # noqa: F811
    from wijkgeld.voting.letters import letters_pdf

    round_, codes = make_round(voting_round)
    os.makedirs(SHOTS, exist_ok=True)
    for width in (1280, 320):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto("/?lang=ar")
        page.screenshot(path=f"{SHOTS}/arabic-home-{width}.png", full_page=True)
        page.goto(f"/stemmen/?code={codes[2]}")
        page.locator("main button[type=submit]").first.click()
        page.wait_for_load_state()
        page.screenshot(path=f"{SHOTS}/arabic-ballot-{width}.png", full_page=True)
        context.close()
    pdf = f"{SHOTS}/arabic-letter.pdf"
    with open(pdf, "wb") as out:
        out.write(letters_pdf(round=round_, codes=codes[:1], base_url=settings.SITE_URL, language="ar"))
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, f"{SHOTS}/arabic-letter"], check=True
        )
