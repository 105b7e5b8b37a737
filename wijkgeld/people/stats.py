"""Public figures about people, per area and year. Every count about people below the threshold is
suppressed ("fewer than 5") in the page, the CSV and the API alike: they all read this module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count as DbCount
from django.db.models import Q, Sum

from wijkgeld.people import conf
from wijkgeld.people.models import (
    Commission,
    CommunityBuilder,
    Milestone,
    MonthlyHours,
    Placement,
    Report,
    WorkRole,
)


@dataclass(frozen=True)
class Count:
    """A count about people. `public` is the number, or None when it is below the threshold."""

    value: int
    threshold: int

    @property
    def suppressed(self) -> bool:
        return self.value < self.threshold

    @property
    def public(self) -> int | None:
        return None if self.suppressed else self.value

    def export(self) -> int | str:
        """For CSV and JSON: the number, or "<5"."""
        return f"<{self.threshold}" if self.suppressed else self.value


@dataclass(frozen=True)
class PlacementFigures:
    year: int
    open_roles: int  # roles, not people: never suppressed
    placements: Count
    hours: Decimal | None  # None when fewer people than the threshold worked those hours
    hours_people: Count
    milestones: list[tuple[str, str, Count]]  # (code, label, count)


@dataclass(frozen=True)
class BuilderFigures:
    year: int
    builders: Count
    # Only the share is public, and only from the threshold on: below it, the share would name people.
    share_from_neighbourhood: Decimal | None  # 0..1 with 4 decimals; None when suppressed
    hours_commissioned: int
    commissions: int
    reports_accepted: int


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def placement_figures(*, area, year: int) -> PlacementFigures:
    threshold = conf.suppress_below()
    first, last = _year_bounds(year)
    active = Placement.objects.filter(area=area, started_on__lte=last).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=first)
    )
    months = MonthlyHours.objects.filter(placement__area=area, month__year=year)
    totals = months.aggregate(hours=Sum("hours"), people=DbCount("placement", distinct=True))
    hours_people = Count(int(totals["people"] or 0), threshold)
    reached = dict(
        Milestone.objects.filter(placement__area=area, reached_on__year=year)
        .values_list("kind")
        .annotate(n=DbCount("id"))
        .values_list("kind", "n")
    )
    milestones = [
        (code, str(label), Count(int(reached.get(code, 0)), threshold))
        for code, label in Milestone.Kind.choices
    ]
    return PlacementFigures(
        year=year,
        open_roles=WorkRole.objects.filter(area=area, is_open=True, enterprise__status="verified").count(),
        placements=Count(active.count(), threshold),
        hours=None if hours_people.suppressed else Decimal(totals["hours"] or 0).quantize(Decimal("0.1")),
        hours_people=hours_people,
        milestones=milestones,
    )


def builder_figures(*, area, year: int) -> BuilderFigures:
    threshold = conf.suppress_below()
    first, last = _year_bounds(year)
    builders = CommunityBuilder.objects.filter(area=area, started_on__lte=last).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=first)
    )
    total = builders.count()
    local = builders.filter(Q(lives_in_area=True) | Q(works_in_area=True)).count()
    builders_count = Count(total, threshold)
    given = Commission.objects.filter(
        area=area, status=Commission.Status.GIVEN, starts_on__lte=last, ends_on__gte=first
    )
    share = None
    if not builders_count.suppressed:
        share = (Decimal(local) / Decimal(total)).quantize(Decimal("0.0001"))
    return BuilderFigures(
        year=year,
        builders=builders_count,
        share_from_neighbourhood=share,
        hours_commissioned=int(given.aggregate(h=Sum("hours"))["h"] or 0),
        commissions=given.count(),
        reports_accepted=Report.objects.filter(
            commission__area=area, status=Report.Status.ACCEPTED, year=year
        ).count(),
    )


def figures_as_rows(placements: PlacementFigures, builders: BuilderFigures) -> list[tuple[str, int | str]]:
    """One flat list of (measure, value) used by the CSV and the API, so both suppress the same way."""
    rows: list[tuple[str, int | str]] = [
        ("open_roles", placements.open_roles),
        ("placements", placements.placements.export()),
        (
            "hours_worked",
            str(placements.hours) if placements.hours is not None else placements.hours_people.export(),
        ),
    ]
    rows += [(f"milestone_{code}", count.export()) for code, _label, count in placements.milestones]
    rows += [
        ("community_builders", builders.builders.export()),
        (
            "share_from_neighbourhood",
            str(builders.share_from_neighbourhood)
            if builders.share_from_neighbourhood is not None
            else builders.builders.export(),
        ),
        ("hours_commissioned", builders.hours_commissioned),
        ("commissions_given", builders.commissions),
        ("reports_accepted", builders.reports_accepted),
    ]
    return rows
