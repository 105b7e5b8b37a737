"""Fixtures for money tests: themes of tranche 2 (seeded by migration), a funded budget line, people."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkgeld.money import services
from wijkgeld.money.models import Theme

NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded invoices go to a throwaway folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def theme(db):
    return Theme.objects.get(tranche__number=2, code="maatschappelijke_samenhang")


@pytest.fixture
def programme_theme(db):
    return Theme.objects.get(tranche__number=2, code="programmaorganisatie")


@pytest.fixture
def finance(make_user, area):
    return make_user("finance", area)


@pytest.fixture
def finance2(make_user, area):
    return make_user("finance", area)


@pytest.fixture
def staff(make_user, area):
    return make_user("programme_staff", area)


@pytest.fixture
def grant(finance, area, theme):
    return services.grant_create(
        actor=finance,
        area=area,
        year=2026,
        theme=theme,
        funding_ministry="VRO",
        amount_cents=10_000_000,
        now=NOW,
    )


@pytest.fixture
def line(grant, finance, area, theme):
    """€50,000 in "bewonersfonds" 2026 under maatschappelijke samenhang (the grant is €100,000)."""
    return services.budget_line_create(
        actor=finance,
        area=area,
        theme=theme,
        year=2026,
        code="bewonersfonds",
        name="Bewonersfonds",
        amount_cents=5_000_000,
        now=NOW,
    )


@pytest.fixture
def local_org(area):
    from wijkgeld.areas.models import Organisation

    org = Organisation.objects.create(
        name="Buurtkeuken Test", kind="resident_collective", legal_form="informal"
    )
    org.local_areas.add(area)
    return org


@pytest.fixture
def outside_org(other_area):
    from wijkgeld.areas.models import Organisation

    org = Organisation.objects.create(name="Adviesbureau Elders", kind="other", legal_form="bv")
    org.local_areas.add(other_area)
    return org


@pytest.fixture
def commitment(staff, line, local_org):
    return services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=2_000_000,
        description="Buurtmaaltijden 2026",
        recipient_organisation=local_org,
        now=NOW,
    )


@pytest.fixture
def support_line(finance, area, programme_theme):
    services.grant_create(
        actor=finance,
        area=area,
        year=2026,
        theme=programme_theme,
        funding_ministry="VRO",
        amount_cents=16_666_667,
    )
    return services.budget_line_create(
        actor=finance,
        area=area,
        theme=programme_theme,
        year=2026,
        code="bewonersondersteuning",
        name="Bewonersondersteuning",
        amount_cents=4_000_000,
        controlled_by_delegates=True,
    )


@pytest.fixture
def delegates(make_user, area):
    return [make_user("resident_delegate", area, username=f"deleg{i}") for i in range(4)]
