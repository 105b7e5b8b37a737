"""Public versus members-only, on pages, downloads and the open-data API; other areas see nothing."""

import datetime as dt

import pytest

from tests.alliance.conftest import NOW
from wijkgeld.alliance import services


@pytest.fixture
def content(alliance, make_meeting, make_document, staff):
    past = make_meeting(alliance, days=-5, title="Oud overleg")
    upcoming = make_meeting(
        alliance, days=10, title="Nieuw overleg", online_url="https://meet.example.org/geheim"
    )
    public_doc = make_document(
        upcoming, title="Openbaar plan", visibility="public", at=NOW - dt.timedelta(days=1)
    )
    secret_doc = make_document(
        upcoming, title="Vertrouwelijke notitie", visibility="members", at=NOW - dt.timedelta(days=1)
    )
    unshared = make_document(upcoming, title="Concept nog niet gedeeld", visibility="public", share_with=None)
    end = past.ends_at
    services.minutes_save(
        actor=staff,
        meeting=past,
        minutes="Volledig verslag",
        minutes_summary="Kort verslag",
        visibility="members",
        now=end,
    )
    public_dec = services.decision_record(
        actor=staff,
        meeting=past,
        number="2026-001",
        title="Openbaar besluit",
        decided_by="Alliantieoverleg",
        amount_cents=1234567,
        money_reference="Regel 7",
        now=end,
    )
    secret_dec = services.decision_record(
        actor=staff,
        meeting=past,
        number="2026-002",
        title="Geheim besluit",
        decided_by="Stuurgroep",
        visibility="members",
        now=end,
    )
    return {
        "past": past,
        "upcoming": upcoming,
        "public_doc": public_doc,
        "secret_doc": secret_doc,
        "unshared": unshared,
        "public_dec": public_dec,
        "secret_dec": secret_dec,
    }


def _pages(area, content):
    base = f"/gebieden/{area.slug}/alliantie/"
    return [
        base,
        base + "besluiten/",
        base + f"overleg/{content['upcoming'].pk}/",
        base + f"overleg/{content['past'].pk}/",
    ]


def _all_html(client, area, content):
    return "".join(client.get(url).content.decode() for url in _pages(area, content))


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "resident", "other_area_delegate", "other_area_staff"])
def test_outsiders_see_only_public_things(who, client, client_for, area, other_area, make_user, content):
    if who == "resident":
        client_for(make_user("resident", area))
    elif who == "other_area_delegate":
        client_for(make_user("resident_delegate", other_area))
    elif who == "other_area_staff":
        client_for(make_user("programme_staff", other_area))
    html = _all_html(client, area, content)
    assert "Openbaar plan" in html and "Openbaar besluit" in html
    for secret in (
        "Vertrouwelijke notitie",
        "Geheim besluit",
        "Volledig verslag",
        "meet.example.org/geheim",
        "Concept nog niet gedeeld",
    ):
        assert secret not in html, secret
    base = f"/gebieden/{area.slug}/alliantie/documenten/"
    assert client.get(base + f"{content['public_doc'].pk}/bestand/").status_code == 200
    assert client.get(base + f"{content['secret_doc'].pk}/bestand/").status_code == 404
    assert client.get(base + f"{content['secret_doc'].pk}/").status_code == 404
    assert client.get(base + f"{content['unshared'].pk}/bestand/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident_delegate", "finance", "observer", "programme_staff"])
