"""The residents' support budget is theirs (issue 13, section 2): staff and finance cannot lower, move
or reverse the delegates' line on their own; the delegates approve with the line's quorum."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.money import services
from wijkgeld.money.models import LineChange, Transaction

pytestmark = pytest.mark.django_db
CHANGE = LineChange.Kind


def allocation_of(line):
    return Transaction.objects.get(kind=Transaction.Kind.ALLOCATION, postings__line=line)


def test_staff_cannot_cut_the_delegates_line_alone(support_line, staff, finance):
    before = services.line_available_cents(support_line)
    with pytest.raises(DomainError) as error:
        services.transaction_reverse(
            actor=finance, transaction=allocation_of(support_line), reason="Bezuiniging"
        )
    assert error.value.code == "needs_delegates"
    with pytest.raises(DomainError) as error:
        services.carry_over_create(
            actor=staff,
            area=support_line.area,
            theme=support_line.theme,
            from_year=2026,
            to_year=2027,
            amount_cents=100_000,
            reason="Later",
            line=support_line,
        )
    assert error.value.code == "needs_delegates"
    change = services.line_change_propose(
        actor=staff, line=support_line, kind=CHANGE.LOWER, amount_cents=1_000_000, reason="Bezuiniging"
    )
    assert change.status == LineChange.Status.PROPOSED and change.result is None
    assert services.line_available_cents(support_line) == before  # nothing moved
    with pytest.raises(DomainError):  # staff cannot approve it either
        services.line_change_vote(actor=staff, change=change, approve=True)


def test_the_delegates_quorum_makes_the_change_take_effect(support_line, staff, delegates):
    change = services.line_change_propose(
        actor=staff,
        line=support_line,
        kind=CHANGE.CARRY_OVER,
        amount_cents=500_000,
        to_year=2027,
        reason="Later",
    )
    assert change.approvals_needed == 3  # a majority of the four delegates
    for d in delegates[:2]:
        change = services.line_change_vote(actor=d, change=change, approve=True)
        assert change.status == LineChange.Status.PROPOSED
    assert services.line_available_cents(support_line) == 4_000_000
    with pytest.raises(DomainError):
        services.line_change_vote(actor=delegates[0], change=change, approve=True)  # only once
    change = services.line_change_vote(actor=delegates[2], change=change, approve=True)
    assert change.status == LineChange.Status.APPLIED and change.result.kind == Transaction.Kind.CARRY_OVER
    assert services.line_available_cents(support_line) == 3_500_000
    next_year = services.budget_line_for(area=support_line.area, code=support_line.code, year=2027)
    assert services.line_available_cents(next_year) == 500_000 and next_year.controlled_by_delegates
    assert AuditEntry.objects.filter(action="money.line_change.applied").count() == 1


def test_enough_refusals_reject_and_nothing_moves(support_line, finance, delegates):
    change = services.line_change_propose(
        actor=finance,
        line=support_line,
        kind=CHANGE.REVERSAL,
        reverses=allocation_of(support_line),
        reason="Fout",
    )
    for d in delegates[:2]:
        change = services.line_change_vote(actor=d, change=change, approve=False)
    assert change.status == LineChange.Status.REJECTED
    assert services.line_available_cents(support_line) == 4_000_000
    assert not Transaction.objects.filter(kind=Transaction.Kind.REVERSAL).exists()


def test_an_approved_reversal_is_booked(support_line, finance, delegates):
    change = services.line_change_propose(
        actor=finance,
        line=support_line,
        kind=CHANGE.REVERSAL,
        reverses=allocation_of(support_line),
        reason="Fout",
    )
    for d in delegates[:3]:
        change = services.line_change_vote(actor=d, change=change, approve=True)
    assert change.status == LineChange.Status.APPLIED
    assert services.line_available_cents(support_line) == 0


def test_raising_takes_effect_at_once_and_is_shown(support_line, finance):
    services.budget_line_fund(actor=finance, line=support_line, amount_cents=100_000, reason="Extra")
    assert services.line_available_cents(support_line) == 4_100_000
    change = LineChange.objects.get()
    assert change.kind == CHANGE.RAISE and change.status == LineChange.Status.APPLIED


def test_who_may_propose_and_feasibility(support_line, delegates, make_user, other_area, line, staff):
    with pytest.raises(DomainError):  # a delegate does not cut their own budget through this door
        services.line_change_propose(
            actor=delegates[0], line=support_line, kind=CHANGE.LOWER, amount_cents=100, reason="x"
        )
    outsider = make_user("programme_staff", other_area)
    with pytest.raises(DomainError):
        services.line_change_propose(
            actor=outsider, line=support_line, kind=CHANGE.LOWER, amount_cents=100, reason="x"
        )
    with pytest.raises(DomainError):  # more than the line holds
        services.line_change_propose(
            actor=staff, line=support_line, kind=CHANGE.LOWER, amount_cents=99_000_000, reason="x"
        )
    with pytest.raises(DomainError):  # not a delegates' line
        services.line_change_propose(actor=staff, line=line, kind=CHANGE.LOWER, amount_cents=100, reason="x")
    with pytest.raises(DomainError):  # raise is not a proposal
        services.line_change_propose(
            actor=staff, line=support_line, kind=CHANGE.RAISE, amount_cents=100, reason="x"
        )
    assert not LineChange.objects.exists()


def test_pages_propose_and_delegates_approve(client, support_line, staff, delegates, make_user, area):
    login(client, staff)
    url = f"/gebieden/{area.slug}/ondersteuning/posten/{support_line.pk}/wijziging/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "lower", "amount": "abc", "reason": "x"})
    assert response.status_code == 200 and not LineChange.objects.exists()
    response = client.post(url, {"kind": "lower", "amount": "2500", "reason": "Bezuiniging"})
    change = LineChange.objects.get()
    assert response.status_code == 302
    detail = f"/gebieden/{area.slug}/ondersteuning/wijzigingen/{change.pk}/"
    client.post(detail, {"approve": "yes"})  # staff has no vote form: nothing happens
    assert not change.votes.exists()
    for d in delegates[:3]:
        login(client, d)
        assert "wacht" in client.get(f"/gebieden/{area.slug}/ondersteuning/").content.decode()
        assert client.post(detail, {"approve": "yes", "comment": "Akkoord"}).status_code == 302
    change.refresh_from_db()
    assert change.status == LineChange.Status.APPLIED
    assert services.line_available_cents(support_line) == 4_000_000 - 250_000
    login(client, make_user("resident_delegate", area))
    assert client.get(url).status_code == 403  # delegates do not propose cuts
    observer = make_user("observer", None)
    login(client, observer)
    html = client.get(detail).content.decode()
    assert "Bezuiniging" in html and delegates[0].username not in html and "Akkoord" not in html
