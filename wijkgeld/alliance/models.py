"""The alliance of an area: partners, resident delegates, meetings, agenda, documents, decisions.

Models hold fields, constraints and small properties; every workflow lives in `services/`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkgeld.alliance.storage import private_storage, private_upload_to


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members of the alliance only")


class Alliance(models.Model):
    """One alliance per area. The chair is programme staff of the area, or the member named here."""

    area = models.OneToOneField("areas.Area", on_delete=models.PROTECT, related_name="alliance")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("designated chair"),
    )
    documents_days_before = models.PositiveSmallIntegerField(
        _("documents at least this many days before a meeting"), default=7
    )

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        constraints = [
            models.CheckConstraint(
                condition=Q(documents_days_before__lte=60), name="alliance_days_before_at_most_60"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """An organisation that sits in the alliance."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey("areas.Organisation", on_delete=models.PROTECT, related_name="+")
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "organisation"], name="partner_unique_per_alliance"),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=models.F("since")),
                name="partner_until_after_since",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Representative(models.Model):
    """A person who speaks for a partner at the table."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="representatives")
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.name


class Delegate(models.Model):
    """A resident who sits in the alliance on behalf of the residents."""

    class Chosen(models.TextChoices):
        ELECTED = "elected", _("Elected by residents")
        LOT = "lot", _("Drawn by lot")
        PLATFORM = "platform", _("Nominated by a residents' platform")
        COLLECTIVE = "collective", _("Nominated by a resident collective")
        OTHER = "other", _("Other way")

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="delegates")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chosen_how = models.CharField(_("how chosen"), max_length=20, choices=Chosen.choices)
    chosen_note = models.CharField(_("more about how"), max_length=300, blank=True)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["since", "id"]
        verbose_name = _("resident delegate")
        verbose_name_plural = _("resident delegates")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "user", "since"], name="delegate_unique_term"),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="delegate_until_after_since",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def is_active_on(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        OVERLEG = "alliantieoverleg", _("Alliance meeting (alliantieoverleg)")
        STUURGROEP = "stuurgroep", _("Steering group (stuurgroep)")
        WERKGROEP = "werkgroep", _("Working group")

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="meetings")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_summary = models.TextField(_("minutes in plain language"), blank=True)
    minutes_visibility = models.CharField(
        _("who may read the minutes"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    minutes_updated_at = models.DateTimeField(null=True, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: raised on every change
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def documents_deadline(self) -> dt.datetime:
        return self.starts_at - dt.timedelta(days=self.alliance.documents_days_before)


class AgendaItem(models.Model):
    """An item on the agenda, or a residents' proposal waiting for the chair."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for the chair")
        ACCEPTED = "accepted", _("Accepted, not yet planned")
        PLANNED = "planned", _("Planned for a meeting")
        DECLINED = "declined", _("Declined")

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="agenda_items")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("short explanation"), max_length=2000, blank=True)
    brought_by = models.CharField(_("brought in by"), max_length=200)
    from_residents = models.BooleanField(_("proposed by a resident delegate"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    reason = models.TextField(_("reason from the chair"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "created_at", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="planned") | Q(meeting__isnull=False), name="planned_item_has_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(reason=""), name="declined_item_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Document for a meeting")
        AREA_PLAN = "area_plan", _("Area plan")
        PROGRAMME = "implementation_programme", _("Implementation programme")
        MONITOR = "monitor_report", _("Monitor report")
        DELEGATES_ADVICE = "delegates_advice", _("Advice of the resident delegates")

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="documents")
    # Empty for documents that belong to no meeting (area plan, programme, monitor, the delegates' advice).
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind of document"), max_length=32, choices=Kind.choices, default=Kind.MEETING)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary in plain language (B1)"), max_length=2000, blank=True)
    visibility = models.CharField(
        _("who may read it"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    file = models.FileField(storage=private_storage, upload_to=private_upload_to, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="meeting", meeting__isnull=False) | ~Q(kind="meeting"),
                name="document_for_a_meeting_has_meeting",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Audience(models.TextChoices):
    ALL = "all", _("All members at once (partners and resident delegates)")
    PARTNERS = "partners", _("Partners and programme staff only")
    DELEGATES = "delegates", _("Resident delegates only")
    ONE_PARTNER = "one_partner", _("One partner organisation only")


# The audiences that include the resident delegates.
REACHES_DELEGATES = (Audience.ALL, Audience.DELEGATES)
# Any share that reaches at least one partner: "at the same time" is measured against every partner.
REACHES_PARTNERS = (Audience.ALL, Audience.PARTNERS, Audience.ONE_PARTNER)


class DocumentShare(models.Model):
    """One moment at which a document was shared with a group. Append-only: the record of equal access."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="shares")
    audience = models.CharField(_("shared with"), max_length=12, choices=Audience.choices)
    partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.PROTECT, related_name="document_shares"
    )
    shared_at = models.DateTimeField(_("shared at"))
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["shared_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "audience"],
                condition=Q(partner__isnull=True),
                name="document_shared_once_per_audience",
            ),
            models.UniqueConstraint(
                fields=["document", "partner"],
                condition=Q(partner__isnull=False),
                name="document_shared_once_per_partner",
            ),
            models.CheckConstraint(
                condition=Q(audience="one_partner", partner__isnull=False)
                | (~Q(audience="one_partner") & Q(partner__isnull=True)),
                name="document_share_partner_only_for_one_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.get_audience_display()}"


class Question(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("your question"), max_length=2000)
    asked_at = models.DateTimeField()
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class Decision(models.Model):
    """The decisions register: what, by whom, on which agenda item, with which money."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("what was decided"), max_length=300)
    text = models.TextField(_("full text"), blank=True)
    summary = models.TextField(_("summary in plain language (B1)"), max_length=2000, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200)
    amount_cents = models.BigIntegerField(_("amount"), null=True, blank=True)
    money_reference = models.CharField(_("money reference"), max_length=200, blank=True)
    # What the decision is about, as links rather than free text (issue 13): lines and commitments.
    budget_lines = models.ManyToManyField(
        "money.BudgetLine", blank=True, related_name="decisions", verbose_name=_("budget lines")
    )
    commitments = models.ManyToManyField(
        "money.Commitment", blank=True, related_name="decisions", verbose_name=_("commitments")
    )
    visibility = models.CharField(
        _("who may read it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    decided_on = models.DateField(_("decided on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "number"], name="decision_number_unique"),
            models.CheckConstraint(
                condition=Q(amount_cents__isnull=True) | Q(amount_cents__gte=0),
                name="decision_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Notice(models.Model):
    """An e-mail that was sent, so that the reminder command never sends it twice."""

    class Kind(models.TextChoices):
        DOCUMENTS = "documents", "documents"
        DAY_BEFORE = "day_before", "day_before"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document"], condition=Q(kind="documents"), name="notice_document_once"
            ),
            models.UniqueConstraint(
                fields=["user", "meeting"], condition=Q(kind="day_before"), name="notice_day_before_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id} ({self.sent_at:%Y-%m-%d %H:%M})"
