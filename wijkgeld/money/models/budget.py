"""The budget structure as data: tranches, themes, grants per area/year/theme, and budget lines."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkgeld.money.models.base import AppendOnlyModel, DocumentField


class Tranche(models.Model):
    """A period of the regulation (tranche 2 = 2026–2028). Unspent money may move to a later year within it."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    regulation = models.CharField(_("regulation"), max_length=200, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")), name="tranche_years"
            )
        ]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


class Theme(models.Model):
    """A theme of a tranche, e.g. "maatschappelijke_samenhang" (art. 7a), funded by a ministry."""

    tranche = models.ForeignKey(Tranche, on_delete=models.PROTECT, related_name="themes")
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    article = models.CharField(_("article"), max_length=40, blank=True)
    funding_ministry = models.CharField(_("usual funding ministry"), max_length=20, blank=True)
    is_fixed_amount = models.BooleanField(_("fixed amount per area"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["tranche__number", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["tranche", "code"], name="theme_unique_code_per_tranche")
        ]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class AreaFinanceSettings(models.Model):
    """Per-area settings: the quorum for support requests and the amount above which a payment needs a second person."""

    area = models.OneToOneField("areas.Area", on_delete=models.CASCADE, related_name="finance_settings")
    support_quorum = models.PositiveSmallIntegerField(
        _("approvals needed for a support request"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a majority of the other resident delegates."),
    )
    payment_confirmation_above_cents = models.BigIntegerField(
        _("payments above this amount need a second person (cents)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("finance settings of an area")
        verbose_name_plural = _("finance settings of areas")

    def __str__(self) -> str:
        return str(self.area)


def payment_confirmation_threshold(area) -> int:
    """Cents; a payment strictly above this needs a second finance person. Default €10,000 (settings)."""
    default = int(getattr(settings, "WIJKGELD_PAYMENT_CONFIRMATION_ABOVE_CENTS", 1_000_000))
    row = AreaFinanceSettings.objects.filter(area=area).first()
    if row is not None and row.payment_confirmation_above_cents is not None:
        return row.payment_confirmation_above_cents
    return default


class Grant(AppendOnlyModel):
    """Money granted to an area for a year and theme by a ministry. Booked as one ledger transaction."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="grants")
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="grants")
    funding_ministry = models.CharField(_("funding ministry"), max_length=20)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    document = DocumentField()
    transaction = models.OneToOneField(
        "money.Transaction", on_delete=models.PROTECT, related_name="grant", null=True
    )
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["year", "theme__order"]
        constraints = [models.CheckConstraint(condition=models.Q(amount_cents__gt=0), name="grant_positive")]
        indexes = [models.Index(fields=["area", "year"])]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")

    def __str__(self) -> str:
        return f"{self.theme} {self.year} ({self.funding_ministry})"


class BudgetLine(models.Model):
    """A budget line under a theme for an area and year, e.g. "bewonersfonds" or "bewonersondersteuning".

    Its balances live in the ledger (postings); the row itself only describes the line and is the
    lock that serialises commitments against it.
    """

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="budget_lines")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("year"))
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    controlled_by_delegates = models.BooleanField(
        _("controlled by the resident delegates"),
        default=False,
        help_text=_("The residents' own support budget: delegates decide what it is spent on."),
    )
    # The alliance decision that set the line's size (the residents' support budget is an agreement,
    # not a figure staff may change on their own).
    size_decision = models.ForeignKey(
        "alliance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sized_lines",
        verbose_name=_("alliance decision on the size"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["year", "theme__order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "code"], name="budget_line_unique_code_per_year")
        ]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.name} {self.year}"
