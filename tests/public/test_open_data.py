"""Open data: no personal data in any public download, streaming bulk files, dictionary, DCAT, OpenAPI."""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.urls import reverse
from openapi_spec_validator import validate

from wijkgeld.accounts.models import User
from wijkgeld.alliance.models import Representative
from wijkgeld.areas.models import Area
from wijkgeld.fund.models import Proposal
from wijkgeld.money.models import Commitment, Posting, SupportRequest
from wijkgeld.public.national.datasets import DATASETS


@pytest.fixture
def demo(db):
    call_command("demo", "--quiet", verbosity=0)


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode()


def _personal_strings() -> set[str]:
    found: set[str] = set()
    for user in User.objects.all():
        found.update({user.email, user.get_full_name()})
    for p in Proposal.objects.all():
        found.update({p.contact_name, p.contact_email, p.contact_phone})
    found.update(Representative.objects.values_list("name", flat=True))
    found.update(
        Commitment.objects.filter(recipient_is_resident=True).values_list("recipient_name", flat=True)
    )
    found.update(
        SupportRequest.objects.filter(supplier_is_resident=True).values_list("supplier_name", flat=True)
    )
    # Descriptions of ledger entries may name a person, so none is published.
    found.update(Commitment.objects.values_list("description", flat=True))
    return {s for s in found if s and len(s) >= 4}


def _public_urls() -> list[str]:
    urls = [reverse("public:open_data"), reverse("public:dictionary"), reverse("public:dictionary_json")]
    urls += [reverse("public:dcat"), reverse("public:national"), "/api/v1/national/2026/"]
    urls += [
        "/api/v1/finance/?page_size=500",
        "/api/v1/process/?page_size=500",
        "/api/v1/postings/?limit=5000",
    ]
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            urls.append(reverse("public:download", kwargs={"dataset": dataset, "fmt": fmt}))
            for slug in ("rotterdam-zuid", "utrecht-overvecht"):
                urls.append(
                    reverse("public:download_area", kwargs={"slug": slug, "dataset": dataset, "fmt": fmt})
                )
    return urls


def test_no_personal_data_in_any_public_download(demo, client):
    personal = _personal_strings()
    # Usernames are often plain words ("bewoner"): look for them in the data files, where no prose is.
    usernames = set(User.objects.values_list("username", flat=True))
    assert len(personal) > 20 and "afgevaardigde" in usernames  # the check has something to find
    for url in _public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        body = _body(response)
        is_data = not response["Content-Type"].startswith("text/html")
        words = set(re.findall(r"[\w.@+-]+", body))
        leaked = sorted(s for s in personal if s in body) + sorted(words & usernames if is_data else set())
        assert not leaked, (url, leaked[:5])


def test_the_postings_file_streams_every_posting(demo, client):
    response = client.get(reverse("public:download", kwargs={"dataset": "postings", "fmt": "csv"}))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert len(rows) == Posting.objects.count()
    assert set(rows[0]) == {c.key for c in DATASETS["postings"].columns}
    assert sum(int(r["amount"].replace(".", "")) for r in rows) == 0  # double entry: postings sum to zero
    zuid = client.get(
        reverse(
            "public:download_area", kwargs={"slug": "rotterdam-zuid", "dataset": "postings", "fmt": "json"}
        )
    )
    data = json.loads(_body(zuid))
    assert data["license"].startswith("http://creativecommons.org/publicdomain/zero/1.0")
    assert {r["area"] for r in data["rows"]} == {"rotterdam-zuid"}
    assert len(data["rows"]) == Posting.objects.filter(area__slug="rotterdam-zuid").count()


def test_finance_download_adds_up_to_the_national_page(demo, client):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/open-data/finance.csv")))))
    assert {r["area"] for r in rows} == set(Area.objects.values_list("slug", flat=True))
    cents = sum(int(r["granted"].replace(".", "")) for r in rows if r["year"] == "2026")
    totals = client.get("/api/v1/national/2026/").json()["totals"]
    assert cents == int(totals["granted"].replace(".", ""))


def test_every_column_is_in_the_dictionary(db, client):
    html = client.get(reverse("public:dictionary")).content.decode()
    data = client.get(reverse("public:dictionary_json")).json()
    described = {
        (d["dataset"], c["name"])
        for d in data["datasets"]
        for c in d["columns"]
        if c["description"] and c["unit"] and c["type"]
    }
    for dataset in DATASETS.values():
        for column in dataset.columns:
            assert (dataset.slug, column.key) in described
            assert f"<code>{column.key}</code>" in html


def test_dcat_catalogue_describes_every_dataset_with_distributions(db, client):
    from wijkgeld.areas.demo import load_nplv_areas

    load_nplv_areas()
    response = client.get(reverse("public:dcat"))
    assert response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog" and "dcat" in catalogue["@context"]
    assert len(catalogue["dcat:dataset"]) == len(DATASETS)
    for dataset in catalogue["dcat:dataset"]:
        for key in (
            "dct:identifier",
            "dct:title",
            "dct:description",
            "dct:license",
            "dct:publisher",
            "dcat:contactPoint",
            "dcat:theme",
            "dct:modified",
        ):
            assert dataset[key], key
        assert len(dataset["dcat:distribution"]) == 2 * 21  # CSV and JSON, nationally and per area
        first = dataset["dcat:distribution"][0]
        assert first["dcat:downloadURL"].startswith("http") and first["dcat:mediaType"] in (
            "text/csv",
            "application/json",
        )


def test_unknown_dataset_format_or_area_is_404(db, client):
    assert client.get("/open-data/secrets.csv").status_code == 404
    assert client.get("/open-data/finance.xml").status_code == 404
    assert client.get("/open-data/gebieden/nergens/finance.csv").status_code == 404


def test_downloads_refuse_post(db, client):
    assert client.post("/open-data/finance.csv").status_code in (403, 405)


def test_the_whole_openapi_document_is_valid_and_lists_the_national_endpoints(db, client):
    doc = client.get("/api/v1/openapi.json").json()
    validate(doc)
    for path in (
        "/api/v1/national/{year}/",
        "/api/v1/finance/",
        "/api/v1/process/",
        "/api/v1/postings/",
        "/api/v1/areas/",
    ):
        assert path in doc["paths"], path
    for path, item in doc["paths"].items():
        for operation in item.values():
            assert "200" in operation["responses"], path
            assert operation["responses"]["200"]["content"]["application/json"]["schema"], path
    finance = doc["components"]["schemas"]["FinanceRow"]
    assert {"area", "cbs_code", "year", "theme", "resident_led_share"} <= set(finance["required"])


def test_api_filters_and_pages(demo, client):
    page = client.get("/api/v1/finance/?area=rotterdam-zuid&year=2026&page_size=2").json()
    assert page["count"] == 7 and page["next_page"] == 2 and len(page["results"]) == 2
    assert {r["area"] for r in page["results"]} == {"rotterdam-zuid"}
    assert client.get("/api/v1/finance/?area=nergens").status_code == 404
    assert client.get("/api/v1/finance/?year=twee").json() == {"error": "invalid parameter: year"}
    first = client.get("/api/v1/postings/?limit=3").json()
    second = client.get(f"/api/v1/postings/?limit=3&after={first['next_after']}").json()
    assert second["results"][0]["posting"] > first["results"][-1]["posting"]
    assert client.get("/api/v1/national/2026/?theme=onbekend").status_code == 404
