"""Read-side questions: what may this person see, and did residents get the documents in time?

(Not called selectors.py: makemessages runs inside the app folder, where that name would hide the
standard library module `selectors`.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from wijkgeld.accounts.permissions import can
from wijkgeld.alliance.models import (
    REACHES_DELEGATES,
    Alliance,
    Audience,
    Decision,
    Document,
    Meeting,
    Visibility,
)
from wijkgeld.alliance.permissions import member_groups


def is_member(user, area) -> bool:
    return can(user, "alliance.view_members", area)


def may_see_document(user, document: Document) -> bool:
    """Public documents once shared with everyone; members-only documents once shared with their group."""
    shared = set(document.shares.values_list("audience", flat=True))
    area = document.alliance.area
    if can(user, "alliance.manage", area):
        return True
    groups = member_groups(user, area)
    if groups and (Audience.ALL in shared or groups & shared):
        return True
    return document.visibility == Visibility.PUBLIC and Audience.ALL in shared


def visible_documents(user, meeting: Meeting) -> list[Document]:
    docs = meeting.documents.select_related("alliance__area").prefetch_related("shares", "questions")
    return [d for d in docs if may_see_document(user, d)]


def visible_decisions(user, alliance: Alliance) -> QuerySet[Decision]:
    decisions = alliance.decisions.select_related("meeting", "agenda_item")
    if is_member(user, alliance.area):
        return decisions
    return decisions.filter(visibility=Visibility.PUBLIC)


def public_decisions(area) -> QuerySet[Decision]:
    return Decision.objects.filter(alliance__area=area, visibility=Visibility.PUBLIC).select_related(
        "meeting", "agenda_item"
    )


def may_read_minutes(user, meeting: Meeting) -> bool:
    if not meeting.minutes and not meeting.minutes_summary:
        return False
    return meeting.minutes_visibility == Visibility.PUBLIC or is_member(user, meeting.alliance.area)


def upcoming_meetings(alliance: Alliance, *, now: dt.datetime | None = None) -> QuerySet[Meeting]:
    return alliance.meetings.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


def past_meetings(alliance: Alliance, *, now: dt.datetime | None = None) -> QuerySet[Meeting]:
    return alliance.meetings.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


def delegates_received_at(document: Document) -> dt.datetime | None:
    """When the resident delegates got the document (the first share that reached them)."""
    times = [s.shared_at for s in document.shares.all() if s.audience in REACHES_DELEGATES]
    return min(times) if times else None


def partners_received_at(document: Document) -> dt.datetime | None:
    times = [s.shared_at for s in document.shares.all() if s.audience in (Audience.ALL, Audience.PARTNERS)]
    return min(times) if times else None


@dataclass(frozen=True)
class LateDocument:
    document: Document
    received_at: dt.datetime | None  # None: residents do not have it yet
    partners_earlier: bool  # partners had it before the residents did


@dataclass(frozen=True)
class LateReport:
    deadline: dt.datetime
    days: int
    late: list[LateDocument]

    @property
    def is_late(self) -> bool:
        return bool(self.late)


def late_documents(meeting: Meeting, *, now: dt.datetime | None = None) -> LateReport:
    """Documents that reached the resident delegates after the deadline (N days before the meeting).

    A document that residents still do not have counts as late once the deadline has passed.
    Documents added once the meeting has begun (slides, attachments to the minutes) are not
    preparation material and do not count.
    """
    now = now or timezone.now()
    deadline = meeting.documents_deadline()
    late: list[LateDocument] = []
    for document in meeting.documents.filter(uploaded_at__lt=meeting.starts_at).prefetch_related("shares"):
        received = delegates_received_at(document)
        partners = partners_received_at(document)
        if received is None and now <= deadline:
            continue
        if received is None or received > deadline:
            late.append(
                LateDocument(
                    document=document,
                    received_at=received,
                    partners_earlier=partners is not None and (received is None or partners < received),
                )
            )
    return LateReport(deadline=deadline, days=meeting.alliance.documents_days_before, late=late)
