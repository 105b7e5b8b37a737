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
    REACHES_PARTNERS,
    Alliance,
    Audience,
    Decision,
    Document,
    Meeting,
    Visibility,
)
from wijkgeld.alliance.permissions import member_groups, partner_ids_of


def is_member(user, area) -> bool:
    return can(user, "alliance.view_members", area)


def may_see_document(user, document: Document) -> bool:
    """Public documents once shared with everyone; members-only documents once shared with their group
    (or, for a partner, with their own organisation)."""
    shares = list(document.shares.all())
    shared = {s.audience for s in shares}
    area = document.alliance.area
    if can(user, "alliance.manage", area):
        return True
    groups = member_groups(user, area)
    if groups and (Audience.ALL in shared or groups & shared):
        return True
    if Audience.ONE_PARTNER in shared:
        mine = partner_ids_of(user, document.alliance)
        if any(s.partner_id in mine for s in shares if s.audience == Audience.ONE_PARTNER):
            return True
    return document.visibility == Visibility.PUBLIC and Audience.ALL in shared


def visible_documents(user, meeting: Meeting) -> list[Document]:
    docs = meeting.documents.select_related("alliance__area").prefetch_related("shares", "questions")
    return [d for d in docs if may_see_document(user, d)]


def visible_decisions(user, alliance: Alliance) -> QuerySet[Decision]:
    decisions = alliance.decisions.select_related("meeting", "agenda_item").prefetch_related(
        "budget_lines", "commitments__recipient_organisation"
    )
    if is_member(user, alliance.area):
        return decisions
    return decisions.filter(visibility=Visibility.PUBLIC)


def public_decisions(area) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(alliance__area=area, visibility=Visibility.PUBLIC)
        .select_related("meeting", "agenda_item")
        .prefetch_related("budget_lines", "commitments__recipient_organisation")
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
    """When the first partner got the document: a share with all, with the partners, or with one partner."""
    times = [s.shared_at for s in document.shares.all() if s.audience in REACHES_PARTNERS]
    return min(times) if times else None


def partners_before_residents(document: Document) -> bool:
    partners = partners_received_at(document)
    received = delegates_received_at(document)
    return partners is not None and (received is None or partners < received)


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
    """Documents that reached the resident delegates after the deadline (N days before the meeting),
    or that reached any partner before the residents (measured against every partner, at any time).

    A document that residents still do not have counts as late once the deadline has passed.
    Documents added once the meeting has begun (slides, attachments to the minutes) are not
    preparation material and do not count.
    """
    now = now or timezone.now()
    deadline = meeting.documents_deadline()
    late: list[LateDocument] = []
    for document in meeting.documents.filter(uploaded_at__lt=meeting.starts_at).prefetch_related("shares"):
        received = delegates_received_at(document)
        earlier = partners_before_residents(document)
        # Any partner before the residents breaks "at the same time", whatever the deadline.
        if earlier or (received is None and now > deadline) or (received is not None and received > deadline):
            late.append(LateDocument(document=document, received_at=received, partners_earlier=earlier))
    return LateReport(deadline=deadline, days=meeting.alliance.documents_days_before, late=late)


def alliance_documents(user, alliance: Alliance) -> list[Document]:
    """Documents that belong to no meeting (area plan, programme, monitor, delegates' advice) this user may see."""
    docs = (
        alliance.documents.filter(meeting__isnull=True)
        .select_related("alliance__area", "uploaded_by")
        .prefetch_related("shares")
        .order_by("-uploaded_at", "-id")
    )
    return [d for d in docs if may_see_document(user, d)]


def unequal_documents(alliance: Alliance) -> list[Document]:
    """Documents without a meeting that reached a partner before the residents: a public warning."""
    docs = alliance.documents.filter(meeting__isnull=True).prefetch_related("shares")
    return [d for d in docs if partners_before_residents(d)]
