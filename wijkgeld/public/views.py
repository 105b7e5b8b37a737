from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_text
from wijkgeld.public.national.freshness import conditional
from wijkgeld.public.openapi import openapi_document
from wijkgeld.public.registry import area_links


@conditional
def home(request):
    areas = Area.objects.all()
    return render(request, "public/home.html", {"areas": areas})


@conditional
def area_detail(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    links = [link for link in area_links() if link.action is None or can(request.user, link.action, area)]
    organisations = area.local_organisations.all()
    return render(
        request,
        "public/area.html",
        {
            "area": area,
            "neighbourhoods": area.neighbourhoods.all(),
            "organisations": organisations,
            "links": links,
            "may_see_audit": can(request.user, "area.view_audit", area),
        },
    )


@area_permission_required("area.view_audit")
def area_audit(request, area):
    entries = area.audit_entries.all()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    # The observer sees figures, not people: no actor, names or contact details in the sentences.
    without_people = not can(request.user, "area.view_people", area)
    rows = [(entry, audit_text(entry, without_people=without_people)) for entry in page.object_list]
    return render(request, "public/audit.html", {"area": area, "page": page, "rows": rows})


@require_GET
@conditional
def api_openapi(request):
    return JsonResponse(openapi_document(server_url=request.build_absolute_uri("/")[:-1]))


def accessibility(request):
    return render(request, "public/accessibility.html")
