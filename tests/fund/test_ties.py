"""The results page says plainly when a tie-break decided, and why an idea with equal votes lost."""

from __future__ import annotations

import pytest

from tests.fund.conftest import NOW, cast
from wijkgeld.fund import ties
from wijkgeld.fund.models import Proposal, Round
from wijkgeld.fund.services.results import result_count, result_publish
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db


def _published_round(make_round, make_idea, area, committee, *, selections, costs, rule="greedy"):
    import datetime as dt

    round_ = make_round(
        area,
        phase=Round.Phase.VOTING,
        voting_start=NOW - dt.timedelta(days=1),
        voting_end=NOW + dt.timedelta(days=5),
        rule=rule,
        completion="none",
        tie_break="cost-then-votes",
    )
    for title, cost in costs:
        make_idea(round_, status=Proposal.Status.ADMITTED, cost=cost, title=title)
    cast(round_, committee, selections)
    round_ = round_advance(actor=committee, round=round_, now=NOW)
    result_count(actor=committee, round=round_, now=NOW)
    result_publish(actor=committee, round=round_, now=NOW)
    round_.refresh_from_db()
    return round_


def test_a_tie_decided_by_the_tie_break_is_said_plainly(client, make_round, make_idea, area, committee):
    # Two ideas with 2 votes each; only one fits. Cheapest first chooses Buurtkeuken.
    round_ = _published_round(
        make_round,
        make_idea,
        area,
        committee,
        selections=[("1",), ("1",), ("2",), ("2",)],
        costs=[("Speeltuin", 600_000), ("Buurtkeuken", 500_000)],
    )
    assert round_.result.selected == ["2"]
    outcome = ties.tie_break_outcome(round_.result)
    assert outcome == {"tie_break": "id", "would_win": ["1"], "would_lose": ["2"]}
    client.cookies["django_language"] = "nl"
    html = client.get(round_.get_absolute_url() + "uitslag/").content.decode()
    assert "Gelijke stand besliste" in html
    assert "was Speeltuin gekozen in plaats van Buurtkeuken" in html
    assert "Speeltuin had evenveel stemmen als Buurtkeuken (2). Het verloor bij gelijke stand" in html


def test_equal_votes_without_a_deciding_tie_break_say_so(client, make_round, make_idea, area, committee):
    # Equal votes, but both fit: nothing was decided by the tie-break; a third idea is too expensive.
    round_ = _published_round(
        make_round,
        make_idea,
        area,
        committee,
        selections=[("1", "3"), ("2", "3")],
        costs=[("Bankjes", 300_000), ("Bloembakken", 300_000), ("Fietsenstalling", 2_000_000)],
    )
    assert ties.tie_break_outcome(round_.result) is None
    html = client.get(round_.get_absolute_url() + "uitslag/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "tie-box" not in html


def test_no_recount_for_very_large_elections(monkeypatch):
    class Big:
        num_ballots = ties.MAX_BALLOTS_TO_RECOUNT + 1

    assert ties.tie_break_outcome(Big()) is None
