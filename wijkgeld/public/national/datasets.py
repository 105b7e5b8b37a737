"""The open datasets: what is public, per area and nationally, as rows of machine values.

Nothing here names a person: no users, no recipients, no descriptions of ledger entries (a description
or recipient can name a resident), no contact details, no times of day. See docs/open-data.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkgeld.areas.models import Area
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import BudgetLine, Posting, Theme, Tranche
from wijkgeld.public.national.columns import (
    ALLIANCE_COLUMNS,
    COUNT,
    FUND_COLUMNS,
    ID_COLUMNS,
    INTEGER,
    MONEY,
    MONEY_COLUMNS,
    PEOPLE_COLUMNS,
    TEXT,
    Column,
)
from wijkgeld.public.national.figures import Figures
from wijkgeld.public.national.freshness import cached
from wijkgeld.public.national.queries import money_figures, process_figures

Row = dict[str, Any]


def known_years() -> list[int]:
    years: set[int] = set()
    for first, last in Tranche.objects.values_list("first_year", "last_year"):
        years.update(range(first, last + 1))
    return sorted(years)


def _area_ids(area: Area | None) -> dict[str, Any]:
    return {"area": "", "cbs_code": ""} if area is None else {"area": area.slug, "cbs_code": area.cbs_code}


def _areas(area: Area | None) -> list[Area]:
    return [area] if area is not None else list(Area.objects.order_by("name"))


def area_rows(area: Area | None = None) -> Iterator[Row]:
    for a in _areas(area):
        yield {
            "area": a.slug,
            "area_name": a.name,
            "municipality": a.municipality,
            "cbs_code": a.cbs_code,
            "cbs_reference_year": a.cbs_reference_year,
        }


def finance_rows(area: Area | None = None) -> Iterator[Row]:
    """Money per area, year and theme: every theme of every year of every tranche, zero where nothing."""
    years = known_years()
    money = cached(
        f"finance:{area.pk if area else 'all'}",
        lambda: money_figures(years=years, area_ids=[area.pk] if area else None),
    )
    themes = list(Theme.objects.select_related("tranche").order_by("tranche__number", "order"))
    for a in _areas(area):
        for year in years:
            for theme in themes:
                if not theme.tranche.first_year <= year <= theme.tranche.last_year:
                    continue
                figures = money.get((a.pk, year, theme.pk), Figures())
                yield {
                    "area": a.slug,
                    "cbs_code": a.cbs_code,
                    "year": year,
                    "theme": theme.code,
                    "tranche": theme.tranche.number,
                    **{c.key: c.machine(figures) for c in MONEY_COLUMNS},
                }


def process_rows(area: Area | None = None) -> Iterator[Row]:
    """Bewonersfonds, alliance and people figures per area and year (people figures suppressed below 5)."""
    years = known_years()
    now = timezone.now()
    process = cached("process", lambda: process_figures(years=years, now=now))
    for a in _areas(area):
        for year in years:
            figures = process.get((a.pk, year), Figures())
            yield {
                "area": a.slug,
                "cbs_code": a.cbs_code,
                "year": year,
                **{c.key: c.machine(figures) for c in FUND_COLUMNS + ALLIANCE_COLUMNS + PEOPLE_COLUMNS},
            }


POSTING_COLUMNS = [
    Column("posting", _("Posting"), _("Number of the ledger posting (stable, increasing)."), INTEGER),
    Column(
        "transaction", _("Transaction"), _("Number of the transaction; its postings sum to zero."), INTEGER
    ),
    Column("date", _("Date"), _("Date of the transaction (YYYY-MM-DD)."), TEXT),
    Column(
        "kind", _("Kind"), _("grant, allocation, commitment, payment, release, carry_over or reversal."), TEXT
    ),
    ID_COLUMNS["area"],
    ID_COLUMNS["cbs_code"],
    ID_COLUMNS["year"],
    ID_COLUMNS["theme"],
    Column("line", _("Budget line"), _("Code of the budget line; empty for source and unallocated."), TEXT),
    Column(
        "account",
        _("Account"),
        _("source, unallocated, available, committed or paid (see docs/money.md)."),
        TEXT,
    ),
    Column("amount", _("Amount"), _("Amount of the posting; positive or negative."), MONEY),
    Column(
        "is_local", _("Local"), _("1 when the money goes to a local recipient (tier 1 or 2), else 0."), COUNT
    ),
    Column(
        "tier",
        _("Tier"),
        _("Tier of the recipient: resident_led, local_organisation or outside; empty for legs without one."),
        TEXT,
    ),
]


def posting_rows(
    area: Area | None = None,
    *,
    year: int | None = None,
    theme: Theme | None = None,
    after: int = 0,
    limit=None,
) -> Iterator[Row]:
    """Every ledger posting, streamed in id order in chunks (never all in memory); or one page of them."""
    postings = Posting.objects.order_by("id")
    if area is not None:
        postings = postings.filter(area=area)
    if year is not None:
        postings = postings.filter(year=year)
    if theme is not None:
        postings = postings.filter(theme=theme)
    if after:
        postings = postings.filter(id__gt=after)
    if limit is not None:
        postings = postings[:limit]
    areas = {a.pk: (a.slug, a.cbs_code) for a in Area.objects.all()}
    themes = dict(Theme.objects.values_list("pk", "code"))
    lines = dict(BudgetLine.objects.values_list("pk", "code"))
    tz = timezone.get_current_timezone()
    rows = postings.values_list(
        "id",
        "transaction_id",
        "transaction__created_at",
        "transaction__kind",
        "area_id",
        "year",
        "theme_id",
        "line_id",
        "account",
        "amount_cents",
        "is_local",
        "tier",
    ).iterator(chunk_size=5000)
    for pk, tx, created, kind, area_id, year, theme_id, line_id, account, cents, local, tier in rows:
        slug, cbs = areas[area_id]
        yield {
            "posting": pk,
            "transaction": tx,
            "date": created.astimezone(tz).date().isoformat(),
            "kind": kind,
            "area": slug,
            "cbs_code": cbs,
            "year": year,
            "theme": themes[theme_id],
            "line": lines.get(line_id, "") if line_id else "",
            "account": account,
            "amount": cents_to_str(cents),
            "is_local": 1 if local else 0,
            "tier": tier,
        }


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Any
    description: Any
    columns: list[Column]
    rows: Callable[[Area | None], Iterator[Row]]


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            "areas",
            _("Areas"),
            _("The 20 NPLV areas with their municipality and CBS municipality code."),
            [ID_COLUMNS[k] for k in ("area", "area_name", "municipality", "cbs_code", "cbs_reference_year")],
            area_rows,
        ),
        Dataset(
            "finance",
            _("Money per area, year and theme"),
            _(
                "Granted, committed, paid and available money, the resident-led share and the money under "
                "residents' control, per area, year and theme."
            ),
            [ID_COLUMNS[k] for k in ("area", "cbs_code", "year", "theme", "tranche")] + MONEY_COLUMNS,
            finance_rows,
        ),
        Dataset(
            "process",
            _("Bewonersfonds, alliance and people per area and year"),
            _(
                "Fund rounds, voting codes, ballots and turnout; alliance meetings, late documents, resident agenda "
                "items and questions; placements, hours worked, milestones and community builders (counts about "
                "people below 5 are “<5”), per area and year."
            ),
            [ID_COLUMNS[k] for k in ("area", "cbs_code", "year")]
            + FUND_COLUMNS
            + ALLIANCE_COLUMNS
            + PEOPLE_COLUMNS,
            process_rows,
        ),
        Dataset(
            "postings",
            _("All ledger postings"),
            _("Every posting of the double-entry ledger, without descriptions or recipients."),
            POSTING_COLUMNS,
            posting_rows,
        ),
    ]
}
