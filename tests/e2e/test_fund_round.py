"""A whole bewonersfonds round in Chromium, from idea to paid tranche.

submit an idea → assess → lock rules and generate codes → vote with three codes (one changes its vote,
one is a double-entered paper ballot) → count → publish → check a receipt → award → pay a tranche.
Every resident-facing page of the walk is scanned with axe-core (WCAG 2.1 A/AA) and must fit 320 px.
One voter votes with JavaScript switched off (axe-core itself needs JavaScript, so that page is checked for
layout and function only; the same pages are scanned in the other votes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.utils import timezone

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery"


@pytest.fixture
def world(db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area, Organisation
    from wijkgeld.fund.models import Assessment
    from wijkgeld.fund.services.assessment import assessment_record, idea_decide
    from wijkgeld.fund.services.ideas import idea_submit
    from wijkgeld.fund.services.rounds import round_advance, round_create
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import budget_line_create, grant_create
    from wijkgeld.money.structure import load_structure

    load_structure()  # browser tests flush the database, also the themes a migration seeded
    now = timezone.now()
    area = Area.objects.create(name="Fondswijk", slug="fondswijk", municipality="Teststad", cbs_code="GM0599")
    collective = Organisation.objects.create(
        name="Buurtkeuken Fondswijk", kind="resident_collective", legal_form="informal"
    )
    collective.local_areas.add(area)

    def user(name, role):
        u = User.objects.create_user(username=name, password=PASSWORD, display_name=name.title())
        Role.objects.create(user=u, area=area, name=role)
        return u

    c1, c2 = user("noor", "fund_committee"), user("henk", "fund_committee")
    finance = user("bram", "finance")
    device = TOTPDevice.objects.create(user=finance, name="e2e", confirmed=True)
    theme = Theme.objects.get(code="maatschappelijke_samenhang", tranche__number=2)
    grant_create(
        actor=finance, area=area, year=2026, theme=theme, funding_ministry="VRO", amount_cents=5_000_000
    )
    budget_line_create(
        actor=finance,
        area=area,
        theme=theme,
        year=2026,
        code="bewonersfonds",
        name="Bewonersfonds",
        amount_cents=5_000_000,
    )
    round_ = round_create(
        actor=c1,
        area=area,
        title="Buurtbudget Fondswijk",
        year=2026,
        budget_cents=1_000_000,
        ideas_start=now - dt.timedelta(days=3),
        assessment_start=now - dt.timedelta(days=2),
        voting_start=now - dt.timedelta(minutes=5),
        voting_end=now + dt.timedelta(days=7),
        max_projects=2,
    )
    round_ = round_advance(actor=c1, round=round_)
    # Two ideas from neighbours; the walk adds a third through the browser.
    for title, cost in [("Moestuin bij de school", 300_000), ("Buurtfeest in juni", 500_000)]:
        idea, _token = idea_submit(
            round=round_,
            title=title,
            summary="Samen iets doen in de buurt.",
            description="Met de buren.",
            estimated_cost_cents=cost,
            contact_name="Buur",
            contact_email="buur@example.org",
        )
    return {
        "area": area,
        "round": round_,
        "c1": c1,
        "c2": c2,
        "finance": finance,
        "device": device,
        "assess": lambda proposal: (
            assessment_record(actor=c2, proposal=proposal, **dict.fromkeys(Assessment.CRITERIA, True)),
            idea_decide(actor=c2, proposal=proposal, admitted=True),
        ),
    }


def resident_check(page):
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def new_page(browser, live_server, **kwargs):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", **kwargs)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def vote(page, code, projects, *, axe=True):
    check = resident_check if axe else assert_no_horizontal_scroll
    page.goto(f"/stemmen/?code={code}")
    check(page)
    page.click("main button[type=submit]")
    check(page)
    for pid in ["1", "2", "3"]:
        if page.is_checked(f"#project-{pid}") and pid not in projects:
            page.uncheck(f"#project-{pid}")
    for pid in projects:
        page.check(f"#project-{pid}")
    page.click("button[value=confirm]")
    check(page)
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    check(page)
    return page.inner_text(".receipt-code").strip()


def test_a_whole_round_from_idea_to_paid_tranche(browser, live_server, world):
    from django_otp.oath import totp

    from wijkgeld.fund.models import Award, Proposal, RoundResult
    from wijkgeld.money.models import Payment
    from wijkgeld.voting.models import Ballot

    area, round_ = world["area"], world["round"]
    # Residents use a 320 px phone; one of them has JavaScript switched off.
    resident_ctx, resident = new_page(browser, live_server, viewport={"width": 320, "height": 640})
    nojs_ctx, nojs = new_page(
        browser, live_server, viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    base = f"/gebieden/{area.slug}/bewonersfonds/ronde/{round_.pk}/"
    manage = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/"

    # 1. A resident submits an idea, without an account.
    resident.goto(f"/gebieden/{area.slug}/bewonersfonds/")
    resident_check(resident)
    resident.click(f"a[href='{base}']")
    resident_check(resident)
    resident.click("text=Stuur uw idee in")
    resident_check(resident)
    resident.fill("#id_title", "Bankjes op het plein")
    resident.fill("#id_summary", "Vier bankjes zodat ouderen kunnen uitrusten.")
    resident.fill("#id_description", "We zetten vier bankjes neer. De buurtkeuken zorgt voor onderhoud.")
    resident.fill("#id_estimated_cost_cents", "1.800")
    resident.select_option("#id_theme", "ontmoeten")
    resident.select_option("#id_on_behalf_of", label="Buurtkeuken Fondswijk")
    resident.fill("#id_contact_name", "Fatima")
    resident.fill("#id_contact_email", "fatima@example.org")
    resident.click("main form button[type=submit]")
    resident.wait_for_url("**/ideeen/bedankt/")
    resident_check(resident)
    private_link = resident.inner_text("#private-link")
    idea = Proposal.objects.get(round=round_, title="Bankjes op het plein")
    assert idea.estimated_cost_cents == 180_000 and idea.on_behalf_of.name == "Buurtkeuken Fondswijk"
    resident.goto(idea.get_absolute_url())
    resident_check(resident)
    assert "fatima@example.org" not in resident.content()

    # 2. The committee moves to assessment and assesses the idea (a member with a conflict may not).
    ctx1, committee = new_page(browser, live_server)
    login_in_browser(committee, "noor", PASSWORD)
    committee.goto(manage)
    committee.click("form[action$='fase/'] button")
    assert "Beoordeling" in committee.inner_text("main")
    committee.goto(f"{manage}ideeen/{idea.number}/")
    for name in ["within_area", "for_the_public", "legal", "realistic_cost", "doable_in_a_year"]:
        committee.check(f"#id_assess-{name}")
    committee.click("form:has(input[value=assess]) button")
    committee.check("#id_decide-admitted_0")
    committee.click("form:has(input[value=decide]) button")
    idea.refresh_from_db()
    assert idea.status == Proposal.Status.ADMITTED
    for other in Proposal.objects.filter(round=round_).exclude(pk=idea.pk):
        world["assess"](other)

    # 3. Voting opens: the rules are locked and public; the committee makes three letter codes.
    committee.goto(manage)
    committee.click("form[action$='fase/'] button")
    assert "kan niet ongedaan worden gemaakt" in committee.inner_text("main").lower()  # confirm first
    committee.click("form[action$='fase/'] button.wg-button--irreversible")
    round_.refresh_from_db()
    assert round_.phase == "voting" and round_.locked_at is not None
    # Two people: the committee asks for the codes, another member issues them (one download).
    committee.goto(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/")
    committee.fill("#id_count", "3")
    committee.click("form[action$='codes/'] button")
    issuer_ctx, issuer = new_page(browser, live_server)
    login_in_browser(issuer, "henk", PASSWORD)
    issuer.goto(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/")
    with issuer.expect_download() as download:
        issuer.click("form[action$='uitgeven/'] button")
    with zipfile.ZipFile(download.value.path()) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("codes.csv").decode())))
    issuer_ctx.close()
    codes = [row["code"] for row in rows]
    assert len(codes) == 3
    resident.goto(base)
    resident_check(resident)
    assert "Methode van Gelijke Delen" in resident.inner_text("main")

    # 4. Three votes: one changes its mind, one online, one on paper entered twice by two members.
    bankjes = idea.project_id
    first = vote(resident, codes[0], ["1", "2"])
    assert vote(resident, codes[0], ["1", bankjes]) == first
    second = vote(nojs, codes[1], [bankjes], axe=False)
    nojs_ctx.close()
    for member in ("noor", "henk"):
        ctx, paper = new_page(browser, live_server)
        login_in_browser(paper, member, PASSWORD)
        paper.goto(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/papier/")
        paper.fill("#id_code", codes[2])
        paper.check("#project-2")
        paper.click("main form button[type=submit]")
        ctx.close()
    assert Ballot.objects.filter(round=round_).count() == 3

    # 5. Voting closes; the committee counts, sees the comparison with greedy, and publishes.
    committee.goto(manage)
    committee.click("form[action$='fase/'] button")
    committee.goto(f"{manage}uitslag/")
    committee.click("form[action$='tellen/'] button")
    assert "meeste stemmen" in committee.inner_text("main").lower()
    committee.click("form[action$='publiceren/'] button")
    committee.click("form[action$='publiceren/'] button.wg-button--irreversible")
    result = RoundResult.objects.get(round=round_)
    assert result.published_at is not None and result.num_ballots == 3

    # 6. A resident reads the result and checks their receipt.
    resident.goto(f"{base}uitslag/")
    resident_check(resident)
    assert result.sha256 in resident.content()
    resident.fill("#id_receipt", second.lower())
    resident.click("form[action$='bon/'] button")
    resident_check(resident)
    assert "Uw stembiljet is meegeteld" in resident.inner_text("main")  # the choice itself is not shown

    # 7. Execution: the committee awards the winning project; finance pays a tranche.
    committee.goto(manage)
    committee.click("form[action$='fase/'] button")
    committee.goto(f"{manage}uitvoering/")
    committee.click(f"form[action$='uitvoering/{bankjes}/toekennen/'] button")
    award = Award.objects.get(proposal=idea)
    assert award.recipient_organisation.name == "Buurtkeuken Fondswijk"
    ctx1.close()
    ctx2, finance = new_page(browser, live_server)
    login_in_browser(finance, "bram", PASSWORD)
    finance.fill("#id_token", f"{totp(world['device'].bin_key):06d}")
    finance.click("main button[type=submit]")
    finance.goto(f"{manage}uitvoering/")
    finance.click("text=Een deel betalen")
    finance.fill("#id_amount", "900")
    finance.fill("#id_description", "Eerste deel bankjes")
    finance.click("main form button[type=submit]")
    assert Payment.objects.get(commitment_id=award.commitment_id).amount_cents == 90_000
    ctx2.close()

    # 8. The proposer posts a progress update with their private link.
    resident.goto(private_link)
    resident_check(resident)
    resident.fill("#id_text", "De bankjes zijn besteld. Volgende week staan ze op het plein.")
    resident.click("main form button[type=submit]")
    resident_check(resident)

    # 9. The public project page tells the whole story.
    resident.goto(idea.get_absolute_url())
    resident_check(resident)
    story = resident.inner_text("main")
    assert "gekozen" in story.lower() and "900,00" in story and "De bankjes zijn besteld" in story
    resident_ctx.close()


def test_english_resident_pages_are_accessible(page, world):
    from wijkgeld.fund.models import Proposal
    from wijkgeld.fund.services.results import result_count, result_publish
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.voting.services import ballot_cast, codes_generate

    area, round_, c1 = world["area"], world["round"], world["c1"]
    round_ = round_advance(actor=c1, round=round_)
    for proposal in Proposal.objects.filter(round=round_):
        world["assess"](proposal)
    round_ = round_advance(actor=c1, round=round_)
    codes = codes_generate(actor=c1, round=round_, count=2)
    receipt = ballot_cast(round=round_, code=codes[0], approvals=["1"])
    ballot_cast(round=round_, code=codes[1], approvals=["1", "2"])
    round_ = round_advance(actor=c1, round=round_)
    result_count(actor=c1, round=round_)
    result_publish(actor=c1, round=round_)
    page.goto(f"/gebieden/{area.slug}/bewonersfonds/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    base = f"/gebieden/{area.slug}/bewonersfonds/ronde/{round_.pk}/"
    for path in ["", "uitslag/", "ideeen/1/"]:
        page.goto(base + path)
        assert page.locator("html").get_attribute("lang") == "en"
        assert_accessible(page)
    page.goto(base + "uitslag/")
    assert "Check the count yourself" in page.inner_text("main")
    page.fill("#id_receipt", receipt)
    page.click("form[action$='bon/'] button")
    assert "Your ballot is in the count" in page.inner_text("main")
    assert_accessible(page)
