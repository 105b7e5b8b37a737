"""Phases: one step at a time, by the committee or by `advance_rounds` when a date has passed."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tests.fund.conftest import NOW
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.fund.models import Proposal, Round
from wijkgeld.fund.services.rounds import round_advance, round_create, round_update, rounds_advance_due

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def test_round_create_defaults_to_mes_add1_and_age_12(area, committee, funded_line):
    round_ = round_create(actor=committee, area=area, title="Ronde 1", year=2026, budget_cents=500_000)
    assert (round_.rule, round_.completion, round_.tie_break, round_.min_age) == (
        "mes",
        "add1",
        "cost-then-votes",
        12,
    )
    assert round_.phase == Round.Phase.PREPARATION
    assert AuditEntry.objects.filter(action="fund.round.created", area=area).count() == 1


def test_round_budget_must_fit_the_budget_line(area, committee, funded_line):
    with pytest.raises(DomainError) as exc:
        round_create(actor=committee, area=area, title="Te groot", year=2026, budget_cents=5_000_001)
    assert exc.value.field == "budget_cents"
    assert not Round.objects.exists()
    assert round_create(actor=committee, area=area, title="Past", year=2026, budget_cents=5_000_000)


def test_round_needs_a_budget_line(area, committee):
    with pytest.raises(DomainError) as exc:
        round_create(actor=committee, area=area, title="Ronde 1", year=2026, budget_cents=500_000)
    assert exc.value.field == "year"
    assert not Round.objects.exists()


def test_settings_are_checked(area, committee, funded_line):
    with pytest.raises(DomainError):
        round_create(
            actor=committee, area=area, title="X", year=2026, budget_cents=1, ballot_type="cumulative"
        )
    with pytest.raises(DomainError):
        round_create(actor=committee, area=area, title="X", year=2026, budget_cents=1, tie_break="lottery")
    with pytest.raises(DomainError):
        round_create(
            actor=committee,
            area=area,
            title="X",
            year=2026,
            budget_cents=1,
            voting_start=NOW,
            voting_end=NOW - DAY,
        )


def test_a_round_moves_one_phase_at_a_time(area, committee, make_round):
    round_ = make_round(area, phase=Round.Phase.PREPARATION)
    with pytest.raises(DomainError):
        round_advance(actor=committee, round=round_, to_phase="voting")
    round_ = round_advance(actor=committee, round=round_, to_phase="ideas", now=NOW)
    assert round_.phase == "ideas"
    entry = AuditEntry.objects.get(action="fund.round.phase_changed")
    assert entry.actor == committee and entry.data["automatic"] is False


def test_voting_needs_every_idea_decided_and_locks_the_rules(area, committee, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    open_idea = make_idea(round_)
    with pytest.raises(DomainError):
        round_advance(actor=committee, round=round_, now=NOW)
    open_idea.status = Proposal.Status.ADMITTED
    open_idea.save()
    round_ = round_advance(actor=committee, round=round_, now=NOW)
    assert round_.phase == "voting" and round_.locked_at == NOW
    with pytest.raises(DomainError) as exc:
        round_update(actor=committee, round=round_, rule="greedy", completion="none")
    assert exc.value.code == "locked"
    round_.refresh_from_db()
    assert round_.rule == "mes"
    # Later dates may still move.
    round_update(actor=committee, round=round_, voting_end=NOW + 25 * DAY)


def test_execution_needs_published_results(area, committee, make_round):
    round_ = make_round(area, phase=Round.Phase.RESULTS)
    with pytest.raises(DomainError) as exc:
        round_advance(actor=committee, round=round_, now=NOW)
    assert exc.value.code == "not_published"


def test_advance_rounds_travels_in_time_and_is_idempotent(area, committee, make_round, make_idea):
    round_ = make_round(
        area,
        phase=Round.Phase.PREPARATION,
        ideas_start=NOW + DAY,
        assessment_start=NOW + 10 * DAY,
        voting_start=NOW + 20 * DAY,
        voting_end=NOW + 30 * DAY,
    )
    assert rounds_advance_due(now=NOW) == []
    rounds_advance_due(now=NOW + 2 * DAY)
    round_.refresh_from_db()
    assert round_.phase == "ideas"
    rounds_advance_due(now=NOW + 2 * DAY)
    assert AuditEntry.objects.filter(action="fund.round.phase_changed").count() == 1
    make_idea(round_, status=Proposal.Status.SUBMITTED)
    # Voting cannot open while an idea waits: the round stays in assessment and says why.
    report = rounds_advance_due(now=NOW + 25 * DAY)
    round_.refresh_from_db()
    assert round_.phase == "assessment"
    [(moved, old, new)] = report
    assert (moved.pk, old) == (round_.pk, "ideas") and new.startswith("assessment (")
    round_.proposals.update(status=Proposal.Status.ADMITTED, final_cost_cents=100_000)
    out = StringIO()
    call_command("advance_rounds", now=(NOW + 31 * DAY).isoformat(), stdout=out)
    round_.refresh_from_db()
    assert round_.phase == "results" and round_.locked_at is not None
    assert "assessment -> results" in out.getvalue()
    assert AuditEntry.objects.filter(action="fund.round.phase_changed", actor=None).count() == 4


def test_advance_rounds_waits_for_publication(area, make_round):
    round_ = make_round(area, phase=Round.Phase.RESULTS, voting_end=NOW - DAY)
    rounds_advance_due(now=NOW)
    round_.refresh_from_db()
    assert round_.phase == "results"


def test_settings_page_offers_only_dates_once_locked(client, area, committee, make_round):
    from tests.conftest import login

    round_ = make_round(area, phase=Round.Phase.VOTING)
    login(client, committee)
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/"
    form = client.get(url).context["form"]
    assert set(form.fields) == {"voting_end", "results_date", "execution_end"}
    response = client.post(url, {"voting_end": "2026-06-20T12:00", "rule": "greedy"})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.rule == "mes" and round_.voting_end.day == 20


def test_committee_creates_a_round_through_the_page(client, area, committee, funded_line):
    from tests.conftest import login

    login(client, committee)
    url = f"/gebieden/{area.slug}/bewonersfonds/beheer/"
    data = {
        "title": "Ronde via pagina",
        "year": "2026",
        "budget_cents": "20.000,00",
        "min_age": "12",
        "ballot_type": "approval",
        "min_projects": "1",
        "rule": "mes",
        "completion": "add1",
        "tie_break": "cost-then-votes",
    }
    response = client.post(url, data | {"budget_cents": "60.000,00"})
    assert response.status_code == 200 and "budget_cents" in response.context["form"].errors
    assert not Round.objects.exists()
    assert client.post(url, data).status_code == 302
    assert Round.objects.get().budget_cents == 2_000_000
