"""The register of resident collectives: self-registration, verification, the public page."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.areas.models import Organisation
from wijkgeld.community import services
from wijkgeld.community.models import CollectiveProfile
from wijkgeld.community.queries import local_collectives_for
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.money.models import Theme

FORM = {
    "name": "Taalcafé Zuid",
    "kind": "resident_collective",
    "legal_form": "informal",
    "kvk_number": "",
    "website": "",
    "activities": "Samen Nederlands oefenen",
    "contact_name": "Aisha",
    "contact_email": "aisha@example.org",
    "contact_phone": "",
    "principle_area": "Alleen in onze buurt",
}


@pytest.fixture
def theme(db):
    return Theme.objects.get(tranche__number=2, code="maatschappelijke_samenhang")


def register(client, area, **changes):
    return client.post(f"/gebieden/{area.slug}/bewonersinitiatieven/aanmelden/", {**FORM, **changes})


@pytest.mark.django_db
def test_anyone_registers_and_it_stays_hidden_until_verified(client, area, theme, make_user):
    response = register(client, area, themes=[theme.pk])
    assert response.status_code == 302
    profile = CollectiveProfile.objects.get()
    assert profile.status == "unverified" and list(profile.themes.all()) == [theme]
    assert AuditEntry.objects.filter(
        action="community.collective.registered", actor_label="resident"
    ).exists()
    page = client.get(f"/gebieden/{area.slug}/bewonersinitiatieven/").content.decode()
    assert "Taalcafé Zuid" not in page
    assert not list(local_collectives_for(area=area, theme=theme))
    delegate = make_user("resident_delegate", area)
    login(client, delegate)
    review = f"/gebieden/{area.slug}/bewonersinitiatieven/controleren/"
    assert "Taalcafé Zuid" in client.get(review).content.decode()
    decide = f"/gebieden/{area.slug}/bewonersinitiatieven/{profile.pk}/controleren/"
    assert client.post(decide, {f"p{profile.pk}-decision": "verify"}).status_code == 302
    profile.refresh_from_db()
    assert profile.status == "verified" and profile.verified_by == delegate and profile.verified_at
    assert profile.organisation.is_local_to(area)
    assert list(local_collectives_for(area=area, theme=theme)) == [profile]
    client.logout()
    page = client.get(f"/gebieden/{area.slug}/bewonersinitiatieven/").content.decode()
    assert "Taalcafé Zuid" in page
    assert "aisha@example.org" not in page  # no consent, no contact details


@pytest.mark.django_db
def test_contact_shown_only_with_consent(client, area, staff_user):
    register(client, area, contact_consent="on")
    profile = CollectiveProfile.objects.get()
    services.collective_verify(actor=staff_user, profile=profile)
    assert "aisha@example.org" in client.get(f"/gebieden/{area.slug}/bewonersinitiatieven/").content.decode()


@pytest.fixture
def staff_user(make_user, area):
    return make_user("programme_staff", area)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kvk_number": "12345678"}, "kvk_number"),  # informal with KvK
        ({"kvk_number": "123"}, "kvk_number"),
        ({"name": ""}, "name"),
        ({"activities": ""}, "activities"),
        ({"kind": "housing_corporation"}, "kind"),
        ({"contact_consent": "on", "contact_email": ""}, "contact_email"),
        ({"website": "not a url"}, "website"),
    ],
)
def test_bad_registrations_change_nothing(client, area, changes, field):
    response = register(client, area, **changes)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert CollectiveProfile.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_name_is_refused(client, area):
    Organisation.objects.create(name="Taalcafé Zuid", kind="resident_collective", legal_form="informal")
    response = register(client, area)
    assert "name" in response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident", "finance", "fund_committee", "observer"])
def test_only_staff_and_delegates_verify(client, area, make_user, role):
    register(client, area)
    profile = CollectiveProfile.objects.get()
    user = make_user(role, area)
    with pytest.raises(DomainError):
        services.collective_verify(actor=user, profile=profile)
    login(client, user)
    decide = f"/gebieden/{area.slug}/bewonersinitiatieven/{profile.pk}/controleren/"
    assert client.post(decide, {f"p{profile.pk}-decision": "verify"}).status_code == 403
    profile.refresh_from_db()
    assert profile.status == "unverified"


@pytest.mark.django_db
def test_staff_of_another_area_cannot_verify(client, area, other_area, make_user):
    register(client, area)
    profile = CollectiveProfile.objects.get()
    stranger = make_user("programme_staff", other_area)
    with pytest.raises(DomainError):
        services.collective_verify(actor=stranger, profile=profile)
    login(client, stranger)
    decide = f"/gebieden/{area.slug}/bewonersinitiatieven/{profile.pk}/controleren/"
    assert client.post(decide, {f"p{profile.pk}-decision": "verify"}).status_code == 403


@pytest.mark.django_db
def test_reject_needs_reason_and_removes_local_status(client, area, staff_user):
    register(client, area)
    profile = CollectiveProfile.objects.get()
    services.collective_verify(actor=staff_user, profile=profile)
    login(client, staff_user)
    decide = f"/gebieden/{area.slug}/bewonersinitiatieven/{profile.pk}/controleren/"
    response = client.post(decide, {f"p{profile.pk}-decision": "reject", f"p{profile.pk}-reason": ""})
    assert response.status_code == 200
    client.post(decide, {f"p{profile.pk}-decision": "reject", f"p{profile.pk}-reason": "Geen bewoners"})
    profile.refresh_from_db()
    assert profile.status == "rejected" and not profile.organisation.is_local_to(area)
