"""The residents' own support budget: a delegate proposes, other delegates approve, it becomes a commitment."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError
from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from wijkgeld.accounts.models import Role
from wijkgeld.areas.models import Area, Organisation
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import AreaFinanceSettings, BudgetLine, SupportRequest, SupportVote
from wijkgeld.money.services.commitments import SUPPORT_SOURCE, commitment_create
from wijkgeld.money.services.ledger import (
    check_amount,
    euros,
    line_available_cents,
    now_or,
    require_action,
)
from wijkgeld.money.services.tiers import Consultation, tier_check


def delegate_ids(area: Area) -> set[int]:
    return set(
        Role.objects.filter(area=area, name=Role.Name.DELEGATE).values_list("user_id", flat=True).distinct()
    )


def approvals_needed(*, area: Area, proposer) -> int:
    """The area's configured quorum, or else a majority of the delegates other than the proposer."""
    configured = (
        AreaFinanceSettings.objects.filter(area=area).values_list("support_quorum", flat=True).first()
    )
    if configured:
        return int(configured)
    others = len(delegate_ids(area) - {proposer.pk})
    return max(1, others // 2 + 1)


@db_transaction.atomic
def support_request_propose(
    *,
    actor,
    line: BudgetLine,
    title: str,
    reason: str,
    amount_cents: int,
    supplier_organisation: Organisation | None = None,
    supplier_name: str = "",
    supplier_is_resident: bool = False,
    non_local_reason: str = "",
    non_local_explanation: str = "",
    consultations: list[Consultation] | tuple = (),
    now: dt.datetime | None = None,
) -> SupportRequest:
    now = now_or(now)
    check_amount(amount_cents)
    line = BudgetLine.objects.select_for_update().select_related("area", "theme").get(pk=line.pk)
    area = line.area
    if actor is None:
        raise DomainError(_("Only a resident delegate can propose support."), code="forbidden")
    require_action(actor, "support.propose", area)
    if not line.controlled_by_delegates:
        raise DomainError(_("This budget line is not controlled by the resident delegates."), field="line")
    if not title.strip():
        raise DomainError(_("Say what support you want to hire."), field="title")
    if not reason.strip():
        raise DomainError(_("Say why the residents need this support."), field="reason")
    name = (supplier_name or (supplier_organisation.name if supplier_organisation else "")).strip()
    if not name:
        raise DomainError(_("Say from whom you want to hire support."), field="supplier_name")
    check = tier_check(
        area=area,
        theme=line.theme,
        recipient_organisation=supplier_organisation,
        recipient_is_resident=supplier_is_resident,
        non_local_reason=non_local_reason,
        non_local_explanation=non_local_explanation,
        consultations=consultations,
    )
    available = line_available_cents(line)
    if amount_cents > available:
        raise DomainError(
            _("Only {available} is available in {line}.").format(available=euros(available), line=line.name),
            field="amount",
        )
    request = SupportRequest.objects.create(
        line=line,
        title=title.strip(),
        reason=reason.strip(),
        supplier_organisation=supplier_organisation,
        supplier_name=name[:200],
        supplier_is_resident=supplier_is_resident,
        amount_cents=amount_cents,
        non_local_reason=check.reason,
        non_local_explanation=check.explanation,
        consultations=[
            {"collective": c.collective.pk, "answer": c.answer, "why": c.why} for c in check.consultations
        ],
        proposed_by=actor,
        created_at=now,
        approvals_needed=approvals_needed(area=area, proposer=actor),
    )
    audit_record(
        actor=actor,
        action="money.support.proposed",
        area=area,
        obj=request,
        data={
            "amount": cents_to_str(amount_cents),
            "supplier": request.supplier_name,
            "supplier_is_person": supplier_organisation is None,
        },
        now=now,
    )
    return request


@db_transaction.atomic
def support_request_vote(
    *, actor, request: SupportRequest, approve: bool, comment: str = "", now: dt.datetime | None = None
) -> SupportRequest:
    """A delegate (not the proposer) approves or declines. Enough approvals turn the request into a
    commitment on the line; if the approvals can no longer be reached, the request is not approved."""
    now = now_or(now)
    request = (
        SupportRequest.objects.select_for_update().select_related("line", "line__area").get(pk=request.pk)
    )
    area = request.line.area
    if actor is None:
        raise DomainError(_("Only a resident delegate can decide."), code="forbidden")
    require_action(actor, "support.decide", area)
    if request.status != SupportRequest.Status.PROPOSED:
        raise DomainError(_("This request has already been decided."))
    if request.proposed_by_id == actor.pk:
        raise DomainError(_("You cannot approve your own proposal; other delegates decide."))
    try:
        with db_transaction.atomic():
            SupportVote.objects.create(
                request=request,
                delegate=actor,
                approve=approve,
                comment=comment.strip()[:500],
                created_at=now,
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already given your answer on this request.")) from exc
    audit_record(
        actor=actor,
        action="money.support.approved_by" if approve else "money.support.declined_by",
        area=area,
        obj=request,
        data={"comment": comment},
        now=now,
    )
    votes = list(request.votes.values_list("approve", flat=True))
    approvals = sum(1 for v in votes if v)
    possible = approvals + len(
        delegate_ids(area)
        - {request.proposed_by_id}
        - set(request.votes.values_list("delegate_id", flat=True))
    )
    if approvals >= request.approvals_needed:
        commitment = commitment_create(
            actor=actor,
            line=request.line,
            amount_cents=request.amount_cents,
            description=request.title,
            recipient_organisation=request.supplier_organisation,
            recipient_name=request.supplier_name,
            recipient_is_resident=request.supplier_is_resident,
            non_local_reason=request.non_local_reason,
            non_local_explanation=request.non_local_explanation,
            consultations=_stored_consultations(request),
            source=f"{SUPPORT_SOURCE}{request.pk}",
            now=now,
        )
        request.status = SupportRequest.Status.APPROVED
        request.commitment = commitment
        request.decided_at = now
        request.save(update_fields=["status", "commitment", "decided_at"])
        audit_record(
            actor=actor,
            action="money.support.approved",
            area=area,
            obj=request,
            data={"amount": cents_to_str(request.amount_cents), "approvals": approvals},
            now=now,
        )
    elif possible < request.approvals_needed:
        request.status = SupportRequest.Status.REJECTED
        request.decided_at = now
        request.save(update_fields=["status", "decided_at"])
        audit_record(actor=actor, action="money.support.rejected", area=area, obj=request, now=now)
    return request


def _stored_consultations(request: SupportRequest) -> list[Consultation]:
    orgs = Organisation.objects.in_bulk([c["collective"] for c in request.consultations])
    return [
        Consultation(collective=orgs[c["collective"]], answer=c["answer"], why=c.get("why", ""))
        for c in request.consultations
        if c["collective"] in orgs
    ]


@db_transaction.atomic
def support_request_withdraw(
    *, actor, request: SupportRequest, now: dt.datetime | None = None
) -> SupportRequest:
    now = now_or(now)
    request = SupportRequest.objects.select_for_update().select_related("line__area").get(pk=request.pk)
    if actor is None or request.proposed_by_id != actor.pk:
        raise DomainError(_("Only the delegate who proposed it can withdraw this request."), code="forbidden")
    if request.status != SupportRequest.Status.PROPOSED:
        raise DomainError(_("This request has already been decided."))
    request.status = SupportRequest.Status.WITHDRAWN
    request.decided_at = now
    request.save(update_fields=["status", "decided_at"])
    audit_record(actor=actor, action="money.support.withdrawn", area=request.line.area, obj=request, now=now)
    return request
