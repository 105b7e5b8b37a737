"""The results page explains the count in Arabic (right to left) and Turkish: axe, 320 px, screenshots.

WIJKGELD_SCREENSHOTS=folder saves the Arabic results page at 1280 and 320 px.
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.test_experience import _tied_round

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")


@pytest.fixture
def published(db):
    return _tied_round(publish=True)


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_arabic_results_explain_the_count_right_to_left(request, fixture, published):
    page = request.getfixturevalue(fixture)
    page.goto(published.get_absolute_url() + "uitslag/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    explanations = page.locator('p[lang="ar"][dir="rtl"]')
    assert explanations.count() >= 3  # the summary and one sentence per idea
    page.locator("details.result-details summary").first.click()  # open "the count in detail"
    assert "العدّ بقاعدة" in page.locator(".result-summary").first.inner_text()
    assert page.locator('main [lang="en"]').count() == 0
    assert page.locator('pre.command[dir="ltr"]').count() == 3  # the commands read left to right
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    if SHOTS:
        width = page.viewport_size["width"]
        page.screenshot(path=os.path.join(SHOTS, f"arabic-results-{width}.png"), full_page=True)


def test_turkish_results_without_javascript(nojs_page, published):
    nojs_page.goto(published.get_absolute_url() + "uitslag/?lang=tr")
    assert "Sayım kuralı" in nojs_page.content()
    assert nojs_page.locator('p[lang="tr"][dir="ltr"]').count() >= 3
