"""The national overview and open data in real Chromium: zero axe violations at 1280 and 320 px, no JS, nl + en."""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from wijkgeld.money.structure import load_structure

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them
PAGES = [
    "/landelijk/",
    "/landelijk/?year=2027&compare=2026&sort=resident_led_share&order=desc",
    "/landelijk/?year=2026&theme=school_en_omgeving",
    "/open-data/",
    "/open-data/woordenboek/",
]


@pytest.fixture
def demo():
    load_structure()  # transactional tests flush the rows the data migration made
    call_command("demo", quiet=True)
    cache.clear()  # figures are cached per data version; a flushed database reuses the same ids


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_national_pages_have_no_axe_violations(page, demo):
    for index, path in enumerate(PAGES):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "nl"
        assert_accessible(page)
        _shot(page, f"national-1280-{index}")


def test_national_pages_fit_a_320px_phone(small_page, demo):
    for index, path in enumerate(PAGES):
        small_page.goto(path)
        assert_no_horizontal_scroll(small_page)
        assert_accessible(small_page)
        _shot(small_page, f"national-320-{index}")


def test_from_home_to_national_to_a_sorted_table_without_javascript(nojs_page, demo):
    nojs_page.goto("/")
    nojs_page.click("text=Alle gebieden samen: het landelijk overzicht")
    nojs_page.wait_for_url("**/landelijk/")
    assert nojs_page.locator(".multiples figure").count() == 20
    nojs_page.select_option("#id_year", "2027")
    nojs_page.select_option("#id_compare", "2026")
    nojs_page.click("main button[type=submit]")
    assert "2027 vergeleken met 2026" in nojs_page.content()
    nojs_page.click("#money-table-caption >> xpath=.. >> text=Subsidie")
    assert nojs_page.locator("#money-table-caption >> xpath=.. >> th[aria-sort]").count() == 1


def test_english_and_keyboard(page, demo):
    page.goto("/landelijk/")
    page.click("text=English")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "All 20 areas together" in page.content()
    assert_accessible(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "region":
            break
    else:
        pytest.fail("the scrollable table was not reachable with Tab")
