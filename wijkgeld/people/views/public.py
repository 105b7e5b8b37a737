"""Public pages: open roles, the interest form (no account), and figures that identify nobody."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkgeld.areas.models import Area
from wijkgeld.core.csv_export import csv_writer
from wijkgeld.core.forms import call_service
from wijkgeld.people import conf, services, stats
from wijkgeld.people.api import MAX_YEAR, MIN_YEAR
from wijkgeld.people.forms import InterestForm
from wijkgeld.people.models import CommunityBuilder, WorkRole
from wijkgeld.people.views.util import current_year, nav


def _year(request) -> int:
    raw = request.GET.get("jaar", "")
    if raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    return current_year()


def _open_roles(area):
    return (
        WorkRole.objects.filter(area=area, is_open=True, enterprise__status="verified")
        .select_related("enterprise__organisation", "theme")
        .order_by("enterprise__organisation__name", "title")
    )


def overview(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    year = _year(request)
    profiles = CommunityBuilder.objects.filter(area=area, public_profile=True, left_on__isnull=True).order_by(
        "public_first_name"
    )
    return render(
        request,
        "people/overview.html",
        {
            "area": area,
            "year": year,
            "years": range(year - 2, year + 1),
            "roles": _open_roles(area),
            "placements": stats.placement_figures(area=area, year=year),
            "builders": stats.builder_figures(area=area, year=year),
            "profiles": profiles,
            "threshold": conf.suppress_below(),
            "nav": nav(request.user, area),
        },
    )


def role_detail(request, slug: str, pk: int):
    area = get_object_or_404(Area, slug=slug)
    role = get_object_or_404(_open_roles(area), pk=pk)
    form = InterestForm(request.POST or None)
    posted = request.method == "POST" and form.is_valid()
    if posted and call_service(form, services.interest_register, role=role, **form.cleaned_data):
        messages.success(
            request,
            _("Thank you. The coordinator of {name} will contact you.").format(
                name=role.enterprise.organisation.name
            ),
        )
        return redirect("people:overview", slug=area.slug)
    return render(request, "people/role_detail.html", {"area": area, "role": role, "form": form})


def figures_csv(request, slug: str, year: int):
    area = get_object_or_404(Area, slug=slug)
    if not (MIN_YEAR <= year <= MAX_YEAR):
        raise Http404("no such year")
    rows = stats.figures_as_rows(
        stats.placement_figures(area=area, year=year), stats.builder_figures(area=area, year=year)
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mensen-{area.slug}-{year}.csv"'
    writer = csv_writer(response)
    writer.writerow(["area", "year", "measure", "value"])
    for measure, value in rows:
        writer.writerow([area.slug, year, measure, value])
    return response
