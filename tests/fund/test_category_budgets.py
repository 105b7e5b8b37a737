"""A budget per theme (Pabulib's `budget_per_category`, as Amsterdam): set by the committee before
voting, locked with the rules; everyone votes on all ideas, each theme is counted on its own budget,
and the published .pb file recounts with `--rule from-file` to the same winners."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.conftest import login
from tests.fund.conftest import NOW, cast
from wijkgeld.areas.models import Neighbourhood
from wijkgeld.core.audit import AuditEntry
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Proposal, Round, SubArea
from wijkgeld.fund.services.results import result_count, result_publish
from wijkgeld.fund.services.rounds import round_advance, round_update
from wijkgeld.fund.services.subareas import (
    category_budgets_set,
    idea_sub_area_set,
    idea_theme_set,
    sub_areas_set,
)
from wijkgeld.pb import parse_pb
from wijkgeld.pb.fromfile import tally_by_group, tally_from_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _split(round_, actor, leftover=Round.Leftover.FUND, groen=600_000, spelen=400_000):
    return category_budgets_set(
        actor=actor, round=round_, budgets={"groen": groen, "spelen": spelen}, leftover=leftover, now=NOW
    )


def _theme_round(make_round, make_idea, area, committee, leftover=Round.Leftover.POOLED):
    """€10.000: Groen €6.000 (ideas 1 €4.000, 2 €3.000), Spelen €4.000 (ideas 3 €3.000, 4 €2.000)."""
    round_ = make_round(
        area,
        phase=Round.Phase.ASSESSMENT,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
    )
    _split(round_, committee, leftover=leftover)
    for cost, theme in ((400_000, "groen"), (300_000, "groen"), (300_000, "spelen"), (200_000, "spelen")):
        make_idea(round_, status=Proposal.Status.ADMITTED, cost=cost, theme=theme)
    return round_


@pytest.fixture
def theme_round(make_round, make_idea, area, committee):
    return _theme_round(make_round, make_idea, area, committee)


def _publish(round_, committee):
    round_ = round_advance(actor=committee, round=round_, now=NOW)  # opens voting, locks the rules
    # Everyone votes on all ideas: voters choose ideas of both themes on one ballot.
    cast(round_, committee, [("1", "3")] * 4 + [("2", "4")] * 2 + [("1",)] * 2 + [("4",)] * 2)
    Round.objects.filter(pk=round_.pk).update(voting_end=NOW)
    round_.refresh_from_db()
    later = NOW + dt.timedelta(days=6)
    round_ = round_advance(actor=committee, round=round_, now=later)
    result = result_count(actor=committee, round=round_, now=later)
    result_publish(actor=committee, round=round_, now=later)
    result.refresh_from_db()
    return round_, result


@pytest.fixture
def published(theme_round, committee):
    return _publish(theme_round, committee)


# --- setting the budgets -------------------------------------------------------------------------


def test_committee_sets_theme_budgets_and_it_is_audited(make_round, area, committee):
    round_ = make_round(area)
    subs = _split(round_, committee, leftover=Round.Leftover.POOLED)
    round_.refresh_from_db()
    assert round_.split == Round.Split.CATEGORY and round_.by_category and not round_.by_neighbourhood
    assert round_.leftover == Round.Leftover.POOLED
    assert [(s.theme, s.name, s.budget_cents, s.neighbourhood_id) for s in subs] == [
        ("groen", "Groen en natuur", 600_000, None),
        ("spelen", "Spelen en sport", 400_000, None),
    ]
    entry = AuditEntry.objects.get(action="fund.round.category_budgets_set")
    assert entry.data == {"budgets": {"groen": 600_000, "spelen": 400_000}, "leftover": "pooled"}
    # Going back to one budget.
    assert category_budgets_set(actor=committee, round=round_, budgets={}, leftover="fund", now=NOW) == []
    round_.refresh_from_db()
    assert round_.split == Round.Split.NONE and not SubArea.objects.exists()


@pytest.mark.parametrize(
    ("budgets", "message"),
    [
        ({"groen": 600_000, "spelen": 300_000}, "add up to"),
        ({"groen": 1_000_000}, "at least two themes"),
        ({"groen": 600_000, "raketten": 400_000}, "from the list"),
        ({"groen": 600_000, "spelen": -1}, "0 or more"),
    ],
)
def test_bad_budgets_change_nothing(make_round, area, committee, budgets, message):
    round_ = make_round(area)
    with pytest.raises(DomainError, match=message):
        category_budgets_set(actor=committee, round=round_, budgets=budgets, leftover="fund", now=NOW)
    round_.refresh_from_db()
    assert round_.split == Round.Split.NONE and not SubArea.objects.exists()
    assert not AuditEntry.objects.filter(action="fund.round.category_budgets_set").exists()


def test_unknown_leftover_is_refused(make_round, area, committee):
    round_ = make_round(area)
    with pytest.raises(DomainError, match="money that is left"):
        _split(round_, committee, leftover="lottery")
    assert not SubArea.objects.exists()


def test_themes_replace_neighbourhoods_unless_ideas_are_in_one(make_round, make_idea, area, committee):
    round_ = make_round(area)
    north = Neighbourhood.objects.create(area=area, name="Noord", postcode_from="3081")
    south = Neighbourhood.objects.create(area=area, name="Zuid", postcode_from="3083")
    subs = sub_areas_set(
        actor=committee,
        round=round_,
        budgets={north.pk: 600_000, south.pk: 400_000},
        leftover="fund",
        now=NOW,
    )
    idea = make_idea(round_)
    idea_sub_area_set(actor=committee, proposal=idea, sub_area=subs[0], now=NOW)
    with pytest.raises(DomainError, match="already has ideas"):
        _split(round_, committee)
    round_.refresh_from_db()
    assert round_.by_neighbourhood and SubArea.objects.filter(theme="").count() == 2


@pytest.mark.parametrize("role", ["programme_staff", "finance", "observer", None])
def test_only_the_committee_sets_theme_budgets(make_round, make_user, area, role):
    round_ = make_round(area)
    with pytest.raises(PermissionDenied):
        _split(round_, make_user(role, area))
    assert not SubArea.objects.exists()


def test_committee_of_another_area_cannot(make_round, make_user, area, other_area, make_idea):
    round_ = make_round(area)
    outsider = make_user("fund_committee", other_area)
    with pytest.raises(PermissionDenied):
        _split(round_, outsider)
    idea = make_idea(round_, theme="groen")
    with pytest.raises(PermissionDenied):
        idea_theme_set(actor=outsider, proposal=idea, theme="spelen")
    idea.refresh_from_db()
    assert idea.theme == "groen"


@pytest.mark.parametrize("role", ["fund_committee", "finance", "programme_staff", "site_admin"])
def test_nobody_changes_theme_budgets_or_themes_after_lock(theme_round, committee, make_user, area, role):
    round_ = round_advance(actor=committee, round=theme_round, now=NOW)
    assert round_.is_locked
    actor = make_user(role, area)
    with pytest.raises((DomainError, PermissionDenied)):
        _split(round_, actor, groen=500_000, spelen=500_000)
    with pytest.raises((DomainError, PermissionDenied)):
        category_budgets_set(actor=actor, round=round_, budgets={}, leftover="fund")
    with pytest.raises((DomainError, PermissionDenied)):
        idea_theme_set(actor=actor, proposal=round_.proposals.get(number=1), theme="spelen")
    assert sorted(SubArea.objects.values_list("theme", "budget_cents")) == [
        ("groen", 600_000),
        ("spelen", 400_000),
    ]
    assert round_.proposals.get(number=1).theme == "groen"
    round_.refresh_from_db()
    assert round_.split == Round.Split.CATEGORY and round_.leftover == Round.Leftover.POOLED


def test_round_budget_cannot_change_under_the_themes(theme_round, committee):
    with pytest.raises(DomainError, match="budget per theme"):
        round_update(actor=committee, round=theme_round, budget_cents=2_000_000)
    theme_round.refresh_from_db()
    assert theme_round.budget_cents == 1_000_000


def test_voting_does_not_open_with_an_idea_whose_theme_has_no_budget(theme_round, committee, make_idea):
    make_idea(theme_round, status=Proposal.Status.ADMITTED, title="Buurtfeest", theme="cultuur")
    with pytest.raises(DomainError, match="Buurtfeest"):
        round_advance(actor=committee, round=theme_round, now=NOW)
    theme_round.refresh_from_db()
    assert theme_round.phase == Round.Phase.ASSESSMENT and not theme_round.is_locked
    # The committee moves it to a theme with a budget; then voting opens.
    idea_theme_set(
        actor=committee, proposal=theme_round.proposals.get(title="Buurtfeest"), theme="spelen", now=NOW
    )
    assert AuditEntry.objects.filter(action="fund.idea.theme_set").exists()
    assert round_advance(actor=committee, round=theme_round, now=NOW).is_locked


def test_voting_does_not_open_with_a_theme_without_ideas(theme_round, committee):
    theme_round.proposals.filter(number__in=[3, 4]).update(status=Proposal.Status.NOT_ADMITTED)
    with pytest.raises(DomainError, match="no admitted ideas"):
        round_advance(actor=committee, round=theme_round, now=NOW)


def test_an_unknown_theme_for_an_idea_is_refused(theme_round, committee):
    with pytest.raises(DomainError, match="from the list"):
        idea_theme_set(actor=committee, proposal=theme_round.proposals.get(number=1), theme="x")


# --- voting and counting -------------------------------------------------------------------------


def test_codes_have_no_neighbourhood_and_the_ballot_has_all_ideas(client, theme_round, committee):
    round_ = round_advance(actor=committee, round=theme_round, now=NOW)
    receipts = cast(round_, committee, [("1", "3")])  # ideas of two themes on one ballot
    assert receipts and round_.ballots.count() == 1


def test_each_theme_is_counted_on_its_own_budget_and_leftover_is_pooled(published):
    _round, result = published
    parts = {p["name"]: p for p in result.explanation["parts"]}
    assert set(parts) == {"Groen en natuur", "Spelen en sport"}
    assert parts["Groen en natuur"]["budget"] == "6000" and parts["Spelen en sport"]["budget"] == "4000"
    # Groen: 8 voters chose one of its ideas; Spelen: 8 too (the 4 who chose 1 and 3 count in both).
    assert parts["Groen en natuur"]["num_voters"] == 8 and parts["Spelen en sport"]["num_voters"] == 8
    assert parts["Groen en natuur"]["selected"] == ["1"] and parts["Spelen en sport"]["selected"] == ["4"]
    # €2000 + €2000 left: pooled by votes, idea 3 (4 votes, €3000) before idea 2 (2 votes).
    assert result.explanation["leftover"] == {
        "pooled": True,
        "left_after_neighbourhoods": "4000",
        "selected": ["3"],
    }
    assert result.explanation["split"] == "category"
    assert sorted(result.selected) == ["1", "3", "4"]
    assert "themes had left" in result.explanation["projects"]["3"]["text"]["en"]


def test_money_left_stays_in_the_fund_when_the_rules_say_so(make_round, make_idea, area, committee):
    round_ = _theme_round(make_round, make_idea, area, committee, leftover=Round.Leftover.FUND)
    _round, result = _publish(round_, committee)
    assert sorted(result.selected) == ["1", "4"]
    assert (
        result.explanation["leftover"]["pooled"] is False and result.explanation["leftover"]["selected"] == []
    )
    assert "leftover_budget" not in parse_pb(result.pb_text).meta


def test_the_pb_file_recounts_to_the_published_winners(published):
    _round, result = published
    election = parse_pb(result.pb_text)
    assert election.meta["categories"] == "Groen en natuur,Spelen en sport"
    assert election.meta["budget_per_category"] == "6000,4000"
    assert election.meta["leftover_budget"] == "true"
    assert "neighborhoods" not in election.meta and "neighborhood" not in election.vote_columns
    assert {pid: p.extra["category"] for pid, p in election.projects.items()} == {
        "1": "Groen en natuur",
        "2": "Groen en natuur",
        "3": "Spelen en sport",
        "4": "Spelen en sport",
    }
    assert result.rule == "from-file"
    recount = tally_from_file(election, tie_break=result.tie_break)
    assert sorted(recount.selected) == sorted(result.selected)
    split = tally_by_group(election, tie_break=result.tie_break)
    for part in split.parts:
        assert part.result.total_cost <= part.budget


def test_greedy_with_theme_budgets_recounts(make_round, make_idea, area, committee):
    round_ = _theme_round(make_round, make_idea, area, committee)
    Round.objects.filter(pk=round_.pk).update(rule=Round.Rule.GREEDY, completion=Round.Completion.NONE)
    round_.refresh_from_db()
    _round, result = _publish(round_, committee)
    election = parse_pb(result.pb_text)
    assert election.meta["rule"] == "greedy"
    assert sorted(tally_from_file(election, tie_break=result.tie_break).selected) == sorted(result.selected)


# --- pages ---------------------------------------------------------------------------------------


def test_results_page_shows_each_theme_with_budget_chosen_and_left(client, published):
    round_, _result = published
    page = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/")
    assert page.status_code == 200
    parts = page.context["parts"]
    assert [(p["name"], p["by_theme"]) for p in parts] == [
        ("Groen en natuur", True),
        ("Spelen en sport", True),
    ]
    assert [(p["budget_cents"], p["spent_cents"], p["left_cents"]) for p in parts] == [
        (600_000, 400_000, 200_000),
        (400_000, 200_000, 200_000),
    ]
    assert sorted(r["number"] for r in parts[1]["rows"]) == ["3", "4"]
    body = page.content.decode()
    assert "budget per thema" in body and "Stemmers die een idee in dit thema kozen" in body
    assert "Samen hielden de thema's" in body or "Samen hielden de thema&#x27;s" in body
    assert "--rule from-file" in body
    rules = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/")
    assert "Elk thema wordt apart geteld" in rules.content.decode()


def test_committee_page_sets_theme_budgets_and_shows_errors(client, make_round, area, committee):
    round_ = make_round(area)
    login(client, committee)
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/themas/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"budget-groen": "6.000", "budget-spelen": "3.000", "leftover": "fund"})
    assert bad.status_code == 200 and not SubArea.objects.exists()
    ok = client.post(url, {"budget-groen": "6.000", "budget-spelen": "4.000", "leftover": "pooled"})
    assert ok.status_code == 302 and SubArea.objects.count() == 2


def test_finance_cannot_post_the_theme_page(client, make_round, make_user, make_idea, area):
    round_ = make_round(area)
    idea = make_idea(round_, theme="groen")
    login(client, make_user("finance", area))
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/themas/"
    assert client.get(url).status_code == 200
    assert (
        client.post(url, {"budget-groen": "6.000", "budget-spelen": "4.000", "leftover": "fund"}).status_code
        == 403
    )
    assert client.post(url + f"idee/{idea.number}/", {"theme": "spelen"}).status_code == 403
    assert not SubArea.objects.exists()
    idea.refresh_from_db()
    assert idea.theme == "groen"


def test_a_part_is_a_neighbourhood_or_a_theme_never_both_nor_neither(make_round, area):
    from django.db import IntegrityError, transaction

    round_ = make_round(area)
    hood = Neighbourhood.objects.create(area=area, name="Noord", postcode_from="3081")
    for values in ({"neighbourhood": hood, "theme": "groen"}, {"theme": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            SubArea.objects.create(round=round_, name="x", budget_cents=100, **values)
    SubArea.objects.create(round=round_, name="Groen", theme="groen", budget_cents=100)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubArea.objects.create(round=round_, name="Groen 2", theme="groen", budget_cents=100)


def test_open_data_lists_the_theme_budgets(client, published):
    round_, _result = published
    data = client.get(f"/api/v1/rounds/{round_.pk}/").json()
    assert data["split"] == "category" and data["neighbourhoods"] == []
    assert data["themes"] == [
        {"theme": "groen", "name": "Groen en natuur", "budget": "6000.00"},
        {"theme": "spelen", "name": "Spelen en sport", "budget": "4000.00"},
    ]
    assert data["leftover"] == "pooled" and "--rule from-file" in data["tally_command"]
