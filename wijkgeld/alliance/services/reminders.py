"""E-mail to alliance members when documents are shared, and a day before each meeting.

Run by cron through `manage.py send_alliance_reminders`. Idempotent: each (person, document) and
(person, meeting) is recorded in `Notice` in the same transaction as the sending, under a unique
constraint, so a second run (or two runs at once) never sends the same e-mail twice. If sending
fails, the transaction rolls back and the next run tries again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wijkgeld.accounts.models import User
from wijkgeld.accounts.permissions import DELEGATE, FINANCE, OBSERVER, STAFF
from wijkgeld.alliance.models import Alliance, Document, Meeting, Notice
from wijkgeld.alliance.queries import may_see_document
from wijkgeld.core.audit import audit_record

MEMBER_ROLES = (DELEGATE, STAFF, FINANCE, OBSERVER)


def recipients(alliance: Alliance) -> list[User]:
    """Members of this area's alliance with an e-mail address (roles of this area only)."""
    users = User.objects.filter(
        is_active=True, roles__area=alliance.area, roles__name__in=MEMBER_ROLES
    ).exclude(email="")
    return list(users.distinct().order_by("pk"))


def _meeting_url(meeting: Meeting) -> str:
    path = reverse("alliance:meeting", kwargs={"slug": meeting.alliance.area.slug, "pk": meeting.pk})
    return settings.SITE_URL.rstrip("/") + path


def _send(*, user: User, subject: str, template: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "user": user})
        send_mail(str(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _documents_notices(now: dt.datetime) -> int:
    sent = 0
    documents = (
        Document.objects.filter(shares__isnull=False, meeting__ends_at__gte=now, meeting__cancelled=False)
        .select_related("meeting__alliance__area")
        .prefetch_related("shares")
        .distinct()
    )
    by_meeting: dict[Meeting, list[Document]] = defaultdict(list)
    for document in documents:
        by_meeting[document.meeting].append(document)
    for meeting, docs in by_meeting.items():
        for user in recipients(meeting.alliance):
            done = set(
                Notice.objects.filter(kind=Notice.Kind.DOCUMENTS, user=user, document__in=docs).values_list(
                    "document_id", flat=True
                )
            )
            new = [d for d in docs if d.pk not in done and may_see_document(user, d)]
            if not new:
                continue
            try:
                with transaction.atomic():
                    for document in new:
                        Notice.objects.create(
                            kind=Notice.Kind.DOCUMENTS,
                            user=user,
                            meeting=meeting,
                            document=document,
                            sent_at=now,
                        )
                    with translation.override(settings.LANGUAGE_CODE):
                        subject = translation.gettext("New documents for %(meeting)s") % {"meeting": meeting}
                    _send(
                        user=user,
                        subject=subject,
                        template="alliance/email/documents.txt",
                        context={"meeting": meeting, "documents": new, "url": _meeting_url(meeting)},
                    )
            except IntegrityError:
                continue  # another run sent it a moment ago
            sent += 1
    return sent


def _day_before_notices(now: dt.datetime) -> int:
    sent = 0
    meetings = Meeting.objects.filter(
        starts_at__gt=now, starts_at__lte=now + dt.timedelta(days=1), cancelled=False
    ).select_related("alliance__area")
    for meeting in meetings:
        for user in recipients(meeting.alliance):
            if Notice.objects.filter(kind=Notice.Kind.DAY_BEFORE, user=user, meeting=meeting).exists():
                continue
            try:
                with transaction.atomic():
                    Notice.objects.create(
                        kind=Notice.Kind.DAY_BEFORE, user=user, meeting=meeting, sent_at=now
                    )
                    with translation.override(settings.LANGUAGE_CODE):
                        subject = translation.gettext("Tomorrow: %(meeting)s") % {"meeting": meeting}
                    _send(
                        user=user,
                        subject=subject,
                        template="alliance/email/day_before.txt",
                        context={"meeting": meeting, "url": _meeting_url(meeting)},
                    )
            except IntegrityError:
                continue
            sent += 1
    return sent


def reminders_send(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Send what is due; return how many e-mails went out per kind."""
    now = now or timezone.now()
    counts = {"documents": _documents_notices(now), "day_before": _day_before_notices(now)}
    total = sum(counts.values())
    if total:
        audit_record(actor=None, action="alliance.reminder.sent", data={"count": total, **counts}, now=now)
    return counts
