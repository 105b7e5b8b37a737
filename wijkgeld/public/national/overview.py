"""The national overview: every area, the municipalities and the themes, for a year and optionally a theme."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from wijkgeld.areas.models import Area
from wijkgeld.money.models import Theme
from wijkgeld.money.reports import themes_for_year
from wijkgeld.public.national.figures import Figures, withhold_for_subtraction
from wijkgeld.public.national.freshness import cached, data_version
from wijkgeld.public.national.queries import money_figures, money_per_area, process_figures


@dataclass
class Row:
    """One line of a table: an area, a municipality or a theme, with its figures."""

    key: str
    name: str
    figures: Figures
    area: Area | None = None
    municipality: str = ""
    cbs_code: str = ""
    theme: Theme | None = None


@dataclass
class National:
    year: int
    theme: Theme | None
    areas: list[Row] = field(default_factory=list)
    municipalities: list[Row] = field(default_factory=list)
    themes: list[Row] = field(default_factory=list)
    totals: Figures = field(default_factory=Figures)


def _computed(year: int, now: dt.datetime, version: str):
    """Everything for a year, whatever the theme: one pass over the ledger serves every theme filter."""

    def compute():
        return money_figures(years=[year]), process_figures(years=[year], now=now)

    return cached(f"overview:{year}", compute, version=version)


def national_overview(
    *, year: int, theme: Theme | None = None, now: dt.datetime | None = None, version: str | None = None
) -> National:
    now = now or timezone.now()
    version = version or data_version(today=timezone.localdate(now))
    per_theme, process = _computed(year, now, version)
    money = money_per_area(per_theme, theme_id=theme.pk if theme else None)
    result = National(year=year, theme=theme)
    by_municipality: dict[str, Row] = {}
    for area in Area.objects.order_by("name"):
        figures = Figures().add(money.get((area.pk, year), Figures()))
        figures.add(process.get((area.pk, year), Figures()))
        result.areas.append(
            Row(
                key=area.slug,
                name=area.name,
                figures=figures,
                area=area,
                municipality=area.municipality,
                cbs_code=area.cbs_code,
            )
        )
        town = by_municipality.setdefault(
            area.cbs_code,
            Row(key=area.cbs_code, name=area.municipality, figures=Figures(), cbs_code=area.cbs_code),
        )
        town.figures.add(figures)
        result.totals.add(figures)
    result.municipalities = sorted(by_municipality.values(), key=lambda row: row.name)
    # A municipality with exactly one small area withholds its people figures itself (Figures.hidden);
    # the national total is withheld when it minus the published municipalities leaves one small area.
    withhold_for_subtraction(result.totals, [row.figures for row in result.municipalities])
    if theme is None:
        for t in themes_for_year(year):
            figures = Figures.total(f for (_a, _y, theme_id), f in per_theme.items() if theme_id == t.pk)
            result.themes.append(Row(key=t.code, name=t.name, figures=figures, theme=t))
    return result
