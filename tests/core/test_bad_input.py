"""Bad input from a client gets a clear 400 page and changes nothing, never a 500."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tests.conftest import login
from wijkgeld.core.models import AuditEntry

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def _register_data(**extra):
    data = {
        "name": "Buurtkeuken Zuid",
        "kind": "resident_collective",
        "legal_form": "informal",
        "activities": "Wij koken elke week samen.",
        "contact_name": "Kees",
        "contact_email": "kees@example.org",
        "contact_consent": "on",
        "principle_area": "Alle leden wonen in de wijk.",
        "principle_independent": "Wij beslissen zelf.",
        "principle_resident_owned": "Van en voor bewoners.",
        "principle_cooperation": "Met het buurthuis.",
    }
    data.update(extra)
    return data


def test_a_huge_number_in_a_multiple_choice_field_gets_a_clear_answer(client, area):
    from wijkgeld.areas.models import Organisation

    url = reverse("community:register", kwargs={"slug": area.slug})
    response = client.post(url, _register_data(themes=[HUGE, "1"]))
    if connection.vendor == "sqlite":
        # SQLite cannot even compare such a number: the query raises OverflowError.
        assert response.status_code == 400
        assert "We konden niet lezen wat er is verstuurd" in response.content.decode()
    else:
        # PostgreSQL finds no such theme: the form says so next to the field.
        assert response.status_code == 200
    assert not Organisation.objects.filter(name="Buurtkeuken Zuid").exists()
    assert not AuditEntry.objects.exists()


def test_a_huge_number_in_the_address_is_not_a_500(client, make_user, area):
    user = make_user("finance", area)
    login(client, user)
    response = client.get(f"/gebieden/{area.slug}/geld/posten/{HUGE}/")
    assert response.status_code in (400, 404)


@pytest.mark.parametrize(
    "charset", ["utf-16", "UTF-16LE", "utf-32", "latin-1", "utf8", "nonsense", '"utf-16"']
)
def test_a_form_body_in_another_charset_gets_a_400_page_everywhere(client, make_user, area, charset):
    from wijkgeld.areas.models import Organisation

    body = "username=a&password=b&name=x".encode("utf-16") if "16" in charset else b"username=a"
    login(client, make_user("finance", area))
    for url in [
        reverse("accounts:login"),
        reverse("community:register", kwargs={"slug": area.slug}),
        reverse("money:grant_create", kwargs={"slug": area.slug, "year": 2026}),
        reverse("voting:start"),
        reverse("public:home"),
    ]:
        response = client.generic(
            "POST", url, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
        )
        assert response.status_code == 400, (url, response.status_code)
        assert "We konden niet lezen wat er is verstuurd" in response.content.decode()
    response = client.generic(
        "POST",
        reverse("community:register", kwargs={"slug": area.slug}),
        b"--x\r\n",
        content_type=f"multipart/form-data; boundary=x; charset={charset}",
    )
    assert response.status_code == 400
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", '"utf-8"'])
def test_utf8_form_bodies_still_work(client, area, charset):
    response = client.generic(
        "POST",
        reverse("community:register", kwargs={"slug": area.slug}),
        "name=Café".encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 200  # the form, with its errors
    assert "Café" in response.content.decode()


def test_django_bad_requests_use_the_same_page(client, settings, area):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.post(
        reverse("community:register", kwargs={"slug": area.slug}), {f"f{i}": "x" for i in range(9)}
    )
    assert response.status_code == 400
    assert "We konden niet lezen wat er is verstuurd" in response.content.decode()
