"""Every alliance page by role (own area, other area, anonymous), bad input without a 500, audit log."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.alliance.conftest import NOW
from wijkgeld.alliance import services
from wijkgeld.alliance.models import Decision, Meeting


@pytest.fixture
def world(alliance, make_meeting, make_document, staff, delegate):
    past = make_meeting(alliance, days=-3, title="Verleden")
    upcoming = make_meeting(alliance, days=9, title="Straks")
    document = make_document(upcoming, title="Stuk")
    item = services.agenda_item_propose(actor=delegate, alliance=alliance, title="Idee", explanation="Want.")
    question = services.question_ask(actor=delegate, document=document, text="Vraag?")
    return {"past": past, "upcoming": upcoming, "document": document, "item": item, "question": question}


def urls(area, w):
    a = f"/gebieden/{area.slug}/alliantie/"
    return {
        "manage": a + "beheer/",
        "settings": a + "beheer/instellingen/",
        "partner": a + "beheer/partners/nieuw/",
        "representative": a + "beheer/vertegenwoordigers/nieuw/",
        "delegate": a + "beheer/afgevaardigden/nieuw/",
        "meeting_new": a + "beheer/overleg/nieuw/",
        "meeting_edit": a + f"overleg/{w['upcoming'].pk}/wijzigen/",
        "item_add": a + f"overleg/{w['upcoming'].pk}/agendapunt/",
        "upload": a + f"overleg/{w['upcoming'].pk}/document/",
        "share": a + f"documenten/{w['document'].pk}/delen/",
        "minutes": a + f"overleg/{w['past'].pk}/verslag/",
        "decision": a + f"overleg/{w['past'].pk}/besluit/",
        "agenda": a + "agendapunten/",
        "propose": a + "agendapunten/voorstellen/",
        "decide": a + f"agendapunten/{w['item'].pk}/besluiten/",
        "answer": a + f"vragen/{w['question'].pk}/antwoord/",
        "document": a + f"documenten/{w['document'].pk}/",
    }


STAFF_ONLY = {
    "manage",
    "settings",
    "partner",
    "representative",
    "delegate",
    "meeting_new",
    "meeting_edit",
    "item_add",
    "upload",
    "share",
    "minutes",
    "decision",
    "decide",
    "answer",
}
MEMBERS = {"agenda", "document"}
DELEGATE_ONLY = {"propose"}


def expected(role: str, name: str) -> int:
    if role == "programme_staff":
        return 403 if name in DELEGATE_ONLY else 200
    if role == "resident_delegate":
        return 200 if name in MEMBERS | DELEGATE_ONLY else 403
    if role in ("finance", "observer"):
        return 200 if name in MEMBERS else 403
    if name == "document":
        return 404  # members-only documents look like they do not exist
    return 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    [
        "resident",
        "resident_delegate",
        "fund_committee",
        "programme_staff",
        "finance",
        "observer",
        "other_area_staff",
        "other_area_delegate",
    ],
)
def test_get_every_page_by_role(role, world, area, other_area, make_user, client_for):
    if role.startswith("other_area_"):
        client = client_for(make_user(role.removeprefix("other_area_"), other_area))
        want = {name: (404 if name == "document" else 403) for name in urls(area, world)}
    else:
        client = client_for(make_user(role, area))
        want = {name: expected(role, name) for name in urls(area, world)}
    got = {name: client.get(url).status_code for name, url in urls(area, world).items()}
    assert got == want


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(world, area, client):
    for name, url in urls(area, world).items():
        response = client.get(url)
        assert response.status_code in (302, 404), name
        if response.status_code == 302:
            assert "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_delegate_cannot_post_minutes(world, area, client_for, delegate):
    response = client_for(delegate).post(
        urls(area, world)["minutes"], {"minutes": "x", "visibility": "public"}
    )
    assert response.status_code == 403
    assert Meeting.objects.get(pk=world["past"].pk).minutes == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        (
            "meeting_new",
            {
                "kind": "stuurgroep",
                "title": "X",
                "starts_at": "2026-05-01T20:00",
                "ends_at": "2026-05-01T19:00",
            },
            "ends_at",
        ),
        (
            "meeting_new",
            {"kind": "stuurgroep", "title": "X", "starts_at": "morgen", "ends_at": ""},
            "starts_at",
        ),
        (
            "meeting_new",
            {"kind": "feest", "title": "X", "starts_at": "2026-05-01T20:00", "ends_at": "2026-05-01T21:00"},
            "kind",
        ),
        ("settings", {"name": "A", "documents_days_before": "-1"}, "documents_days_before"),
        (
            "decision",
            {"number": "1", "title": "T", "decided_by": "S", "amount": "12,345", "visibility": "public"},
            "amount",
        ),
        (
            "decision",
            {"number": "1", "title": "T", "decided_by": "S", "amount": "abc", "visibility": "public"},
            "amount",
        ),
        ("upload", {"title": "T", "visibility": "members", "share_with": "all"}, "file"),
        ("share", {"audience": "all"}, "audience"),
        ("minutes", {"minutes": "", "visibility": "public"}, "minutes"),
        ("delegate", {"user": "999", "chosen_how": "lot", "since": "2026-01-01"}, "user"),
        ("partner", {"organisation": "", "since": "2026-02-01", "until": "2026-01-01"}, "organisation"),
    ],
)
def test_bad_input_shows_the_error_next_to_the_field(name, data, field, world, area, client_for, staff):
    before = Meeting.objects.count(), Decision.objects.count()
    response = client_for(staff).post(urls(area, world)[name], data)
    assert response.status_code == 400, response.content.decode()[:500]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert (Meeting.objects.count(), Decision.objects.count()) == before


@pytest.mark.django_db
def test_staff_flow_through_pages_is_audit_logged(world, area, client_for, staff, delegate):
    client = client_for(staff)
    u = urls(area, world)
    response = client.post(
        u["meeting_new"],
        {
            "kind": "werkgroep",
            "title": "Werkgroep groen",
            "starts_at": "2030-05-01T19:00",
            "ends_at": "2030-05-01T21:00",
            "place": "Buurthuis",
            "online_url": "meet.example.org/x",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Werkgroep groen")
    assert response["Location"].endswith(f"/overleg/{meeting.pk}/")
    assert meeting.online_url == "https://meet.example.org/x"
    assert (
        client.post(
            u["minutes"], {"minutes": "Verslag", "minutes_summary": "Kort", "visibility": "public"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            u["decision"],
            {
                "number": "2026-001",
                "title": "Besluit",
                "decided_by": "Werkgroep",
                "amount": "1.250,50",
                "visibility": "public",
            },
        ).status_code
        == 302
    )
    assert Decision.objects.get().amount_cents == 125050
    duplicate = client.post(
        u["decision"], {"number": "2026-001", "title": "Nog een", "decided_by": "W", "visibility": "public"}
    )
    assert duplicate.status_code == 400 and 'id="id_number_error"' in duplicate.content.decode()
    assert (
        client.post(
            u["delegate"], {"user": delegate.pk, "chosen_how": "lot", "since": "2026-01-01"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            u["settings"], {"name": "Nieuwe naam", "documents_days_before": "5", "chair": delegate.pk}
        ).status_code
        == 302
    )
    actions = set(area.audit_entries.values_list("action", flat=True))
    assert {
        "alliance.meeting.created",
        "alliance.minutes.saved",
        "alliance.decision.recorded",
        "alliance.delegate.added",
        "alliance.alliance.updated",
        "alliance.document.uploaded",
        "alliance.document.shared",
        "alliance.agenda_item.proposed",
        "alliance.question.asked",
    } <= actions
    page = client.get(f"/gebieden/{area.slug}/logboek/").content.decode()
    assert "Werkgroep groen" in page


@pytest.mark.django_db
def test_decision_on_an_item_of_another_meeting_is_refused(world, staff, alliance):
    from wijkgeld.core.errors import DomainError

    item = services.agenda_item_add(actor=staff, meeting=world["upcoming"], title="Elders", brought_by="X")
    with pytest.raises(DomainError) as info:
        services.decision_record(
            actor=staff, meeting=world["past"], number="9", title="T", decided_by="S", agenda_item=item
        )
    assert info.value.field == "agenda_item"
    with pytest.raises(DomainError):
        services.decision_record(
            actor=staff, meeting=world["upcoming"], number="9", title="T", decided_by="S", now=NOW
        )


@pytest.mark.django_db
def test_public_pages_render_for_anonymous(world, area, client):
    for url in (
        f"/gebieden/{area.slug}/alliantie/",
        f"/gebieden/{area.slug}/alliantie/besluiten/",
        f"/gebieden/{area.slug}/alliantie/overleg/{world['past'].pk}/",
    ):
        assert client.get(url).status_code == 200
    assert client.get(f"/gebieden/{area.slug}/alliantie/overleg/999999/").status_code == 404
    assert client.get(f"/gebieden/{area.slug}/alliantie/besluiten/?page=abc").status_code == 200


@pytest.mark.django_db
def test_upload_through_page_with_share_later(world, area, client_for, staff):
    client = client_for(staff)
    from tests.alliance.conftest import pdf_upload

    response = client.post(
        urls(area, world)["upload"],
        {"title": "Later", "visibility": "public", "share_with": "", "file": pdf_upload()},
    )
    assert response.status_code == 302
    doc = world["upcoming"].documents.get(title="Later")
    assert not doc.shares.exists()
    assert (
        client.post(
            f"/gebieden/{area.slug}/alliantie/documenten/{doc.pk}/delen/", {"audience": "all"}
        ).status_code
        == 302
    )
    assert doc.shares.get().shared_at > NOW - dt.timedelta(minutes=5)
    assert SimpleUploadedFile  # imported for symmetry with the upload tests


@pytest.mark.django_db
def test_admin_is_read_only(world, client_for, make_user):
    admin = make_user(None, None, is_staff=True, is_superuser=True)
    client = client_for(admin)
    for model in ("alliance", "meeting", "document", "decision", "agendaitem"):
        assert client.get(f"/beheer/alliance/{model}/").status_code == 200
    assert client.get("/beheer/alliance/meeting/add/").status_code == 403
    assert client.get(f"/beheer/alliance/document/{world['document'].pk}/change/").status_code == 200
