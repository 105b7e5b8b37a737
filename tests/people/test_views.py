"""The people pages: who sees what, public figures suppressed alike in page, CSV and API, bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import login
from tests.people.conftest import START
from wijkgeld.people.models import Commission, Interest, MonthlyHours, ParticipantData

pytestmark = pytest.mark.django_db
YEAR = START.year


def base(area):
    return f"/gebieden/{area.slug}/mensen/"


def test_a_count_of_three_is_never_shown_as_three(client, area, make_placement):
    for _i in range(3):
        make_placement()
    page = client.get(f"{base(area)}?jaar={YEAR}").content.decode()
    assert "minder dan 5" in page
    assert 'class="num">3<' not in page.replace("\n", "").replace(" ", "")
    csv_text = client.get(f"{base(area)}cijfers-{YEAR}.csv").content.decode()
    assert f"{area.slug},{YEAR},placements,<5" in csv_text
    assert f"{area.slug},{YEAR},milestone_started,<5" in csv_text
    assert ",3\r\n" not in csv_text
    data = client.get(f"/api/v1/areas/{area.slug}/people/{YEAR}/").json()
    assert data["placements"]["placements"] == "<5"
    assert data["placements"]["milestones"]["started"] == "<5"
    assert '": 3' not in json.dumps(data)


def test_five_or_more_are_shown(client, area, make_placement):
    for _i in range(5):
        make_placement()
    data = client.get(f"/api/v1/areas/{area.slug}/people/{YEAR}/").json()
    assert data["placements"]["placements"] == 5
    assert data["placements"]["milestones"]["started"] == 5
    assert data["placements"]["milestones"]["stopped"] == "<5"  # zero is also below the threshold


def test_the_threshold_is_a_setting(client, area, make_placement, settings):
    settings.WIJKGELD_PEOPLE_SUPPRESS_BELOW = 3
    for _i in range(3):
        make_placement()
    assert client.get(f"/api/v1/areas/{area.slug}/people/{YEAR}/").json()["placements"]["placements"] == 3


def test_api_is_in_the_openapi_document_and_404s(client, area):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/areas/{slug}/people/{year}/" in doc["paths"]
    assert "AreaPeople" in doc["components"]["schemas"]
    assert client.get("/api/v1/areas/nergens/people/2026/").status_code == 404
    assert client.get(f"/api/v1/areas/{area.slug}/people/1900/").status_code == 404


def test_area_page_links_to_people(client, area):
    assert f'href="{base(area)}"' in client.get(f"/gebieden/{area.slug}/").content.decode()


def test_interest_form_without_account(client, area, work_role):
    url = f"{base(area)}rollen/{work_role.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Anna", "email": "", "phone": ""})
    assert response.status_code == 200 and not Interest.objects.exists()
    assert "e-mailadres of een telefoonnummer" in response.content.decode()
    assert client.post(url, {"name": "Anna", "email": "anna@example.org"}).status_code == 302
    assert Interest.objects.get().name == "Anna"


def test_staff_never_reads_a_participants_name(client, area, make_placement, staff, make_user):
    placement = make_placement("Zeldzame Achternaam")
    login(client, staff)
    assert client.get(f"{base(area)}begeleiding/deelnemers/{placement.pk}/").status_code == 403
    assert client.get(f"{base(area)}begeleiding/").status_code == 403
    page = client.get(f"{base(area)}plaatsingen/")
    assert page.status_code == 200 and placement.pseudonym in page.content.decode()
    assert "Zeldzame" not in page.content.decode()
    assert (
        "Zeldzame" not in client.get(f"{base(area)}plaatsingen/{placement.pk}/vergoeding/").content.decode()
    )
    assert "Zeldzame" not in client.get(f"/gebieden/{area.slug}/logboek/").content.decode()
    admin = make_user(None, is_superuser=True, is_staff=True)
    login(client, admin)
    assert client.get(f"{base(area)}begeleiding/deelnemers/{placement.pk}/").status_code == 403


def test_coordinator_and_contact_see_the_name(client, area, make_placement, coordinator, contact):
    placement = make_placement("Zeldzame Achternaam")
    for user in (coordinator, contact):
        login(client, user)
        assert (
            "Zeldzame" in client.get(f"{base(area)}begeleiding/deelnemers/{placement.pk}/").content.decode()
        )
        assert "Zeldzame" in client.get(f"{base(area)}begeleiding/").content.decode()


def test_other_area_gets_nothing(client, other_area, make_placement, make_user):
    placement = make_placement()
    login(client, make_user("programme_staff", other_area))
    assert client.get(f"{base(other_area)}plaatsingen/").status_code == 200
    assert placement.pseudonym not in client.get(f"{base(other_area)}plaatsingen/").content.decode()
    assert client.get(f"{base(other_area)}begeleiding/deelnemers/{placement.pk}/").status_code == 404


def test_withdrawal_through_the_page_leaves_no_name(client, area, make_placement, coordinator):
    placement = make_placement("Zeldzame Achternaam")
    login(client, coordinator)
    url = f"{base(area)}begeleiding/deelnemers/{placement.pk}/toestemming-intrekken/"
    assert client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert ParticipantData.objects.exists()
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert not ParticipantData.objects.exists()
    page = client.get(f"{base(area)}begeleiding/").content.decode()
    assert "Zeldzame" not in page and placement.pseudonym in page


def test_hours_over_the_allowance_maximum_warn_first(client, area, make_placement, coordinator, settings):
    settings.WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_YEAR_CENTS = 10_000
    placement = make_placement()
    login(client, coordinator)
    url = f"{base(area)}begeleiding/deelnemers/{placement.pk}/uren/"
    month = START.strftime("%Y-%m")
    response = client.post(url, {"month": month, "hours": "16", "allowance": "150"})
    assert response.status_code == 400 and "jaarlijkse maximum" in response.content.decode()
    assert not MonthlyHours.objects.exists()
    response = client.post(
        url, {"month": month, "hours": "16", "allowance": "150", "confirm_over_maximum": "on"}
    )
    assert response.status_code == 302 and MonthlyHours.objects.get().allowance_cents == 15_000
    assert client.post(url, {"month": "maart", "hours": "16"}).status_code == 400


def test_staff_cannot_give_a_commission_through_the_page(client, area, staff, collective, delegate):
    from wijkgeld.people import services

    builder = services.builder_register(
        actor=delegate,
        area=area,
        name="Mo",
        employer=collective,
        lives_in_area=True,
        works_in_area=True,
        started_on=dt.date(2026, 1, 1),
    )
    login(client, staff)
    url = f"{base(area)}opdrachten/nieuw/"
    assert client.get(url).status_code == 403
    data = {
        "builder": builder.pk,
        "given_by": "delegates",
        "title": "T",
        "aim": "A",
        "hours": 10,
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-30",
        "pay": "1000",
    }
    assert client.post(url, data).status_code == 403
    assert not Commission.objects.exists()
    login(client, delegate)
    assert client.post(url, data).status_code == 302
    assert Commission.objects.get().status == "proposed"


def test_staff_cannot_appoint_a_representative(client, area, staff, collective, make_user):
    target = make_user(None, username="iemand")
    login(client, staff)
    url = f"{base(area)}taken/"
    response = client.post(url, {"username": "iemand", "kind": "representative", "collective": collective.pk})
    assert response.status_code == 400
    response = client.post(url, {"username": "iemand", "kind": "coordinator", "collective": collective.pk})
    assert response.status_code == 400  # a coordinator works at a bewonersbedrijf
    assert not target.roles.exists()


def test_delegate_creates_an_account_and_appoints_a_coordinator(client, area, delegate, enterprise):
    login(client, delegate)
    url = f"{base(area)}taken/"
    response = client.post(
        url,
        {
            "username": "nieuw",
            "display_name": "Nieuwe Coordinator",
            "email": "n@example.org",
            "kind": "coordinator",
            "collective": enterprise.pk,
        },
    )
    assert response.status_code == 200 and "/account/" in response.content.decode()
    from wijkgeld.accounts.models import User
    from wijkgeld.people.permissions import coordinated_enterprises

    assert coordinated_enterprises(User.objects.get(username="nieuw"), area) == [enterprise]


def test_anonymous_is_sent_to_login(client, area):
    assert client.get(f"{base(area)}begeleiding/").status_code == 302
    assert client.get(f"{base(area)}plaatsingen/").status_code == 302


def test_write_paths_refuse_people_without_the_right_task(
    client, area, work_role, make_placement, staff, delegate, make_user, other_area
):
    from wijkgeld.people import services

    interest = services.interest_register(role=work_role, name="Anna", email="a@example.org")
    placement = make_placement()
    stranger = make_user("resident", area)
    other_coordinator = make_user("programme_staff", other_area)
    for user in (staff, delegate, stranger, other_coordinator):
        login(client, user)
        assert client.post(f"{base(area)}begeleiding/rollen/{work_role.pk}/open-dicht/").status_code == 403
        assert client.post(f"{base(area)}begeleiding/interesse/{interest.pk}/verwijderen/").status_code == 403
        assert (
            client.post(
                f"{base(area)}begeleiding/deelnemers/{placement.pk}/stap/", {"hours_per_week": 8}
            ).status_code
            == 403
        )
        assert client.get(f"{base(area)}begeleiding/deelnemers/nieuw/").status_code == 403
    work_role.refresh_from_db()
    assert work_role.is_open and Interest.objects.exists() and not placement.steps.exists()
    login(client, staff)  # staff may commit but not pay: refused before any form is read, nothing changes
    response = client.post(
        f"{base(area)}plaatsingen/{placement.pk}/vergoeding/", {"p-amount": "10", "p-description": "x"}
    )
    assert response.status_code == 403
    login(client, stranger)
    assert client.get(f"{base(area)}plaatsingen/").status_code == 403
    assert client.get(f"{base(area)}wijkbouwers/").status_code == 403
    assert client.get(f"{base(area)}taken/").status_code == 403


def test_coordinator_registers_a_participant_through_the_page(client, area, work_role, coordinator, contact):
    login(client, coordinator)
    url = f"{base(area)}begeleiding/deelnemers/nieuw/"
    data = {
        "role": work_role.pk,
        "name": "Nieuwe Deelnemer",
        "email": "",
        "phone": "",
        "consent_given_on": "2026-02-01",
        "started_on": "2026-02-01",
        "municipal_contact": contact.pk,
    }
    response = client.post(url, data)  # consent box not ticked
    assert response.status_code == 200 and not ParticipantData.objects.exists()
    response = client.post(url, {**data, "consent": "on"})
    assert response.status_code == 302
    assert ParticipantData.objects.get().name == "Nieuwe Deelnemer"


def test_leaving_the_register_through_the_page(client, area, delegate, staff, collective):
    from wijkgeld.people import services

    builder = services.builder_register(
        actor=delegate,
        area=area,
        name="Vertrekker",
        employer=collective,
        lives_in_area=True,
        works_in_area=True,
        started_on=dt.date(2026, 1, 1),
    )
    url = f"{base(area)}wijkbouwers/{builder.pk}/vertrek/"
    login(client, staff)
    assert client.post(url, {"left_on": "2026-06-01"}).status_code == 400
    builder.refresh_from_db()
    assert builder.left_on is None
    login(client, delegate)
    assert client.post(url, {"left_on": "gisteren"}).status_code == 400
    assert client.post(url, {"left_on": "2026-06-01"}).status_code == 302
    builder.refresh_from_db()
    assert builder.left_on == dt.date(2026, 6, 1)


def test_public_page_in_english(client, area, make_placement, settings):
    make_placement()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"{base(area)}?jaar={YEAR}").content.decode()
    assert "Work and community builders in" in page and "fewer than 5" in page
    assert "minder dan" not in page


def test_coordinator_publishes_a_role_with_a_theme(client, area, coordinator, enterprise):
    from wijkgeld.money.models import Theme
    from wijkgeld.people.models import WorkRole

    theme = Theme.objects.get(tranche__number=2, code="reintegratie_preventie_geldzorgen")
    login(client, coordinator)
    url = f"{base(area)}begeleiding/rollen/nieuw/"
    data = {
        "enterprise": enterprise.pk,
        "title": "Fietsenmaker",
        "tasks": "Fietsen maken",
        "hours_min": 8,
        "hours_max": 4,
    }
    assert client.post(url, data).status_code == 200 and not WorkRole.objects.exists()
    assert client.post(url, {**data, "hours_max": 12, "theme": theme.pk}).status_code == 302
    role = WorkRole.objects.get()
    assert role.theme == theme and role.is_open
    assert "Fietsenmaker" in client.get(base(area)).content.decode()
