"""Figures per theme and year, computed in SQL from the ledger (one grouped query, covering index).

Definitions (per area, year and theme):
- granted: grants booked for that year (minus corrections);
- committed: everything committed, paid or not (commitments minus releases);
- paid: paid out;
- available: not yet committed (in a budget line or not yet in one), after carry-over;
- carried: money carried in from (positive) or out to (negative) other years of the tranche;
- per tier of the recipient (`wijkgeld.areas.tiers`): resident_led_committed, other_local_committed,
  outside_committed, and each tier's share of `committed`. The headline is the resident-led share.
  Public bodies are always outside the neighbourhood.
- local_committed: resident-led plus other local ("in de wijk"); local_share = local_committed / committed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from wijkgeld.areas.tiers import Tier
from wijkgeld.core.money import cents_to_str, share
from wijkgeld.money.models import Account, Posting, Theme

_FIELDS = (
    "granted",
    "committed",
    "paid",
    "available",
    "resident_led_committed",
    "other_local_committed",
    "outside_committed",
    "resident_led_paid",
    "other_local_paid",
)


def _ratio(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.4f}"


@dataclass
class Figures:
    granted: int = 0
    committed: int = 0
    paid: int = 0
    available: int = 0
    resident_led_committed: int = 0
    other_local_committed: int = 0
    outside_committed: int = 0
    resident_led_paid: int = 0
    other_local_paid: int = 0

    @property
    def carried(self) -> int:
        return self.available + self.committed - self.granted

    @property
    def local_committed(self) -> int:
        return self.resident_led_committed + self.other_local_committed

    @property
    def local_paid(self) -> int:
        return self.resident_led_paid + self.other_local_paid

    @property
    def local_share(self) -> Decimal | None:
        return share(self.local_committed, self.committed)

    @property
    def resident_led_share(self) -> Decimal | None:
        """The headline: the part of the committed money that reaches residents and their own collectives."""
        return share(self.resident_led_committed, self.committed)

    @property
    def other_local_share(self) -> Decimal | None:
        return share(self.other_local_committed, self.committed)

    @property
    def outside_share(self) -> Decimal | None:
        return share(self.outside_committed, self.committed)

    def add(self, other: Figures) -> None:
        for name in _FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_api(self) -> dict[str, str | None]:
        return {
            "granted": cents_to_str(self.granted),
            "committed": cents_to_str(self.committed),
            "paid": cents_to_str(self.paid),
            "available": cents_to_str(self.available),
            "carried": cents_to_str(self.carried),
            "resident_led_committed": cents_to_str(self.resident_led_committed),
            "other_local_committed": cents_to_str(self.other_local_committed),
            "outside_committed": cents_to_str(self.outside_committed),
            "resident_led_share": _ratio(self.resident_led_share),
            "other_local_share": _ratio(self.other_local_share),
            "outside_share": _ratio(self.outside_share),
            "local_committed": cents_to_str(self.local_committed),
            "local_share": _ratio(self.local_share),
        }


@dataclass
class ThemeRow:
    theme: Theme
    figures: Figures


@dataclass
class Overview:
    year: int
    rows: list[ThemeRow] = field(default_factory=list)
    totals: Figures = field(default_factory=Figures)

    @property
    def has_money(self) -> bool:
        return any(row.figures.granted or row.figures.available or row.figures.committed for row in self.rows)


def themes_for_year(year: int):
    return (
        Theme.objects.filter(tranche__first_year__lte=year, tranche__last_year__gte=year)
        .select_related("tranche")
        .order_by("order")
    )


def _figures_by_theme(postings) -> dict[int, Figures]:
    sums = postings.values_list("theme_id", "account", "tier").annotate(total=Sum("amount_cents")).order_by()
    result: dict[int, Figures] = defaultdict(Figures)
    for theme_id, account, tier, total in sums:
        result[theme_id].add(_figures_from_one(account, tier, int(total or 0)))
    return result


def finance_overview(*, area, year: int) -> Overview:
    by_theme = _figures_by_theme(Posting.objects.filter(area=area, year=year))
    overview = Overview(year=year)
    for theme in themes_for_year(year):
        figures = by_theme.get(theme.pk, Figures())
        overview.rows.append(ThemeRow(theme=theme, figures=figures))
        overview.totals.add(figures)
    return overview


def accountability_rows(*, area):
    """Amounts per theme and year for the municipality's reporting: every year that has postings."""
    sums = (
        Posting.objects.filter(area=area)
        .values_list("year", "theme_id", "account", "tier")
        .annotate(total=Sum("amount_cents"))
        .order_by()
    )
    grouped: dict[tuple[int, int], Figures] = defaultdict(Figures)
    for year, theme_id, account, tier, total in sums:
        grouped[(year, theme_id)].add(_figures_from_one(account, tier, int(total or 0)))
    themes = {t.pk: t for t in Theme.objects.select_related("tranche")}
    for (year, theme_id), figures in sorted(grouped.items(), key=lambda i: (i[0][0], themes[i[0][1]].order)):
        yield year, themes[theme_id], figures


def _figures_from_one(account: str, tier: str, total: int) -> Figures:
    f = Figures()
    if account == Account.SOURCE:
        f.granted = -total
    elif account in (Account.UNALLOCATED, Account.AVAILABLE):
        f.available = total
    else:
        f.committed = total
        if tier == Tier.RESIDENT_LED:
            f.resident_led_committed = total
        elif tier == Tier.LOCAL:
            f.other_local_committed = total
        else:
            f.outside_committed = total
        if account == Account.PAID:
            f.paid = total
            if tier == Tier.RESIDENT_LED:
                f.resident_led_paid = total
            elif tier == Tier.LOCAL:
                f.other_local_paid = total
    return f


def chart_bars(overview: Overview, *, width: int = 560) -> list[dict]:
    """Bar lengths (SVG units) per theme: the theme's money this year, committed, paid; scaled to the largest."""
    largest = max([max(r.figures.available + r.figures.committed, 1) for r in overview.rows] or [1])

    def scale(cents: int) -> float:
        return round(width * max(cents, 0) / largest, 1)

    return [
        {
            "row": row,
            "y": index * 120,
            "budget_w": scale(row.figures.available + row.figures.committed),
            "committed_w": scale(row.figures.committed),
            "paid_w": scale(row.figures.paid),
        }
        for index, row in enumerate(overview.rows)
    ]
