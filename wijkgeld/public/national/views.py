"""The national overview page: the 20 areas side by side, per municipality and per theme, two years compared."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wijkgeld.money.models import Theme
from wijkgeld.people import conf as people_conf
from wijkgeld.public.national import charts
from wijkgeld.public.national.columns import (
    ALLIANCE_COLUMNS,
    BY_KEY,
    FUND_COLUMNS,
    MONEY_COLUMNS,
    PEOPLE_COLUMNS,
)
from wijkgeld.public.national.datasets import known_years
from wijkgeld.public.national.freshness import conditional, request_version
from wijkgeld.public.national.overview import national_overview

# The money table shows the main figures; every column is in the downloads.
TABLE_MONEY = [
    BY_KEY[k]
    for k in ("granted", "committed", "paid", "available", "resident_led_share", "residents_control")
]
# Where the committed money lands: the three tiers of the recipients, the headline first.
TABLE_TIERS = [
    BY_KEY[k]
    for k in ("committed", "resident_led_share", "other_local_share", "outside_share", "local_committed")
]
TABLE_PROCESS = (
    FUND_COLUMNS[:1]
    + FUND_COLUMNS[2:]
    + [
        BY_KEY[k]
        for k in (
            "meetings_held",
            "documents_late_share",
            "resident_items_accepted",
            "resident_items_declined",
            "resident_items_pending",
            "questions_answered",
        )
    ]
)
COMPARE = [BY_KEY[k] for k in ("granted", "committed", "paid", "resident_led_share")]
SORTABLE = {"name", *BY_KEY}


def default_year(years: list[int]) -> int:
    this_year = timezone.localdate().year
    if this_year in years or not years:
        return this_year
    return years[-1] if this_year > years[-1] else years[0]


class NationalForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    compare = forms.TypedChoiceField(label=_("Compare with"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years]
        codes = {t.code: t.name for t in themes}  # a code may recur in a later tranche: offer it once
        self.fields["theme"].choices = [("", _("All themes"))] + list(codes.items())
        self.fields["compare"].choices = [("", _("No other year"))] + [(y, y) for y in years]


def _sorted(rows, key: str, descending: bool):
    def value(row):
        raw = row.name if key == "name" else BY_KEY[key].raw(row.figures)
        return (raw is None, raw if raw is not None else 0)

    ordered = sorted(rows, key=value, reverse=descending)
    if descending:  # keep rows without a value (no denominator) at the bottom
        ordered = [r for r in ordered if value(r)[0] is False] + [r for r in ordered if value(r)[0] is True]
    return ordered


def _sort_links(params: dict, key: str, descending: bool) -> dict[str, dict]:
    links = {}
    for column in SORTABLE:
        next_desc = not descending if column == key else column != "name"
        query = {**params, "sort": column, "order": "desc" if next_desc else "asc"}
        links[column] = {
            "url": "?" + urlencode({k: v for k, v in query.items() if v not in ("", None)}) + "#per-area",
            "aria": ("descending" if descending else "ascending") if column == key else None,
        }
    return links


@require_GET
@conditional
def national(request):
    years = known_years()
    year = default_year(years)
    form = NationalForm(
        request.GET or None,
        years=years,
        themes=Theme.objects.order_by("tranche__number", "order"),
        initial={"year": year},
    )
    theme = compare = None
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["year"] or year
        compare = form.cleaned_data["compare"]
        # A theme code belongs to a tranche: take the theme of the chosen year's tranche, if it has one.
        theme = Theme.objects.filter(
            code=form.cleaned_data["theme"] or None,
            tranche__first_year__lte=year,
            tranche__last_year__gte=year,
        ).first()
    key = request.GET.get("sort", "name")
    key = key if key in SORTABLE else "name"
    descending = request.GET.get("order") == "desc"
    version = request_version(request)
    data = national_overview(year=year, theme=theme, version=version)
    other = national_overview(year=compare, theme=theme, version=version) if compare else None
    params = {"year": year, "theme": theme.code if theme else "", "compare": compare or ""}
    rows = _sorted(data.areas, key, descending)
    compare_rows = []
    if other is not None:
        others = {row.key: row for row in other.areas}
        compare_rows = [(row, others[row.key]) for row in rows]
    return render(
        request,
        "public/national/national.html",
        {
            "form": form,
            "fragment_key": f"{version}|{year}|{theme}|{key}|{descending}|{compare}|{get_language()}",
            "data": data,
            "year": year,
            "theme": theme,
            "rows": rows,
            "sort": key,
            "descending": descending,
            "links": _sort_links(params, key, descending),
            "money_columns": TABLE_MONEY,
            "process_columns": TABLE_PROCESS,
            "tier_columns": TABLE_TIERS,
            "people_columns": PEOPLE_COLUMNS,
            "threshold": people_conf.suppress_below(),
            "all_money_columns": MONEY_COLUMNS,
            "alliance_columns": ALLIANCE_COLUMNS,
            "compare_columns": COMPARE,
            "other": other,
            "compare_rows": compare_rows,
            "multiples": charts.money_multiples(rows),
            "share_chart": charts.share_chart(rows, "resident_led_share"),
            "turnout_chart": charts.share_chart(rows, "turnout"),
        },
    )
