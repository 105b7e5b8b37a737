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


@pytest.fixture
def voting_round(db):
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Proposal, Round
    from wijkgeld.voting.services import codes_generate

    now = timezone.now()
    area = Area.objects.create(name="Stemwijk", slug="stemwijk", municipality="Teststad", cbs_code="GM0599")
    fund = Fund.objects.create(area=area, name="Bewonersfonds Stemwijk")
    round_ = Round.objects.create(
        fund=fund,
        title="Buurtbudget 2026",
        year=2026,
        budget_cents=15_000_00,
        phase=Round.Phase.PREPARATION,
        voting_start=now - dt.timedelta(hours=1),
        voting_end=now + dt.timedelta(days=7),
        max_projects=3,
        limit_to_budget=True,
    )
    for i, cost in enumerate([4_500_00, 3_000_00, 4_000_00, 6_000_00], start=1):
        Proposal.objects.create(
            round=round_,
            number=i,
            title=f"Idee {i}",
            summary=f"Wat idee {i} doet.",
            description="…",
            estimated_cost_cents=cost,
            contact_name="Bewoner",
            status=Proposal.Status.ADMITTED,
        )
    user = User.objects.create_user(username="commissie-e2e", password="x" * 12)
    Role.objects.create(user=user, area=area, name="fund_committee")
    codes = codes_generate(actor=user, round=round_, count=2)
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING, locked_at=now)
    return round_, codes


def _summary(page) -> str:
    return page.inner_text(".ballot__total").replace("\xa0", " ")


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_live_ballot_summary_with_javascript(request, fixture, voting_round):
    page = request.getfixturevalue(fixture)
    round_, codes = voting_round
    page.goto(f"/stemmen/?code={codes[0]}")
    page.click("main form button[type=submit]")
    assert "0 van 3 ideeën, € 0,00 van € 15.000,00" in _summary(page)
    page.check("#project-1")
    page.check("#project-2")
    page.check("#project-3")
    assert "3 van 3 ideeën, € 11.500,00 van € 15.000,00" in _summary(page)
    assert page.eval_on_selector("#ballot-meter", "m => m.value") == 11_500_00
    assert page.locator(".ballot__warning").count() == 0
    page.check("#project-4")  # a fourth idea: past the maximum and the budget, said at once
    assert page.locator(".ballot__warning").count() == 2
    assert "meer dan 3 ideeën" in _summary(page)
    check(page)
    page.uncheck("#project-4")
    assert page.locator(".ballot__warning").count() == 0


def test_ballot_summary_without_javascript(nojs_page, voting_round):
    page = nojs_page
    round_, codes = voting_round
    page.goto(f"/stemmen/?code={codes[0]}")
    page.click("main form button[type=submit]")
    for i in (1, 2, 3, 4):
        page.check(f"#project-{i}")
    assert "0 van 3 ideeën" in _summary(page)  # no script: the server sums up on request
    page.click("button[value=check]")
    summary = _summary(page)
    assert "4 van 3 ideeën, € 17.500,00 van € 15.000,00" in summary
    assert "Dat zijn meer dan 3 ideeën" in summary and "meer dan het budget" in summary
    page.uncheck("#project-4")
    page.click("button[value=check]")
    assert "3 van 3 ideeën, € 11.500,00 van € 15.000,00" in _summary(page)


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_shared_computer_receipt(request, fixture, voting_round):
    from wijkgeld.voting.models import Ballot

    page = request.getfixturevalue(fixture)
    round_, codes = voting_round
    page.goto(f"/stemmen/?code={codes[0]}")
    page.click("main form button[type=submit]")
    page.check("#project-2")
    page.click("button[value=confirm]")
    check(page)
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    check(page)
    cookie = next(c for c in page.context.cookies() if c["name"] == "wg_receipt")
    assert cookie["expires"] == -1  # ends with the browser session
    page.reload()  # POST, redirect, GET: reloading shows the receipt again and votes nothing
    assert page.locator(".receipt-code").count() == 1
    page.click("text=Klaar, wis deze pagina")
    page.wait_for_url("**/stemmen/")
    check(page)
    assert "Dit apparaat toont uw stem niet meer" in page.inner_text("main")
    page.goto("/stemmen/bewijs/")
    assert page.locator(".receipt-code").count() == 0
    # The next person types the same code: the earlier choice is not shown unless asked for.
    page.goto("/stemmen/")
    page.fill("#id_code", codes[0])
    page.click("main form button[type=submit]")
    assert "vervangt uw nieuwe stem de oude" in page.inner_text("main")
    assert not page.is_checked("#project-2")
    check(page)
    assert Ballot.objects.get().approvals == ["2"]


