"""The national observer sees figures, not people (issue 13, section 4)."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.money import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident_commitment(staff, line):
    return services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=40_000,
        description="Buurtfeest",
        recipient_name="Jan Jansen",
        recipient_is_resident=True,
    )


def test_observer_audit_log_has_no_personal_data(client, resident_commitment, staff, area, make_user):
    login(client, make_user("observer", None))
    html = client.get(f"/gebieden/{area.slug}/logboek/").content.decode()
    assert "400,00" in html  # the figures are there
    assert "Jan Jansen" not in html and staff.username not in html
    login(client, make_user("resident_delegate", area))
    html = client.get(f"/gebieden/{area.slug}/logboek/").content.decode()
    assert "Jan Jansen" in html  # members who work with people still see them


def test_observer_ledger_pages_and_export_name_no_people(
    client, resident_commitment, staff, line, area, make_user
):
    login(client, make_user("observer", None))
    pages = [
        f"/gebieden/{area.slug}/geld/posten/{line.pk}/",
        f"/gebieden/{area.slug}/geld/verplichtingen/{resident_commitment.pk}/",
        f"/gebieden/{area.slug}/geld/2026/grootboek.csv",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert "Jan Jansen" not in text and staff.username not in text, url
        assert "400" in text, url
