"""Four eyes on payments: the threshold (€10,000 by default) holds for sums, so splitting an invoice never
avoids the second person, and the second person is really someone else."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.money.conftest import NOW
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.money import services
from wijkgeld.money.models import Payment

pytestmark = pytest.mark.django_db
EURO = 100
DAY = dt.timedelta(days=1)


def pay(actor, commitment, euros, *, now=NOW):
    return services.payment_create(
        actor=actor, commitment=commitment, amount_cents=euros * EURO, description="Factuur", now=now
    )


@pytest.fixture
def second_commitment(staff, line, local_org):
    return services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=2_000_000,
        description="Tweede opdracht aan dezelfde ontvanger",
        recipient_organisation=local_org,
        now=NOW,
    )


def test_split_payments_on_one_commitment_need_a_second_person(finance, commitment):
    first = pay(finance, commitment, 6_000)
    assert first.status == Payment.Status.COMPLETED
    second = pay(finance, commitment, 5_000, now=NOW + 60 * DAY)  # even long after: the sum counts
    assert second.status == Payment.Status.AWAITING
    assert second.transaction_id is None
    entry = AuditEntry.objects.get(action="money.payment.awaiting")
    assert entry.data["waits_because"] == "commitment_total"


def test_a_waiting_payment_counts_in_the_sum(finance, commitment):
    pay(finance, commitment, 10_001)
    assert pay(finance, commitment, 10).status == Payment.Status.AWAITING


def test_exactly_the_threshold_is_booked_at_once(finance, commitment):
    assert pay(finance, commitment, 4_000).status == Payment.Status.COMPLETED
    assert pay(finance, commitment, 6_000).status == Payment.Status.COMPLETED
    assert pay(finance, commitment, 1).status == Payment.Status.AWAITING


def test_split_over_commitments_to_one_recipient_within_30_days(finance, commitment, second_commitment):
    assert pay(finance, commitment, 6_000).status == Payment.Status.COMPLETED
    waits = pay(finance, second_commitment, 5_000, now=NOW + 29 * DAY)
    assert waits.status == Payment.Status.AWAITING
    assert (
        AuditEntry.objects.get(action="money.payment.awaiting").data["waits_because"] == "recipient_30_days"
    )


def test_after_30_days_a_recipient_starts_again(finance, commitment, second_commitment):
    pay(finance, commitment, 6_000)
    assert pay(finance, second_commitment, 5_000, now=NOW + 31 * DAY).status == Payment.Status.COMPLETED


def test_a_recipient_without_organisation_is_matched_by_name(finance, staff, line):
    def commit(name):
        return services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=1_000_000,
            description="Klus",
            recipient_name=name,
            recipient_is_resident=True,
            now=NOW,
        )

    pay(finance, commit("Jan de Vries"), 6_000)
    assert pay(finance, commit("jan de vries "), 5_000).status == Payment.Status.AWAITING
    assert pay(finance, commit("Piet Jansen"), 5_000).status == Payment.Status.COMPLETED


def test_a_corrected_payment_no_longer_counts(finance, commitment, second_commitment):
    first = pay(finance, commitment, 6_000)
    services.transaction_reverse(actor=finance, transaction=first.transaction, reason="Dubbel", now=NOW)
    assert pay(finance, second_commitment, 5_000).status == Payment.Status.COMPLETED


def test_the_second_person_is_another_finance_person(finance, finance2, staff, make_user, area, commitment):
    waiting = pay(finance, commitment, 12_000)
    same_email = make_user("finance", area)
    finance.email = same_email.email = "bram@example.org"
    finance.save(update_fields=["email"])
    same_email.save(update_fields=["email"])
    for actor in (finance, same_email, staff):
        with pytest.raises(DomainError):
            services.payment_confirm(actor=actor, payment=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Payment.Status.AWAITING
    services.payment_confirm(actor=finance2, payment=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Payment.Status.COMPLETED
    assert waiting.decided_by == finance2


def test_only_finance_enters_payments(staff, make_user, other_area, commitment):
    for actor in (staff, make_user("finance", other_area)):
        with pytest.raises(DomainError):
            pay(actor, commitment, 100)
    assert not Payment.objects.exists()
