"""The national overview: figures that add up, a ledger change that shows at once, sortable tables."""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from wijkgeld.alliance.queries import late_documents
from wijkgeld.areas.models import Area
from wijkgeld.core.money import share
from wijkgeld.fund.models import Round
from wijkgeld.money import services
from wijkgeld.money.models import Theme
from wijkgeld.money.reports import finance_overview
from wijkgeld.people.stats import builder_figures, placement_figures
from wijkgeld.public.national.columns import FIGURE_COLUMNS, PEOPLE_SHARE, SHARE
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
        if column.kind in (SHARE, PEOPLE_SHARE):  # a share of the sums, never a sum of shares
            assert column.raw(data.totals) == column.raw(Figures.total(r.figures for r in data.areas))
        elif column.about_people:
            # Underneath, the total is the sum (checked above); where it is public, it is that sum.
            exact = getattr(data.totals, column.key)
            assert exact == sum(getattr(r.figures, column.key) for r in data.areas), column.key
            assert column.raw(data.totals) in (None, exact), column.key
            if all(column.raw(r.figures) is not None for r in data.areas):
                assert column.raw(data.totals) == sum(column.raw(r.figures) for r in data.areas), column.key
        else:
            assert column.raw(data.totals) == sum(column.raw(r.figures) for r in data.areas), column.key
    for name in (
        "granted",
        "committed",
        "paid",
        "available",
        "local_committed",
        "resident_led_committed",
        "other_local_committed",
        "outside_committed",
        "residents_control",
    ):
        assert sum(getattr(r.figures, name) for r in data.themes) == getattr(data.totals, name), name
    assert (
        data.totals.ballots_cast > 0 and data.totals.meetings_held > 0 and data.totals.residents_control > 0
    )
    assert data.totals.resident_led_committed and data.totals.other_local_committed
    assert data.totals.outside_committed and data.totals.placements and data.totals.builders
    tiers = (
        data.totals.resident_led_committed + data.totals.other_local_committed + data.totals.outside_committed
    )
    assert tiers == data.totals.committed  # the three tiers are the whole


def test_each_area_row_equals_the_area_s_own_pages(demo):
    now = timezone.now()
    data = national_overview(year=YEAR, now=now)
    for row in data.areas:
        own = finance_overview(area=row.area, year=YEAR).totals
        for name in (
            "granted",
            "committed",
            "paid",
            "available",
            "local_committed",
            "local_paid",
            "resident_led_committed",
            "other_local_committed",
            "outside_committed",
            "resident_led_share",
            "other_local_share",
            "outside_share",
        ):
            assert getattr(row.figures, name) == getattr(own, name), (row.key, name)
        placements = placement_figures(area=row.area, year=YEAR)
        builders = builder_figures(area=row.area, year=YEAR)
        assert row.figures.public("placements") == placements.placements.public, row.key
        assert row.figures.public("hours") == placements.hours, row.key
        assert row.figures.milestones == sum(count.value for _c, _l, count in placements.milestones)
        assert row.figures.public("builders") == builders.builders.public, row.key
        assert row.figures.public("share_from_neighbourhood") == builders.share_from_neighbourhood
        assert row.figures.hours_commissioned == builders.hours_commissioned, row.key
        assert row.figures.reports_accepted == builders.reports_accepted, row.key
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
    assert "Share outside" in html and "Community builders" in html and "fewer than 5" in html


@pytest.mark.parametrize("when", [dt.date(2026, 6, 1)])
def test_the_day_is_part_of_the_version(db, when):
    from wijkgeld.public.national.freshness import data_version

    assert data_version(today=when) != data_version(today=when + dt.timedelta(days=1))


def test_share_helper_is_used_for_totals():
    f = Figures(resident_led_committed=1, other_local_committed=1, committed=3)
    assert f.resident_led_share == share(1, 3) and f.local_committed == 2


