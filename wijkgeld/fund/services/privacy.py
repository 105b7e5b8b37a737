"""Who may see a proposer's contact details, and clearing receipts of personal data before they are public."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can, require
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Photo, ProgressUpdate, Proposal
from wijkgeld.fund.services.common import now_or


def may_see_contact(user, proposal: Proposal) -> bool:
    """Only the committee members who handle the idea: committee of its area, not declared involved.

    Programme staff, finance and the national observer see the idea, never the proposer's name, e-mail
    address or phone number."""
    area = proposal.round.fund.area
    if not can(user, "fund.assess", area):
        return False
    return not proposal.conflicts.filter(member=user).exists()


@transaction.atomic
def receipt_clear(*, actor, photo: Photo, now: dt.datetime | None = None) -> Photo:
    """A committee member checked a receipt of a final account and found no personal data on it."""
    now = now_or(now)
    photo = (
        # Lock only the photo row: PostgreSQL cannot lock the nullable side of the join to `update`.
        Photo.objects.select_for_update(of=("self",))
        .select_related("update", "proposal__round__fund__area")
        .get(pk=photo.pk)
    )
    area = photo.proposal.round.fund.area
    require(actor, "fund.manage", area)
    if photo.update is None or photo.update.kind != ProgressUpdate.Kind.FINAL:
        raise DomainError(_("Only receipts of a final account need clearing."))
    if photo.cleared_at is not None:
        raise DomainError(_("This receipt has already been cleared."))
    photo.cleared_at, photo.cleared_by = now, actor
    photo.save(update_fields=["cleared_at", "cleared_by"])
    audit_record(
        actor=actor,
        action="fund.receipt.cleared",
        area=area,
        obj=photo.proposal,
        data={"photo": photo.pk},
        now=now,
    )
    return photo
