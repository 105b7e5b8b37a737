"""Execution: winning projects become commitments in the ledger; proposers report; the committee accepts
the final account and unspent money returns to the fund.

Payments in tranches are made by finance on the money pages (`money.services.payment_create`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import format_euros
from wijkgeld.fund import integrations
from wijkgeld.fund.models import Award, ProgressUpdate, Proposal
from wijkgeld.fund.services.common import Phase, locked_round, now_or, require_phase
from wijkgeld.fund.services.ideas import PROPOSER, _add_photos, idea_by_token
from wijkgeld.fund.services.results import published_result


def _winning(proposal: Proposal) -> None:
    result = published_result(proposal.round)
    if result is None or proposal.project_id not in result.selected:
        raise DomainError(_("Only a project that won the vote can be awarded."), code="not_selected")


@transaction.atomic
def award_create(*, actor, proposal: Proposal, now: dt.datetime | None = None) -> Award:
    """Commit the project's cost in the ledger to its collective, or to the proposer as a resident."""
    round_ = locked_round(proposal.round)
    require_phase(round_, Phase.EXECUTION)
    proposal = Proposal.objects.select_related("on_behalf_of").get(pk=proposal.pk)
    _winning(proposal)
    if Award.objects.filter(proposal=proposal).exists():
        raise DomainError(_("This project has already been awarded."), code="awarded")
    money = integrations.require_money()
    fund = round_.fund
    line = integrations.budget_line(area=round_.area, code=fund.line_code, year=round_.year)
    org = proposal.on_behalf_of
    commitment = money.commitment_create(
        actor=actor,
        line=line,
        amount_cents=proposal.cost_cents,
        description=_("Resident fund %(round)s: project %(number)s “%(title)s”")
        % {"round": round_.title, "number": proposal.number, "title": proposal.title},
        recipient_organisation=org,
        recipient_name="" if org else proposal.contact_name,
        recipient_is_resident=org is None,
        source=f"fund.proposal.{proposal.pk}",
        now=now,
    )
    award = Award.objects.create(
        proposal=proposal,
        amount_cents=proposal.cost_cents,
        commitment_id=commitment.pk,
        recipient_organisation=org,
        awarded_at=now_or(now),
        awarded_by=actor,
    )
    audit_record(
        actor=actor,
        action="fund.project.awarded",
        area=round_.area,
        obj=proposal,
        data={"amount": proposal.cost_cents, "commitment": commitment.pk},
        now=now_or(now),
    )
    return award


@transaction.atomic
def update_post(
    *,
    round,
    number: int,
    token: str,
    text: str,
    final: bool = False,
    spent_cents: int | None = None,
    photos: Sequence = (),
    now: dt.datetime | None = None,
) -> ProgressUpdate:
    """A proposer reports progress (text and photos) or gives the final account (with receipts as photos)."""
    round_ = locked_round(round)
    require_phase(round_, Phase.EXECUTION)
    proposal = idea_by_token(round=round_, number=number, token=token)
    award = Award.objects.filter(proposal=proposal).first()
    if award is None:
        raise DomainError(_("Updates are possible once the project has been awarded."), code="not_awarded")
    if award.status != Award.Status.AWARDED:
        raise DomainError(_("The final account has been accepted; the project is finished."), code="done")
    if not text.strip():
        raise DomainError(_("Write what happened."), field="text")
    if final:
        if proposal.updates.filter(kind=ProgressUpdate.Kind.FINAL).exists():
            raise DomainError(_("The final account has already been sent."), code="final_exists")
        if spent_cents is None or spent_cents < 0 or spent_cents > award.amount_cents:
            raise DomainError(
                _("Give the money spent; it cannot be more than the amount awarded."), field="spent_cents"
            )
    update = ProgressUpdate.objects.create(
        proposal=proposal,
        kind=ProgressUpdate.Kind.FINAL if final else ProgressUpdate.Kind.PROGRESS,
        text=text,
        spent_cents=spent_cents if final else None,
        created_at=now_or(now),
    )
    _add_photos(proposal, photos, update=update)
    audit_record(
        actor=None,
        actor_label=PROPOSER,
        action="fund.project.final_account" if final else "fund.project.progress",
        area=round_.area,
        obj=proposal,
        now=now_or(now),
    )
    return update


@transaction.atomic
def final_account_accept(*, actor, proposal: Proposal, now: dt.datetime | None = None) -> Award:
    """Accept the final account; money committed but not spent returns to the fund's budget line."""
    round_ = locked_round(proposal.round)
    require_phase(round_, Phase.EXECUTION, Phase.CLOSED)
    award = Award.objects.select_for_update().filter(proposal=proposal).first()
    if award is None:
        raise DomainError(_("This project has not been awarded."), code="not_awarded")
    final = proposal.updates.filter(kind=ProgressUpdate.Kind.FINAL).first()
    if final is None:
        raise DomainError(_("The proposer has not sent the final account yet."), code="no_final")
    if award.status != Award.Status.AWARDED:
        raise DomainError(_("The final account has already been accepted."), code="accepted")
    moment = now_or(now)
    released = 0
    unspent = award.amount_cents - (final.spent_cents or 0)
    if unspent > 0 and award.commitment_id is not None:
        money = integrations.require_money()
        commitment = integrations.commitment_for(award.commitment_id)
        paid = int(money.commitment_paid_cents(commitment))
        if paid < (final.spent_cents or 0):
            raise DomainError(
                _("Finance must first pay what was spent: %(amount)s is still to be paid.")
                % {"amount": format_euros((final.spent_cents or 0) - paid, language=get_language() or "nl")},
                code="unpaid",
            )
        released = int(
            money.commitment_release(
                actor=actor,
                commitment=commitment,
                reason=_("Final account accepted; unspent money returns to the fund."),
                now=now,
            )
        )
    final.accepted_at = moment
    final.accepted_by = actor
    final.save(update_fields=["accepted_at", "accepted_by"])
    award.status = Award.Status.ACCOUNTED
    award.released_cents = released
    award.save(update_fields=["status", "released_cents"])
    audit_record(
        actor=actor,
        action="fund.project.accepted",
        area=round_.area,
        obj=proposal,
        data={"returned": released},
        now=moment,
    )
    return award
