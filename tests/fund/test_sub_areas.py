"""Sub-area budgets: set by the committee before voting, voted per neighbourhood, counted per neighbourhood,
published in a .pb file that `--rule from-file` recounts to the same winners. And the rule variants."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.conftest import login
from tests.fund.conftest import NOW
from wijkgeld.areas.models import Neighbourhood
from wijkgeld.core.audit import AuditEntry
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Proposal, Round, SubArea
from wijkgeld.fund.services.results import result_count, result_publish, tally_command
from wijkgeld.fund.services.rounds import round_advance, round_update
from wijkgeld.fund.services.subareas import idea_sub_area_set, sub_areas_set
from wijkgeld.pb import parse_pb
from wijkgeld.pb.fromfile import agreement, tally_from_file
from wijkgeld.voting.services import ballot_cast, codes_generate, paper_ballot_enter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are matched in English; the site's default language is Dutch.
    with translation.override("en"):
        yield


@pytest.fixture
def hoods(area):
    north = Neighbourhood.objects.create(area=area, name="Noord", postcode_from="3081", postcode_to="3082")
    south = Neighbourhood.objects.create(area=area, name="Zuid", postcode_from="3083", postcode_to="3083")
    return north, south


def _split(round_, committee, hoods, leftover=Round.Leftover.FUND, north=600_000, south=400_000):
    return sub_areas_set(
        actor=committee,
        round=round_,
        budgets={hoods[0].pk: north, hoods[1].pk: south},
        leftover=leftover,
        now=NOW,
    )


@pytest.fixture
def split_round(make_round, make_idea, area, committee, hoods):
    """€10.000: Noord €6.000 (ideas 1 €4.000, 2 €3.000), Zuid €4.000 (ideas 3 €3.000, 4 €2.000)."""
    round_ = make_round(
        area,
        phase=Round.Phase.ASSESSMENT,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
    )
    north, south = _split(round_, committee, hoods, leftover=Round.Leftover.POOLED)
    for cost, sub in ((400_000, north), (300_000, north), (300_000, south), (200_000, south)):
        make_idea(round_, status=Proposal.Status.ADMITTED, cost=cost, sub_area=sub)
    return round_


def _vote(round_, committee, sub, selections):
    codes = codes_generate(actor=committee, round=round_, count=len(selections), sub_area=sub, now=NOW)
    return [
        ballot_cast(round=round_, code=c, approvals=list(s), now=NOW)
        for c, s in zip(codes, selections, strict=True)
    ]


# --- setting the budgets -------------------------------------------------------------------------


def test_committee_splits_the_budget_and_it_is_audited(make_round, area, committee, hoods):
    round_ = make_round(area)
    subs = _split(round_, committee, hoods)
    round_.refresh_from_db()
    assert round_.split == Round.Split.NEIGHBOURHOOD and round_.is_split
    assert [(s.name, s.postcodes, s.budget_cents) for s in subs] == [
        ("Noord", "3081–3082", 600_000),
        ("Zuid", "3083", 400_000),
    ]
    entry = AuditEntry.objects.filter(action="fund.round.sub_areas_set").get()
    assert entry.data["budgets"] == {"Noord": 600_000, "Zuid": 400_000}


@pytest.mark.parametrize(
    ("north", "south", "message"),
    [
        (600_000, 300_000, "add up to"),
        (1_000_000, 0, "at least two"),
    ],
)
def test_bad_budgets_change_nothing(make_round, area, committee, hoods, north, south, message):
    round_ = make_round(area)
    with pytest.raises(DomainError, match=message):
        _split(round_, committee, hoods, north=north, south=south)
    round_.refresh_from_db()
    assert not round_.is_split and not SubArea.objects.exists()


def test_a_postcode_in_two_neighbourhoods_is_refused(make_round, area, committee, hoods):
    round_ = make_round(area)
    hoods[1].postcode_from = "3082"
    hoods[1].save()
    with pytest.raises(DomainError, match="two neighbourhoods"):
        _split(round_, committee, hoods)
    assert not SubArea.objects.exists()


def test_a_neighbourhood_of_another_area_is_refused(make_round, area, other_area, committee, hoods):
    round_ = make_round(area)
    elsewhere = Neighbourhood.objects.create(area=other_area, name="Elders", postcode_from="9999")
    with pytest.raises(DomainError, match="this area"):
        sub_areas_set(
            actor=committee,
            round=round_,
            budgets={hoods[0].pk: 500_000, elsewhere.pk: 500_000},
            leftover="fund",
        )
    assert not SubArea.objects.exists()


@pytest.mark.parametrize("role", ["programme_staff", "finance", "observer", None])
def test_only_the_committee_sets_budgets(make_round, make_user, area, hoods, role):
    round_ = make_round(area)
    with pytest.raises(PermissionDenied):
        _split(round_, make_user(role, area), hoods)


def test_committee_of_another_area_cannot(make_round, make_user, area, other_area, hoods):
    round_ = make_round(area)
    with pytest.raises(PermissionDenied):
        _split(round_, make_user("fund_committee", other_area), hoods)


@pytest.mark.parametrize("role", ["fund_committee", "finance", "programme_staff", "site_admin"])
def test_nobody_changes_budgets_after_lock(split_round, committee, make_user, area, hoods, role):
    round_ = round_advance(actor=committee, round=split_round, now=NOW)  # opens voting, locks
    assert round_.is_locked
    actor = make_user(role, area)
    with pytest.raises((DomainError, PermissionDenied)):
        _split(round_, actor, hoods, north=500_000, south=500_000)
    with pytest.raises((DomainError, PermissionDenied)):
        sub_areas_set(actor=actor, round=round_, budgets={}, leftover="fund")
    assert sorted(SubArea.objects.values_list("budget_cents", flat=True)) == [400_000, 600_000]


def test_round_budget_cannot_change_under_the_neighbourhoods(split_round, committee):
    with pytest.raises(DomainError, match="budget per neighbourhood"):
        round_update(actor=committee, round=split_round, budget_cents=2_000_000)


def test_voting_does_not_open_with_a_neighbourhood_without_ideas(split_round, committee):
    split_round.proposals.filter(number__in=[3, 4]).update(status=Proposal.Status.NOT_ADMITTED)
    with pytest.raises(DomainError, match="no admitted ideas"):
        round_advance(actor=committee, round=split_round, now=NOW)
    split_round.refresh_from_db()
    assert split_round.phase == Round.Phase.ASSESSMENT and not split_round.is_locked


def test_voting_does_not_open_with_an_idea_without_neighbourhood(split_round, committee, make_idea):
    make_idea(split_round, status=Proposal.Status.ADMITTED, title="Zwerver")
    with pytest.raises(DomainError, match="Zwerver"):
        round_advance(actor=committee, round=split_round, now=NOW)


def test_committee_moves_an_idea_to_another_neighbourhood(split_round, committee):
    idea = split_round.proposals.get(number=4)
    north = split_round.sub_areas.get(name="Noord")
    idea_sub_area_set(actor=committee, proposal=idea, sub_area=north, now=NOW)
    idea.refresh_from_db()
    assert idea.sub_area == north
    assert AuditEntry.objects.filter(action="fund.idea.sub_area_set").exists()


# --- voting --------------------------------------------------------------------------------------


def test_codes_need_a_neighbourhood_and_votes_stay_in_it(split_round, committee):
    with pytest.raises(DomainError, match="neighbourhood"):
        codes_generate(actor=committee, round=split_round, count=1, now=NOW)
    round_ = round_advance(actor=committee, round=split_round, now=NOW)
    north = round_.sub_areas.get(name="Noord")
    [code] = codes_generate(actor=committee, round=round_, count=1, sub_area=north, now=NOW)
    with pytest.raises(DomainError, match="own neighbourhood"):
        ballot_cast(round=round_, code=code, approvals=["3"], now=NOW)
    assert not round_.ballots.exists()
    ballot_cast(round=round_, code=code, approvals=["1"], now=NOW)
    with pytest.raises(DomainError, match="own neighbourhood"):
        paper_ballot_enter(actor=committee, round=round_, code=code, approvals=["4"], now=NOW)


def test_ballot_page_shows_only_the_own_neighbourhood(client, split_round, committee):
    round_ = round_advance(actor=committee, round=split_round, now=NOW)
    Round.objects.filter(pk=round_.pk).update(voting_start=None, voting_end=None)
    round_.refresh_from_db()
    south = round_.sub_areas.get(name="Zuid")
    [code] = codes_generate(actor=committee, round=round_, count=1, sub_area=south)
    page = client.post("/stemmen/", {"code": code}, follow=True)
    assert page.status_code == 200
    assert [p.id for p in page.context["projects"]] == ["3", "4"]
    assert "Zuid" in page.content.decode()
    # Ticking an idea of the other neighbourhood by hand (no JS, tampered form) changes nothing.
    url = f"/stemmen/ronde/{round_.pk}/"
    refused = client.post(url, {"code": code, "projects": ["1"], "action": "confirm"})
    assert "U kunt alleen stemmen op de ideeën van uw eigen buurt" in refused.content.decode()
    assert not round_.ballots.exists()


# --- counting and publishing ---------------------------------------------------------------------


@pytest.fixture
def published(split_round, committee):
    round_ = round_advance(actor=committee, round=split_round, now=NOW)
    north, south = round_.sub_areas.all()
    # Noord: 5 want 1 (€4000), 3 want 2 (€3000): only one fits €6000 → 1; €2000 left.
    _vote(round_, committee, north, [("1",)] * 5 + [("2",)] * 3)
    # Zuid: 4 want 4 (€2000): fits; 3 (€3000) has no votes... 2 voters want 3 too.
    _vote(round_, committee, south, [("4",)] * 4 + [("3", "4")] * 2)
    round_.voting_end = NOW
    round_.save()
    round_ = round_advance(actor=committee, round=round_, now=NOW + dt.timedelta(days=6))
    result = result_count(actor=committee, round=round_, now=NOW + dt.timedelta(days=6))
    result_publish(actor=committee, round=round_, now=NOW + dt.timedelta(days=6))
    result.refresh_from_db()
    return round_, result


def test_each_neighbourhood_is_counted_on_its_own_budget(published):
    round_, result = published
    parts = {p["name"]: p for p in result.explanation["parts"]}
    assert set(parts) == {"Noord", "Zuid"}
    assert parts["Noord"]["budget"] == "6000" and parts["Zuid"]["budget"] == "4000"
    assert parts["Noord"]["num_voters"] == 8 and parts["Zuid"]["num_voters"] == 6
    assert "1" in parts["Noord"]["selected"] and "2" not in parts["Noord"]["selected"]
    assert "4" in parts["Zuid"]["selected"]
    # Noord left €2000 and Zuid €2000: pooled, €4000 funds idea 2 (3 votes, €3000) before 3 (2 votes).
    assert result.explanation["leftover"] == {
        "pooled": True,
        "left_after_neighbourhoods": "4000",
        "selected": ["2"],
    }
    assert sorted(result.selected) == ["1", "2", "4"]
    assert "left" in result.explanation["projects"]["2"]["text"]["en"]


def test_the_pb_file_recounts_to_the_published_winners(published):
    round_, result = published
    election = parse_pb(result.pb_text)
    meta = election.meta
    assert meta["neighborhoods"] == "Noord,Zuid"
    assert meta["budget_per_neighborhood"] == "6000,4000"
    assert meta["leftover_budget"] == "true"
    assert meta["rule"] == "equalshares/add1" and meta["completion"] == "greedy"
    assert {p.extra["neighborhood"] for p in election.projects.values()} == {"Noord", "Zuid"}
    assert {b.extra["neighborhood"] for b in election.ballots} == {"Noord", "Zuid"}
    recount = tally_from_file(election, tie_break=result.tie_break)
    assert sorted(recount.selected) == sorted(result.selected)
    assert "--rule from-file" in tally_command(round_)


def test_greedy_with_threshold_per_neighbourhood_recounts(make_round, make_idea, area, committee, hoods):
    round_ = make_round(
        area,
        phase=Round.Phase.ASSESSMENT,
        rule=Round.Rule.GREEDY,
        completion=Round.Completion.NONE,
        min_votes=3,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
    )
    north, south = _split(round_, committee, hoods, leftover=Round.Leftover.POOLED)
    for cost, sub in ((400_000, north), (100_000, north), (300_000, south), (200_000, south)):
        make_idea(round_, status=Proposal.Status.ADMITTED, cost=cost, sub_area=sub)
    round_ = round_advance(actor=committee, round=round_, now=NOW)
    _vote(round_, committee, north, [("1", "2")] * 2 + [("1",)] * 3)  # idea 2: 2 votes, below 3
    _vote(round_, committee, south, [("3",)] * 4 + [("4",)] * 3)
    round_.phase = Round.Phase.RESULTS
    round_.save()
    result = result_count(actor=committee, round=round_, now=NOW)
    assert "2" not in result.selected  # below the minimum, although it fits
    election = parse_pb(result.pb_text)
    assert election.meta["rule"] == "greedy-threshold"
    assert election.meta["min_project_score_threshold"] == "3"
    recount = tally_from_file(election, tie_break=result.tie_break)
    assert sorted(recount.selected) == sorted(result.selected)
    # Zuid: 3 (€3000) then 4 does not fit its €1000 left; pooled money (Noord's €2000 + €1000) funds 4.
    assert set(result.selected) == {"1", "3", "4"}


def test_money_left_stays_in_the_fund_when_the_rules_say_so(make_round, make_idea, area, committee, hoods):
    round_ = make_round(
        area,
        phase=Round.Phase.ASSESSMENT,
        rule=Round.Rule.GREEDY,
        completion=Round.Completion.NONE,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
    )
    north, south = _split(round_, committee, hoods, leftover=Round.Leftover.FUND)
    for cost, sub in ((400_000, north), (300_000, south), (200_000, south)):
        make_idea(round_, status=Proposal.Status.ADMITTED, cost=cost, sub_area=sub)
    round_ = round_advance(actor=committee, round=round_, now=NOW)
    _vote(round_, committee, north, [("1",)] * 2)
    _vote(round_, committee, south, [("2",)] * 4 + [("3",)] * 3)
    round_.phase = Round.Phase.RESULTS
    round_.save()
    result = result_count(actor=committee, round=round_, now=NOW)
    assert set(result.selected) == {"1", "2"}  # 3 does not fit Zuid's €1000 left; Noord's €2000 stays
    assert "leftover_budget" not in parse_pb(result.pb_text).meta
    assert result.explanation["leftover"]["left_after_neighbourhoods"] == "3000"


def test_results_page_shows_each_neighbourhood(client, published):
    round_, _result = published
    page = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/")
    assert page.status_code == 200
    parts = page.context["parts"]
    assert [p["name"] for p in parts] == ["Noord", "Zuid"]
    assert sorted(r["number"] for r in parts[0]["rows"]) == ["1", "2"]
    body = page.content.decode()
    assert "Noord" in body and "Zuid" in body and "3081–3082" in body
    assert "--rule from-file" in body
    # Idea 2 was paid from the money left over together: its bar says so (it is not in Noord's total).
    pooled = [r["number"] for p in parts for r in p["rows"] if r["pooled"]]
    assert pooled == ["2"]
    assert body.count("Gekozen met het geld dat samen over was, niet van dit budget") == 1


def test_committee_page_sets_budgets_and_shows_errors(client, make_round, area, committee, hoods):
    round_ = make_round(area)
    login(client, committee)
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/buurten/"
    bad = client.post(
        url, {f"budget-{hoods[0].pk}": "6.000", f"budget-{hoods[1].pk}": "3.000", "leftover": "fund"}
    )
    assert bad.status_code == 200 and "maar het budget van de ronde is" in bad.content.decode()
    assert not SubArea.objects.exists()
    ok = client.post(
        url, {f"budget-{hoods[0].pk}": "6.000", f"budget-{hoods[1].pk}": "4.000", "leftover": "pooled"}
    )
    assert ok.status_code == 302
    assert SubArea.objects.count() == 2


def test_finance_cannot_post_the_budget_page(client, make_round, make_user, area, hoods):
    round_ = make_round(area)
    login(client, make_user("finance", area))
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/buurten/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {f"budget-{hoods[0].pk}": "6.000", f"budget-{hoods[1].pk}": "4.000", "leftover": "fund"}
    )
    assert response.status_code == 403
    assert not SubArea.objects.exists()


# --- rule variants without sub-areas -------------------------------------------------------------


def test_add1_without_completion_and_comparison_are_exported_and_recount(voting_round, committee):
    from tests.fund.conftest import cast

    Round.objects.filter(pk=voting_round.pk).update(completion=Round.Completion.ADD1_ONLY, comparison=True)
    voting_round.refresh_from_db()
    cast(voting_round, committee, [("1", "3")] * 6 + [("2",)] * 4)
    voting_round.phase = Round.Phase.RESULTS
    voting_round.locked_at = NOW
    voting_round.save()
    result = result_count(actor=committee, round=voting_round, now=NOW)
    election = parse_pb(result.pb_text)
    assert election.meta["rule"] == "equalshares/add1-comparison"
    assert "completion" not in election.meta
    assert result.rule == "from-file"
    recount = tally_from_file(election, tie_break=result.tie_break)
    assert recount.selected == result.selected
    assert agreement(recount) is None  # no selected column in a fund file: the winners are compared above


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"min_votes": 3}, "min_votes"),  # MES: threshold only with most votes
        ({"rule": Round.Rule.GREEDY, "completion": Round.Completion.NONE, "comparison": True}, "comparison"),
        ({"rule": Round.Rule.PHRAGMEN, "completion": Round.Completion.NONE, "min_votes": 2}, "min_votes"),
    ],
)
def test_variants_that_do_not_fit_the_rule_are_refused(make_round, area, committee, values, field):
    round_ = make_round(area)
    with pytest.raises(DomainError) as exc:
        round_update(actor=committee, round=round_, **values)
    assert exc.value.field == field
    round_.refresh_from_db()
    assert round_.min_votes is None and not round_.comparison


def test_committee_result_page_of_a_split_round_has_no_whole_area_comparison(client, published, committee):
    round_, _result = published
    login(client, committee)
    page = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitslag/")
    assert page.status_code == 200 and page.context["comparison"] is None


def test_pages_of_a_variant_round_explain_with_the_city_rule(client, voting_round, committee):
    from tests.fund.conftest import cast

    Round.objects.filter(pk=voting_round.pk).update(
        rule=Round.Rule.GREEDY, completion=Round.Completion.NONE, min_votes=5
    )
    voting_round.refresh_from_db()
    cast(voting_round, committee, [("1", "3")] * 6 + [("2",)] * 4)
    voting_round.phase = Round.Phase.RESULTS
    voting_round.save()
    result_count(actor=committee, round=voting_round, now=NOW)
    result_publish(actor=committee, round=voting_round, now=NOW)
    base = f"/gebieden/{voting_round.area.slug}/bewonersfonds/ronde/{voting_round.pk}/"
    results = client.get(base + "uitslag/")
    assert results.status_code == 200
    rows = {r["number"]: r for r in results.context["rows"]}
    assert not rows["2"]["selected"]  # 4 votes: below the minimum of 5, although it fits
    assert "5" in rows["2"]["text"]
    assert client.get(base).status_code == 200
    assert client.get(base + "ideeen/2/").status_code == 200
    rules = client.get(base).content.decode()
    assert "minstens 5 stemmen nodig" in rules


def test_letters_are_asked_for_and_issued_per_neighbourhood(split_round, committee, make_user, area):
    import csv
    import io
    import zipfile

    from wijkgeld.voting.batches import code_batch_issue, code_batch_request
    from wijkgeld.voting.models import VotingCode

    other = make_user("fund_committee", area)
    with pytest.raises(DomainError, match="neighbourhood"):
        code_batch_request(actor=committee, round=split_round, count=2, now=NOW)
    south = split_round.sub_areas.get(name="Zuid")
    batch = code_batch_request(actor=committee, round=split_round, count=2, sub_area=south, now=NOW)
    issued = code_batch_issue(actor=other, batch=batch, now=NOW)
    with zipfile.ZipFile(io.BytesIO(issued.data)) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("codes.csv").decode())))
    assert {(r["buurt"], r["postcodes"]) for r in rows} == {("Zuid", "3083")}
    assert set(VotingCode.objects.values_list("sub_area__name", flat=True)) == {"Zuid"}
    # A replacement keeps the neighbourhood of the code it replaces.
    replace = code_batch_request(actor=committee, round=split_round, replace_code=rows[0]["code"], now=NOW)
    assert replace.sub_area == south
    code_batch_issue(actor=other, batch=replace, now=NOW)
    assert VotingCode.objects.filter(revoked=False, sub_area=south).count() == 2


def test_a_round_with_one_budget_refuses_codes_for_a_neighbourhood(make_round, area, committee, hoods):
    round_ = make_round(area, phase=Round.Phase.PREPARATION)
    other_round = make_round(area, phase=Round.Phase.PREPARATION)
    [north, _south] = _split(other_round, committee, hoods)
    with pytest.raises(DomainError, match="one budget"):
        codes_generate(actor=committee, round=round_, count=1, sub_area=north, now=NOW)


def test_a_resident_names_the_neighbourhood_of_an_idea(client, make_round, area, committee, hoods):
    from tests.fund.test_ideas import VALID, url

    round_ = make_round(area)
    _split(round_, committee, hoods)
    missing = client.post(url(round_), VALID)
    assert missing.status_code == 200 and "sub_area" in missing.context["form"].errors
    assert not Proposal.objects.exists()
    south = round_.sub_areas.get(name="Zuid")
    done = client.post(url(round_), {**VALID, "sub_area": south.pk})
    assert done.status_code == 302
    assert Proposal.objects.get().sub_area == south


def test_open_data_lists_the_neighbourhood_budgets(client, published):
    round_, _result = published
    data = client.get(f"/api/v1/rounds/{round_.pk}/").json()
    assert data["neighbourhoods"] == [
        {"name": "Noord", "postcodes": "3081–3082", "budget": "6000.00"},
        {"name": "Zuid", "postcodes": "3083", "budget": "4000.00"},
    ]
    assert data["leftover"] == "pooled" and "--rule from-file" in data["tally_command"]


def test_winners_of_each_neighbourhood_are_awarded_as_any_winner(published, committee, funded_line):
    """The ledger needs nothing new: each winner (also one paid from pooled money) is one commitment."""
    from wijkgeld.fund.services.execution import award_create
    from wijkgeld.money.models import Commitment
    from wijkgeld.money.services import line_available_cents

    round_, result = published
    round_ = round_advance(actor=committee, round=round_, now=NOW + dt.timedelta(days=7))
    total = 0
    for pid in result.selected:  # 1 (Noord), 4 (Zuid), 2 (Noord, from the pooled money)
        award = award_create(actor=committee, proposal=round_.proposals.get(number=int(pid)), now=NOW)
        assert Commitment.objects.get(pk=award.commitment_id).amount_cents == award.amount_cents
        total += award.amount_cents
    assert total == 900_000 and line_available_cents(funded_line) == 5_000_000 - total
    with pytest.raises(DomainError):  # not chosen
        award_create(actor=committee, proposal=round_.proposals.get(number=3), now=NOW)
