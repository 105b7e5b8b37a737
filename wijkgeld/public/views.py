from __future__ import annotations

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import area_permission_required, can
from wijkgeld.core.audit import audit_text
from wijkgeld.public.national.freshness import conditional
from wijkgeld.public.openapi import openapi_document


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
    """The toegankelijkheidsverklaring: status and figures from the last recorded browser-test run."""
    from wijkgeld.public.accessibility import narrow_gaps, statement

    current = statement()
    return render(
        request,
        "public/accessibility.html",
        {"statement": current, "results": current.results, "narrow_only": narrow_gaps(current.results)},
    )
