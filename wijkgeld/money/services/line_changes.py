"""The residents' support budget is theirs: changes that take money from the delegates' line wait for them.

Lowering the line, moving its money to another year, or reversing an entry on it is a *proposal* by
programme staff or finance. It takes effect only when the resident delegates approve it with the
line's quorum (the same quorum as support requests: the area's setting, or a majority of the
delegates). Raising the line takes effect at once (`budget_line_fund`) and is recorded as well.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import Account, BudgetLine, LineChange, LineChangeVote, Posting, Transaction
from wijkgeld.money.services.budget import book_carry_over, check_decision, check_year
from wijkgeld.money.services.ledger import (
    Leg,
    book,
    book_reversal,
    check_amount,
    euros,
    line_available_cents,
    new_transaction,
    now_or,
    require_action,
)
from wijkgeld.money.services.support import approvals_needed, delegate_ids

KIND = LineChange.Kind
PROPOSABLE = (KIND.LOWER, KIND.CARRY_OVER, KIND.REVERSAL)


def _lock_line(line: BudgetLine) -> BudgetLine:
    return BudgetLine.objects.select_for_update().select_related("area", "theme__tranche").get(pk=line.pk)


def _check_feasible(*, line: BudgetLine, kind: str, amount_cents, to_year, reverses) -> None:
    """The same checks the booking makes, so a proposal that cannot be carried out is refused early."""
    if kind in (KIND.LOWER, KIND.CARRY_OVER):
        check_amount(amount_cents)
        available = line_available_cents(line)
        if amount_cents > available:
            raise DomainError(
                _("Only {available} is available in {line}.").format(
                    available=euros(available), line=line.name
                ),
                field="amount",
            )
    if kind == KIND.CARRY_OVER:
        check_year(line.theme, to_year or 0, field="to_year")
        if to_year <= line.year:
            raise DomainError(_("Money can only be carried to a later year."), field="to_year")
    if kind == KIND.REVERSAL:
        if reverses is None or not Posting.objects.filter(transaction=reverses, line=line).exists():
            raise DomainError(_("Choose an entry on this line."), field="reverses")
        if (
            reverses.kind == Transaction.Kind.REVERSAL
            or Transaction.objects.filter(reverses=reverses).exists()
        ):
            raise DomainError(_("This entry cannot be reversed (again)."), field="reverses")


@db_transaction.atomic
def line_change_propose(
    *,
    actor,
    line: BudgetLine,
    kind: str,
    reason: str,
    amount_cents: int | None = None,
    to_year: int | None = None,
    reverses: Transaction | None = None,
    decision=None,
    now: dt.datetime | None = None,
) -> LineChange:
    """Programme staff or finance propose to take money from the delegates' line; nothing moves yet."""
    now = now_or(now)
    line = _lock_line(line)
    area = line.area
    if actor is None:
        raise DomainError(_("You are not allowed to do this in this area."), code="forbidden")
    require_action(actor, "money.correct" if kind == KIND.REVERSAL else "money.budget", area)
    if not line.controlled_by_delegates:
        raise DomainError(_("This budget line is not controlled by the resident delegates."), field="line")
    if kind not in PROPOSABLE:
        raise DomainError(_("Choose what should change."), field="kind")
    if not reason.strip():
        raise DomainError(_("Give a reason."), field="reason")
    check_decision(decision, area)
    _check_feasible(line=line, kind=kind, amount_cents=amount_cents, to_year=to_year, reverses=reverses)
    change = LineChange.objects.create(
        line=line,
        kind=kind,
        amount_cents=amount_cents if kind != KIND.REVERSAL else None,
        to_year=to_year if kind == KIND.CARRY_OVER else None,
        reverses=reverses if kind == KIND.REVERSAL else None,
        reason=reason.strip()[:500],
        decision=decision,
        proposed_by=actor,
        created_at=now,
        status=LineChange.Status.PROPOSED,
        approvals_needed=approvals_needed(area=area, proposer=actor),
    )
    audit_record(
        actor=actor,
        action="money.line_change.proposed",
        area=area,
        obj=change,
        data={
            "change": str(change.get_kind_display()),
            "line": str(line),
            "amount": cents_to_str(amount_cents) if amount_cents else "",
            "reason": change.reason,
        },
        now=now,
    )
    return change


