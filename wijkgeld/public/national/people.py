"""The people figures of every area at once, with the same definitions as wijkgeld.people.stats (which
computes them for one area): a few grouped queries per year, never one per area.

Only counts leave this module; the suppression of small counts is decided in figures.py, for an area
and for every total, from these counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from wijkgeld.people.models import Commission, CommunityBuilder, Milestone, MonthlyHours, Placement, Report
from wijkgeld.public.national.figures import Figures, small

Key = tuple[int, int]  # area, year


def _active(model, start: str, end: str, year: int):
    """Rows that were running at some moment of the year (as people.stats)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return model.objects.filter(**{f"{start}__lte": last}).filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first})
    )


def _placements(years: list[int], result: dict[Key, Figures]) -> None:
    for year in years:
        active = _active(Placement, "started_on", "ended_on", year)
        for area_id, n in active.values_list("area_id").annotate(n=Count("pk")).order_by():
            result[(area_id, year)].placements += n
    hours = (
        MonthlyHours.objects.annotate(y=ExtractYear("month"))
        .filter(y__in=years)
        .values_list("placement__area_id", "y")
        .annotate(hours=Sum("hours"), people=Count("placement", distinct=True))
        .order_by()
    )
    for area_id, year, total, people in hours:
        result[(area_id, year)].hours_tenths += int((total or 0) * 10)
        result[(area_id, year)].hours_people += people


def _milestones(years: list[int], result: dict[Key, Figures]) -> None:
    per_kind: dict[Key, list[int]] = defaultdict(list)
    reached = (
        Milestone.objects.annotate(y=ExtractYear("reached_on"))
        .filter(y__in=years)
        .values_list("placement__area_id", "y", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for area_id, year, _kind, n in reached:
        result[(area_id, year)].milestones += n
        per_kind[(area_id, year)].append(n)
    for key, counts in per_kind.items():
        # The area's own page shows every kind apart: when exactly one kind is small, the total minus
        # the other kinds would give it away, so the total is withheld then as well.
        if sum(small(n) for n in counts) == 1:
            result[key].milestones_small = 1


def _builders(years: list[int], result: dict[Key, Figures]) -> None:
    for year in years:
        active = _active(CommunityBuilder, "started_on", "left_on", year)
        local = Q(lives_in_area=True) | Q(works_in_area=True)
        for area_id, n, n_local in (
            active.values_list("area_id").annotate(n=Count("pk"), local=Count("pk", filter=local)).order_by()
        ):
            result[(area_id, year)].builders += n
            result[(area_id, year)].builders_local += n_local
        given = Commission.objects.filter(
            status=Commission.Status.GIVEN,
            starts_on__lte=dt.date(year, 12, 31),
            ends_on__gte=dt.date(year, 1, 1),
        )
        for area_id, hours in given.values_list("area_id").annotate(h=Sum("hours")).order_by():
            result[(area_id, year)].hours_commissioned += int(hours or 0)
    accepted = Report.objects.filter(status=Report.Status.ACCEPTED, year__in=years)
    for area_id, year, n in (
        accepted.values_list("commission__area_id", "year").annotate(n=Count("pk")).order_by()
    ):
        result[(area_id, year)].reports_accepted += n


def people_figures(years: list[int], result: dict[Key, Figures]) -> None:
    _placements(years, result)
    _milestones(years, result)
    _builders(years, result)
    for figures in result.values():
        for measure in ("placements", "hours_people", "builders"):
            setattr(figures, f"{measure}_small", small(getattr(figures, measure)))
        figures.milestones_small = max(figures.milestones_small, small(figures.milestones))
