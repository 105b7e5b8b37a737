"""The accessibility statement in real Chromium: reachable from the footer by keyboard, zero axe
violations, fits 320 px, the list of scanned pages opens without JavaScript."""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them


def test_statement_from_the_footer_by_keyboard(small_page):
    page = small_page
    page.goto("/stemmen/")
    link = page.locator("footer a[href='/toegankelijkheid/']")
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the footer link cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/toegankelijkheid/")
    assert "Nalevingsstatus" in page.inner_text("main")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "accessibility-320.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=os.path.join(SHOTS, "accessibility-1280.png"), full_page=True)


def test_statement_without_javascript(nojs_page):
    nojs_page.goto("/toegankelijkheid/")
    # A soft hyphen lets the long word break at 320 px between its two parts, not anywhere.
    assert "Toegankelijkheidsverklaring" in nojs_page.inner_text("h1").replace("\u00ad", "")
    details = nojs_page.locator("details.a11y-pages")
    if details.count():  # a recorded run lists its pages in a <details> that opens without JavaScript
        details.locator("summary").click()
        assert details.get_attribute("open") is not None
