"""Public finance pages: the overview per area and year, and the neutral accountability export."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area
from wijkgeld.core.csv_export import csv_writer
from wijkgeld.core.money import cents_to_str
from wijkgeld.money.models import BudgetLine, Commitment
from wijkgeld.money.reports import accountability_rows, chart_bars, finance_overview
from wijkgeld.money.views.util import check_year, current_year, known_years


@require_GET
def overview_current(request, slug: str):
    return redirect("money:overview", slug=slug, year=current_year())


@require_GET
def overview(request, slug: str, year: int):
    area = get_object_or_404(Area, slug=slug)
    check_year(year)
    data = finance_overview(area=area, year=year)
    may_see_ledger = can(request.user, "money.view_ledger", area)
    lines = (
        BudgetLine.objects.filter(area=area, year=year)
        .select_related("theme")
        .order_by("theme__order", "name")
        if may_see_ledger
        else BudgetLine.objects.none()
    )
    # Everything that did not go to a resident-led recipient and carries a public reason ("tenzij").
    non_local = (
        Commitment.objects.filter(line__area=area, line__year=year)
        .exclude(non_local_reason="")
        .select_related("line__theme", "recipient_organisation")
        .prefetch_related("consultations__collective")
        .order_by("-amount_cents")[:50]
    )
    return render(
        request,
        "money/overview.html",
        {
            "area": area,
            "year": year,
            "years": known_years(),
            "overview": data,
            "bars": chart_bars(data),
            "chart_height": max(len(data.rows), 1) * 120,
            "lines": lines,
            "non_local": non_local,
            "may_see_ledger": may_see_ledger,
            "may_grant": can(request.user, "money.grant", area),
            "may_budget": can(request.user, "money.budget", area),
        },
    )


def _ratio(value) -> str:
    return "" if value is None else f"{value:.4f}"


@require_GET
def accountability_csv(request, slug: str):
    area = get_object_or_404(Area, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verantwoording-{area.slug}.csv"'
    writer = csv_writer(response)
    writer.writerow(
        [
            "area",
            "cbs_code",
            "year",
            "tranche",
            "theme_code",
            "theme",
            "article",
            "granted",
            "carried",
            "committed",
            "paid",
            "available",
            "resident_led_committed",
            "other_local_committed",
            "outside_committed",
            "resident_led_share",
            "other_local_share",
            "outside_share",
            "resident_led_paid",
            "other_local_paid",
            "local_committed",
            "local_paid",
            "local_share",
        ]
    )
    for year, theme, f in accountability_rows(area=area):
        writer.writerow(
            [
                area.slug,
                area.cbs_code,
                year,
                theme.tranche.number,
                theme.code,
                theme.name,
                theme.article,
                cents_to_str(f.granted),
                cents_to_str(f.carried),
                cents_to_str(f.committed),
                cents_to_str(f.paid),
                cents_to_str(f.available),
                cents_to_str(f.resident_led_committed),
                cents_to_str(f.other_local_committed),
                cents_to_str(f.outside_committed),
                _ratio(f.resident_led_share),
                _ratio(f.other_local_share),
                _ratio(f.outside_share),
                cents_to_str(f.resident_led_paid),
                cents_to_str(f.other_local_paid),
                cents_to_str(f.local_committed),
                cents_to_str(f.local_paid),
                _ratio(f.local_share),
            ]
        )
    return response
