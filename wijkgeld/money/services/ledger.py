"""Low-level ledger: book balanced transactions, read balances, reverse a transaction.

Everything here runs inside the caller's `transaction.atomic` and after the caller has locked the
rows it depends on (`select_for_update` on the budget line, commitment or area).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction as db_transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can, roles_in
from wijkgeld.areas.models import Area
from wijkgeld.areas.tiers import tier_is_in_area
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import format_euros
from wijkgeld.money.documents import check_document
from wijkgeld.money.models import Account, BudgetLine, Commitment, Payment, Posting, Theme, Transaction


@dataclass(frozen=True)
class Leg:
    account: str
    amount_cents: int
    year: int
    theme: Theme
    line: BudgetLine | None = None
    commitment: Commitment | None = None
    tier: str = ""  # the recipient's tier on legs that follow a commitment; "" otherwise

    @property
    def is_local(self) -> bool:
        return bool(self.tier) and tier_is_in_area(self.tier)


def euros(cents: int) -> str:
    from django.utils.translation import get_language

    return format_euros(cents, language=get_language() or "nl")


def require_member(actor, area: Area) -> None:
    """A user must hold a role in the area (or everywhere). `None` is the system itself."""
    if actor is None:
        return
    if getattr(actor, "is_superuser", False) and actor.is_active:
        return
    if not roles_in(actor, area):
        raise DomainError(
            _("You have no role in this area, so you cannot change its money."), code="forbidden"
        )


def require_action(actor, action: str, area: Area) -> None:
    if actor is not None and not can(actor, action, area):
        raise DomainError(_("You are not allowed to do this in this area."), code="forbidden")


def check_amount(amount_cents, *, field: str = "amount") -> int:
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
        raise DomainError(_("The amount must be a whole number of cents."), field=field)
    if amount_cents <= 0:
        raise DomainError(_("The amount must be more than zero."), field=field)
    return amount_cents


def now_or(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def new_transaction(
    *, area: Area, kind: str, description: str, actor, now: dt.datetime, document=None, reverses=None
) -> Transaction:
    label = actor.get_username() if actor is not None and actor.is_authenticated else "system"
    check_document(document)  # every document of the ledger comes in through here (or payment_create)
    return Transaction.objects.create(
        area=area,
        kind=kind,
        description=description[:500],
        document=document or "",
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=label,
        created_at=now,
        reverses=reverses,
    )


def book(tx: Transaction, legs: list[Leg]) -> list[Posting]:
    """Write the legs of a transaction; they must sum to zero (double entry)."""
    if not db_transaction.get_connection().in_atomic_block:
        raise RuntimeError("book() must run inside transaction.atomic")
    if sum(leg.amount_cents for leg in legs) != 0 or not legs:
        raise RuntimeError("Postings of a transaction must sum to zero.")
    if any(leg.amount_cents == 0 for leg in legs):
        raise RuntimeError("A posting of zero is meaningless.")
    return Posting.objects.bulk_create(
        [
            Posting(
                transaction=tx,
                area_id=tx.area_id,
                year=leg.year,
                theme=leg.theme,
                line=leg.line,
                commitment=leg.commitment,
                account=leg.account,
                amount_cents=leg.amount_cents,
                is_local=leg.is_local,
                tier=leg.tier,
            )
            for leg in legs
        ]
    )


def _sum(qs) -> int:
    return int(qs.aggregate(total=Sum("amount_cents"))["total"] or 0)


def line_available_cents(line: BudgetLine) -> int:
    """Money in the line that is not committed yet."""
    return _sum(Posting.objects.filter(line=line, account=Account.AVAILABLE))


def unallocated_cents(*, area: Area, year: int, theme: Theme) -> int:
    """Granted to the theme in that year and not yet given to a budget line."""
    return _sum(Posting.objects.filter(area=area, year=year, theme=theme, account=Account.UNALLOCATED))


def commitment_open_cents(commitment: Commitment) -> int:
    """Committed and not yet paid (booked payments only)."""
    return _sum(Posting.objects.filter(commitment=commitment, account=Account.COMMITTED))


def commitment_paid_cents(commitment: Commitment) -> int:
    return _sum(Posting.objects.filter(commitment=commitment, account=Account.PAID))


def commitment_pending_cents(commitment: Commitment) -> int:
    return _sum(Payment.objects.filter(commitment=commitment, status=Payment.Status.AWAITING))


def commitment_payable_cents(commitment: Commitment) -> int:
    """What can still be paid: open minus payments that wait for a second person."""
    return commitment_open_cents(commitment) - commitment_pending_cents(commitment)


def touches_delegates_line(transaction: Transaction) -> bool:
    return Posting.objects.filter(transaction=transaction, line__controlled_by_delegates=True).exists()


@db_transaction.atomic
def transaction_reverse(
    *, actor, transaction: Transaction, reason: str, now: dt.datetime | None = None
) -> Transaction:
    """Correct a mistake with a mirror transaction. Refused if it would make any balance negative
    (e.g. reversing a commitment that has been paid: reverse the payment first).

    Refused for an entry on the delegates' own line: that is a proposal they approve."""
    if touches_delegates_line(transaction):
        raise DomainError(
            _("This entry is on the resident delegates' line: propose the correction, they decide."),
            code="needs_delegates",
            field="reason",
        )
    return book_reversal(actor=actor, transaction=transaction, reason=reason, now=now)


