"""The national open-data API (/api/v1/national/…, /finance/, /process/, /postings/), with django-ninja.

The response schemas are made from the same column list as the downloads and the data dictionary
(columns.py), and django-ninja derives the OpenAPI description from them; public/openapi.py merges it with
the hand-written parts of the other apps. Bad parameters give 400 with {"error": ...}, never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.utils import translation
from ninja import NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError
from ninja.responses import Status
from pydantic import Field, StringConstraints, create_model

from wijkgeld import __version__
from wijkgeld.areas.models import Area as AreaRecord
from wijkgeld.money.models import Theme
from wijkgeld.public.national.columns import (
    COUNT,
    INTEGER,
    MONEY,
    PEOPLE_COUNT,
    PEOPLE_HOURS,
    PEOPLE_SHARE,
    SHARE,
    TEXT,
    Column,
)
from wijkgeld.public.national.datasets import DATASETS, known_years, posting_rows
from wijkgeld.public.national.freshness import conditional, request_version
from wijkgeld.public.national.overview import national_overview

AMOUNT_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
SHARE_PATTERN = r"^[0-9]\.[0-9]{4}$"
# A figure about people that is not public: fewer than the threshold, or withheld.
HIDDEN = r"<[0-9]+|withheld"
HIDDEN_PATTERN = rf"^({HIDDEN})$"
HOURS_PATTERN = rf"^([0-9]+\.[0-9]|{HIDDEN})$"
PEOPLE_SHARE_PATTERN = rf"^([0-9]\.[0-9]{{4}}|{HIDDEN})$"
MAX_YEAR = 9999

api = NinjaAPI(
    title="Wijkgeld national open data",
    version=__version__,
    urls_namespace="national_api",
    docs_url=None,
    openapi_url=None,
)


class Error(Schema):
    error: str


@api.exception_handler(ValidationError)
def bad_parameters(request, exc: ValidationError):
    fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors})
    return api.create_response(request, {"error": "invalid parameter: " + ", ".join(fields)}, status=400)


def _field(column: Column) -> tuple[Any, Any]:
    with translation.override("en"):
        description = str(column.description)
    if column.kind == MONEY:
        return str, Field(..., description=description, pattern=AMOUNT_PATTERN)
    if column.kind == SHARE:
        return str | None, Field(..., description=description, pattern=SHARE_PATTERN)
    if column.kind in (COUNT, INTEGER):
        return int, Field(..., description=description)
    if column.kind == PEOPLE_COUNT:
        hidden = Annotated[str, StringConstraints(pattern=HIDDEN_PATTERN)]
        return Annotated[int, Field(ge=0)] | hidden, Field(..., description=description)
    if column.kind == PEOPLE_HOURS:
        return str, Field(..., description=description, pattern=HOURS_PATTERN)
    if column.kind == PEOPLE_SHARE:
        return str | None, Field(..., description=description, pattern=PEOPLE_SHARE_PATTERN)
    assert column.kind == TEXT
    return str, Field(..., description=description)


def _model(name: str, columns: list[Column]):
    return create_model(name, __base__=Schema, **{c.key: _field(c) for c in columns})


FinanceRow = _model("FinanceRow", DATASETS["finance"].columns)
ProcessRow = _model("ProcessRow", DATASETS["process"].columns)
PostingRow = _model("PostingRow", DATASETS["postings"].columns)
_FIGURE_COLUMNS = DATASETS["finance"].columns[5:] + DATASETS["process"].columns[3:]
NationalFigures = _model("NationalFigures", _FIGURE_COLUMNS)


class AreaFigures(NationalFigures):
    area: str = Field(..., description="Stable identifier of the area (slug).")
    cbs_code: str = Field(..., description="CBS municipality code.", pattern=r"^GM[0-9]{4}$")
    municipality: str


class MunicipalityFigures(NationalFigures):
    cbs_code: str = Field(..., pattern=r"^GM[0-9]{4}$")
    municipality: str


class NationalSummary(Schema):
    year: int
    theme: str | None = Field(..., description="Theme code, or null for all themes.")
    currency: str = Field("EUR", description="Amounts are euros with two decimals.")
    version: str = Field(..., description="Data version; changes with every new posting.")
    areas: list[AreaFigures]
    municipalities: list[MunicipalityFigures]
    totals: NationalFigures


def _page_model(name: str, row):
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(..., description="Rows matching the filters.")),
        page=(int, ...),
        page_size=(int, ...),
        next_page=(int | None, Field(..., description="The next page number, or null on the last page.")),
        results=(list[row], ...),
    )


FinancePage = _page_model("FinancePage", FinanceRow)
ProcessPage = _page_model("ProcessPage", ProcessRow)


class PostingPage(Schema):
    next_after: int | None = Field(
        ..., description="Pass as `after` for the next page; null on the last page."
    )
    results: list[PostingRow]  # type: ignore[valid-type]


class Filters(Schema):
    area: str | None = Field(None, description="Area slug, e.g. rotterdam-zuid.", max_length=120)
    year: int | None = Field(None, ge=1, le=MAX_YEAR)
    theme: str | None = Field(None, description="Theme code, e.g. school_en_omgeving.", max_length=64)


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(100, ge=1, le=500)


def _figures(column_values: dict, figures) -> dict:
    return {**column_values, **{c.key: c.machine(figures) for c in _FIGURE_COLUMNS}}


def _area_or_404(slug: str | None):
    if slug is None:
        return None, None
    area = AreaRecord.objects.filter(slug=slug).first()
    return area, None if area else Status(404, {"error": "area not found"})


def _theme_or_404(code: str | None):
    if code is None:
        return None, None
    theme = Theme.objects.filter(code=code).order_by("-tranche__number").first()
    return theme, None if theme else Status(404, {"error": "theme not found"})


@api.get(
    "/national/{year}/",
    response={200: NationalSummary, 400: Error, 404: Error},
    operation_id="nationalSummary",
    summary="All areas side by side for a year (and optionally one theme), with municipalities and totals",
    tags=["national"],
)
@decorate_view(conditional)
def national_summary(request, year: int, theme: str | None = None):
    if year not in known_years():
        return Status(404, {"error": "year not covered by any tranche"})
    chosen, error = _theme_or_404(theme)
    if error:
        return error
    data = national_overview(year=year, theme=chosen, version=request_version(request))
    return {
        "year": year,
        "theme": chosen.code if chosen else None,
        "currency": "EUR",
        "version": request_version(request),
        "areas": [
            _figures({"area": r.key, "cbs_code": r.cbs_code, "municipality": r.municipality}, r.figures)
            for r in data.areas
        ],
        "municipalities": [
            _figures({"cbs_code": r.cbs_code, "municipality": r.name}, r.figures) for r in data.municipalities
        ],
        "totals": _figures({}, data.totals),
    }


def _paged(rows: list[dict], paging: Paging) -> dict:
    start = (paging.page - 1) * paging.page_size
    end = start + paging.page_size
    return {
        "count": len(rows),
        "page": paging.page,
        "page_size": paging.page_size,
        "next_page": paging.page + 1 if end < len(rows) else None,
        "results": rows[start:end],
    }


def _filtered(dataset: str, filters: Filters) -> list[dict] | Status:
    area, error = _area_or_404(filters.area)
    if error:
        return error
    rows = DATASETS[dataset].rows(area)
    return [
        r
        for r in rows
        if (filters.year is None or r["year"] == filters.year)
        and (filters.theme is None or r.get("theme", filters.theme) == filters.theme)
    ]


@api.get(
    "/finance/",
    response={200: FinancePage, 400: Error, 404: Error},
    operation_id="financeRows",
    summary="Money per area, year and theme (paginated; filter by area, year, theme)",
    tags=["national"],
)
@decorate_view(conditional)
def finance(request, filters: Query[Filters], paging: Query[Paging]):
    rows = _filtered("finance", filters)
    return rows if isinstance(rows, Status) else _paged(rows, paging)


@api.get(
    "/process/",
    response={200: ProcessPage, 400: Error, 404: Error},
    operation_id="processRows",
    summary="Bewonersfonds and alliance figures per area and year (paginated; filter by area, year)",
    tags=["national"],
)
@decorate_view(conditional)
def process(request, filters: Query[Filters], paging: Query[Paging]):
    rows = _filtered("process", filters)
    return rows if isinstance(rows, Status) else _paged(rows, paging)


@api.get(
    "/postings/",
    response={200: PostingPage, 400: Error, 404: Error},
    operation_id="postings",
    summary="Ledger postings in id order, without descriptions or recipients (keyset pagination)",
    tags=["national"],
)
@decorate_view(conditional)
def postings(
    request,
    filters: Query[Filters],
    after: int = Query(0, ge=0, le=2**62, description="Only postings with a higher number."),
    limit: int = Query(500, ge=1, le=5000),
):
    area, error = _area_or_404(filters.area)
    if error:
        return error
    theme, error = _theme_or_404(filters.theme)
    if error:
        return error
    rows = list(posting_rows(area, year=filters.year, theme=theme, after=after, limit=limit))
    return {"next_after": rows[-1]["posting"] if len(rows) == limit else None, "results": rows}


class Area(Schema):
    """The same fields as the hand-written endpoint this replaced (URLs and fields unchanged)."""

    slug: str = Field(..., examples=["rotterdam-zuid"])
    name: str = Field(..., examples=["Rotterdam-Zuid"])
    municipality: str = Field(..., examples=["Rotterdam"])
    cbs_code: str = Field(..., pattern=r"^GM[0-9]{4}$", examples=["GM0599"])
    cbs_reference_year: int = Field(..., examples=[2024])


@api.get(
    "/areas/",
    response=list[Area],
    operation_id="listAreas",
    summary="All NPLV areas",
    description="The areas, ordered by name.",
    tags=["areas"],
)
@decorate_view(conditional)
def areas(request):
    return list(AreaRecord.objects.order_by("name").values(*Area.model_fields))


def ninja_openapi() -> dict:
    return api.get_openapi_schema(path_prefix="/api/v1/")
