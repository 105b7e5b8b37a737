"""The residents' own support budget: delegates propose hiring support, other delegates approve."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.money.models.ledger import NonLocalReason


class SupportRequest(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    line = models.ForeignKey("money.BudgetLine", on_delete=models.PROTECT, related_name="support_requests")
    title = models.CharField(_("what support"), max_length=200)
    reason = models.TextField(_("why the residents need it"))
    supplier_organisation = models.ForeignKey(
        "areas.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    supplier_name = models.CharField(_("from whom"), max_length=200)
    supplier_is_resident = models.BooleanField(_("the supplier is a resident of the area"), default=False)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    non_local_reason = models.CharField(
        _("reason for a supplier outside the area"), max_length=32, choices=NonLocalReason.choices, blank=True
    )
    non_local_explanation = models.TextField(_("explanation"), blank=True)
    # The "tenzij" record until the request becomes a commitment: [{"collective": pk, "answer", "why"}].
    consultations = models.JSONField(_("collectives asked"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("proposed at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    approvals_needed = models.PositiveSmallIntegerField(_("approvals needed"))
    commitment = models.OneToOneField(
        "money.Commitment", null=True, blank=True, on_delete=models.PROTECT, related_name="support_request"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_cents__gt=0), name="support_request_positive"),
        ]
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")

    def __str__(self) -> str:
        return self.title


class SupportVote(models.Model):
    request = models.ForeignKey(SupportRequest, on_delete=models.PROTECT, related_name="votes")
    delegate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approve = models.BooleanField(_("approve"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "delegate"], name="support_vote_once_per_delegate")
        ]
        verbose_name = _("support vote")
        verbose_name_plural = _("support votes")

    def __str__(self) -> str:
        return f"{self.delegate}: {self.approve}"