def test_members_see_members_only_things(role, client_for, area, make_user, content):
    client = client_for(make_user(role, area))
    html = _all_html(client, area, content)
    for text in ("Vertrouwelijke notitie", "Geheim besluit", "Volledig verslag", "meet.example.org/geheim"):
        assert text in html, text
    response = client.get(f"/gebieden/{area.slug}/alliantie/documenten/{content['secret_doc'].pk}/bestand/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    unshared = client.get(f"/gebieden/{area.slug}/alliantie/documenten/{content['unshared'].pk}/bestand/")
    assert unshared.status_code == (200 if role == "programme_staff" else 404)


@pytest.mark.django_db
def test_partners_only_share_hides_the_document_from_delegates(
    client_for, area, make_user, meeting, make_document
):
    doc = make_document(meeting, title="Alleen partners", share_with="partners")
    url = f"/gebieden/{area.slug}/alliantie/documenten/{doc.pk}/bestand/"
    assert client_for(make_user("resident_delegate", area)).get(url).status_code == 404
    assert client_for(make_user("finance", area)).get(url).status_code == 200


@pytest.mark.django_db
def test_api_lists_public_decisions_only(client, area, content):
    data = client.get(f"/api/v1/areas/{area.slug}/decisions/").json()
    assert [d["number"] for d in data] == ["2026-001"]
    decision = data[0]
    assert decision["amount"] == "12345.67" and decision["amount_cents"] == 1234567
    assert decision["money_reference"] == "Regel 7"
    assert decision["meeting"]["title"] == "Oud overleg"
    assert decision["url"].startswith("http://testserver/gebieden/")


@pytest.mark.django_db
def test_api_unknown_area_is_a_json_404(client, db):
    response = client.get("/api/v1/areas/nergens/decisions/")
    assert response.status_code == 404 and "error" in response.json()


@pytest.mark.django_db
def test_api_refuses_post(client, area):
    assert client.post(f"/api/v1/areas/{area.slug}/decisions/").status_code == 405


@pytest.mark.django_db
def test_openapi_documents_the_decisions_endpoint(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/areas/{slug}/decisions/" in doc["paths"]
    assert "Decision" in doc["components"]["schemas"]


@pytest.mark.django_db
def test_area_page_links_to_the_alliance(client, area, alliance):
    html = client.get(f"/gebieden/{area.slug}/").content.decode()
    assert f"/gebieden/{area.slug}/alliantie/" in html


@pytest.mark.django_db
def test_area_without_alliance_says_so_and_staff_can_set_it_up(client, client_for, area, staff):
    response = client.get(f"/gebieden/{area.slug}/alliantie/")
    assert response.status_code == 200 and "alliantie/beheer/nieuw/" not in response.content.decode()
    assert client.get(f"/gebieden/{area.slug}/alliantie/besluiten/").status_code == 404
    client = client_for(staff)
    assert "alliantie/beheer/nieuw/" in client.get(f"/gebieden/{area.slug}/alliantie/").content.decode()
    url = f"/gebieden/{area.slug}/alliantie/beheer/nieuw/"
    assert client.post(url, {"name": "", "documents_days_before": "7"}).status_code == 400
    assert client.post(url, {"name": "Alliantie", "documents_days_before": "7"}).status_code == 302
    assert area.alliance.name == "Alliantie"
    response = client.post(url, {"name": "Nog een", "documents_days_before": "7"})
    assert response.status_code == 400 and 'id="id_name_error"' in response.content.decode()


@pytest.mark.django_db
def test_missing_file_on_disk_is_a_404_not_a_500(client, area, meeting, make_document):
    import os

    document = make_document(meeting, visibility="public")
    os.remove(document.file.path)
    assert client.get(f"/gebieden/{area.slug}/alliantie/documenten/{document.pk}/bestand/").status_code == 404


@pytest.mark.django_db
def test_pages_in_english(client, area, alliance, meeting):
    from django.urls import reverse

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(f"/gebieden/{area.slug}/alliantie/").content.decode()
    assert '<html lang="en"' in html and "Upcoming meetings" in html and "Who sits in the alliance" in html


@pytest.mark.django_db
def test_members_get_a_second_link_on_the_area_page(
    client, client_for, area, alliance, delegate, other_area, make_user
):
    agenda = f"/gebieden/{area.slug}/alliantie/agendapunten/"
    assert agenda not in client.get(f"/gebieden/{area.slug}/").content.decode()
    client_for(make_user("resident_delegate", other_area))
    assert agenda not in client.get(f"/gebieden/{area.slug}/").content.decode()
    assert agenda in client_for(delegate).get(f"/gebieden/{area.slug}/").content.decode()
