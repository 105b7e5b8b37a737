"""The agenda: residents propose items, the chair accepts, plans or declines them with a reason."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import require
from wijkgeld.alliance.models import AgendaItem, Alliance, Meeting
from wijkgeld.alliance.permissions import may_chair
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError

ACCEPT, PLAN, DECLINE = "accept", "plan", "decline"
_VERBS = {ACCEPT: "accepted", PLAN: "planned", DECLINE: "declined"}


def _upcoming_meeting(alliance: Alliance, meeting: Meeting | None, now: dt.datetime) -> Meeting | None:
    if meeting is None:
        return None
    if meeting.alliance_id != alliance.pk or meeting.cancelled or meeting.starts_at <= now:
        raise DomainError(_("Choose an upcoming meeting of this alliance."), field="meeting")
    return meeting


@transaction.atomic
def agenda_item_propose(
    *, actor, alliance: Alliance, title: str, explanation: str, now: dt.datetime | None = None
) -> AgendaItem:
    """A resident delegate puts something on the agenda; the chair decides what happens with it."""
    require(actor, "alliance.propose_item", alliance.area)
    if not title.strip():
        raise DomainError(_("Give your item a title."), field="title")
    if not explanation.strip():
        raise DomainError(_("Explain in a few sentences why this item matters."), field="explanation")
    now = now or timezone.now()
    item = AgendaItem.objects.create(
        alliance=alliance,
        title=title.strip(),
        explanation=explanation.strip(),
        brought_by=str(actor)[:200],
        from_residents=True,
        proposed_by=actor,
        status=AgendaItem.Status.PROPOSED,
        created_at=now,
    )
    audit_record(actor=actor, action="alliance.agenda_item.proposed", area=alliance.area, obj=item, now=now)
    return item


@transaction.atomic
def agenda_item_add(
    *,
    actor,
    meeting: Meeting,
    title: str,
    brought_by: str,
    explanation: str = "",
    from_residents: bool = False,
    now: dt.datetime | None = None,
) -> AgendaItem:
    """Programme staff put an item straight on a meeting's agenda, naming who brings it."""
    alliance = meeting.alliance
    require(actor, "alliance.manage", alliance.area)
    now = now or timezone.now()
    position = meeting.agenda_items.count() + 1
    item = AgendaItem.objects.create(
        alliance=alliance,
        meeting=meeting,
        title=title,
        explanation=explanation,
        brought_by=brought_by,
        from_residents=from_residents,
        proposed_by=actor,
        status=AgendaItem.Status.PLANNED,
        decided_by=actor,
        decided_at=now,
        position=position,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action="alliance.agenda_item.added",
        area=alliance.area,
        obj=item,
        data={"meeting": str(meeting)},
        now=now,
    )
    return item


@transaction.atomic
def agenda_item_decide(
    *,
    actor,
    item: AgendaItem,
    action: str,
    reason: str = "",
    meeting: Meeting | None = None,
    now: dt.datetime | None = None,
) -> AgendaItem:
    """The chair accepts (for later), plans (on a meeting) or declines (with a reason) a proposal."""
    item = AgendaItem.objects.select_for_update().select_related("alliance__area").get(pk=item.pk)
    alliance = item.alliance
    if not may_chair(actor, alliance):
        raise PermissionDenied("alliance.chair")
    now = now or timezone.now()
    reason = reason.strip()
    if item.status == AgendaItem.Status.DECLINED:
        raise DomainError(_("This item was already declined."), field="action")
    if item.status == AgendaItem.Status.PLANNED and action != DECLINE:
        raise DomainError(_("This item is already planned."), field="action")
    if action == ACCEPT:
        item.status = AgendaItem.Status.ACCEPTED
    elif action == PLAN:
        target = _upcoming_meeting(alliance, meeting, now)
        if target is None:
            raise DomainError(_("Choose the meeting where this item will be discussed."), field="meeting")
        item.status = AgendaItem.Status.PLANNED
        item.meeting = target
        item.position = target.agenda_items.count() + 1
    elif action == DECLINE:
        if not reason:
            raise DomainError(
                _("Explain why you decline this item. All delegates will read this reason."), field="reason"
            )
        item.status = AgendaItem.Status.DECLINED
        item.meeting = None
    else:
        raise DomainError(_("Choose what to do with this item."), field="action")
    item.reason = reason
    item.decided_by = actor
    item.decided_at = now
    item.save()
    audit_record(
        actor=actor,
        action=f"alliance.agenda_item.{_VERBS[action]}",
        area=alliance.area,
        obj=item,
        data={"reason": reason, "meeting": str(item.meeting or "")},
        now=now,
    )
    return item