def _apply(*, actor, change: LineChange, now: dt.datetime) -> Transaction:
    line = change.line
    if change.kind == KIND.CARRY_OVER:
        return book_carry_over(
            actor=actor,
            area=line.area,
            theme=line.theme,
            from_year=line.year,
            to_year=change.to_year,
            amount_cents=change.amount_cents,
            reason=change.reason,
            line=line,
            now=now,
        )
    if change.kind == KIND.REVERSAL:
        return book_reversal(actor=actor, transaction=change.reverses, reason=change.reason, now=now)
    # LOWER: the money goes back to the theme's unallocated money of the same year.
    _check_feasible(
        line=line, kind=change.kind, amount_cents=change.amount_cents, to_year=None, reverses=None
    )
    tx = new_transaction(
        area=line.area, kind=Transaction.Kind.DEALLOCATION, description=change.reason, actor=actor, now=now
    )
    book(
        tx,
        [
            Leg(Account.AVAILABLE, -change.amount_cents, line.year, line.theme, line=line),
            Leg(Account.UNALLOCATED, change.amount_cents, line.year, line.theme),
        ],
    )
    return tx


@db_transaction.atomic
def line_change_vote(
    *, actor, change: LineChange, approve: bool, comment: str = "", now: dt.datetime | None = None
) -> LineChange:
    """A resident delegate answers. With the quorum of approvals the change is booked; when the quorum
    can no longer be reached it is not approved and nothing moves."""
    now = now_or(now)
    # Lock in the order the other money services use (area, then line) so a vote never deadlocks
    # with a grant or a funding of the same area.
    Area.objects.select_for_update().get(pk=change.line.area_id)
    change = LineChange.objects.select_for_update().get(pk=change.pk)
    line = _lock_line(change.line)
    change.line = line
    area = line.area
    if actor is None:
        raise DomainError(_("Only a resident delegate can decide."), code="forbidden")
    require_action(actor, "support.decide", area)
    if change.status != LineChange.Status.PROPOSED:
        raise DomainError(_("This change has already been decided."))
    if change.proposed_by_id == actor.pk:
        raise DomainError(_("You cannot approve your own proposal; other delegates decide."))
    try:
        with db_transaction.atomic():
            LineChangeVote.objects.create(
                change=change, delegate=actor, approve=approve, comment=comment.strip()[:500], created_at=now
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already given your answer on this change.")) from exc
    audit_record(
        actor=actor,
        action="money.line_change.approved_by" if approve else "money.line_change.declined_by",
        area=area,
        obj=change,
        data={"comment": comment},
        now=now,
    )
    approvals = change.votes.filter(approve=True).count()
    voted = set(change.votes.values_list("delegate_id", flat=True))
    possible = approvals + len(delegate_ids(area) - {change.proposed_by_id} - voted)
    if approvals >= change.approvals_needed:
        change.result = _apply(actor=actor, change=change, now=now)
        change.status = LineChange.Status.APPLIED
        change.decided_at = now
        change.save(update_fields=["result", "status", "decided_at"])
        if change.decision_id:
            BudgetLine.objects.filter(pk=line.pk).update(size_decision=change.decision_id)
        audit_record(
            actor=actor,
            action="money.line_change.applied",
            area=area,
            obj=change,
            data={"approvals": approvals},
            now=now,
        )
    elif possible < change.approvals_needed:
        change.status = LineChange.Status.REJECTED
        change.decided_at = now
        change.save(update_fields=["status", "decided_at"])
        audit_record(actor=actor, action="money.line_change.rejected", area=area, obj=change, now=now)
    return change


@db_transaction.atomic
def line_change_withdraw(*, actor, change: LineChange, now: dt.datetime | None = None) -> LineChange:
    now = now_or(now)
    change = LineChange.objects.select_for_update().select_related("line__area").get(pk=change.pk)
    if actor is None or change.proposed_by_id != actor.pk:
        raise DomainError(_("Only the person who proposed it can withdraw this change."), code="forbidden")
    if change.status != LineChange.Status.PROPOSED:
        raise DomainError(_("This change has already been decided."))
    change.status = LineChange.Status.WITHDRAWN
    change.decided_at = now
    change.save(update_fields=["status", "decided_at"])
    audit_record(
        actor=actor, action="money.line_change.withdrawn", area=change.line.area, obj=change, now=now
    )
    return change


@db_transaction.atomic
def budget_line_size_decision_set(
    *, actor, line: BudgetLine, decision, now: dt.datetime | None = None
) -> BudgetLine:
    """Tie the line's size to the alliance decision that set it (programme staff)."""
    now = now_or(now)
    line = _lock_line(line)
    require_action(actor, "money.budget", line.area)
    if decision is None:
        raise DomainError(_("Choose a decision."), field="decision")
    check_decision(decision, line.area)
    line.size_decision = decision
    line.save(update_fields=["size_decision"])
    audit_record(
        actor=actor,
        action="money.line.size_decision",
        area=line.area,
        obj=line,
        data={"decision": str(decision)},
        now=now,
    )
    return line
