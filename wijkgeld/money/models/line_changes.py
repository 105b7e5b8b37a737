"""Changes to the delegates' own support line. Lowering, carrying to another year or reversing money on
it is a proposal that only the resident delegates can approve (with the line's quorum); raising it
takes effect at once and is recorded here too, so the delegates see every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LineChange(models.Model):
    class Kind(models.TextChoices):
        RAISE = "raise", _("Raise the line")
        LOWER = "lower", _("Lower the line (money back to the theme)")
        CARRY_OVER = "carry_over", _("Move money to another year")
        REVERSAL = "reversal", _("Reverse an entry on the line")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the delegates")
        APPLIED = "applied", _("Took effect")
        REJECTED = "rejected", _("Not approved by the delegates")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    line = models.ForeignKey("money.BudgetLine", on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(_("change"), max_length=16, choices=Kind.choices)
    amount_cents = models.BigIntegerField(_("amount (cents)"), null=True, blank=True)
    to_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    reverses = models.ForeignKey(
        "money.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    decision = models.ForeignKey(
        "alliance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="line_changes",
        verbose_name=_("alliance decision"),
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("proposed at"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    approvals_needed = models.PositiveSmallIntegerField(_("approvals needed"), default=0)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    result = models.OneToOneField(
        "money.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="line_change"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_cents__isnull=True) | models.Q(amount_cents__gt=0),
                name="line_change_amount_positive",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="applied") | models.Q(result__isnull=False),
                name="line_change_applied_is_booked",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="reversal") | models.Q(reverses__isnull=False),
                name="line_change_reversal_names_entry",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="carry_over") | models.Q(to_year__isnull=False),
                name="line_change_carry_over_has_year",
            ),
        ]
        verbose_name = _("change to the delegates' line")
        verbose_name_plural = _("changes to the delegates' line")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.line}"

    @property
    def approval_count(self) -> int:
        """Uses prefetched votes when there are any (the list page prefetches them)."""
        return sum(1 for v in self.votes.all() if v.approve)


class LineChangeVote(models.Model):
    change = models.ForeignKey(LineChange, on_delete=models.PROTECT, related_name="votes")
    delegate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approve = models.BooleanField(_("approve"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["change", "delegate"], name="line_change_vote_once_per_delegate")
        ]
        verbose_name = _("delegate's answer on a line change")
        verbose_name_plural = _("delegates' answers on line changes")

    def __str__(self) -> str:
        return f"{self.delegate}: {self.approve}"
