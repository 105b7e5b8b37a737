"""Assessment: committee members check each idea against the published criteria and decide.

A member who declares a conflict of interest for an idea can no longer assess or decide it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund import notify
from wijkgeld.fund.models import Assessment, ConflictOfInterest, Proposal
from wijkgeld.fund.services.common import Phase, locked_round, now_or, require_phase


def _load(proposal: Proposal) -> Proposal:
    locked_round(proposal.round)
    return Proposal.objects.select_for_update().select_related("round__fund__area").get(pk=proposal.pk)


def has_conflict(*, member, proposal: Proposal) -> bool:
    return ConflictOfInterest.objects.filter(proposal=proposal, member=member).exists()


def _no_conflict(member, proposal: Proposal) -> None:
    if has_conflict(member=member, proposal=proposal):
        raise DomainError(
            _("You declared that you are involved in this idea, so you cannot assess it."), code="conflict"
        )


@transaction.atomic
def conflict_declare(*, actor, proposal: Proposal, explanation: str, now: dt.datetime | None = None):
    proposal = _load(proposal)
    require_phase(proposal.round, Phase.IDEAS, Phase.ASSESSMENT)
    if not explanation.strip():
        raise DomainError(_("Say briefly how you are involved."), field="explanation")
    conflict, created = ConflictOfInterest.objects.get_or_create(
        proposal=proposal, member=actor, defaults={"explanation": explanation, "created_at": now_or(now)}
    )
    if created:
        # An earlier assessment by this member no longer counts.
        Assessment.objects.filter(proposal=proposal, member=actor).delete()
        audit_record(
            actor=actor,
            action="fund.conflict.declared",
            area=proposal.round.area,
            obj=proposal,
            now=now_or(now),
        )
    return conflict


@transaction.atomic
def assessment_record(
    *,
    actor,
    proposal: Proposal,
    within_area: bool,
    for_the_public: bool,
    legal: bool,
    realistic_cost: bool,
    doable_in_a_year: bool,
    note: str = "",
    now: dt.datetime | None = None,
) -> Assessment:
    proposal = _load(proposal)
    require_phase(proposal.round, Phase.ASSESSMENT)
    _no_conflict(actor, proposal)
    if proposal.status != Proposal.Status.SUBMITTED:
        raise DomainError(_("This idea is not waiting for an assessment."), code="not_open")
    assessment, _created = Assessment.objects.update_or_create(
        proposal=proposal,
        member=actor,
        defaults={
            "within_area": within_area,
            "for_the_public": for_the_public,
            "legal": legal,
            "realistic_cost": realistic_cost,
            "doable_in_a_year": doable_in_a_year,
            "note": note,
            "created_at": now_or(now),
        },
    )
    audit_record(
        actor=actor,
        action="fund.idea.assessed",
        area=proposal.round.area,
        obj=proposal,
        data={"all_met": assessment.all_met},
        now=now_or(now),
    )
    return assessment


@transaction.atomic
def revision_request(*, actor, proposal: Proposal, request: str, now: dt.datetime | None = None) -> Proposal:
    proposal = _load(proposal)
    require_phase(proposal.round, Phase.ASSESSMENT)
    _no_conflict(actor, proposal)
    if proposal.status != Proposal.Status.SUBMITTED:
        raise DomainError(_("This idea is not waiting for an assessment."), code="not_open")
    if proposal.revised:
        raise DomainError(_("The proposer has already revised this idea once."), code="revised")
    if not request.strip():
        raise DomainError(_("Say what the proposer should change."), field="request")
    proposal.status = Proposal.Status.REVISION
    proposal.revision_request = request
    proposal.save(update_fields=["status", "revision_request", "updated_at"])
    audit_record(
        actor=actor,
        action="fund.idea.revision_requested",
        area=proposal.round.area,
        obj=proposal,
        now=now_or(now),
    )
    return proposal


@transaction.atomic
def idea_decide(
    *,
    actor,
    proposal: Proposal,
    admitted: bool,
    final_cost_cents: int | None = None,
    public_reason: str = "",
    now: dt.datetime | None = None,
) -> Proposal:
    """Admit an idea to the vote (with its final cost) or not (with a public reason)."""
    proposal = _load(proposal)
    require_phase(proposal.round, Phase.ASSESSMENT)
    _no_conflict(actor, proposal)
    if proposal.status not in (
        Proposal.Status.SUBMITTED,
        Proposal.Status.ADMITTED,
        Proposal.Status.NOT_ADMITTED,
    ):
        raise DomainError(_("This idea is waiting for the proposer's revision."), code="not_open")
    if not proposal.assessments.exists():
        raise DomainError(_("Assess the idea against the criteria before deciding."), code="unassessed")
    if admitted:
        cost = final_cost_cents or proposal.estimated_cost_cents
        if cost <= 0 or cost > proposal.round.budget_cents:
            raise DomainError(
                _("The final cost must be more than zero and fit in the budget of the round."),
                field="final_cost_cents",
            )
        proposal.status = Proposal.Status.ADMITTED
        proposal.final_cost_cents = cost
        proposal.public_reason = public_reason
    else:
        if not public_reason.strip():
            raise DomainError(_("Give the reason; it is shown to everyone."), field="public_reason")
        proposal.status = Proposal.Status.NOT_ADMITTED
        proposal.final_cost_cents = None
        proposal.public_reason = public_reason
    proposal.save(update_fields=["status", "final_cost_cents", "public_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="fund.idea.admitted" if admitted else "fund.idea.not_admitted",
        area=proposal.round.area,
        obj=proposal,
        data={"reason": public_reason},
        now=now_or(now),
    )
    notify.on_decision(proposal)
    return proposal
