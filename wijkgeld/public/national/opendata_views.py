"""Open data: the downloads page, bulk CSV and JSON (streamed), the data dictionary and DCAT-AP-NL metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wijkgeld.areas.models import Area
from wijkgeld.core.csv_export import csv_writer
from wijkgeld.public.national.datasets import DATASETS, Dataset
from wijkgeld.public.national.dcat import LICENCE, catalog
from wijkgeld.public.national.freshness import conditional, request_version

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class _Echo:
    """csv.writer writes into this and gets the line back, so that rows stream one by one."""

    def write(self, value: str) -> str:
        return value


def _csv(dataset: Dataset, area: Area | None) -> Iterator[str]:
    writer = csv_writer(_Echo())
    keys = [c.key for c in dataset.columns]
    yield writer.writerow(keys)
    for row in dataset.rows(area):
        yield writer.writerow(["" if row[k] is None else row[k] for k in keys])


def _json(request, dataset: Dataset, area: Area | None) -> Iterator[str]:
    head = {
        "dataset": dataset.slug,
        "area": area.slug if area else None,
        "license": LICENCE,
        "dictionary": request.build_absolute_uri(reverse("public:dictionary")),
        "version": request_version(request),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    separator = ""
    for row in dataset.rows(area):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "]}\n"


@require_GET
@conditional
def download(request, dataset: str, fmt: str, slug: str | None = None):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404("no such download")
    area = get_object_or_404(Area, slug=slug) if slug else None
    data = DATASETS[dataset]
    chunks = _csv(data, area) if fmt == "csv" else _json(request, data, area)
    response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    name = f"wijkgeld-{dataset}" + (f"-{area.slug}" if area else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@conditional
def open_data(request):
    return render(
        request,
        "public/national/open_data.html",
        {"datasets": DATASETS.values(), "areas": Area.objects.order_by("name"), "licence": LICENCE},
    )


@require_GET
@conditional
def dictionary(request):
    return render(request, "public/national/dictionary.html", {"datasets": DATASETS.values()})


@require_GET
@conditional
def dictionary_json(request):
    return JsonResponse(
        {
            "license": LICENCE,
            "datasets": [
                {
                    "dataset": d.slug,
                    "title": str(d.title),
                    "description": str(d.description),
                    "columns": [
                        {
                            "name": c.key,
                            "title": str(c.label),
                            "description": str(c.description),
                            "unit": str(c.unit),
                            "type": c.type,
                        }
                        for c in d.columns
                    ],
                }
                for d in DATASETS.values()
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@conditional
def dcat(request):
    response = JsonResponse(catalog(request), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json"
    return response
