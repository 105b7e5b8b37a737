"""Open data: GET /api/v1/areas/<slug>/finance/<year>/."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from wijkgeld.areas.models import Area
from wijkgeld.money.reports import finance_overview
from wijkgeld.money.views.util import known_years


@require_GET
def area_finance(request, slug: str, year: int):
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        return JsonResponse({"error": "area not found"}, status=404)
    if year not in known_years():
        return JsonResponse({"error": "year not covered by any tranche"}, status=404)
    data = finance_overview(area=area, year=year)
    return JsonResponse(
        {
            "area": area.slug,
            "year": year,
            "currency": "EUR",
            "themes": [
                {
                    "code": row.theme.code,
                    "name": row.theme.name,
                    "article": row.theme.article,
                    "tranche": row.theme.tranche.number,
                    **row.figures.as_api(),
                }
                for row in data.rows
            ],
            "totals": data.totals.as_api(),
        },
        json_dumps_params={"ensure_ascii": False},
    )
