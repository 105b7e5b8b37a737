"""Three tiers in the ledger and the recorded "tenzij" question (issue 13, section 1)."""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest

from tests.conftest import login
from wijkgeld.areas.models import Organisation
from wijkgeld.areas.tiers import Tier
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.errors import DomainError
from wijkgeld.money import services
from wijkgeld.money.models import CollectiveConsultation, Commitment, NonLocalReason, Posting
from wijkgeld.money.reports import finance_overview

from .conftest import NOW

ANSWER = CollectiveConsultation.Answer


@pytest.fixture
def municipality(area):
    org = Organisation.objects.create(name="Gemeente Testwijk", kind="municipality", legal_form="public_body")
    org.local_areas.add(area)  # listed as local, as the demo did: must still not count
    return org


@pytest.fixture
def welfare(area):
    org = Organisation.objects.create(name="Welzijn Test", kind="care_welfare", legal_form="stichting")
    org.local_areas.add(area)
    return org


@pytest.fixture
def verified(local_org, area, theme, django_user_model):
    profile = CollectiveProfile.objects.create(
        organisation=local_org, area=area, activities="Koken", status="verified", registered_at=NOW
    )
    profile.themes.add(theme)
    return local_org


pytestmark = pytest.mark.django_db


def test_a_municipality_is_never_counted_as_resident_led_or_local(staff, line, municipality):
    with pytest.raises(DomainError) as error:
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=100_000,
            description="Pleintje",
            recipient_organisation=municipality,
        )
    assert error.value.field == "non_local_reason" and "overheidsorganisatie" in error.value.message
    c = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=100_000,
        description="Pleintje",
        recipient_organisation=municipality,
        non_local_reason=NonLocalReason.LEGALLY_REQUIRED,
        non_local_explanation="Openbare ruimte is een taak van de gemeente.",
        now=NOW,
    )
    assert c.tier == Tier.OUTSIDE and not c.is_local
    figures = finance_overview(area=line.area, year=2026).totals
    assert figures.resident_led_committed == 0 and figures.outside_committed == 100_000
    assert figures.resident_led_share == 0


def test_three_tiers_add_up_in_the_overview(staff, line, local_org, welfare, outside_org):
    services.commitment_create(
        actor=staff, line=line, amount_cents=600_000, description="a", recipient_organisation=local_org
    )
    services.commitment_create(
        actor=staff, line=line, amount_cents=300_000, description="b", recipient_organisation=welfare
    )
    services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=100_000,
        description="c",
        recipient_organisation=outside_org,
        non_local_reason=NonLocalReason.NO_EXPERTISE,
        non_local_explanation="Niemand in de wijk kan dit.",
    )
    t = finance_overview(area=line.area, year=2026).totals
    assert (t.resident_led_committed, t.other_local_committed, t.outside_committed) == (
        600_000,
        300_000,
        100_000,
    )
    assert t.resident_led_share == Decimal("0.6") and t.local_committed == 900_000
    assert set(Posting.objects.filter(commitment__isnull=False).values_list("tier", flat=True)) == set(
        Tier.values
    )


def test_tenzij_needs_a_reason_and_the_record_of_each_collective(staff, line, welfare, verified):
    """Welfare is local, but a verified collective works on this theme: say why, and who was asked."""
    kwargs = {
        "actor": staff,
        "line": line,
        "amount_cents": 100_000,
        "description": "Opvoedsteun",
        "recipient_organisation": welfare,
    }
    with pytest.raises(DomainError) as error:
        services.commitment_create(**kwargs)
    assert error.value.field == "non_local_reason"
    reason = {
        "non_local_reason": NonLocalReason.NO_EXPERTISE,
        "non_local_explanation": "Vraagt een jeugdprofessional.",
    }
    with pytest.raises(DomainError) as error:
        services.commitment_create(**kwargs, **reason)
    assert error.value.field == f"ask_{verified.pk}"
    with pytest.raises(DomainError):  # 'no capacity' without saying why
        services.commitment_create(
            **kwargs,
            **reason,
            consultations=[services.Consultation(collective=verified, answer=ANSWER.NO_CAPACITY)],
        )
    assert not Commitment.objects.exists()
    c = services.commitment_create(
        **kwargs,
        **reason,
        consultations=[services.Consultation(collective=verified, answer=ANSWER.NO_CAPACITY, why="Zit vol")],
    )
    assert c.tier == Tier.LOCAL
    assert [(q.collective, q.answer, q.why) for q in c.consultations.all()] == [
        (verified, "no_capacity", "Zit vol")
    ]


