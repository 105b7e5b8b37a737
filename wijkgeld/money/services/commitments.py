"""Commitments and payments, with the neighbourhood-first check ("in de wijk, tenzij")."""

from __future__ import annotations

import datetime as dt

from django.db import transaction as db_transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from wijkgeld.accounts.role_rules import same_person
from wijkgeld.areas.models import Area, Organisation
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.documents import check_document
from wijkgeld.money.models import (
    Account,
    BudgetLine,
    CollectiveConsultation,
    Commitment,
    Payment,
    Transaction,
    payment_confirmation_threshold,
)
from wijkgeld.money.services.ledger import (
    Leg,
    book,
    check_amount,
    commitment_paid_cents,
    commitment_payable_cents,
    commitment_pending_cents,
    euros,
    line_available_cents,
    new_transaction,
    now_or,
    require_action,
    require_member,
)
from wijkgeld.money.services.tiers import Consultation, tier_check

SUPPORT_SOURCE = "support:"


@db_transaction.atomic
def commitment_create(
    *,
    actor,
    line: BudgetLine,
    amount_cents: int,
    description: str,
    recipient_organisation: Organisation | None = None,
    recipient_name: str = "",
    recipient_is_resident: bool = False,
    non_local_reason: str = "",
    non_local_explanation: str = "",
    consultations: list[Consultation] | tuple = (),
    document=None,
    source: str = "",
    now: dt.datetime | None = None,
) -> Commitment:
    """Commit money from a line to a recipient. The line row is locked, so two commitments racing for
    the last euro are serialised and the second one sees what the first one took.

    The recipient's tier is decided here (see `services.tiers`); when the "tenzij" check applies, the
    reason and the answers of the collectives that were asked are stored with the commitment."""
    now = now_or(now)
    check_amount(amount_cents)
    line = BudgetLine.objects.select_for_update().select_related("area", "theme").get(pk=line.pk)
    area = line.area
    require_member(actor, area)
    if line.controlled_by_delegates and not source.startswith(SUPPORT_SOURCE):
        raise DomainError(
            _(
                "The resident delegates decide on this budget line: money is committed through a support request."
            ),
            code="forbidden",
        )
    if not description.strip():
        raise DomainError(_("Say what the money is for."), field="description")
    name = (recipient_name or (recipient_organisation.name if recipient_organisation else "")).strip()
    if not name:
        raise DomainError(_("Name the recipient."), field="recipient_name")
    check = tier_check(
        area=area,
        theme=line.theme,
        recipient_organisation=recipient_organisation,
        recipient_is_resident=recipient_is_resident,
        non_local_reason=non_local_reason,
        non_local_explanation=non_local_explanation,
        consultations=consultations,
    )
    is_local, reason, tier = check.is_local, check.reason, check.tier
    available = line_available_cents(line)
    if amount_cents > available:
        raise DomainError(
            _("Only {available} is available in {line}.").format(available=euros(available), line=line.name),
            field="amount",
        )
    tx = new_transaction(
        area=area,
        kind=Transaction.Kind.COMMITMENT,
        description=f"{name}: {description}",
        actor=actor,
        now=now,
        document=document,
    )
    commitment = Commitment.objects.create(
        line=line,
        amount_cents=amount_cents,
        description=description.strip(),
        recipient_organisation=recipient_organisation,
        recipient_name=name[:200],
        recipient_is_resident=recipient_is_resident,
        is_local=is_local,
        tier=tier,
        non_local_reason=reason,
        non_local_explanation=check.explanation,
        document=document or "",
        source=source[:100],
        transaction=tx,
        created_at=now,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    CollectiveConsultation.objects.bulk_create(
        [
            CollectiveConsultation(commitment=commitment, collective=c.collective, answer=c.answer, why=c.why)
            for c in check.consultations
        ]
    )
    book(
        tx,
        [
            Leg(Account.AVAILABLE, -amount_cents, line.year, line.theme, line=line, tier=tier),
            Leg(Account.COMMITTED, amount_cents, line.year, line.theme, line, commitment, tier),
        ],
    )
    audit_record(
        actor=actor,
        action="money.commitment.created" if is_local else "money.commitment.created_non_local",
        area=area,
        obj=commitment,
        data={
            "amount": cents_to_str(amount_cents),
            "line": line.code,
            "year": line.year,
            "recipient": commitment.recipient_name,
            "recipient_is_person": recipient_organisation is None,
            "reason": commitment.get_non_local_reason_display() if reason else "",
            "tier": tier,
            "source": source,
        },
        now=now,
    )
    return commitment


def _book_payment(*, actor, payment: Payment, commitment: Commitment, now: dt.datetime) -> None:
    line = commitment.line
    tx = new_transaction(
        area=line.area,
        kind=Transaction.Kind.PAYMENT,
        description=f"{commitment.recipient_name}: {payment.description}",
        actor=actor,
        now=now,
        document=payment.document or None,
    )
    book(
        tx,
        [
            Leg(
                Account.COMMITTED,
                -payment.amount_cents,
                line.year,
                line.theme,
                line,
                commitment,
                commitment.tier,
            ),
            Leg(
                Account.PAID,
                payment.amount_cents,
                line.year,
                line.theme,
                line,
                commitment,
                commitment.tier,
            ),
        ],
    )
    payment.transaction = tx
    payment.status = Payment.Status.COMPLETED


FOUR_EYES_WINDOW = dt.timedelta(days=30)


def _recipient_payments(commitment: Commitment):
    """Payments to the same recipient in the same area: the same organisation, or the same name."""
    payments = Payment.objects.filter(commitment__line__area_id=commitment.line.area_id)
    if commitment.recipient_organisation_id:
        return payments.filter(commitment__recipient_organisation_id=commitment.recipient_organisation_id)
    return payments.filter(
        commitment__recipient_organisation__isnull=True,
        commitment__recipient_name__iexact=commitment.recipient_name.strip(),
    )


def payment_four_eyes_reason(*, commitment: Commitment, amount_cents: int, now: dt.datetime) -> str:
    """Why this payment needs a second finance person, or "" when one person may book it.

    The threshold holds for sums, not for single payments, so splitting an invoice never avoids the
    second person: (1) everything paid or waiting on this commitment plus this payment, and (2)
    everything paid or waiting to the same recipient in the area over the last 30 days plus this one.
    """
    threshold = payment_confirmation_threshold(commitment.line.area)
    if amount_cents > threshold:
        return "amount"
    on_commitment = commitment_paid_cents(commitment) + commitment_pending_cents(commitment)
    if on_commitment + amount_cents > threshold:
        return "commitment_total"
    recent = (
        _recipient_payments(commitment)
        .filter(
            status__in=[Payment.Status.COMPLETED, Payment.Status.AWAITING],
            created_at__gt=now - FOUR_EYES_WINDOW,
        )
        .exclude(transaction__reversed_by__isnull=False)  # a payment that was corrected is not paid
        .aggregate(total=Sum("amount_cents"))["total"]
        or 0
    )
    if recent + amount_cents > threshold:
        return "recipient_30_days"
    return ""


def _lock_commitment(commitment: Commitment) -> Commitment:
    return (
        Commitment.objects.select_for_update()
        .select_related("line", "line__area", "line__theme")
        .get(pk=commitment.pk)
    )


@db_transaction.atomic
def payment_create(
    *,
    actor,
    commitment: Commitment,
    amount_cents: int,
    description: str,
    document=None,
    now: dt.datetime | None = None,
) -> Payment:
    """Pay (part of) a commitment. Above the area's threshold the payment waits for a second finance
    person (`payment_confirm`) and is not yet in the ledger; the amount is reserved meanwhile."""
    now = now_or(now)
    check_amount(amount_cents)
    # The area first (as transaction_reverse does), so that two payments to one recipient on different
    # commitments queue and the second one sees the first in the 30-day sum.
    area = Area.objects.select_for_update().get(pk=commitment.line.area_id)
    commitment = _lock_commitment(commitment)
    require_member(actor, area)
    require_action(actor, "money.pay", area)
    if not description.strip():
        raise DomainError(_("Describe the payment, for example the invoice number."), field="description")
    check_document(document)
    payable = commitment_payable_cents(commitment)
    if amount_cents > payable:
        raise DomainError(
            _("At most {payable} can still be paid on this commitment.").format(payable=euros(payable)),
            field="amount",
        )
    waits_because = payment_four_eyes_reason(commitment=commitment, amount_cents=amount_cents, now=now)
    needs_second = bool(waits_because)
    payment = Payment(
        commitment=commitment,
        amount_cents=amount_cents,
        description=description.strip(),
        document=document or "",
        status=Payment.Status.AWAITING,
        created_at=now,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    if not needs_second:
        _book_payment(actor=actor, payment=payment, commitment=commitment, now=now)
        payment.decided_at = now
    payment.save()
    audit_record(
        actor=actor,
        action="money.payment.awaiting" if needs_second else "money.payment.completed",
        area=area,
        obj=payment,
        data={
            "amount": cents_to_str(amount_cents),
            "recipient": commitment.recipient_name,
            "waits_because": waits_because,
            "recipient_is_person": commitment.recipient_organisation_id is None,
        },
        now=now,
    )
    return payment


def _lock_awaiting_payment(payment: Payment, actor) -> tuple[Payment, Commitment]:
    commitment = _lock_commitment(payment.commitment)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    area = commitment.line.area
    require_member(actor, area)
    require_action(actor, "money.pay", area)
    if payment.status != Payment.Status.AWAITING:
        raise DomainError(_("This payment is no longer waiting for confirmation."))
    if actor is None or payment.created_by_id is None or actor.pk in same_person(payment.created_by):
        # A second account with the same e-mail address is the same person.
        raise DomainError(_("A second person must confirm this payment, not the person who entered it."))
    return payment, commitment


@db_transaction.atomic
def payment_confirm(*, actor, payment: Payment, now: dt.datetime | None = None) -> Payment:
    """The second finance person confirms a payment above the threshold; only then it is booked."""
    now = now_or(now)
    payment, commitment = _lock_awaiting_payment(payment, actor)
    _book_payment(actor=actor, payment=payment, commitment=commitment, now=now)
    payment.decided_at = now
    payment.decided_by = actor
    payment.save(update_fields=["status", "transaction", "decided_at", "decided_by"])
    audit_record(
        actor=actor,
        action="money.payment.confirmed",
        area=commitment.line.area,
        obj=payment,
        data={
            "amount": cents_to_str(payment.amount_cents),
            "recipient": commitment.recipient_name,
            "recipient_is_person": commitment.recipient_organisation_id is None,
        },
        now=now,
    )
    return payment


@db_transaction.atomic
def payment_reject(*, actor, payment: Payment, reason: str, now: dt.datetime | None = None) -> Payment:
    now = now_or(now)
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    payment, commitment = _lock_awaiting_payment(payment, actor)
    payment.status = Payment.Status.REJECTED
    payment.decided_at = now
    payment.decided_by = actor
    payment.rejection_reason = reason.strip()[:500]
    payment.save(update_fields=["status", "decided_at", "decided_by", "rejection_reason"])
    audit_record(
        actor=actor,
        action="money.payment.rejected",
        area=commitment.line.area,
        obj=payment,
        data={"amount": cents_to_str(payment.amount_cents), "reason": payment.rejection_reason},
        now=now,
    )
    return payment


@db_transaction.atomic
def commitment_release(*, actor, commitment: Commitment, reason: str, now: dt.datetime | None = None) -> int:
    """Give the unpaid rest of a commitment back to its line; returns the cents released."""
    now = now_or(now)
    commitment = _lock_commitment(commitment)
    line = commitment.line
    require_member(actor, line.area)
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    rest = commitment_payable_cents(commitment)
    if rest <= 0:
        raise DomainError(_("Nothing is left to release on this commitment."), field="reason")
    tx = new_transaction(
        area=line.area, kind=Transaction.Kind.RELEASE, description=reason, actor=actor, now=now
    )
    book(
        tx,
        [
            Leg(Account.COMMITTED, -rest, line.year, line.theme, line, commitment, commitment.tier),
            Leg(Account.AVAILABLE, rest, line.year, line.theme, line, None, commitment.tier),
        ],
    )
    audit_record(
        actor=actor,
        action="money.commitment.released",
        area=line.area,
        obj=commitment,
        data={"amount": cents_to_str(rest), "reason": reason},
        now=now,
    )
    return rest
