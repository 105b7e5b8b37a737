"""Two commitments race for the last euro of a line on PostgreSQL: exactly one succeeds."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from wijkgeld.core.errors import DomainError
from wijkgeld.money import services
from wijkgeld.money.models import Commitment, Theme
from wijkgeld.money.structure import load_structure

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pg():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises whole-database writes instead)")
    load_structure()  # transaction=True tests flush the tables that the data migration filled


def _funded_line(finance, area, cents: int):
    """A budget line of ``cents``, covered by a grant of the same amount."""
    theme = Theme.objects.get(tranche__number=2, code="maatschappelijke_samenhang")
    services.grant_create(
        actor=finance, area=area, year=2026, theme=theme, funding_ministry="VRO", amount_cents=cents
    )
    return services.budget_line_create(
        actor=finance, area=area, theme=theme, year=2026, code="fonds", name="Fonds", amount_cents=cents
    )


def _race_for_a_euro(finance, line, threads: int) -> list[str]:
    """Start ``threads`` commitments of EUR 1 at the same moment; "ok" or "refused" for each."""
    barrier = threading.Barrier(threads)
    results: list[str] = []

    def race(name: str) -> None:
        try:
            barrier.wait(timeout=10)
            services.commitment_create(
                actor=finance,
                line=line,
                amount_cents=100,
                description=name,
                recipient_name=name,
                recipient_is_resident=True,
            )
            results.append("ok")
        except DomainError:
            results.append("refused")
        finally:
            connections.close_all()

    started = [threading.Thread(target=race, args=(f"t{i}",)) for i in range(threads)]
    for t in started:
        t.start()
    for t in started:
        t.join(timeout=30)
    return results


def test_two_commitments_race_for_the_last_euro(pg, make_area, make_user):
    area = make_area()
    finance = make_user("finance", area)
    line = _funded_line(finance, area, 1000)
    services.commitment_create(
        actor=finance,
        line=line,
        amount_cents=900,
        description="eerst",
        recipient_name="A",
        recipient_is_resident=True,
    )
    results = _race_for_a_euro(finance, line, 2)
    assert sorted(results) == ["ok", "refused"]
    assert services.line_available_cents(line) == 0
    assert Commitment.objects.filter(line=line).count() == 2


def test_eight_commitments_race_for_three_euros(pg, make_area, make_user):
    area = make_area()
    finance = make_user("finance", area)
    line = _funded_line(finance, area, 300)
    results = _race_for_a_euro(finance, line, 8)
    assert sorted(results) == ["ok"] * 3 + ["refused"] * 5
    assert services.line_available_cents(line) == 0


def test_two_split_payments_to_one_recipient_race(pg, make_area, make_user):
    """Two finance people each pay €6,000 to one recipient on different commitments at the same moment:
    the area lock makes the second see the first, so one of them waits for a second person."""
    from wijkgeld.money.models import Payment

    area = make_area()
    finance, finance2 = make_user("finance", area), make_user("finance", area)
    line = _funded_line(finance, area, 5_000_000)
    commitments = [
        services.commitment_create(
            actor=finance,
            line=line,
            amount_cents=1_000_000,
            description=f"deel {i}",
            recipient_name="Bewoner X",
            recipient_is_resident=True,
        )
        for i in range(2)
    ]
    barrier = threading.Barrier(2)

    def pay(actor, commitment) -> None:
        try:
            barrier.wait(timeout=10)
            services.payment_create(
                actor=actor, commitment=commitment, amount_cents=600_000, description="Factuur"
            )
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=pay, args=(who, c))
        for who, c in zip((finance, finance2), commitments, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    statuses = sorted(Payment.objects.filter(commitment__line=line).values_list("status", flat=True))
    assert statuses == ["awaiting_confirmation", "completed"]
