"""Open data: GET /api/v1/areas/<slug>/people/<year>/ - aggregates only, suppressed below the threshold."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from wijkgeld.areas.models import Area
from wijkgeld.people import conf, stats

MIN_YEAR, MAX_YEAR = 2020, 2100


def figures_document(*, area: Area, year: int) -> dict:
    placements = stats.placement_figures(area=area, year=year)
    builders = stats.builder_figures(area=area, year=year)
    return {
        "area": area.slug,
        "year": year,
        "suppressed_below": conf.suppress_below(),
        "placements": {
            "open_roles": placements.open_roles,
            "placements": placements.placements.export(),
            "hours_worked": str(placements.hours)
            if placements.hours is not None
            else placements.hours_people.export(),
            "milestones": {code: count.export() for code, _label, count in placements.milestones},
        },
        "community_builders": {
            "builders": builders.builders.export(),
            "share_from_neighbourhood": str(builders.share_from_neighbourhood)
            if builders.share_from_neighbourhood is not None
            else None,
            "hours_commissioned": builders.hours_commissioned,
            "commissions_given": builders.commissions,
            "reports_accepted": builders.reports_accepted,
        },
    }


@require_GET
def area_people(request, slug: str, year: int):
    area = Area.objects.filter(slug=slug).first()
    if area is None or not (MIN_YEAR <= year <= MAX_YEAR):
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(figures_document(area=area, year=year), json_dumps_params={"ensure_ascii": False})
