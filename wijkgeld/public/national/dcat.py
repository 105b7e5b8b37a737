"""DCAT-AP-NL metadata (JSON-LD) so that catalogues like data.overheid.nl can harvest the open data.

One dcat:Catalog; per dataset one dcat:Dataset with a distribution per format, nationally and per area.
Titles and descriptions in Dutch and English; licence CC0 1.0; themes and languages from the DONL and EU
vocabularies that DCAT-AP-NL prescribes.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from wijkgeld.areas.models import Area
from wijkgeld.public.national.datasets import DATASETS
from wijkgeld.public.national.freshness import last_modified_for

LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
ENGLISH = "http://publications.europa.eu/resource/authority/language/ENG"
THEME = "http://standaarden.overheid.nl/owms/terms/Overheidsfinancien"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
STATUS = "http://data.overheid.nl/status/beschikbaar"
MEDIA = {"csv": "text/csv", "json": "application/json"}
FORMAT = {
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcat:accessURL": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dct:license": {"@type": "@id"},
    "dct:language": {"@type": "@id"},
    "dcat:theme": {"@type": "@id"},
    "dct:conformsTo": {"@type": "@id"},
    "dct:accessRights": {"@type": "@id"},
    "dct:format": {"@type": "@id"},
    "adms:status": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
}


def _both(text) -> list[dict[str, str]]:
    result = []
    for code in ("nl", "en"):
        with translation.override(code):
            result.append({"@language": code, "@value": str(text)})
    return result


def catalog(request) -> dict[str, Any]:
    def url(name: str, **kwargs) -> str:
        return request.build_absolute_uri(reverse(name, kwargs=kwargs or None))

    home = request.build_absolute_uri("/")
    changed = last_modified_for(request) or timezone.now()
    publisher = {"@type": "foaf:Agent", "foaf:name": "Wijkgeld", "foaf:homepage": home}
    contact = {"@type": "vcard:Organization", "vcard:fn": "Wijkgeld", "vcard:hasURL": url("public:open_data")}
    areas = list(Area.objects.order_by("name"))
    datasets = []
    for data in DATASETS.values():
        distributions = []
        for area in [None, *areas]:
            for fmt in ("csv", "json"):
                kwargs = {"dataset": data.slug, "fmt": fmt}
                link = (
                    url("public:download_area", slug=area.slug, **kwargs)
                    if area
                    else url("public:download", **kwargs)
                )
                title = f"{data.slug} {area.name if area else 'NL'} ({fmt.upper()})"
                distributions.append(
                    {
                        "@id": link,
                        "@type": "dcat:Distribution",
                        "dct:identifier": link,
                        "dct:title": title,
                        "dcat:accessURL": link,
                        "dcat:downloadURL": link,
                        "dcat:mediaType": MEDIA[fmt],
                        "dct:format": FORMAT[fmt],
                        "dct:license": LICENCE,
                        "dct:language": DUTCH,
                        "dct:conformsTo": url("public:dictionary"),
                        "adms:status": STATUS,
                        **({"dct:spatial": f"{area.cbs_code} ({area.slug})"} if area else {}),
                    }
                )
        dataset_id = f"{url('public:open_data')}#{data.slug}"
        datasets.append(
            {
                "@id": dataset_id,
                "@type": "dcat:Dataset",
                "dct:identifier": dataset_id,
                "dct:title": _both(data.title),
                "dct:description": _both(data.description),
                "dct:language": [DUTCH, ENGLISH],
                "dct:license": LICENCE,
                "dct:accessRights": PUBLIC,
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dcat:theme": THEME,
                "dcat:keyword": ["NPLV", "leefbaarheid", "veiligheid", "bewonersfonds", "wijkgeld"],
                "dct:modified": {"@type": "xsd:dateTime", "@value": changed.isoformat()},
                "dcat:landingPage": url("public:open_data"),
                "adms:status": STATUS,
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": CONTEXT,
        "@id": url("public:dcat"),
        "@type": "dcat:Catalog",
        "dct:title": _both("Wijkgeld open data"),
        "dct:description": _both("Public figures of the NPLV areas: money, bewonersfonds and alliance."),
        "dct:publisher": publisher,
        "dct:license": LICENCE,
        "dct:language": [DUTCH, ENGLISH],
        "foaf:homepage": home,
        "dcat:dataset": datasets,
    }
