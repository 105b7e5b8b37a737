"""Documents: checked uploads, sharing with members at the same moment, questions and answers."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import require
from wijkgeld.alliance.models import (
    Alliance,
    Audience,
    Document,
    DocumentShare,
    Meeting,
    Partner,
    Question,
    Visibility,
)
from wijkgeld.alliance.permissions import may_chair
from wijkgeld.alliance.queries import may_see_document
from wijkgeld.alliance.uploads import check_upload
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError


@transaction.atomic
def document_upload(
    *,
    actor,
    meeting: Meeting | None = None,
    upload,
    title: str,
    summary: str = "",
    visibility: str = Visibility.MEMBERS,
    share_with: str | None = Audience.ALL,
    alliance: Alliance | None = None,
    kind: str = Document.Kind.MEETING,
    now: dt.datetime | None = None,
) -> Document:
    """Check the file (type by name and content, size), store it privately, and share it right away
    with everyone (the default) unless programme staff choose to share it later.

    Without a meeting it is an alliance document: area plan, implementation programme or monitor report."""
    if meeting is not None:
        alliance, kind = meeting.alliance, Document.Kind.MEETING
    elif alliance is None or kind in (Document.Kind.MEETING, Document.Kind.DELEGATES_ADVICE):
        raise DomainError(_("Choose what kind of document this is."), field="kind")
    require(actor, "alliance.manage", alliance.area)
    return _store(
        actor=actor,
        alliance=alliance,
        meeting=meeting,
        kind=kind,
        upload=upload,
        title=title,
        summary=summary,
        visibility=visibility,
        share_with=share_with,
        now=now or timezone.now(),
    )


@transaction.atomic
def document_upload_advice(
    *,
    actor,
    alliance: Alliance,
    upload,
    title: str,
    summary: str = "",
    visibility: str = Visibility.MEMBERS,
    now: dt.datetime | None = None,
) -> Document:
    """The resident delegates publish their own advice. It reaches every member at the same moment."""
    require(actor, "alliance.upload_own", alliance.area)
    return _store(
        actor=actor,
        alliance=alliance,
        meeting=None,
        kind=Document.Kind.DELEGATES_ADVICE,
        upload=upload,
        title=title,
        summary=summary,
        visibility=visibility,
        share_with=Audience.ALL,
        now=now or timezone.now(),
    )


def _store(
    *,
    actor,
    alliance: Alliance,
    meeting: Meeting | None,
    kind: str,
    upload,
    title: str,
    summary: str,
    visibility: str,
    share_with: str | None,
    now: dt.datetime,
) -> Document:
    checked = check_upload(upload)
    if not title.strip():
        raise DomainError(_("Give the document a title."), field="title")
    if visibility not in Visibility.values:
        raise DomainError(_("Choose who may read the document."), field="visibility")
    if share_with == Audience.ONE_PARTNER:
        raise DomainError(_("Share with one partner after uploading."), field="share_with")
    document = Document(
        alliance=alliance,
        meeting=meeting,
        kind=kind,
        title=title.strip(),
        summary=summary.strip(),
        visibility=visibility,
        original_name=upload.name[-255:],
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
        uploaded_at=now,
    )
    document.file.save(upload.name, upload, save=False)
    # If anything below fails the transaction rolls back; then remove the stored file too.
    stored = document.file.name
    try:
        document.save()
        audit_record(
            actor=actor,
            action="alliance.document.uploaded",
            area=alliance.area,
            obj=document,
            data={
                "meeting": str(meeting) if meeting else str(document.get_kind_display()),
                "size": checked.size,
                "visibility": visibility,
            },
            now=now,
        )
        if share_with:
            _share(actor=actor, document=document, audience=share_with, now=now)
    except Exception:
        document.file.storage.delete(stored)
        raise
    return document


def _share(
    *, actor, document: Document, audience: str, now: dt.datetime, partner: Partner | None = None
) -> DocumentShare:
    if audience not in Audience.values:
        raise DomainError(_("Choose with whom to share the document."), field="audience")
    done = set(document.shares.values_list("audience", flat=True))
    if audience == Audience.ONE_PARTNER:
        if partner is None or partner.alliance_id != document.alliance_id:
            raise DomainError(_("Choose a partner of this alliance."), field="partner")
        if done & {Audience.ALL, Audience.PARTNERS} or document.shares.filter(partner=partner).exists():
            raise DomainError(_("This partner already has this document."), field="partner")
    elif audience == Audience.ALL:
        # Sharing with everyone completes earlier partial shares; nothing new if all groups had it.
        if Audience.ALL in done or {Audience.PARTNERS, Audience.DELEGATES} <= done:
            raise DomainError(_("Everyone already has this document."), field="audience")
    elif audience in done or Audience.ALL in done:
        raise DomainError(_("This group already has this document."), field="audience")
    share = DocumentShare.objects.create(
        document=document,
        audience=audience,
        partner=partner if audience == Audience.ONE_PARTNER else None,
        shared_at=now,
        shared_by=actor,
    )
    group = str(Audience(audience).label)
    if share.partner_id:
        group = f"{group}: {partner.organisation.name}"
    audit_record(
        actor=actor,
        action="alliance.document.shared",
        area=document.alliance.area,
        obj=document,
        data={"audience": audience, "group": group, "shared_at": now.isoformat()},
        now=now,
    )
    return share


@transaction.atomic
def document_share(
    *,
    actor,
    document: Document,
    audience: str = Audience.ALL,
    partner: Partner | None = None,
    now: dt.datetime | None = None,
) -> DocumentShare:
    """Record that the document reached a group (or one partner) now. 'all' is the rule: everyone at
    the same moment. Reaching any partner before the residents shows the public late-documents warning."""
    document = Document.objects.select_for_update().select_related("alliance__area").get(pk=document.pk)
    require(actor, "alliance.manage", document.alliance.area)
    return _share(
        actor=actor, document=document, audience=audience, partner=partner, now=now or timezone.now()
    )


@transaction.atomic
def question_ask(*, actor, document: Document, text: str, now: dt.datetime | None = None) -> Question:
    area = document.alliance.area
    require(actor, "alliance.ask_question", area)
    if not may_see_document(actor, document):
        raise PermissionDenied("alliance.document")
    text = text.strip()
    if not text:
        raise DomainError(_("Write your question."), field="text")
    now = now or timezone.now()
    question = Question.objects.create(document=document, asked_by=actor, text=text, asked_at=now)
    audit_record(
        actor=actor,
        action="alliance.question.asked",
        area=area,
        obj=question,
        data={"document": str(document)},
        now=now,
    )
    return question


@transaction.atomic
def question_answer(*, actor, question: Question, answer: str, now: dt.datetime | None = None) -> Question:
    """The chair answers; the answer is visible to every member who can read the document."""
    question = (
        Question.objects.select_for_update().select_related("document__alliance__area").get(pk=question.pk)
    )
    alliance = question.document.alliance
    if not may_chair(actor, alliance):
        raise PermissionDenied("alliance.chair")
    answer = answer.strip()
    if not answer:
        raise DomainError(_("Write the answer."), field="answer")
    now = now or timezone.now()
    question.answer, question.answered_by, question.answered_at = answer, actor, now
    question.save()
    audit_record(
        actor=actor,
        action="alliance.question.answered",
        area=alliance.area,
        obj=question,
        data={"document": str(question.document)},
        now=now,
    )
    return question
