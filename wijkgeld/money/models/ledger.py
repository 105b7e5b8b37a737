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

from wijkgeld.areas.tiers import Tier
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
        DEALLOCATION = "deallocation", _("Money from a budget line back to its theme")
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
    # The recipient's tier (resident-led, other local, outside), copied from the commitment so the
    # overview groups by it in one scan. Empty on legs that belong to no recipient (grants, lines).
    tier = models.CharField(max_length=20, choices=Tier.choices, blank=True, default="")

    class Meta:
        ordering = ["id"]
        indexes = [
            # Covering index for the finance overview and API: one range scan per area and year.
            models.Index(
                fields=["area", "year", "theme", "account", "tier", "amount_cents"],
                name="posting_report_tier",
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
    # Only set by the data migration that introduced the tiers: a public body that used to count as
    # local. Never offered in a form; the service refuses it.
    BEFORE_RULE = "booked_before_rule", _("Booked before public bodies counted as outside the neighbourhood")


USER_REASONS = [choice for choice in NonLocalReason.choices if choice[0] != NonLocalReason.BEFORE_RULE]


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
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    non_local_reason = models.CharField(
        _("reason the money does not go to a resident-led recipient"),
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
            # Resident-led money needs no reason; money outside always has one ("tenzij"); other local
            # organisations need one only while a verified collective works on the theme (service rule).
            models.CheckConstraint(
                condition=models.Q(tier="resident_led", non_local_reason="")
                | models.Q(tier="local_organisation")
                | models.Q(tier="outside") & ~models.Q(non_local_reason=""),
                name="commitment_tier_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(is_local=False, tier="outside")
                | models.Q(is_local=True, tier__in=["resident_led", "local_organisation"]),
                name="commitment_is_local_matches_tier",
            ),
        ]
        indexes = [models.Index(fields=["source"])]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return f"{self.recipient_name}: {self.description}"[:300]

    @property
    def public_recipient(self) -> str:
        """How the recipient appears in public (Woo): an organisation by name, a private person never."""
        if self.recipient_organisation_id:
            return self.recipient_organisation.name
        if self.recipient_is_resident:
            return str(_("A resident of the area"))
        return str(_("A person or party not in the list of organisations"))


class CollectiveConsultation(AppendOnlyModel):
    """The "tenzij" question, recorded: which verified collective working on the theme was asked to do
    the work, and what it answered. Public together with the commitment's reason."""

    class Answer(models.TextChoices):
        TOOK_ON = "took_it_on", _("Took it on (in part)")
        NO_CAPACITY = "no_capacity", _("Asked: no capacity")
        NOT_ASKED = "not_asked", _("Not asked")

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="consultations")
    collective = models.ForeignKey("areas.Organisation", on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices)
    why = models.CharField(_("why"), max_length=500, blank=True)

    class Meta:
        ordering = ["collective__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "collective"], name="consultation_once_per_collective"
            ),
            models.CheckConstraint(
                condition=models.Q(answer="took_it_on") | ~models.Q(why=""), name="consultation_why_given"
            ),
        ]
        verbose_name = _("question to a resident collective")
        verbose_name_plural = _("questions to resident collectives")

    def __str__(self) -> str:
        return f"{self.collective}: {self.get_answer_display()}"


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
