import pytest
from django.test import Client
from django.urls import reverse

from wijkgeld.areas.models import Area, Neighbourhood
from wijkgeld.core.models import AuditEntry


@pytest.mark.django_db
def test_csrf_failure_is_a_styled_page_that_changes_nothing(make_user):
    make_user(username="anna")
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "anna", "password": "x"})
    assert response.status_code == 403
    assert "Probeer het opnieuw" in response.content.decode()


@pytest.mark.django_db
def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_admin_changes_are_audited(client, make_user, area):
    from tests.conftest import login

    admin = make_user("site_admin", None, is_staff=True, is_superuser=True)
    login(client, admin)
    change = reverse("admin:areas_area_change", args=[area.pk])
    form = {
        "name": area.name,
        "slug": area.slug,
        "municipality": "Nieuwstad",
        "cbs_code": area.cbs_code,
        "cbs_reference_year": 2025,
        "description": "",
        "neighbourhoods-TOTAL_FORMS": "1",
        "neighbourhoods-INITIAL_FORMS": "0",
        "neighbourhoods-MIN_NUM_FORMS": "0",
        "neighbourhoods-MAX_NUM_FORMS": "1000",
        "neighbourhoods-0-name": "Nieuwe Buurt",
        "neighbourhoods-0-postcode_from": "3071",
        "neighbourhoods-0-postcode_to": "3072",
        "neighbourhoods-0-area": area.pk,
    }
    response = client.post(change, form)
    assert response.status_code == 302, response.content[:2000]
    assert Area.objects.get(pk=area.pk).municipality == "Nieuwstad"
    assert Neighbourhood.objects.filter(area=area, name="Nieuwe Buurt").exists()
    actions = set(AuditEntry.objects.filter(area=area).values_list("action", flat=True))
    assert {"areas.area.updated", "areas.neighbourhood.created"} <= actions


@pytest.mark.django_db
def test_bad_admin_input_changes_nothing(client, make_user, area):
    from tests.conftest import login

    login(client, make_user("site_admin", None, is_staff=True, is_superuser=True))
    change = reverse("admin:areas_area_change", args=[area.pk])
    response = client.post(
        change,
        {
            "name": area.name,
            "slug": area.slug,
            "municipality": "X",
            "cbs_code": "0599",
            "cbs_reference_year": 2025,
            "neighbourhoods-TOTAL_FORMS": "0",
            "neighbourhoods-INITIAL_FORMS": "0",
            "neighbourhoods-MIN_NUM_FORMS": "0",
            "neighbourhoods-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert Area.objects.get(pk=area.pk).municipality == "Teststad"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "private/alliance/secret.pdf",
        "/private/alliance/secret.pdf",
        "//private/alliance/secret.pdf",
        "x/../private/alliance/secret.pdf",
        "fund/../../private/alliance/secret.pdf",
        "./private/alliance/secret.pdf",
        "Private/alliance/secret.pdf",
        "fund/%2e%2e/private/alliance/secret.pdf".replace("%2e", "."),  # the router decodes %2e
        "private",
        "",
        "fund/photo.jpg\x00.pdf",
    ],
)
def test_private_uploads_are_never_served_as_plain_media(settings, tmp_path, rf, path):
    from django.http import Http404

    from wijkgeld.core.views import debug_media_patterns

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "private" / "alliance").mkdir(parents=True)
    (tmp_path / "private" / "alliance" / "secret.pdf").write_bytes(b"%PDF secret")
    (pattern,) = debug_media_patterns()
    match = pattern.resolve(f"media/{path}")
    assert match is not None
    with pytest.raises(Http404):
        match.func(rf.get(f"/media/{path}"), *match.args, **{**match.kwargs, "document_root": tmp_path})


def test_public_media_is_served_in_development(tmp_path, rf):
    from wijkgeld.core.views import debug_media_patterns

    (tmp_path / "fund").mkdir()
    (tmp_path / "fund" / "photo.jpg").write_bytes(b"jpeg")
    (pattern,) = debug_media_patterns()
    for path in ("fund/photo.jpg", "fund//photo.jpg", "x/../fund/photo.jpg"):
        match = pattern.resolve(f"media/{path}")
        response = match.func(rf.get("/"), *match.args, **{**match.kwargs, "document_root": tmp_path})
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"jpeg"
