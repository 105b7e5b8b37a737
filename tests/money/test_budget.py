"""Grants, budget lines and carry-over follow the budget structure (data, not code)."""

from __future__ import annotations

import pytest

from wijkgeld.core.errors import DomainError
from wijkgeld.money import services
from wijkgeld.money.models import Posting, Theme, Tranche


@pytest.mark.django_db
def test_structure_is_seeded_as_data():
    t2 = Tranche.objects.get(number=2)
    assert list(t2.years) == [2026, 2027, 2028]
    codes = set(Theme.objects.filter(tranche=t2).values_list("code", flat=True))
    assert codes == {
        "reintegratie_preventie_geldzorgen",
        "school_en_omgeving",
        "ontwikkeling_jonge_kind",
        "maatschappelijke_samenhang",
        "financiele_educatie",
        "integraal",
        "programmaorganisatie",
    }
    assert Theme.objects.get(tranche=t2, code="programmaorganisatie").is_fixed_amount
    assert Theme.objects.get(tranche=t2, code="maatschappelijke_samenhang").article == "7a"


@pytest.mark.django_db
def test_grant_year_must_be_in_the_tranche(finance, area, theme):
    with pytest.raises(DomainError) as exc:
        services.grant_create(
            actor=finance, area=area, year=2025, theme=theme, funding_ministry="VRO", amount_cents=1
        )
    assert exc.value.field == "year"
    with pytest.raises(DomainError) as exc:
        services.grant_create(
            actor=finance, area=area, year=2026, theme=theme, funding_ministry=" ", amount_cents=1
        )
    assert exc.value.field == "funding_ministry"
    assert Posting.objects.count() == 0


@pytest.mark.django_db
def test_line_cannot_take_more_than_the_unallocated_grant(finance, grant, area, theme, line):
    with pytest.raises(DomainError) as exc:
        services.budget_line_fund(actor=finance, line=line, amount_cents=5_000_001)
    assert exc.value.field == "amount"
    services.budget_line_fund(actor=finance, line=line, amount_cents=5_000_000)
    assert services.unallocated_cents(area=area, year=2026, theme=theme) == 0


@pytest.mark.django_db
def test_carry_over_rules(finance, line, area, theme, make_user, other_area):
    kwargs = {"actor": finance, "area": area, "theme": theme, "line": line, "reason": "Niet op"}
    with pytest.raises(DomainError):
        services.carry_over_create(from_year=2026, to_year=2026, amount_cents=1, **kwargs)
    with pytest.raises(DomainError):
        services.carry_over_create(from_year=2026, to_year=2029, amount_cents=1, **kwargs)  # other tranche
    with pytest.raises(DomainError):
        services.carry_over_create(from_year=2026, to_year=2027, amount_cents=5_000_001, **kwargs)
    stranger = make_user("finance", other_area)
    with pytest.raises(DomainError):
        services.carry_over_create(
            from_year=2026, to_year=2027, amount_cents=1, **{**kwargs, "actor": stranger}
        )
    services.carry_over_create(from_year=2026, to_year=2028, amount_cents=2_000_000, **kwargs)
    target = services.budget_line_for(area=area, code="bewonersfonds", year=2028)
    assert services.line_available_cents(target) == 2_000_000
    assert services.line_available_cents(line) == 3_000_000
    # unallocated theme money can move too
    services.carry_over_create(
        actor=finance, area=area, theme=theme, from_year=2026, to_year=2027, amount_cents=100, reason="rest"
    )
    assert services.unallocated_cents(area=area, year=2027, theme=theme) == 100
