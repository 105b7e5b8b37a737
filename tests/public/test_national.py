"""The national overview: figures that add up, a ledger change that shows at once, sortable tables."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wijkgeld.alliance.queries import late_documents
from wijkgeld.areas.models import Area
from wijkgeld.core.money import share
from wijkgeld.fund.models import Round
from wijkgeld.money import services
from wijkgeld.money.models import Theme
from wijkgeld.money.reports import finance_overview
from wijkgeld.public.national.columns import FIGURE_COLUMNS, SHARE
from wijkgeld.public.national.figures import INTEGER_FIELDS, Figures
from wijkgeld.public.national.overview import national_overview
from wijkgeld.voting.services import turnout

YEAR = 2026


@pytest.fixture
def demo(db):
    call_command("demo", "--quiet", verbosity=0)


def test_the_national_figures_are_the_sum_of_the_area_figures_for_every_column(demo):
    data = national_overview(year=YEAR)
    assert len(data.areas) == 20
    assert all(row.figures.granted > 0 for row in data.areas), "the demo gives every area money"
    for name in INTEGER_FIELDS:
        column_sum = sum(getattr(row.figures, name) for row in data.areas)
        assert getattr(data.totals, name) == column_sum, name
        assert sum(getattr(r.figures, name) for r in data.municipalities) == column_sum, name
    for column in FIGURE_COLUMNS:
        if column.kind == SHARE:  # a share of the sums, never a sum of shares
            assert column.raw(data.totals) == column.raw(Figures.total(r.figures for r in data.areas))
        else:
            assert column.raw(data.totals) == sum(column.raw(r.figures) for r in data.areas), column.key
    for name in ("granted", "committed", "paid", "available", "local_committed", "residents_control"):
        assert sum(getattr(r.figures, name) for r in data.themes) == getattr(data.totals, name), name
    assert (
        data.totals.ballots_cast > 0 and data.totals.meetings_held > 0 and data.totals.residents_control > 0
    )


def test_each_area_row_equals_the_area_s_own_pages(demo):
    now = timezone.now()
    data = national_overview(year=YEAR, now=now)
    for row in data.areas:
        own = finance_overview(area=row.area, year=YEAR).totals
        for name in ("granted", "committed", "paid", "available", "local_committed", "local_paid"):
            assert getattr(row.figures, name) == getattr(own, name), (row.key, name)
        assert row.figures.resident_led_share == own.local_share
        rounds = Round.objects.filter(fund__area=row.area, year=YEAR).exclude(phase=Round.Phase.PREPARATION)
        assert row.figures.ballots_cast == sum(turnout(round=r).counted for r in rounds)
        assert row.figures.voting_codes == sum(turnout(round=r).codes_valid for r in rounds)
        meetings = (
            row.area.alliance.meetings.filter(starts_at__year=YEAR) if hasattr(row.area, "alliance") else []
        )
        late = sum(len(late_documents(m, now=now).late) for m in meetings if not m.cancelled)
        assert row.figures.documents_late == late, row.key


def test_a_theme_filter_gives_that_theme_s_money(demo):
    theme = Theme.objects.get(code="school_en_omgeving", tranche__number=2)
    data = national_overview(year=YEAR, theme=theme)
    zuid = next(r for r in data.areas if r.key == "rotterdam-zuid")
    own = next(r for r in finance_overview(area=zuid.area, year=YEAR).rows if r.theme == theme).figures
    assert (zuid.figures.granted, zuid.figures.committed) == (own.granted, own.committed)
    assert data.themes == []


def test_a_posting_changes_the_figures_and_the_etag_at_once(demo, client):
    url = reverse("public:national") + f"?year={YEAR}"
    api = f"/api/v1/national/{YEAR}/"
    first = client.get(url)
    etag = first["ETag"]
    assert first["Last-Modified"] and "no-cache" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    before = client.get(api).json()["totals"]["granted"]
    area = Area.objects.get(slug="amsterdam-zuidoost")
    theme = Theme.objects.get(code="integraal", tranche__number=2)
    services.grant_create(
        actor=None, area=area, year=YEAR, theme=theme, funding_ministry="VRO", amount_cents=123_45
    )
    second = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag
    after = client.get(api).json()["totals"]["granted"]
    from decimal import Decimal

    assert Decimal(after) - Decimal(before) == Decimal("123.45")
    download = "/open-data/finance.csv"
    old = client.get(download)["ETag"]
    services.grant_create(
        actor=None, area=area, year=YEAR, theme=theme, funding_ministry="VRO", amount_cents=100
    )
    assert client.get(download, HTTP_IF_NONE_MATCH=old).status_code == 200


def test_the_page_shows_all_areas_sorted_on_request(demo, client):
    html = client.get(reverse("public:national") + "?year=2026&sort=granted&order=desc").content.decode()
    assert 'aria-sort="descending"' in html
    table = html[html.index('id="money-table-caption"') :]
    positions = [table.index(a.name) for a in Area.objects.all()]
    assert len(positions) == 20
    data = national_overview(year=YEAR)
    richest = max(data.areas, key=lambda r: r.figures.granted).name
    poorest = min(data.areas, key=lambda r: r.figures.granted).name
    assert table.index(richest) < table.index(poorest)
    assert "<svg" in html and 'role="img"' in html
    assert "Amsterdam" in html  # the municipality roll-up


def test_compare_two_years_and_bad_input(demo, client):
    html = client.get(reverse("public:national") + "?year=2027&compare=2026").content.decode()
    assert 'id="compare"' in html
    response = client.get(reverse("public:national") + "?year=abc&theme=nope&sort=drop%20table")
    assert response.status_code == 200
    assert 'id="compare"' not in response.content.decode()


def test_the_observer_sees_the_same_figures(demo, client, login_as):
    anonymous = client.get(f"/api/v1/national/{YEAR}/").json()
    login_as("observer", None)
    assert client.get(f"/api/v1/national/{YEAR}/").json()["totals"] == anonymous["totals"]
    assert client.get(reverse("public:national")).status_code == 200


def test_home_links_to_the_national_page_and_open_data(db, client):
    html = client.get("/").content.decode()
    assert reverse("public:national") in html and reverse("public:open_data") in html


def test_english(demo, client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("public:national")).content.decode()
    assert "All 20 areas together" in html and "Resident-led share" in html


@pytest.mark.parametrize("when", [dt.date(2026, 6, 1)])
def test_the_day_is_part_of_the_version(db, when):
    from wijkgeld.public.national.freshness import data_version

    assert data_version(today=when) != data_version(today=when + dt.timedelta(days=1))


def test_share_helper_is_used_for_totals():
    f = Figures(local_committed=1, committed=3)
    assert f.resident_led_share == share(1, 3)


def test_home_area_page_and_api_send_validators(db, client):
    from wijkgeld.areas.demo import load_nplv_areas

    load_nplv_areas()
    for url in ("/", "/gebieden/rotterdam-zuid/", "/api/v1/areas/", "/api/v1/openapi.json"):
        response = client.get(url)
        assert response["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
