"""The interface contract of the money services: happy paths and every rule that says no."""

from __future__ import annotations

import pytest

from tests.money.conftest import NOW
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.money import services
from wijkgeld.money.models import Commitment, NonLocalReason, Payment, Posting


def test_budget_line_for_finds_the_line(line, area):
    assert services.budget_line_for(area=area, code="bewonersfonds", year=2026) == line
    assert services.budget_line_for(area=area, code="bewonersfonds", year=2027) is None
    assert services.line_available_cents(line) == 5_000_000


def test_local_commitment_needs_no_reason(commitment, line):
    assert commitment.is_local and commitment.non_local_reason == ""
    assert services.line_available_cents(line) == 3_000_000
    assert AuditEntry.objects.filter(action="money.commitment.created").count() == 1


def test_resident_recipient_counts_as_local(staff, line):
    c = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=100,
        description="Vrijwilligersvergoeding",
        recipient_name="Een bewoner",
        recipient_is_resident=True,
    )
    assert c.is_local


def test_non_local_recipient_needs_reason_and_explanation(staff, line, outside_org):
    with pytest.raises(DomainError) as exc:
        services.commitment_create(
            actor=staff, line=line, amount_cents=100, description="Advies", recipient_organisation=outside_org
        )
    assert exc.value.field == "non_local_reason"
    assert "Andere Wijk" in exc.value.message
    with pytest.raises(DomainError) as exc:
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=100,
            description="Advies",
            recipient_organisation=outside_org,
            non_local_reason=NonLocalReason.NO_EXPERTISE,
        )
    assert exc.value.field == "non_local_explanation"
    c = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=100,
        description="Advies",
        recipient_organisation=outside_org,
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Niemand in de wijk doet juridisch advies.",
    )
    assert not c.is_local and c.non_local_reason == "no_local_expertise"


@pytest.mark.parametrize("amount", [0, -100, 1.5, "12"])
def test_bad_amounts_change_nothing(staff, line, amount):
    before = Posting.objects.count()
    with pytest.raises(DomainError) as exc:
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=amount,
            description="x",
            recipient_name="y",
            recipient_is_resident=True,
        )
    assert exc.value.field == "amount"
    assert Posting.objects.count() == before


def test_commitment_larger_than_available_is_refused(staff, line):
    with pytest.raises(DomainError) as exc:
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=5_000_001,
            description="x",
            recipient_name="y",
            recipient_is_resident=True,
        )
    assert exc.value.field == "amount" and "50.000,00" in exc.value.message
    assert Commitment.objects.count() == 0


def test_user_of_another_area_cannot_commit(make_user, other_area, line):
    stranger = make_user("finance", other_area)
    with pytest.raises(DomainError) as exc:
        services.commitment_create(
            actor=stranger,
            line=line,
            amount_cents=100,
            description="x",
            recipient_name="y",
            recipient_is_resident=True,
        )
    assert exc.value.code == "forbidden"
    assert Commitment.objects.count() == 0


def test_small_payment_is_booked_at_once(finance, commitment):
    p = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=500_000, description="Factuur 1"
    )
    assert p.status == Payment.Status.COMPLETED and p.transaction_id
    assert services.commitment_paid_cents(commitment) == 500_000
    assert services.commitment_open_cents(commitment) == 1_500_000


def test_large_payment_waits_for_a_second_person(finance, finance2, commitment):
    p = services.payment_create(
        actor=finance, commitment=commitment, amount_cents=1_500_000, description="Factuur"
    )
    assert p.status == Payment.Status.AWAITING and p.transaction_id is None
    assert services.commitment_payable_cents(commitment) == 500_000  # reserved meanwhile
    with pytest.raises(DomainError):
        services.payment_confirm(actor=finance, payment=p)
    services.payment_confirm(actor=finance2, payment=p)
    p.refresh_from_db()
    assert p.status == Payment.Status.COMPLETED
    assert services.commitment_paid_cents(commitment) == 1_500_000


def test_payment_above_commitment_is_refused(finance, commitment):
    with pytest.raises(DomainError) as exc:
        services.payment_create(actor=finance, commitment=commitment, amount_cents=2_000_001, description="x")
    assert exc.value.field == "amount"


def test_release_returns_rest_to_line(finance, commitment, line):
    services.payment_create(actor=finance, commitment=commitment, amount_cents=500_000, description="deel 1")
    released = services.commitment_release(
        actor=finance, commitment=commitment, reason="Klaar, goedkoper uitgevallen"
    )
    assert released == 1_500_000
    assert services.line_available_cents(line) == 3_000_000 + 1_500_000
    with pytest.raises(DomainError):
        services.commitment_release(actor=finance, commitment=commitment, reason="nog eens")


def test_reversal_of_payment_and_refusal_of_paid_commitment(finance, commitment):
    p = services.payment_create(actor=finance, commitment=commitment, amount_cents=1000, description="fout")
    with pytest.raises(DomainError):
        services.transaction_reverse(actor=finance, transaction=commitment.transaction, reason="fout")
    services.transaction_reverse(actor=finance, transaction=p.transaction, reason="Dubbel betaald", now=NOW)
    assert services.commitment_paid_cents(commitment) == 0
    with pytest.raises(DomainError):
        services.transaction_reverse(actor=finance, transaction=p.transaction, reason="nog eens")
    services.transaction_reverse(actor=finance, transaction=commitment.transaction, reason="verkeerde lijn")
    assert services.commitment_open_cents(commitment) == 0
