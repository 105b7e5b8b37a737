"""Fixtures for people tests: a verified bewonersbedrijf and collective, appointed people, placements."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkgeld.areas.models import Organisation
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.people import services
from wijkgeld.people.models import Appointment

NOW = dt.datetime(2026, 6, 15, 10, 0, tzinfo=dt.UTC)
START = dt.date(2026, 2, 1)


def make_profile(area, name: str, kind: str, *, verified: bool = True) -> CollectiveProfile:
    org = Organisation.objects.create(name=name, kind=kind, legal_form="stichting")
    if verified:
        org.local_areas.add(area)
    return CollectiveProfile.objects.create(
        organisation=org,
        area=area,
        activities="Werk in de wijk",
        registered_at=NOW,
        status="verified" if verified else "unverified",
    )


@pytest.fixture
def enterprise(area):
    return make_profile(area, "Bewonersbedrijf Test", Organisation.Kind.ENTERPRISE)


@pytest.fixture
def collective(area):
    return make_profile(area, "Buurtcollectief Test", Organisation.Kind.COLLECTIVE)


@pytest.fixture
def delegate(make_user, area):
    return make_user("resident_delegate", area, username="delegate1")


@pytest.fixture
def delegate2(make_user, area):
    return make_user("resident_delegate", area, username="delegate2")


@pytest.fixture
def staff(make_user, area):
    return make_user("programme_staff", area, username="staff1")


@pytest.fixture
def finance(make_user, area):
    return make_user("finance", area, username="finance1")


@pytest.fixture
def appoint(delegate):
    def do(user, kind, collective=None, area=None):
        area = area or (collective.area if collective is not None else None)
        return services.appointment_create(
            actor=delegate, area=area, user=user, kind=kind, collective=collective, now=NOW
        )

    return do


@pytest.fixture
def coordinator(make_user, appoint, enterprise):
    user = make_user(None, username="coordinator1")
    appoint(user, Appointment.Kind.COORDINATOR, enterprise)
    return user


@pytest.fixture
def contact(make_user, appoint, area):
    user = make_user(None, username="gemeente1")
    appoint(user, Appointment.Kind.MUNICIPAL_CONTACT, area=area)
    return user


@pytest.fixture
def representative(make_user, appoint, collective):
    user = make_user(None, username="vertegenwoordiger1")
    appoint(user, Appointment.Kind.REPRESENTATIVE, collective)
    return user


@pytest.fixture
def work_role(coordinator, enterprise):
    return services.work_role_create(
        actor=coordinator,
        enterprise=enterprise,
        title="Klusser in de werkplaats",
        tasks="Kleine reparaties voor buren",
        hours_min=4,
        hours_max=16,
        now=NOW,
    )


@pytest.fixture
def make_placement(coordinator, work_role, contact):
    counter = iter(range(1, 1000))

    def make(name: str | None = None, *, started_on: dt.date = START, with_contact: bool = True):
        return services.placement_create(
            actor=coordinator,
            role=work_role,
            name=name or f"Deelnemer Nummer{next(counter)}",
            email="deelnemer@example.org",
            consent_given_on=started_on,
            started_on=started_on,
            municipal_contact=contact if with_contact else None,
            now=NOW,
        )

    return make
