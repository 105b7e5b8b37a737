"""Open data and exports agree with the ledger to the cent."""

from __future__ import annotations

import csv
import io

import pytest

from wijkgeld.money import services
from wijkgeld.money.models import NonLocalReason


@pytest.fixture
def booked(line, staff, finance, commitment, outside_org):
    services.payment_create(actor=finance, commitment=commitment, amount_cents=500_000, description="F1")
    other = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=1_000_000,
        description="Advies",
        recipient_organisation=outside_org,
        non_local_reason=NonLocalReason.LEGALLY_REQUIRED,
        non_local_explanation="Wettelijk verplichte partij.",
    )
    services.payment_create(actor=finance, commitment=other, amount_cents=250_000, description="F2")
    services.commitment_release(actor=finance, commitment=other, reason="Minder nodig")
    return line


@pytest.mark.django_db
def test_api_figures(client, booked, area):
    data = client.get(f"/api/v1/areas/{area.slug}/finance/2026/").json()
    assert data["area"] == area.slug and data["year"] == 2026
    theme = next(t for t in data["themes"] if t["code"] == "maatschappelijke_samenhang")
    # granted 100,000; committed 20,000 local + 2,500 (paid, rest released) non-local
    assert theme["granted"] == "100000.00"
    assert theme["committed"] == "22500.00"
    assert theme["paid"] == "7500.00"
    assert theme["available"] == "77500.00"
    assert theme["local_committed"] == "20000.00"
    assert theme["local_share"] == "0.8889"
    assert theme["resident_led_committed"] == "20000.00" and theme["resident_led_share"] == "0.8889"
    assert theme["other_local_committed"] == "0.00" and theme["outside_committed"] == "2500.00"
    assert theme["outside_share"] == "0.1111"
    assert data["totals"]["granted"] == "100000.00"
    empty = next(t for t in data["themes"] if t["code"] == "financiele_educatie")
    assert empty["local_share"] is None and empty["committed"] == "0.00"
    assert len(data["themes"]) == 7


@pytest.mark.django_db
def test_api_errors(client, area):
    assert client.get("/api/v1/areas/nergens/finance/2026/").status_code == 404
    assert client.get(f"/api/v1/areas/{area.slug}/finance/1990/").json() == {
        "error": "year not covered by any tranche"
    }
    assert client.post(f"/api/v1/areas/{area.slug}/finance/2026/").status_code == 405


@pytest.mark.django_db
def test_openapi_documents_the_finance_endpoint(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/areas/{slug}/finance/{year}/" in doc["paths"]
    required = doc["components"]["schemas"]["FinanceFigures"]["required"]
    assert {"granted", "committed", "paid", "available", "local_committed", "local_share"} <= set(required)
    assert {"resident_led_share", "other_local_share", "outside_share", "resident_led_committed"} <= set(
        required
    )


@pytest.mark.django_db
def test_overview_page_shows_the_same_numbers(client, booked, area):
    html = client.get(f"/gebieden/{area.slug}/geld/2026/").content.decode()
    for amount in ["€\xa0100.000,00", "€\xa022.500,00", "€\xa07.500,00", "€\xa077.500,00", "88,9%"]:
        assert amount in html
    assert 'class="finance-chart finance-bars"' in html and "<table" in html and 'class="money-cards"' in html


@pytest.mark.django_db
def test_accountability_export(client, booked, area):
    response = client.get(f"/gebieden/{area.slug}/geld/verantwoording.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows == [
        {
            "area": area.slug,
            "cbs_code": "GM0599",
            "year": "2026",
            "tranche": "2",
            "theme_code": "maatschappelijke_samenhang",
            "theme": "Maatschappelijke samenhang",
            "article": "7a",
            "granted": "100000.00",
            "carried": "0.00",
            "committed": "22500.00",
            "paid": "7500.00",
            "available": "77500.00",
            "resident_led_committed": "20000.00",
            "other_local_committed": "0.00",
            "outside_committed": "2500.00",
            "resident_led_share": "0.8889",
            "other_local_share": "0.0000",
            "outside_share": "0.1111",
            "resident_led_paid": "5000.00",
            "other_local_paid": "0.00",
            "local_committed": "20000.00",
            "local_paid": "5000.00",
            "local_share": "0.8889",
        }
    ]


@pytest.mark.django_db
def test_carry_over_shows_in_both_years(client, booked, finance, area, theme):
    services.carry_over_create(
        actor=finance,
        area=area,
        theme=theme,
        from_year=2026,
        to_year=2027,
        amount_cents=1_000_000,
        reason="Over",
    )
    y26 = client.get(f"/api/v1/areas/{area.slug}/finance/2026/").json()["totals"]
    y27 = client.get(f"/api/v1/areas/{area.slug}/finance/2027/").json()["totals"]
    assert y26["carried"] == "-10000.00" and y26["available"] == "67500.00"
    assert y27["carried"] == "10000.00" and y27["available"] == "10000.00" and y27["granted"] == "0.00"
