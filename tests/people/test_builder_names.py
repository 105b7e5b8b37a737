"""Who reads a community builder's name: the residents who commission and employ them, and the builder.

Staff, finance, the observer and the fund committee see "community builder N" on the register, the
builder's page and a commission: the work and the money, not the person.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import login
from tests.people.conftest import NOW
from wijkgeld.people import services

pytestmark = pytest.mark.django_db
NAME = "Zeldzame Wijkbouwer"


@pytest.fixture
def builder(delegate, area, collective, make_user):
    return services.builder_register(
        actor=delegate,
        area=area,
        name=NAME,
        employer=collective,
        lives_in_area=True,
        works_in_area=False,
        started_on=dt.date(2026, 1, 1),
        user=make_user(None),
        now=NOW,
    )


@pytest.fixture
def pages(area, builder, delegate):
    commission = services.commission_create(
        actor=delegate,
        builder=builder,
        title="Buren verbinden",
        aim="Buren leren elkaar kennen.",
        hours=100,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        pay_cents=500_000,
    )
    base = f"/gebieden/{area.slug}/mensen/"
    return [f"{base}wijkbouwers/", f"{base}wijkbouwers/{builder.pk}/", f"{base}opdrachten/{commission.pk}/"]


@pytest.mark.parametrize("role", ["programme_staff", "finance", "observer", "fund_committee"])
def test_who_does_not_commission_sees_a_number_not_the_name(client, area, pages, builder, make_user, role):
    login(client, make_user(role, area))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Zeldzame" not in html, url
        assert f"{builder.pk}" in html


def test_delegates_representatives_and_the_builder_see_the_name(
    client, pages, delegate, representative, builder
):
    for user in (delegate, representative, builder.user):
        login(client, user)
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200 and NAME in response.content.decode(), (user, url)
