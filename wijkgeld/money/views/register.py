"""The public register of commitments and awards (Woo): page, CSV and API."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wijkgeld.areas.models import Area
from wijkgeld.core.csv_export import csv_writer
from wijkgeld.money.views.util import known_years
from wijkgeld.money.woo import CSV_HEADER, csv_row, register_queryset, register_rows

PER_PAGE = 50


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and int(value) in known_years() else None


@require_GET
def register_page(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    year = _year(request)
    page = Paginator(register_queryset(area=area, year=year), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "money/register.html",
        {"area": area, "year": year, "years": known_years(), "page": page, "rows": register_rows(page)},
    )


@require_GET
def register_csv(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verplichtingen-{area.slug}.csv"'
    writer = csv_writer(response)
    writer.writerow(CSV_HEADER)
    for row in register_rows(register_queryset(area=area, year=_year(request))):
        writer.writerow(csv_row(row))
    return response


@require_GET
def register_api(request, slug: str):
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        return JsonResponse({"error": "area not found"}, status=404)
    rows = register_rows(register_queryset(area=area, year=_year(request)))
    return JsonResponse(
        {"area": area.slug, "currency": "EUR", "commitments": [row.as_api() for row in rows]},
        json_dumps_params={"ensure_ascii": False},
    )
