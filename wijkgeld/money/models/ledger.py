"""The double-entry, append-only ledger, and the commitments and payments it books.

Every change of money is a `Transaction` whose `Posting`s sum to zero. Accounts:

- SOURCE: where granted money comes from (negative balance = total granted).
- UNALLOCATED: granted to a theme in a year but not yet given to a budget line.
- AVAILABLE: in a budget line, not yet committed.
- COMMITTED: committed to a recipient (a `Commitment`), not yet paid.
- PAID: paid out to the recipient.

Nothing is ever changed or deleted: a mistake is corrected with a reversing transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.money.models.base import AppendOnlyModel, DocumentField


class Account(models.TextChoices):
    SOURCE = "source", _("Grant source")
    UNALLOCATED = "unallocated", _("Not yet in a budget line")
    AVAILABLE = "available", _("Available")
    COMMITTED = "committed", _("Committed, not yet paid")
    PAID = "paid", _("Paid")


class Transaction(AppendOnlyModel):
    class Kind(models.TextChoices):
        GRANT = "grant", _("Grant")
        ALLOCATION = "allocation", _("Money to a budget line")
        COMMITMENT = "commitment", _("Commitment")
        PAYMENT = "payment", _("Payment")
        RELEASE = "release", _("Release of an unspent rest")
        CARRY_OVER = "carry_over", _("Carry-over to a later year")
        REVERSAL = "reversal", _("Correction (reversal)")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="transactions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.CharField(_("reason"), max_length=500)
    document = DocumentField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(_("by"), max_length=200)
    created_at = models.DateTimeField(_("time"))
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["area", "created_at"])]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"


class Posting(AppendOnlyModel):
    """One leg of a transaction. Area, year and theme are copied in so that reports are one indexed scan."""

    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="postings")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    theme = models.ForeignKey("money.Theme", on_delete=models.PROTECT, related_name="+")
    line = models.ForeignKey("money.BudgetLine", null=True, on_delete=models.PROTECT, related_name="postings")
    commitment = models.ForeignKey(
        "money.Commitment", null=True, on_delete=models.PROTECT, related_name="postings"
    )
    account = models.CharField(max_length=16, choices=Account.choices)
    amount_cents = models.BigIntegerField()
    is_local = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        indexes = [
            # Covering index for the finance overview and API: one range scan per area and year.
            models.Index(
                fields=["area", "year", "theme", "account", "is_local", "amount_cents"], name="posting_report"
            ),
            models.Index(fields=["line", "account", "amount_cents"], name="posting_line"),
            models.Index(fields=["commitment", "account", "amount_cents"], name="posting_commitment"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(amount_cents=0), name="posting_not_zero"),
            models.CheckConstraint(
                condition=models.Q(account__in=["source", "unallocated"]) | models.Q(line__isnull=False),
                name="posting_line_account_has_line",
            ),
            models.CheckConstraint(
                condition=~models.Q(account__in=["committed", "paid"]) | models.Q(commitment__isnull=False),
                name="posting_commitment_account_has_commitment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} {self.amount_cents}"


class NonLocalReason(models.TextChoices):
    """Why money goes to a party that is not local ("in de wijk, tenzij"). Shown publicly."""

    NO_EXPERTISE = "no_local_expertise", _("No local party has this expertise")
    NO_CAPACITY = "no_local_capacity", _("No local party has the capacity")
    LEGALLY_REQUIRED = "legally_required", _("A legally required provider")
    EXISTING_CONTRACT = "existing_contract", _("Continuation of an existing contract")
    OTHER = "other", _("Other reason")


class Commitment(AppendOnlyModel):
    """A commitment (verplichting) of money from a budget line to a recipient. Never changed after creation."""

    line = models.ForeignKey("money.BudgetLine", on_delete=models.PROTECT, related_name="commitments")
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    description = models.CharField(_("what for"), max_length=500)
    recipient_organisation = models.ForeignKey(
        "areas.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="commitments"
    )
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_is_resident = models.BooleanField(_("the recipient is a resident of the area"), default=False)
    is_local = models.BooleanField(_("local"))
    non_local_reason = models.CharField(
        _("reason for a recipient outside the area"),
        max_length=32,
        choices=NonLocalReason.choices,
        blank=True,
    )
    non_local_explanation = models.TextField(_("explanation"), blank=True)
    document = DocumentField()
    source = models.CharField(_("source"), max_length=100, blank=True)
    transaction = models.OneToOneField(Transaction, on_delete=models.PROTECT, related_name="commitment")
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_cents__gt=0), name="commitment_positive"),
            models.CheckConstraint(
                condition=models.Q(is_local=True, non_local_reason="")
                | models.Q(is_local=False) & ~models.Q(non_local_reason=""),
                name="commitment_non_local_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["source"])]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return f"{self.recipient_name}: {self.description}"[:300]


class Payment(models.Model):
    """A payment against a commitment, possibly one of several. Above the area's threshold it waits
    for a second finance person; only a completed payment is booked in the ledger."""

    class Status(models.TextChoices):
        AWAITING = "awaiting_confirmation", _("Waiting for a second person")
        COMPLETED = "completed", _("Paid")
        REJECTED = "rejected", _("Refused by the second person")

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="payments")
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    description = models.CharField(_("description"), max_length=500)
    document = DocumentField()
    status = models.CharField(_("status"), max_length=24, choices=Status.choices)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("confirmed or refused at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.CharField(_("reason for refusing"), max_length=500, blank=True)
    transaction = models.OneToOneField(
        Transaction, null=True, blank=True, on_delete=models.PROTECT, related_name="payment"
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_cents__gt=0), name="payment_positive"),
            models.CheckConstraint(
                condition=~models.Q(status="completed") | models.Q(transaction__isnull=False),
                name="payment_completed_is_booked",
            ),
        ]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{self.commitment.recipient_name}: {self.description}"[:300]
