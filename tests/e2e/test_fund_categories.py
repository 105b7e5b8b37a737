"""A round with a budget per theme in Chromium: the committee splits the budget over two themes and
moves an idea to another theme (by keyboard, at 320 px), two voters vote on ideas of both themes (one
without JavaScript), the committee counts and publishes, and the results page shows each theme with
its budget, what was chosen and what was left. Every resident page is scanned with axe-core and must
fit 320 px; the .pb file (`budget_per_category`) recounts with `--rule from-file`.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.utils import timezone

from tests.e2e.browser import assert_accessible, assert_no_horizontal_scroll, login_in_browser

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery"
SHOTS = os.environ.get("WIJKGELD_SCREENSHOTS")  # a folder: save screenshots there to look at them


@pytest.fixture
def world(db):
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Assessment, Proposal
    from wijkgeld.fund.services.assessment import assessment_record, idea_decide
    from wijkgeld.fund.services.ideas import idea_submit
    from wijkgeld.fund.services.rounds import round_advance, round_create
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import budget_line_create, grant_create
    from wijkgeld.money.structure import load_structure

    load_structure()  # browser tests flush the database, also the themes a migration seeded
    now = timezone.now()
    area = Area.objects.create(name="Themawijk", slug="themawijk", municipality="Teststad", cbs_code="GM0599")
    users = {}
    for name in ("noor", "henk"):
        users[name] = User.objects.create_user(username=name, password=PASSWORD, display_name=name.title())
        Role.objects.create(user=users[name], area=area, name="fund_committee")
    c1, c2 = users["noor"], users["henk"]
    finance = User.objects.create_user(username="bram", password=PASSWORD)
    Role.objects.create(user=finance, area=area, name="finance")
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
        title="Themabudget",
        year=2026,
        budget_cents=1_000_000,
        ideas_start=now - dt.timedelta(days=3),
        assessment_start=now - dt.timedelta(days=2),
        voting_start=now - dt.timedelta(minutes=5),
        voting_end=now + dt.timedelta(days=7),
    )
    round_ = round_advance(actor=c1, round=round_)
    ideas = [
        ("Bomen op het plein", 400_000, "groen"),
        ("Moestuin", 300_000, "groen"),
        ("Speelplek", 300_000, "spelen"),
        ("Voetbalkooi", 200_000, "groen"),  # the committee moves it to play (spelen)
    ]
    for title, cost, theme in ideas:
        idea_submit(
            theme=theme,
            round=round_,
            title=title,
            summary="Samen iets doen in de buurt.",
            description="Met de buren.",
            estimated_cost_cents=cost,
            contact_name="Buur",
            contact_email="buur@example.org",
        )
    round_ = round_advance(actor=c1, round=round_)
    for proposal in Proposal.objects.filter(round=round_):
        assessment_record(actor=c2, proposal=proposal, **dict.fromkeys(Assessment.CRITERIA, True))
        idea_decide(actor=c2, proposal=proposal, admitted=True)
    return {"area": area, "round": round_, "c1": c1}


def new_page(browser, live_server, **kwargs):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", **kwargs)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def resident_check(page):
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def vote(page, code, projects, others, *, axe=True):
    check = resident_check if axe else assert_no_horizontal_scroll
    page.goto(f"/stemmen/?code={code}")
    page.click("main button[type=submit]")
    check(page)
    for pid in others:  # everyone votes on all ideas: the ones not chosen are on the ballot too
        assert page.locator(f"#project-{pid}").count() == 1
    for pid in projects:
        page.check(f"#project-{pid}")
    page.click("button[value=confirm]")
    check(page)
    page.click("button[value=cast]")
    page.wait_for_url("**/stemmen/bewijs/")
    check(page)


def test_a_round_with_a_budget_per_theme(browser, live_server, world):
    from wijkgeld.fund.models import RoundResult, SubArea
    from wijkgeld.fund.services.rounds import round_advance
    from wijkgeld.pb import parse_pb
    from wijkgeld.pb.fromfile import tally_from_file
    from wijkgeld.voting.models import Ballot
    from wijkgeld.voting.services import codes_generate

    area, round_ = world["area"], world["round"]
    manage = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/"
    base = f"/gebieden/{area.slug}/bewonersfonds/ronde/{round_.pk}/"

    # 1. The committee splits the budget over themes: first with a mistake, then right.
    ctx, committee = new_page(browser, live_server)
    login_in_browser(committee, "noor", PASSWORD)
    committee.goto(manage)
    committee.click(f"a[href='{manage}themas/']")
    assert_accessible(committee)
    committee.fill("#id_budget-groen", "6.000")
    committee.fill("#id_budget-spelen", "3.000")
    committee.check("#id_leftover_1")  # money left goes to the ideas with most votes, of any theme
    committee.click("main form.narrow-form button[type=submit]")
    assert "maar het budget van de ronde is" in committee.inner_text("main")
    assert not SubArea.objects.exists()
    committee.fill("#id_budget-spelen", "4.000")
    committee.click("main form.narrow-form button[type=submit]")
    assert sorted(SubArea.objects.values_list("theme", flat=True)) == ["groen", "spelen"]
    assert_accessible(committee)
    assert_no_horizontal_scroll(committee)
    # On a 320 px phone, by keyboard: the other member moves idea 4 to the theme play.
    phone_ctx, phone = new_page(browser, live_server, viewport={"width": 320, "height": 640})
    login_in_browser(phone, "henk", PASSWORD)
    phone.goto(f"{manage}themas/")
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone)
    phone.focus("#theme-4")
    phone.select_option("#theme-4", value="spelen")
    phone.keyboard.press("Tab")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert "heeft nu het thema Spelen en sport" in phone.inner_text("main")
    if SHOTS:
        phone.screenshot(path=f"{SHOTS}/categories-committee-320.png", full_page=True)
    phone_ctx.close()

    # 2. Voting opens (rules locked); codes belong to no neighbourhood.
    round_ = round_advance(actor=world["c1"], round=round_)
    codes = codes_generate(actor=world["c1"], round=round_, count=2)
    resident_ctx, resident = new_page(browser, live_server, viewport={"width": 320, "height": 640})
    resident.goto(base)
    resident_check(resident)
    rules = resident.inner_text("main")
    assert (
        "Budget per thema" in rules and "Groen en natuur" in rules and "Elk thema wordt apart geteld" in rules
    )

    # 3. Two voters choose ideas of both themes: one on a 320 px phone, one without JavaScript.
    vote(resident, codes[0], ["1", "3"], others=["2", "4"])
    nojs_ctx, nojs = new_page(
        browser, live_server, viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    vote(nojs, codes[1], ["1", "4"], others=["2", "3"], axe=False)
    nojs_ctx.close()
    assert Ballot.objects.filter(round=round_).count() == 2

    # 4. Voting closes; the committee counts and publishes.
    committee.goto(manage)
    committee.click("form[action$='fase/'] button")
    committee.goto(f"{manage}uitslag/")
    committee.click("form[action$='tellen/'] button")
    committee.click("form[action$='publiceren/'] button")
    committee.click("form[action$='publiceren/'] button.wg-button--irreversible")
    ctx.close()
    result = RoundResult.objects.get(round=round_)
    assert result.published_at is not None
    election = parse_pb(result.pb_text)
    assert election.meta["budget_per_category"] == "6000,4000"
    assert sorted(tally_from_file(election, tie_break=result.tie_break).selected) == sorted(result.selected)

    # 5. The results page shows each theme, at 320 px and at 1280 px.
    resident.goto(f"{base}uitslag/")
    resident_check(resident)
    headings = resident.locator("main h2").all_inner_texts()
    assert "Groen en natuur" in headings and "Spelen en sport" in headings
    assert "Stemmers die een idee in dit thema kozen" in resident.inner_text("main")
    if SHOTS:
        resident.screenshot(path=f"{SHOTS}/categories-results-320.png", full_page=True)
    resident_ctx.close()
    wide_ctx, wide = new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    wide.goto(f"{base}uitslag/")
    assert_accessible(wide)
    assert_no_horizontal_scroll(wide)
    if SHOTS:
        wide.screenshot(path=f"{SHOTS}/categories-results-1280.png", full_page=True)
    wide_ctx.close()
