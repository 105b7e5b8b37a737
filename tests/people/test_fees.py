"""The guidance fee per placement: a commitment on the re-integration line, paid in parts, via money."""

from __future__ import annotations

import pytest

from tests.people.conftest import NOW
from wijkgeld.core.errors import DomainError
from wijkgeld.money import services as money
from wijkgeld.money.models import Theme
from wijkgeld.people import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(finance, area):
    out = {}
    for code in ("reintegratie_preventie_geldzorgen", "maatschappelijke_samenhang"):
        theme = Theme.objects.get(tranche__number=2, code=code)
        money.grant_create(
            actor=finance,
            area=area,
            year=2026,
            theme=theme,
            funding_ministry="SZW",
            amount_cents=10_000_000,
            now=NOW,
        )
        out[code] = money.budget_line_create(
            actor=finance,
            area=area,
            theme=theme,
            year=2026,
            code=code[:20],
            name=code,
            amount_cents=2_000_000,
            now=NOW,
        )
    return out


def test_fee_committed_and_paid_in_parts(make_placement, finance, staff, lines, enterprise):
    placement = make_placement("Naam Die Niet In Het Grootboek Staat")
    line = lines["reintegratie_preventie_geldzorgen"]
    with pytest.raises(DomainError) as exc:
        services.placement_fee_commit(
            actor=staff, placement=placement, line=lines["maatschappelijke_samenhang"], amount_cents=300_000
        )
    assert exc.value.field == "line"
    commitment = services.placement_fee_commit(
        actor=staff, placement=placement, line=line, amount_cents=300_000, now=NOW
    )
    assert commitment.recipient_organisation == enterprise.organisation and commitment.is_local
    assert placement.pseudonym in commitment.description and "Naam" not in commitment.description
    assert money.line_available_cents(line) == 1_700_000
    with pytest.raises(DomainError):
        services.placement_fee_pay(
            actor=staff, placement=placement, amount_cents=100_000, description="Deel 1"
        )
    services.placement_fee_pay(
        actor=finance, placement=placement, amount_cents=100_000, description="Deel 1", now=NOW
    )
    services.placement_fee_pay(
        actor=finance, placement=placement, amount_cents=100_000, description="Deel 2", now=NOW
    )
    assert money.commitment_paid_cents(commitment) == 200_000
    with pytest.raises(DomainError):
        services.placement_fee_pay(
            actor=finance, placement=placement, amount_cents=100_001, description="Te veel"
        )
    with pytest.raises(DomainError):
        services.placement_fee_commit(actor=staff, placement=placement, line=line, amount_cents=1)


def test_coordinator_cannot_commit_money(make_placement, coordinator, lines):
    placement = make_placement()
    with pytest.raises(DomainError):
        services.placement_fee_commit(
            actor=coordinator,
            placement=placement,
            line=lines["reintegratie_preventie_geldzorgen"],
            amount_cents=1,
        )
