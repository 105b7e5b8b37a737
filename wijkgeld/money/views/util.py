from __future__ import annotations

from django.http import Http404
from django.utils import timezone

from wijkgeld.money import services
from wijkgeld.money.models import BudgetLine, Tranche


def known_years() -> list[int]:
    years: set[int] = set()
    for tranche in Tranche.objects.all():
        years.update(tranche.years)
    return sorted(years)


def check_year(year: int) -> int:
    if year not in known_years():
        raise Http404("no such year")
    return year


def current_year() -> int:
    years = known_years()
    this_year = timezone.localdate().year
    if this_year in years or not years:
        return this_year
    return years[-1] if this_year > years[-1] else years[0]


def spending_form_context(area, line: BudgetLine, form) -> dict:
    """What a form that spends from a budget line shows beside it: the money left on the line and the
    resident collectives already working on its theme (the "local unless" question)."""
    return {
        "area": area,
        "line": line,
        "form": form,
        "available": services.line_available_cents(line),
        "collectives": services.local_collectives_for(area=area, theme=line.theme),
    }
