"""Meetings, their minutes and the decisions register."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import require
from wijkgeld.alliance.models import AgendaItem, Alliance, Decision, Meeting, Visibility
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise DomainError(_("The meeting must end after it starts."), field="ends_at")


@transaction.atomic
def meeting_create(
    *,
    actor,
    alliance: Alliance,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str = "",
    online_url: str = "",
    now: dt.datetime | None = None,
) -> Meeting:
    require(actor, "alliance.manage", alliance.area)
    _check_times(starts_at, ends_at)
    if kind not in Meeting.Kind.values:
        raise DomainError(_("Choose the kind of meeting."), field="kind")
    now = now or timezone.now()
    meeting = Meeting.objects.create(
        alliance=alliance,
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_url=online_url,
        updated_at=now,
    )
    audit_record(
        actor=actor,
        action="alliance.meeting.created",
        area=alliance.area,
        obj=meeting,
        data={"starts_at": starts_at.isoformat()},
        now=now,
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor,
    meeting: Meeting,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str = "",
    online_url: str = "",
    cancelled: bool = False,
    now: dt.datetime | None = None,
) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("alliance__area").get(pk=meeting.pk)
    require(actor, "alliance.manage", meeting.alliance.area)
    _check_times(starts_at, ends_at)
    now = now or timezone.now()
    meeting.kind, meeting.title, meeting.place, meeting.online_url = kind, title, place, online_url
    meeting.starts_at, meeting.ends_at, meeting.cancelled = starts_at, ends_at, cancelled
    meeting.sequence += 1
    meeting.updated_at = now
    meeting.save()
    audit_record(
        actor=actor,
        action="alliance.meeting.updated",
        area=meeting.alliance.area,
        obj=meeting,
        data={"starts_at": starts_at.isoformat(), "cancelled": cancelled},
        now=now,
    )
    return meeting


@transaction.atomic
def minutes_save(
    *,
    actor,
    meeting: Meeting,
    minutes: str,
    minutes_summary: str = "",
    visibility: str = Visibility.PUBLIC,
    now: dt.datetime | None = None,
) -> Meeting:
    """Only programme staff write minutes; a resident delegate never can (they may ask questions)."""
    meeting = Meeting.objects.select_for_update().select_related("alliance__area").get(pk=meeting.pk)
    require(actor, "alliance.edit_minutes", meeting.alliance.area)
    now = now or timezone.now()
    if meeting.starts_at > now:
        raise DomainError(_("Minutes can be written once the meeting has started."), field="minutes")
    if visibility not in Visibility.values:
        raise DomainError(_("Choose who may read the minutes."), field="visibility")
    meeting.minutes, meeting.minutes_summary = minutes, minutes_summary
    meeting.minutes_visibility = visibility
    meeting.minutes_updated_at = now
    meeting.updated_at = now
    meeting.save()
    audit_record(
        actor=actor,
        action="alliance.minutes.saved",
        area=meeting.alliance.area,
        obj=meeting,
        data={"visibility": visibility},
        now=now,
    )
    return meeting


@transaction.atomic
def decision_record(
    *,
    actor,
    meeting: Meeting,
    number: str,
    title: str,
    decided_by: str,
    text: str = "",
    summary: str = "",
    agenda_item: AgendaItem | None = None,
    amount_cents: int | None = None,
    money_reference: str = "",
    visibility: str = Visibility.PUBLIC,
    budget_lines=(),
    commitments=(),
    now: dt.datetime | None = None,
) -> Decision:
    """Add an entry to the decisions register. Public by default (Woo). The budget lines and
    commitments it concerns are linked, not named in free text; they must be of this area."""
    alliance = meeting.alliance
    require(actor, "alliance.manage", alliance.area)
    now = now or timezone.now()
    if meeting.starts_at > now:
        raise DomainError(_("Decisions can be recorded once the meeting has started."), field="title")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError(_("Choose an agenda item of this meeting."), field="agenda_item")
    if amount_cents is not None and amount_cents < 0:
        raise DomainError(_("The amount cannot be negative."), field="amount")
    if visibility not in Visibility.values:
        raise DomainError(_("Choose who may read the decision."), field="visibility")
    if Decision.objects.filter(alliance=alliance, number=number).exists():
        raise DomainError(_("This number is already used by another decision."), field="number")
    budget_lines, commitments = list(budget_lines), list(commitments)
    if any(line.area_id != alliance.area_id for line in budget_lines):
        raise DomainError(_("Choose budget lines of this area."), field="budget_lines")
    if any(c.line.area_id != alliance.area_id for c in commitments):
        raise DomainError(_("Choose commitments of this area."), field="commitments")
    decision = Decision(
        alliance=alliance,
        meeting=meeting,
        agenda_item=agenda_item,
        number=number,
        title=title,
        text=text,
        summary=summary,
        decided_by=decided_by,
        amount_cents=amount_cents,
        money_reference=money_reference,
        visibility=visibility,
        decided_on=timezone.localdate(meeting.starts_at),
        created_by=actor,
    )
    try:
        with transaction.atomic():  # a savepoint: two people saving the same number at once
            decision.save()
    except IntegrityError as exc:
        raise DomainError(_("This number is already used by another decision."), field="number") from exc
    decision.budget_lines.set(budget_lines)
    decision.commitments.set(commitments)
    audit_record(
        actor=actor,
        action="alliance.decision.recorded",
        area=alliance.area,
        obj=decision,
        data={"amount_cents": amount_cents, "visibility": visibility, "meeting": str(meeting)},
        now=now,
    )
    return decision


def next_decision_number(alliance: Alliance, *, year: int) -> str:
    prefix = f"{year}-"
    numbers = Decision.objects.filter(alliance=alliance, number__startswith=prefix).values_list(
        "number", flat=True
    )
    highest = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    return f"{prefix}{highest + 1:03d}"
