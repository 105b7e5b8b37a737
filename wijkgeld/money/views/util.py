from __future__ import annotations

from django.http import Http404
from django.utils import timezone

from wijkgeld.core.errors import DomainError
from wijkgeld.money.models import Tranche


def call_service(form, service, **kwargs):
    """Run one service; a DomainError goes next to its field (or above the form). Returns None then."""
    try:
        return service(**kwargs)
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None


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
