"""What residents see first, in real Chromium at 1280 and 320 px, with axe-core on every page:
the home page's calls to action, the postcode search, the live ballot summary (with and without
JavaScript), the shared-computer receipt and a tie-break on the results page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


@pytest.fixture
def areas_with_rounds(db):
    from wijkgeld.areas.demo import load_nplv_areas
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Round

    load_nplv_areas()
    now = timezone.now()
    rounds = {}
    for slug, phase in [("rotterdam-zuid", Round.Phase.VOTING), ("utrecht-overvecht", Round.Phase.IDEAS)]:
        area = Area.objects.get(slug=slug)
        fund = Fund.objects.create(area=area, name=f"Bewonersfonds {area.name}")
        rounds[slug] = Round.objects.create(
            fund=fund,
            title=f"Buurtbudget {area.name}",
            year=2026,
            budget_cents=15_000_00,
            phase=phase,
            ideas_start=now - dt.timedelta(days=3),
            assessment_start=now + dt.timedelta(days=20),
            voting_start=now - dt.timedelta(days=1),
            voting_end=now + dt.timedelta(days=10),
            locked_at=now if phase == Round.Phase.VOTING else None,
        )
    return rounds


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_home_calls_to_action_lead_somewhere(request, fixture, areas_with_rounds):
    page = request.getfixturevalue(fixture)
    page.goto("/")
    check(page)
    cards = page.locator(".happening")
    assert cards.count() == 2
    assert "Stemmen kan tot" in cards.nth(0).inner_text()
    assert "Stuur uw idee in vóór" in cards.nth(1).inner_text()
    assert cards.nth(0).locator("a").count() == 1  # one clear button per card
    cards.nth(1).locator("a").click()
    page.wait_for_url("**/ideeen/nieuw/")
    check(page)
    page.goto("/")
    cards.nth(0).locator("a").click()
    page.wait_for_url("**/rotterdam-zuid/stemmen/")
    check(page)


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_find_area_by_postcode(request, fixture, areas_with_rounds):
    page = request.getfixturevalue(fixture)
    page.goto("/")
    page.fill("#id_postcode", "3083 ab")
    page.click(".postcode-form button[type=submit]")
    page.wait_for_url("**/gebieden/rotterdam-zuid/")
    assert page.locator("h1").inner_text() == "Rotterdam-Zuid"
    check(page)
    page.goto("/")
    page.fill("#id_postcode", "1012")
    page.click(".postcode-form button[type=submit]")
    assert "We vonden geen gebied" in page.inner_text("[role=alert]")
    check(page)
    page.fill("#id_postcode", "drie")
    page.click(".postcode-form button[type=submit]")
    assert page.get_attribute("#id_postcode", "aria-invalid") == "true"
    check(page)