def test_a_collective_that_does_not_work_on_the_theme_cannot_be_recorded(staff, line, outside_org, welfare):
    with pytest.raises(DomainError):
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=100_000,
            description="x",
            recipient_organisation=outside_org,
            non_local_reason=NonLocalReason.NO_EXPERTISE,
            non_local_explanation="Niemand in de wijk kan dit.",
            consultations=[services.Consultation(collective=welfare, answer=ANSWER.NOT_ASKED, why="geen")],
        )


def test_resident_led_needs_no_reason_and_keeps_none(staff, line, verified):
    c = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=100_000,
        description="Maaltijden",
        recipient_organisation=verified,
        non_local_reason=NonLocalReason.OTHER,
        non_local_explanation="genegeerd want bewonersgeleid",
    )
    assert c.tier == Tier.RESIDENT_LED and c.non_local_reason == "" and not c.consultations.exists()


def test_the_migration_moves_a_municipality_that_counted_as_local(staff, line, municipality):
    """Rows booked before the tiers: the data migration puts the municipality outside, with a stated reason."""
    from django.apps import apps

    c = services.commitment_create(
        actor=staff,
        line=line,
        amount_cents=50_000,
        description="Oud",
        recipient_organisation=municipality,
        non_local_reason=NonLocalReason.OTHER,
        non_local_explanation="tijdelijk, wordt overschreven",
    )
    # Simulate the old state: counted as local, no reason.
    Commitment.objects.filter(pk=c.pk).update(tier=Tier.LOCAL, is_local=True, non_local_reason="")
    Posting.objects.filter(commitment=c).update(tier="", is_local=True)
    migration = importlib.import_module("wijkgeld.money.migrations.0004_recipient_tiers_data")
    migration.forwards(apps, None)
    c.refresh_from_db()
    assert (c.tier, c.is_local, c.non_local_reason) == (Tier.OUTSIDE, False, NonLocalReason.BEFORE_RULE)
    assert set(Posting.objects.filter(commitment=c).values_list("tier", flat=True)) == {Tier.OUTSIDE}


def test_the_before_rule_reason_cannot_be_chosen(staff, line, outside_org):
    with pytest.raises(DomainError):
        services.commitment_create(
            actor=staff,
            line=line,
            amount_cents=100,
            description="x",
            recipient_organisation=outside_org,
            non_local_reason=NonLocalReason.BEFORE_RULE,
            non_local_explanation="Probeer de migratiereden.",
        )


def test_the_commitment_form_groups_organisations_by_tier_and_records_answers(
    client, staff, line, welfare, verified, municipality, area
):
    login(client, staff)
    url = f"/gebieden/{area.slug}/geld/posten/{line.pk}/verplichting/"
    html = client.get(url).content.decode()
    import re

    groups = dict(re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', html, re.S))
    assert "Welzijn Test" in groups["Andere organisaties uit de wijk"]
    assert "Gemeente Testwijk" in groups["Buiten de wijk (ook elke overheidsorganisatie)"]
    assert verified.name in groups["Door bewoners geleid in dit gebied"]
    assert f'name="ask_{verified.pk}"' in html
    base = {
        "recipient_organisation": welfare.pk,
        "amount": "1000",
        "description": "Opvoedsteun",
        "non_local_reason": "no_local_expertise",
        "non_local_explanation": "Vraagt een jeugdprofessional.",
    }
    response = client.post(url, base)
    assert response.status_code == 200 and not Commitment.objects.exists()
    response = client.post(
        url, {**base, f"ask_{verified.pk}": "not_asked", f"why_{verified.pk}": "Werkt alleen 's avonds"}
    )
    assert response.status_code == 302
    c = Commitment.objects.get()
    assert c.consultations.get().answer == "not_asked"