def test_home_area_page_and_api_send_validators(db, client):
    from wijkgeld.areas.demo import load_nplv_areas

    load_nplv_areas()
    for url in ("/", "/gebieden/rotterdam-zuid/", "/api/v1/areas/", "/api/v1/openapi.json"):
        response = client.get(url)
        assert response["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url


# --- The three tiers and the people figures ------------------------------------------------------------


def _more_builders(slug: str, n: int) -> None:
    """Copies of a demo community builder in another area (the people counts only look at area and dates)."""
    from wijkgeld.people.models import CommunityBuilder

    template = CommunityBuilder.objects.order_by("pk").first()
    area = Area.objects.get(slug=slug)
    for _ in range(n):
        template.pk = None
        template.area = area
        template.save()


def _by_key(rows):
    return {r["area"] if "area" in r else r["cbs_code"]: r for r in rows}


def test_a_small_count_is_fewer_than_5_and_a_total_that_would_give_it_away_is_withheld(demo, client):
    """Overvecht has fewer than 5 placements and builders, Rotterdam-Zuid more: the national total minus
    Rotterdam-Zuid would be Overvecht's count, so the national total is withheld, in every output."""
    import csv
    import io

    data = national_overview(year=YEAR)
    overvecht = next(r for r in data.areas if r.key == "utrecht-overvecht").figures
    assert 0 < overvecht.placements < 5 and 0 < overvecht.builders < 5  # the demo's premise
    for measure in ("placements", "hours", "builders", "share_from_neighbourhood"):
        assert overvecht.hidden(measure) == "below", measure
        assert data.totals.hidden(measure) == "withheld", measure
        assert data.totals.public(measure) is None
    secret = {"placements": overvecht.placements, "builders": overvecht.builders}

    # The API: areas, municipalities and totals.
    api = client.get(f"/api/v1/national/{YEAR}/").json()
    area = _by_key(api["areas"])["utrecht-overvecht"]
    town = _by_key(api["municipalities"])["GM0344"]
    for measure in ("placements", "hours", "builders", "share_from_neighbourhood"):
        assert area[measure] == town[measure] == "<5", measure
        assert api["totals"][measure] == "withheld", measure
    assert api["totals"]["milestones"] == data.totals.milestones  # large enough and no single small area

    # The downloads (CSV and JSON, national and per area) and the paginated API.
    for url in (
        "/open-data/process.csv",
        "/open-data/gebieden/utrecht-overvecht/process.csv",
        "/open-data/process.json",
        f"/api/v1/process/?area=utrecht-overvecht&year={YEAR}",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        if url.endswith(".csv"):
            rows = list(csv.DictReader(io.StringIO(text)))
        else:
            payload = json.loads(text)
            rows = payload.get("rows") or payload.get("results")
        row = next(r for r in rows if r["area"] == "utrecht-overvecht" and int(r["year"]) == YEAR)
        for measure in secret:
            assert row[measure] == "<5", (url, measure)
        assert row["hours"] == "<5" and row["share_from_neighbourhood"] == "<5", url

    # The page: the area row says "fewer than 5", the total says "withheld"; the table has no raw count.
    client.cookies["django_language"] = "en"
    html = client.get(reverse("public:national") + f"?year={YEAR}").content.decode()
    table = html[
        html.index('id="people-table-caption"') : html.index("</table>", html.index('id="people-table'))
    ]
    row_html = table[table.index("Utrecht") :]
    row_html = row_html[: row_html.index("</tr>")]
    assert row_html.count("fewer than 5") == 4
    assert f">{secret['placements']}<" not in row_html
    footer = table[table.index("<tfoot>") :]
    assert footer.count("withheld") == 4
    total = data.totals.placements
    assert f">{total}<" not in footer


def test_two_small_areas_let_the_total_show_and_a_municipality_with_one_hides(demo):
    # Amsterdam-Zuidoost gets 2 builders: two small areas nationally (with Overvecht), so the national
    # total no longer gives one away; Amsterdam (with Nieuw-West at 0) is fewer than 5.
    _more_builders("amsterdam-zuidoost", 2)
    cache.clear()
    data = national_overview(year=YEAR)
    amsterdam = next(r for r in data.municipalities if r.key == "GM0363").figures
    assert amsterdam.hidden("builders") == "below"
    assert data.totals.builders_small == 2 and data.totals.public("builders") == data.totals.builders
    # Nieuw-West gets 6: Amsterdam is 8, but minus Nieuw-West gives Zuidoost: withheld. The national total
    # minus every published municipality still leaves two small areas (Zuidoost, Overvecht): public.
    _more_builders("amsterdam-nieuw-west", 6)
    cache.clear()
    data = national_overview(year=YEAR)
    amsterdam = next(r for r in data.municipalities if r.key == "GM0363").figures
    assert amsterdam.builders == 8 and amsterdam.hidden("builders") == "withheld"
    assert data.totals.public("builders") == data.totals.builders


def test_the_subtraction_rule_on_its_own(settings):
    from wijkgeld.public.national.figures import small, withhold_for_subtraction

    settings.WIJKGELD_PEOPLE_SUPPRESS_BELOW = 5

    def area(n):
        return Figures(placements=n, placements_small=small(n))

    def group(*areas):
        return Figures.total(areas)

    assert area(0).hidden("placements") == "below" and area(4).hidden("placements") == "below"
    assert area(5).hidden("placements") is None and area(5).public("placements") == 5
    assert group(area(9), area(3)).hidden("placements") == "withheld"  # 12 − 9 = 3
    assert group(area(9), area(0)).hidden("placements") is None  # 9 − 9 = 0 names nobody
    assert group(area(2), area(3)).hidden("placements") is None  # 5, shared by two small areas
    # National: one municipality published with two small areas, one small area elsewhere → withheld.
    towns = [group(area(2), area(3)), group(area(7)), group(area(1))]
    total = Figures.total(towns)
    withhold_for_subtraction(total, towns)
    assert total.hidden("placements") == "withheld"
    towns = [group(area(2), area(3)), group(area(7)), group(area(1)), group(area(4))]
    total = Figures.total(towns)
    withhold_for_subtraction(total, towns)
    assert total.hidden("placements") is None and total.public("placements") == 17
    tiny = Figures.total([area(1), area(2)])
    withhold_for_subtraction(tiny, [area(1), area(2)])
    assert tiny.hidden("placements") == "below"  # a national total is exact only from 5 on


def test_the_threshold_is_a_setting(demo, settings):
    settings.WIJKGELD_PEOPLE_SUPPRESS_BELOW = 2
    data = national_overview(year=YEAR)
    overvecht = next(r for r in data.areas if r.key == "utrecht-overvecht").figures
    assert overvecht.public("placements") == overvecht.placements
    assert data.totals.public("placements") == data.totals.placements


def test_one_small_milestone_kind_withholds_the_area_s_milestone_total(demo):
    from wijkgeld.people.models import Milestone

    data = national_overview(year=YEAR)
    zuid = next(r for r in data.areas if r.key == "rotterdam-zuid")
    kinds = dict(
        Milestone.objects.filter(placement__area=zuid.area, reached_on__year=YEAR)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    small_kinds = [k for k, n in kinds.items() if 0 < n < 5]
    expected = "withheld" if len(small_kinds) == 1 else None
    assert zuid.figures.hidden("milestones") == expected


def test_the_dictionary_lists_the_new_columns(db, client):
    html = client.get(reverse("public:dictionary")).content.decode()
    data = client.get(reverse("public:dictionary_json")).json()
    process = next(d for d in data["datasets"] if d["dataset"] == "process")
    finance = next(d for d in data["datasets"] if d["dataset"] == "finance")
    names = {c["name"] for c in process["columns"]} | {c["name"] for c in finance["columns"]}
    new = {
        "resident_led_committed",
        "other_local_committed",
        "outside_committed",
        "resident_led_share",
        "other_local_share",
        "outside_share",
        "placements",
        "hours",
        "milestones",
        "builders",
        "share_from_neighbourhood",
        "hours_commissioned",
        "reports_accepted",
    }
    assert new <= names
    for name in new:
        assert f"<code>{name}</code>" in html


def test_the_openapi_schema_allows_the_suppression_markers(db, client):
    doc = client.get("/api/v1/openapi.json").json()
    props = doc["components"]["schemas"]["NationalFigures"]["properties"]
    assert "withheld" in json.dumps(props["placements"]) and "<" in json.dumps(props["placements"])
    assert "withheld" in json.dumps(props["hours"])


def test_the_query_count_does_not_grow_with_the_areas(demo, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        national_overview(year=YEAR)
    _more_builders("amsterdam-zuidoost", 3)
    _more_builders("amsterdam-nieuw-west", 7)
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        national_overview(year=YEAR)
    assert len(after) == len(before) < 30


def test_a_new_community_builder_changes_the_figures_at_once(demo, client):
    from wijkgeld.people.models import CommunityBuilder
    from wijkgeld.people.services.builders import builder_register

    url = f"/api/v1/national/{YEAR}/"
    first = client.get(url)
    before = _by_key(first.json()["areas"])["rotterdam-zuid"]["builders"]
    existing = CommunityBuilder.objects.filter(area__slug="rotterdam-zuid").order_by("pk").first()
    builder_register(
        actor=existing.registered_by,
        area=existing.area,
        name="Nieuwe wijkverbinder",
        employer=existing.employer,
        lives_in_area=True,
        works_in_area=False,
        started_on=dt.date(YEAR, 3, 1),
    )
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert _by_key(second.json()["areas"])["rotterdam-zuid"]["builders"] == before + 1
