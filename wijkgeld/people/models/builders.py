"""Community builders from the neighbourhood, the commissions the residents give them, and their reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommunityBuilder(models.Model):
    """A community builder in the area's register. The public sees a profile only when the builder opts in."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="community_builders")
    name = models.CharField(_("name"), max_length=150)
    lives_in_area = models.BooleanField(_("lives in the area"), default=False)
    works_in_area = models.BooleanField(_("works in the area"), default=False)
    employer = models.ForeignKey(
        "community.CollectiveProfile", on_delete=models.PROTECT, related_name="community_builders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_on = models.DateField(_("started on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    public_profile = models.BooleanField(_("show a public profile"), default=False)
    public_first_name = models.CharField(_("first name on the public profile"), max_length=60, blank=True)
    public_description = models.TextField(_("what I do (public)"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/builders/", blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("registered at"))

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(public_profile=False) | ~models.Q(public_first_name=""),
                name="people_builder_public_profile_has_name",
            )
        ]
        verbose_name = _("community builder")
        verbose_name_plural = _("community builders")

    def __str__(self) -> str:
        # A number, not the name: this label is kept in the audit log longer than the register entry.
        return _("community builder {number}").format(number=self.pk)

    @property
    def from_neighbourhood(self) -> bool:
        return self.lives_in_area or self.works_in_area


class Training(models.Model):
    builder = models.ForeignKey(CommunityBuilder, on_delete=models.CASCADE, related_name="trainings")
    course = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    certificate = models.BooleanField(_("certificate obtained"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["-completed_on", "id"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.course


class Commission(models.Model):
    """An opdracht from the neighbourhood: by a verified resident collective, or by the resident
    delegates with their quorum. Never by staff alone (see `people.services.commissions`)."""

    class GivenBy(models.TextChoices):
        COLLECTIVE = "collective", _("A resident collective")
        DELEGATES = "delegates", _("The resident delegates")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the delegates")
        GIVEN = "given", _("Given")
        DECLINED = "declined", _("Not given")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="commissions")
    builder = models.ForeignKey(CommunityBuilder, on_delete=models.PROTECT, related_name="commissions")
    # Who is paid: the collective that employs or contracts the builder.
    employer = models.ForeignKey("community.CollectiveProfile", on_delete=models.PROTECT, related_name="+")
    given_by = models.CharField(_("given by"), max_length=12, choices=GivenBy.choices)
    commissioning_collective = models.ForeignKey(
        "community.CollectiveProfile", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    aim = models.TextField(_("how it strengthens the community"))
    hours = models.PositiveIntegerField(_("hours"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    pay_cents = models.BigIntegerField(_("pay (cents)"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"))
    given_at = models.DateTimeField(_("given at"), null=True, blank=True)
    approvals_needed = models.PositiveSmallIntegerField(_("approvals needed"), default=0)
    commitment = models.OneToOneField(
        "money.Commitment", null=True, blank=True, on_delete=models.PROTECT, related_name="commission"
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pay_cents__gt=0, hours__gt=0), name="people_commission_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="people_commission_period"
            ),
            models.CheckConstraint(
                condition=models.Q(given_by="collective", commissioning_collective__isnull=False)
                | models.Q(given_by="delegates", commissioning_collective__isnull=True),
                name="people_commission_giver",
            ),
        ]
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")

    def __str__(self) -> str:
        return self.title


class CommissionApproval(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="approvals")
    delegate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approve = models.BooleanField(_("approve"))
    created_at = models.DateTimeField(_("time"))

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["commission", "delegate"], name="people_approval_once")
        ]
        verbose_name = _("approval of a commission")
        verbose_name_plural = _("approvals of commissions")

    def __str__(self) -> str:
        return f"{self.delegate}: {self.approve}"


class Report(models.Model):
    """A quarterly report in plain language, accepted or sent back by the commissioning residents."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for the residents")
        ACCEPTED = "accepted", _("Accepted")
        SENT_BACK = "sent_back", _("Sent back")

    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    activities = models.TextField(_("what I did"))
    people_reached = models.PositiveIntegerField(_("people reached"))
    connections = models.TextField(_("connections made"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=500, blank=True)
    payment = models.OneToOneField(
        "money.Payment", null=True, blank=True, on_delete=models.PROTECT, related_name="people_report"
    )

    class Meta:
        ordering = ["year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["commission", "year", "quarter"], name="people_report_once"),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="people_report_quarter"
            ),
        ]
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")

    def __str__(self) -> str:
        return f"{self.commission} {self.year} Q{self.quarter}"
