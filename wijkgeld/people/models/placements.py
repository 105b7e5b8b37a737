"""Re-integration placements: roles a bewonersbedrijf offers, interest, placements, rhythm and milestones."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.languages import CONTENT_LANGUAGE_CHOICES


class WorkRole(models.Model):
    """A role a verified bewonersbedrijf offers (the issue calls it a role; not an account role)."""

    enterprise = models.ForeignKey(
        "community.CollectiveProfile", on_delete=models.PROTECT, related_name="work_roles"
    )
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="work_roles")
    title = models.CharField(_("title"), max_length=150)
    tasks = models.TextField(_("tasks"))
    # The language the person wrote the text in (WCAG 3.1.2: pages mark it with lang=...).
    content_language = models.CharField(
        _("language of the text"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="nl"
    )
    hours_min = models.PositiveSmallIntegerField(_("at least hours a week"))
    hours_max = models.PositiveSmallIntegerField(_("at most hours a week"))
    is_paid = models.BooleanField(_("paid"), default=False)
    theme = models.ForeignKey(
        "money.Theme", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_open = models.BooleanField(_("open for interest"), default=True)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_min__gte=1, hours_max__lte=40, hours_min__lte=models.F("hours_max")),
                name="people_role_hours_range",
            )
        ]
        verbose_name = _("role at a bewonersbedrijf")
        verbose_name_plural = _("roles at bewonersbedrijven")

    def __str__(self) -> str:
        return self.title


class Interest(models.Model):
    """A resident says they are interested in a role. Contact data only; deleted after a short time."""

    role = models.ForeignKey(WorkRole, on_delete=models.CASCADE, related_name="interests")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("received at"))

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""), name="people_interest_has_contact"
            )
        ]
        verbose_name = _("interest in a role")
        verbose_name_plural = _("interest in roles")

    def __str__(self) -> str:
        # Never the name: this label ends up in the audit log.
        return f"#{self.pk}"


class StopReason(models.TextChoices):
    """Why a placement stopped. A closed list on purpose: no free text, so no health or benefit data."""

    EDUCATION = "education", _("Started an education")
    OTHER_PROGRAMME = "other_programme", _("Moved to another programme")
    NOT_A_FIT = "not_a_fit", _("The role did not fit")
    MOVED = "moved", _("Moved out of the area")
    PERSONAL = "personal", _("Personal circumstances")
    NO_CONTACT = "no_contact", _("No longer in contact")
    OTHER = "other", _("Other reason")


class Placement(models.Model):
    """One participant in one role. Known here only by a pseudonym; see `ParticipantData`."""

    role = models.ForeignKey(WorkRole, on_delete=models.PROTECT, related_name="placements")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="placements")
    pseudonym = models.CharField(_("pseudonym"), max_length=20, unique=True)
    coordinator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    municipal_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    consent_given_on = models.DateField(_("consent given on"))
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    personal_data_deleted_at = models.DateTimeField(_("personal data deleted at"), null=True, blank=True)
    fee_commitment = models.OneToOneField(
        "money.Commitment", null=True, blank=True, on_delete=models.PROTECT, related_name="placement"
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["area", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="people_placement_ends_after_start",
            )
        ]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class ParticipantData(models.Model):
    """The participant's name and contact data, apart from everything else.

    Seen only by the placement's coordinator and municipal contact (`people.permissions`). Deleted
    when consent is withdrawn or the retention period after the end has passed. No BSN, no benefit
    or health data: there is no field for it, and no free text next to it.
    """

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="personal_data")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("personal data of a participant")
        verbose_name_plural = _("personal data of participants")

    def __str__(self) -> str:
        return str(self.placement)


class RhythmStep(models.Model):
    """One step of the work-rhythm plan: so many hours a week (for example 4, then 8, then 16)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("step"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours a week"))

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "order"], name="people_step_unique_order"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=1, hours_per_week__lte=40), name="people_step_hours"
            ),
        ]
        verbose_name = _("step of the work rhythm")
        verbose_name_plural = _("steps of the work rhythm")

    def __str__(self) -> str:
        return f"{self.placement} {self.order}: {self.hours_per_week}"


class MonthlyHours(models.Model):
    """Hours actually worked in a month, entered by the coordinator; with the volunteer allowance paid."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="months")
    month = models.DateField(_("month"))  # always the first day of the month
    hours = models.DecimalField(_("hours worked"), max_digits=5, decimal_places=1)
    allowance_cents = models.BigIntegerField(_("volunteer allowance (cents)"), default=0)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="people_hours_once_per_month"),
            models.CheckConstraint(
                condition=models.Q(hours__gte=0, hours__lte=744, allowance_cents__gte=0),
                name="people_hours_range",
            ),
        ]
        verbose_name = _("hours in a month")
        verbose_name_plural = _("hours per month")

    def __str__(self) -> str:
        return f"{self.placement} {self.month:%Y-%m}"


class Milestone(models.Model):
    class Kind(models.TextChoices):
        STARTED = "started", _("Started")
        RHYTHM = "rhythm_reached", _("Work rhythm reached")
        TRAINING = "training_done", _("Training completed")
        PAID_HERE = "paid_here", _("Paid position at the bewonersbedrijf")
        PAID_ELSEWHERE = "paid_elsewhere", _("Paid work elsewhere")
        STOPPED = "stopped", _("Stopped")

    # Reaching one of these ends the placement (and starts the retention period).
    ENDING = (Kind.PAID_HERE, Kind.PAID_ELSEWHERE, Kind.STOPPED)

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=20, choices=Kind.choices)
    reached_on = models.DateField(_("reached on"))
    stop_reason = models.CharField(_("reason"), max_length=20, choices=StopReason.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["reached_on", "id"]
        indexes = [models.Index(fields=["kind", "reached_on"])]
        constraints = [
            models.UniqueConstraint(fields=["placement", "kind"], name="people_milestone_once"),
            models.CheckConstraint(
                condition=models.Q(kind="stopped") & ~models.Q(stop_reason="")
                | ~models.Q(kind="stopped") & models.Q(stop_reason=""),
                name="people_milestone_stop_has_reason",
            ),
        ]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.placement}: {self.get_kind_display()}"
