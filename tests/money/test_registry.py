"""Money registers itself: links on the area page, readable audit sentences, the OpenAPI path."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.conftest import login
from wijkgeld.core.audit import audit_text
from wijkgeld.core.models import AuditEntry


@pytest.mark.django_db
def test_area_page_links(client, area, make_user):
    html = client.get(f"/gebieden/{area.slug}/").content.decode()
    assert f"/gebieden/{area.slug}/geld/" in html
    assert f"/gebieden/{area.slug}/bewonersinitiatieven/" in html
    assert f"/gebieden/{area.slug}/ondersteuning/" not in html  # members only
    login(client, make_user("resident_delegate", area))
    html = client.get(f"/gebieden/{area.slug}/").content.decode()
    assert f"/gebieden/{area.slug}/ondersteuning/" in html
    assert f"/gebieden/{area.slug}/bewonersinitiatieven/controleren/" in html


@pytest.mark.django_db
def test_audit_log_reads_as_dutch_sentences(client, commitment, area, make_user):
    entry = AuditEntry.objects.get(action="money.commitment.created")
    with translation.override("nl"):
        text = audit_text(entry)
    assert "heeft €20.000,00 toegezegd aan Buurtkeuken Test (uit de wijk)" in text
    login(client, make_user("observer", area))
    html = client.get(f"/gebieden/{area.slug}/logboek/").content.decode()
    assert "toegezegd aan Buurtkeuken Test" in html
    assert "subsidie" in html
