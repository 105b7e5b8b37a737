"""The three tiers, as a pure function: public bodies are never in de wijk, whatever their address."""

from __future__ import annotations

import pytest

from wijkgeld.areas.models import Organisation
from wijkgeld.areas.tiers import PUBLIC_BODY_KINDS, Tier, recipient_tier, tier_is_in_area

KIND = Organisation.Kind


@pytest.mark.parametrize("kind", sorted(PUBLIC_BODY_KINDS))
@pytest.mark.parametrize("local", [True, False])
def test_a_public_body_is_always_outside(kind, local):
    assert recipient_tier(kind=kind, legal_form="public_body", local_to_area=local) == Tier.OUTSIDE
    assert recipient_tier(kind=kind, local_to_area=local) == Tier.OUTSIDE


@pytest.mark.parametrize("kind", [KIND.HOUSING, KIND.CARE, KIND.SCHOOL, KIND.EMPLOYER, KIND.OTHER])
def test_a_public_legal_form_makes_any_kind_outside(kind):
    """A GGD filed as 'care and welfare' but with the legal form 'public body' is still government."""
    assert recipient_tier(kind=kind, legal_form="public_body", local_to_area=True) == Tier.OUTSIDE


@pytest.mark.parametrize("kind", [KIND.COLLECTIVE, KIND.ENTERPRISE])
def test_verified_collectives_of_the_area_are_resident_led(kind):
    assert recipient_tier(kind=kind, legal_form="informal", local_to_area=True) == Tier.RESIDENT_LED
    assert recipient_tier(kind=kind, legal_form="informal", local_to_area=False) == Tier.OUTSIDE


@pytest.mark.parametrize("kind", [KIND.HOUSING, KIND.CARE, KIND.SCHOOL, KIND.EMPLOYER, KIND.OTHER])
def test_other_organisations_based_in_the_area_are_other_local(kind):
    assert recipient_tier(kind=kind, legal_form="stichting", local_to_area=True) == Tier.LOCAL
    assert recipient_tier(kind=kind, legal_form="stichting", local_to_area=False) == Tier.OUTSIDE


def test_residents_are_resident_led_and_unknown_parties_outside():
    assert recipient_tier(kind=None, is_resident=True) == Tier.RESIDENT_LED
    assert recipient_tier(kind=None) == Tier.OUTSIDE


def test_every_organisation_kind_has_a_tier():
    """A new kind must be placed on purpose: government kinds in PUBLIC_BODY_KINDS."""
    government = {KIND.MUNICIPALITY, KIND.POLICE, KIND.PROVINCE, KIND.NATIONAL, KIND.PUBLIC_OTHER}
    assert set(PUBLIC_BODY_KINDS) == {str(k) for k in government}
    for kind in KIND.values:
        assert recipient_tier(kind=kind, local_to_area=True) in Tier.values


def test_in_de_wijk_means_resident_led_or_other_local():
    assert tier_is_in_area(Tier.RESIDENT_LED) and tier_is_in_area(Tier.LOCAL)
    assert not tier_is_in_area(Tier.OUTSIDE)


@pytest.mark.django_db
def test_the_organisation_model_uses_the_pure_rule(area):
    town = Organisation.objects.create(name="Gemeente Test", kind=KIND.MUNICIPALITY, legal_form="public_body")
    town.local_areas.add(area)
    assert town.is_public_body and town.tier_in(area) == Tier.OUTSIDE
