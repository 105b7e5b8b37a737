"""Committee paper-ballot pages in a browser: the "record as invalid" button and the third-member rule."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import login
from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them


def _round(area):
    from wijkgeld.fund.models import Fund, Proposal, Round

    now = timezone.now()
    fund, _ = Fund.objects.get_or_create(area=area, defaults={"name": "Bewonersfonds"})
    round_ = Round.objects.create(
        fund=fund,
        title="Ronde 2026",
        year=2026,
        budget_cents=500_00,
        phase="voting",
        max_projects=2,
        min_projects=1,
        voting_start=now - dt.timedelta(days=1),
        voting_end=now + dt.timedelta(days=5),
        locked_at=now - dt.timedelta(days=1),
    )
    for i, title in enumerate(["Speeltuin opknappen", "Buurtkeuken", "Bankjes in het park"], start=1):
        Proposal.objects.create(
            round=round_,
            number=i,
            title=title,
            summary="…",
            description="…",
            estimated_cost_cents=100_00,
            contact_name="Iemand",
            status=Proposal.Status.ADMITTED,
        )
    return round_


def _as(context, user, live_server):
    client = Client()
    login(client, user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_paper_pages_offer_invalid_and_only_a_third_member_resolves(
    browser, live_server, area, make_user, width
):
    from wijkgeld.voting.services import codes_generate, paper_ballot_enter

    round_ = _round(area)
    anna, bram, carla = (make_user("fund_committee", area) for _ in range(3))
    codes = codes_generate(actor=anna, round=round_, count=2, now=round_.voting_start - dt.timedelta(days=2))
    paper_ballot_enter(actor=anna, round=round_, code=codes[0], approvals=["1"])
    paper_ballot_enter(actor=bram, round=round_, code=codes[0], invalid=True)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"
    _as(context, carla, live_server)
    page.goto(base + "papier/")
    page.fill("#id_code", codes[1])
    page.check("#project-1")
    page.check("#project-2")
    page.check("#project-3")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/paper-entry-{width}.png", full_page=True)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Ongeldig invoeren").click()
    assert "één keer ingevoerd als ongeldig" in page.content()
    page.goto(base + "verschillen/")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/paper-mismatches-{width}.png", full_page=True)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.fill("#id_code", codes[0])
    page.get_by_role("button", name="Oplossen als ongeldig").click()
    assert "opgelost: het is ongeldig" in page.content()
    context.close()