def _tied_round(*, publish: bool):
    """A counted round where the tie-break decided: Speeltuin and Buurtkeuken both got 2 votes."""
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Proposal, Round
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.voting.services import ballot_cast, codes_generate

    now = timezone.now()
    area = Area.objects.create(name="Telwijk", slug="telwijk", municipality="Teststad", cbs_code="GM0599")
    fund = Fund.objects.create(area=area, name="Bewonersfonds Telwijk")
    round_ = Round.objects.create(
        fund=fund,
        title="Buurtbudget Telwijk",
        year=2026,
        budget_cents=10_000_00,
        phase=Round.Phase.VOTING,
        voting_start=now - dt.timedelta(days=3),
        voting_end=now - dt.timedelta(hours=1),
        locked_at=now - dt.timedelta(days=3),
        rule="greedy",
        completion="none",
        tie_break="cost-then-votes",
    )
    for i, (title, cost) in enumerate([("Speeltuin", 6_000_00), ("Buurtkeuken", 5_000_00)], start=1):
        Proposal.objects.create(
            round=round_,
            number=i,
            title=title,
            summary="…",
            description="…",
            estimated_cost_cents=cost,
            contact_name="Bewoner",
            status=Proposal.Status.ADMITTED,
        )
    user = User.objects.create_user(username="commissie-tel", password="correct horse battery")
    Role.objects.create(user=user, area=area, name="fund_committee")
    codes = codes_generate(actor=user, round=round_, count=4, now=now - dt.timedelta(days=2))
    for code, choice in zip(codes, ["1", "1", "2", "2"], strict=True):
        ballot_cast(round=round_, code=code, approvals=[choice], now=now - dt.timedelta(days=2))
    round_ = round_advance(actor=user, round=round_, now=now)
    result_count(actor=user, round=round_, now=now)
    if publish:
        result_publish(actor=user, round=round_, now=now)
    return round_


@pytest.fixture
def tied_result(db):
    return _tied_round(publish=True)


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_confirm_page_before_publishing(request, fixture, db):
    from tests.e2e.browser import login_in_browser
    from wijkgeld.fund.models import RoundResult

    round_ = _tied_round(publish=False)
    page = request.getfixturevalue(fixture)
    login_in_browser(page, "commissie-tel")
    page.goto(f"/gebieden/telwijk/bewonersfonds/beheer/ronde/{round_.pk}/uitslag/")
    page.click("form[action$='publiceren/'] button")
    assert "Dit kan niet ongedaan worden gemaakt" in page.inner_text("main")
    check(page)
    assert RoundResult.objects.get(round=round_).published_at is None
    page.click("button.wg-button--irreversible")
    page.wait_for_url("**/uitslag/")
    assert RoundResult.objects.get(round=round_).published_at is not None
    check(page)


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_tie_break_is_shown_on_the_results_page(request, fixture, tied_result):
    page = request.getfixturevalue(fixture)
    page.goto(tied_result.get_absolute_url() + "uitslag/")
    check(page)
    box = page.inner_text(".tie-box")
    assert "Gelijke stand besliste" in box and "Speeltuin" in box
    assert "verloor bij gelijke stand" in page.inner_text(".tie-note")
    assert page.locator(".badge--chosen").count() == 1


@pytest.fixture
def payment_waiting(db):
    """Finance person Bram entered a large payment; it waits for Ilse, the second finance person."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area, Organisation
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import budget_line_create, commitment_create, grant_create, payment_create
    from wijkgeld.money.structure import load_structure

    load_structure()
    area = Area.objects.create(name="Geldwijk", slug="geldwijk", municipality="Teststad", cbs_code="GM0599")
    users = {}
    for name in ("bram", "ilse"):
        users[name] = User.objects.create_user(
            username=name, password="correct horse battery", email=f"{name}@x.nl"
        )
        Role.objects.create(user=users[name], area=area, name="finance")
    device = TOTPDevice.objects.create(user=users["ilse"], name="e2e", confirmed=True)
    theme = Theme.objects.get(code="maatschappelijke_samenhang", tranche__number=2)
    grant_create(
        actor=users["bram"], area=area, year=2026, theme=theme, funding_ministry="VRO", amount_cents=9_000_000
    )
    line = budget_line_create(
        actor=users["bram"],
        area=area,
        theme=theme,
        year=2026,
        code="buurt",
        name="Buurt",
        amount_cents=9_000_000,
    )
    org = Organisation.objects.create(
        name="Buurtkeuken Geldwijk", kind="resident_collective", legal_form="informal"
    )
    org.local_areas.add(area)
    commitment = commitment_create(
        actor=users["bram"],
        line=line,
        amount_cents=5_000_000,
        description="Maaltijden",
        recipient_organisation=org,
    )
    payment = payment_create(
        actor=users["bram"], commitment=commitment, amount_cents=2_000_000, description="Factuur 1"
    )
    return payment, device


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_task_list_of_finance_second_person(request, fixture, payment_waiting):
    from django_otp.oath import totp

    from tests.e2e.browser import login_in_browser

    payment, device = payment_waiting
    assert payment.status == "awaiting_confirmation"
    page = request.getfixturevalue(fixture)
    login_in_browser(page, "ilse")
    page.fill("#id_token", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    page.goto("/account/")
    task = page.locator(".task-list .task")
    assert task.count() == 1
    assert "wacht op u als tweede persoon" in task.inner_text()
    check(page)
    task.locator("a").click()
    page.wait_for_url(f"**/betalingen/{payment.pk}/")
    check(page)
