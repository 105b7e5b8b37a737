from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required
from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_text
from wijkgeld.public.openapi import openapi_document


@area_permission_required("area.view_audit")
def area_audit(request, area):
    entries = area.audit_entries.all()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    rows = [(entry, audit_text(entry)) for entry in page.object_list]
    return render(request, "public/audit.html", {"area": area, "page": page, "rows": rows})


@require_GET
def api_areas(request):
    data = [
        {
            "slug": a.slug,
            "name": a.name,
            "municipality": a.municipality,
            "cbs_code": a.cbs_code,
            "cbs_reference_year": a.cbs_reference_year,
        }
        for a in Area.objects.all()
    ]
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_openapi(request):
    return JsonResponse(openapi_document(server_url=request.build_absolute_uri("/")[:-1]))


def accessibility(request):
    return render(request, "public/accessibility.html")