def book_reversal(
    *, actor, transaction: Transaction, reason: str, now: dt.datetime | None = None
) -> Transaction:
    """The reversal itself, without the delegates' guard; runs inside the caller's transaction."""
    now = now_or(now)
    area = Area.objects.select_for_update().get(pk=transaction.area_id)
    require_member(actor, area)
    if not reason.strip():
        raise DomainError(_("Give a reason for the correction."), field="reason")
    original = Transaction.objects.select_for_update().get(pk=transaction.pk)
    if original.kind == Transaction.Kind.REVERSAL:
        raise DomainError(_("A correction cannot be reversed; book a new entry instead."), field="reason")
    if Transaction.objects.filter(reverses=original).exists():
        raise DomainError(_("This entry has already been reversed."), field="reason")
    postings = list(original.postings.select_related("theme", "line", "commitment"))
    line_ids = sorted({p.line_id for p in postings if p.line_id})
    commitment_ids = sorted({p.commitment_id for p in postings if p.commitment_id})
    list(BudgetLine.objects.select_for_update().filter(pk__in=line_ids).order_by("pk"))
    list(Commitment.objects.select_for_update().filter(pk__in=commitment_ids).order_by("pk"))
    # After the mirror postings, no balance may go below zero.
    delta: dict[tuple, int] = defaultdict(int)
    for p in postings:
        if p.account != Account.SOURCE:
            delta[(p.account, p.year, p.theme_id, p.line_id, p.commitment_id)] -= p.amount_cents
    for (account, year, theme_id, line_id, commitment_id), change in delta.items():
        if change >= 0:
            continue
        filters = Q(account=account, area=area)
        if commitment_id:
            filters &= Q(commitment_id=commitment_id)
        elif line_id:
            filters &= Q(line_id=line_id)
        else:
            filters &= Q(year=year, theme_id=theme_id)
        balance = _sum(Posting.objects.filter(filters))
        if account == Account.COMMITTED and commitment_id:
            balance -= _sum(
                Payment.objects.filter(commitment_id=commitment_id, status=Payment.Status.AWAITING)
            )
        if balance + change < 0:
            raise DomainError(
                _("This entry cannot be reversed: the money has already been used further on."),
                field="reason",
            )
    tx = new_transaction(
        area=area, kind=Transaction.Kind.REVERSAL, description=reason, actor=actor, now=now, reverses=original
    )
    book(
        tx,
        [
            Leg(
                account=p.account,
                amount_cents=-p.amount_cents,
                year=p.year,
                theme=p.theme,
                line=p.line,
                commitment=p.commitment,
                tier=p.tier,
            )
            for p in postings
        ],
    )
    audit_record(
        actor=actor,
        action="money.transaction.reversed",
        area=area,
        obj=original,
        data={"reason": reason, "transaction": tx.pk},
        now=now,
    )
    return tx
