"""The public register of commitments and awards (Woo): page, CSV and API agree; no private person named."""

from __future__ import annotations

import csv
import io

import pytest

from wijkgeld.money import services
from wijkgeld.money.models import NonLocalReason

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(staff, line, local_org, outside_org):
    services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=40_000,
        description="Buurtfeest",
        recipient_name="Jan Jansen",  # a private person: never named in public
        recipient_is_resident=True,
    )
    services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=120_000,
        description="Onderzoek",
        recipient_organisation=outside_org,
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Niemand in de wijk doet dit onderzoek.",
    )
    services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=75_000,
        description="Kookles",
        recipient_name="Piet Freelancer",
        non_local_reason=NonLocalReason.OTHER,
        non_local_explanation="Een kok van buiten de wijk.",
    )
    return line


def test_page_csv_and_api_list_every_commitment_without_private_names(client, booked, area):
    page = client.get(f"/gebieden/{area.slug}/geld/register/")
    assert page.status_code == 200
    html = page.content.decode()
    api = client.get(f"/api/v1/areas/{area.slug}/commitments/").json()
    text = client.get(f"/gebieden/{area.slug}/geld/register.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    for body in (html, str(api), text):
        assert "Jan Jansen" not in body and "Piet Freelancer" not in body
        assert "Adviesbureau Elders" in body
    assert len(api["commitments"]) == len(rows) == 3
    by_purpose = {r["purpose"]: r for r in api["commitments"]}
    assert by_purpose["Onderzoek"]["tier"] == "outside" and by_purpose["Onderzoek"]["amount"] == "1200.00"
    assert by_purpose["Onderzoek"]["reason"] == "no_local_expertise"
    assert by_purpose["Buurtfeest"]["tier"] == "resident_led" and by_purpose["Buurtfeest"]["reason"] == ""
    assert {r["tier"] for r in rows} == {"resident_led", "outside"}
    assert "Niemand in de wijk doet dit onderzoek." in html


def test_register_filters_by_year_and_unknown_area_is_404(client, booked, area):
    assert client.get(f"/api/v1/areas/{area.slug}/commitments/?year=2027").json()["commitments"] == []
    assert len(client.get(f"/api/v1/areas/{area.slug}/commitments/?year=2026").json()["commitments"]) == 3
    assert client.get("/api/v1/areas/nergens/commitments/").status_code == 404
    assert client.get("/gebieden/nergens/geld/register/").status_code == 404
    assert client.get(f"/gebieden/{area.slug}/geld/register/?page=abc&year=x").status_code == 200


def test_openapi_documents_the_register(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/areas/{slug}/commitments/" in doc["paths"]
    row = doc["components"]["schemas"]["CommitmentRegisterRow"]
    assert {"recipient", "purpose", "amount", "theme", "tier", "date", "reason"} <= set(row["required"])
