"""Voting in real Chromium: JavaScript off, a 320 px phone, change the vote, see the receipt.

axe-core must report zero WCAG 2.1 A/AA violations on every resident-facing voting page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login_in_browser
from tests.e2e.conftest import CHROMIUM  # noqa: F401  (same browser set-up)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def voting_round(db):
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Proposal, Round
    from wijkgeld.voting.services import codes_generate

    now = timezone.now()
    area = Area.objects.create(name="Stemwijk", slug="stemwijk", municipality="Teststad", cbs_code="GM0599")
    fund = Fund.objects.create(area=area, name="Bewonersfonds Stemwijk")

    def make(**kwargs):
        defaults = {
            "fund": fund,
            "title": "Buurtbudget 2026",
            "year": 2026,
            "budget_cents": 10_000_00,
            "phase": Round.Phase.PREPARATION,
            "voting_start": now - dt.timedelta(hours=1),
            "voting_end": now + dt.timedelta(days=7),
            "max_projects": 2,
            "limit_to_budget": True,
        }
        defaults.update(kwargs)
        round_ = Round.objects.create(**defaults)
        ideas = [
            ("Moestuin bij de school", "Samen groenten kweken met kinderen uit de buurt.", 2_500_00),
            ("Bankjes op het plein", "Vier nieuwe bankjes zodat ouderen kunnen uitrusten.", 1_800_00),
            ("Buurtfeest in juni", "Een feest voor de hele straat, met muziek en eten.", 3_000_00),
        ]
        for i, (title, summary, cost) in enumerate(ideas, start=1):
            Proposal.objects.create(
                round=round_,
                number=i,
                title=title,
                summary=summary,
                description="…",
                estimated_cost_cents=cost,
                contact_name="Bewoner",
                status=Proposal.Status.ADMITTED,
            )
        user = User.objects.create_user(username=f"commissie{round_.pk}", password="x" * 12)
        Role.objects.create(user=user, area=area, name="fund_committee")
        codes = codes_generate(actor=user, round=round_, count=3)
        Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING, locked_at=now)
        return round_, codes

    return make


@pytest.fixture
def phone_nojs(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 320, "height": 640},
        java_script_enabled=False,
        locale="nl-NL",
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def check_page(page, *, scan: bool = True):
    """lang, no sideways scrolling and axe-core. Both need JavaScript in the page, so a page with
    JavaScript switched off is checked for its language only; the same steps run again with
    JavaScript on (and at 320 px) for the scans."""
    assert page.locator("html").get_attribute("lang") == "nl"
    if scan:
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


def vote_change_and_receipt(page, voting_round, *, scan: bool):
    from wijkgeld.voting.models import Ballot

    round_, codes = voting_round()
    # The QR code on the letter opens the page with the code filled in.
    page.goto(f"/stemmen/?code={codes[0]}")
    check_page(page, scan=scan)
    assert page.input_value("#id_code") == codes[0]
    page.click("main button[type=submit]")
    check_page(page, scan=scan)
    page.check("#project-1")
    page.check("#project-2")
    if scan:  # JavaScript on: the small script updates the total while ticking
        assert "4.300,00" in page.inner_text("#ballot-live")
    page.click("button[value=check]")  # the running total, computed by the server
    check_page(page, scan=scan)
    assert "4.300,00" in page.inner_text(".ballot__total")
    page.click("button[value=confirm]")
    check_page(page, scan=scan)
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    check_page(page, scan=scan)
    receipt = page.inner_text(".receipt-code").strip()
    assert Ballot.objects.get().approvals == ["1", "2"]
    # Right after voting, on this device only, the resident sees what they chose.
    assert "Moestuin bij de school" in page.inner_text("main")
    # Back after the receipt: an ordinary page (no "resubmit the form?"), and nothing of the vote.
    back = page.go_back()
    assert back is not None and back.ok and back.request.method == "GET"
    assert page.url.endswith("/stemmen/") and page.input_value("#id_code") == ""
    page.go_forward()
    assert "Moestuin bij de school" in page.inner_text("main")

    # Change the vote: type the code again (in lower case, with spaces); the last choice counts.
    page.goto("/stemmen/")
    page.fill("#id_code", codes[0].lower().replace("-", " "))
    page.click("main button[type=submit]")
    check_page(page, scan=scan)
    assert not page.is_checked("#project-1")  # the earlier choice only when asked for
    page.click("button[value=earlier]")
    assert page.is_checked("#project-1") and page.is_checked("#project-2")
    page.uncheck("#project-1")
    page.check("#project-3")
    page.click("button[value=confirm]")
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    assert page.inner_text(".receipt-code").strip() == receipt
    assert Ballot.objects.count() == 1
    assert Ballot.objects.get().approvals == ["2", "3"]
    shown = page.inner_text("main")
    assert "Buurtfeest in juni" in shown and "Moestuin bij de school" not in shown


def test_vote_change_and_receipt_without_javascript_at_320px(phone_nojs, voting_round):
    vote_change_and_receipt(phone_nojs, voting_round, scan=False)


def test_every_voting_step_is_accessible_at_320px(small_page, voting_round):
    vote_change_and_receipt(small_page, voting_round, scan=True)


def test_error_pages_are_accessible(page, voting_round):
    round_, codes = voting_round()
    page.goto("/stemmen/")
    page.fill("#id_code", "ABCD-EFGH-JKMN-PQRS")
    page.click("main button[type=submit]")
    assert page.locator("[role=alert]").count() == 1
    check_page(page)
    page.fill("#id_code", codes[1])
    page.click("main button[type=submit]")
    page.check("#project-1")
    page.check("#project-2")
    page.check("#project-3")
    page.click("button[value=confirm]")  # three ideas: over the maximum and over the budget
    assert page.locator("[role=alert]").count() == 1
    check_page(page)


@pytest.mark.parametrize("path", ["/stemmen/", "/gebieden/stemwijk/stemmen/", "/stemmen/bewijs/"])
def test_entry_pages_are_accessible(small_page, voting_round, path):
    voting_round()
    small_page.goto(path)
    check_page(small_page)


def test_cumulative_ballot_is_accessible(small_page, voting_round):
    round_, codes = voting_round(
        ballot_type="cumulative", points_total=10, max_projects=None, limit_to_budget=False
    )
    page = small_page
    page.goto(f"/stemmen/?code={codes[0]}")
    page.click("main button[type=submit]")
    check_page(page)
    page.fill("#points-1", "6")
    page.fill("#points-3", "4")
    page.click("button[value=check]")
    check_page(page)
    page.click("button[value=confirm]")
    check_page(page)
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    check_page(page)


def test_throttle_page_is_accessible(page, voting_round, settings):
    from django.core.cache import cache

    cache.clear()
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 1
    voting_round()
    page.goto("/stemmen/")
    page.fill("#id_code", "ABCD-EFGH-JKMN-PQRS")
    page.click("main button[type=submit]")  # the first wrong code reaches the limit of 1
    assert page.locator("h1").inner_text() != "" and page.locator("#id_code").count() == 0
    check_page(page)
    cache.clear()


def test_two_committee_members_release_codes_once(browser, live_server, voting_round):
    """One member asks, another issues and downloads once; the page stays accessible at 320 px."""
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.voting.models import CodeBatch, VotingCode

    round_, _codes = voting_round()
    area = round_.fund.area
    for name in ("anna", "bram"):
        user = User.objects.create_user(username=name, password="correct horse battery")
        Role.objects.create(user=user, area=area, name="fund_committee")
    overview = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"

    def member(name):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 320, "height": 640},
            locale="nl-NL",
            accept_downloads=True,
        )
        page = context.new_page()
        login_in_browser(page, name)
        page.goto(overview)
        return context, page

    ctx_a, anna = member("anna")
    anna.fill("#id_count", "2")
    anna.click("form[action$='codes/'] button")
    check_page(anna)
    assert CodeBatch.objects.get().status == "requested" and VotingCode.objects.count() == 3
    assert anna.locator("form[action$='uitgeven/']").count() == 0  # not for the one who asked
    ctx_b, bram = member("bram")
    check_page(bram)
    with bram.expect_download() as download:
        bram.click("form[action$='uitgeven/'] button")
    assert download.value.suggested_filename.endswith(".zip")
    assert VotingCode.objects.count() == 5 and CodeBatch.objects.get().status == "issued"
    bram.goto(overview)
    check_page(bram)
    assert bram.locator("form[action$='uitgeven/']").count() == 0  # once only
    ctx_a.close()
    ctx_b.close()
