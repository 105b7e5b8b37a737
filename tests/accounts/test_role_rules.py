"""Who may give which role, and which roles one person may not combine (separation of duties).

Each test is a way someone could try to act alone where the rules ask for two people."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import login
from wijkgeld.accounts import services
from wijkgeld.accounts.models import Role
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry

TERM = dt.date.today() + dt.timedelta(days=365)
CHOSEN = {"chosen_by": "elected", "chosen_reference": "Verkiezing 2026", "until": TERM}


@pytest.fixture
def admin(make_user):
    return make_user("site_admin", None, username="beheer", is_staff=True, is_superuser=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("held", "given"),
    [
        ("programme_staff", "resident_delegate"),
        ("programme_staff", "fund_committee"),
        ("finance", "resident_delegate"),
        ("finance", "fund_committee"),
        ("resident_delegate", "programme_staff"),
        ("resident_delegate", "finance"),
        ("fund_committee", "finance"),
    ],
)
def test_roles_that_check_each_other_are_never_held_by_one_person(admin, make_user, area, held, given):
    person = make_user(held, area)
    with pytest.raises(DomainError) as error:
        services.role_grant(actor=admin, user=person, area=area, name=given, **CHOSEN)
    assert error.value.field == "role"
    assert "check each other" in str(error.value) or "controleren elkaar" in str(error.value)
    assert list(Role.objects.filter(user=person).values_list("name", flat=True)) == [held]


@pytest.mark.django_db
def test_the_system_itself_is_held_to_separation_of_duties_too(make_user, area):
    person = make_user("finance", area)
    with pytest.raises(DomainError):
        services.role_grant(actor=None, user=person, area=area, name="resident_delegate", **CHOSEN)


@pytest.mark.django_db
def test_separation_holds_per_area(admin, make_user, area, other_area):
    person = make_user("programme_staff", other_area)
    services.role_grant(actor=admin, user=person, area=area, name="resident_delegate", **CHOSEN)
    assert Role.objects.filter(user=person, area=area, name="resident_delegate").exists()


@pytest.mark.django_db
def test_a_site_administrator_is_no_delegate_anywhere(admin, make_user, area):
    with pytest.raises(DomainError):
        services.role_grant(actor=None, user=admin, area=area, name="resident_delegate", **CHOSEN)
    superuser = make_user(is_superuser=True)
    with pytest.raises(DomainError):
        services.role_grant(actor=admin, user=superuser, area=area, name="fund_committee", **CHOSEN)
    delegate = make_user("resident_delegate", area)
    with pytest.raises(DomainError):
        services.role_grant(actor=None, user=delegate, area=None, name="site_admin")


@pytest.mark.django_db
def test_a_second_account_with_the_same_email_counts_as_the_same_person(admin, make_user, area):
    make_user("finance", area, email="bram@example.org")
    second = make_user(email="Bram@Example.org")
    with pytest.raises(DomainError):
        services.role_grant(actor=admin, user=second, area=area, name="resident_delegate", **CHOSEN)


@pytest.mark.django_db
def test_nobody_gives_themselves_a_role_not_even_the_site_administrator(admin, make_user, area):
    with pytest.raises(DomainError):
        services.role_grant(actor=admin, user=admin, area=area, name="finance")
    staff = make_user("programme_staff", area, email="eva@example.org")
    second = make_user(email="eva@example.org")
    with pytest.raises(DomainError):
        services.role_grant(actor=staff, user=second, area=area, name="resident", **CHOSEN)
    assert not Role.objects.filter(user__in=[admin, second], area=area).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["finance", "programme_staff"])
def test_only_the_site_administrator_gives_finance_and_staff(admin, make_user, area, name):
    staff = make_user("programme_staff", area)
    finance = make_user("finance", area)
    person = make_user()
    for actor in (staff, finance):
        with pytest.raises(DomainError):
            services.role_grant(actor=actor, user=person, area=area, name=name)
    services.role_grant(actor=admin, user=person, area=area, name=name)
    entry = AuditEntry.objects.get(action="accounts.role.granted", area=area)
    assert entry.actor == admin


@pytest.mark.django_db
def test_only_the_site_administrator_takes_finance_away(admin, make_user, area):
    staff = make_user("programme_staff", area)
    role = Role.objects.create(user=make_user(), area=area, name="finance")
    with pytest.raises(DomainError):
        services.role_revoke(actor=staff, role=role)
    services.role_revoke(actor=admin, role=role)
    assert not Role.objects.filter(pk=role.pk).exists()


@pytest.mark.django_db
def test_the_admin_grants_through_the_service(client, admin, make_user, area):
    login(client, admin)
    staff = make_user("programme_staff", area)
    add = reverse("admin:accounts_role_add")
    refused = client.post(add, {"user": staff.pk, "area": area.pk, "name": "resident_delegate", **CHOSEN})
    assert refused.status_code == 200
    assert "check each other" in refused.content.decode() or "controleren elkaar" in refused.content.decode()
    assert not Role.objects.filter(user=staff, name="resident_delegate").exists()
    own = client.post(add, {"user": admin.pk, "area": area.pk, "name": "finance"})
    assert own.status_code == 200
    assert not Role.objects.filter(user=admin, area=area).exists()
    person = make_user()
    done = client.post(add, {"user": person.pk, "area": area.pk, "name": "finance"})
    assert done.status_code == 302
    role = Role.objects.get(user=person, area=area, name="finance")
    assert AuditEntry.objects.filter(action="accounts.role.granted", object_id=str(person.pk)).exists()
    # A role is never changed in place; it is taken away (through the service) and given again.
    change = reverse("admin:accounts_role_change", args=[role.pk])
    client.post(change, {"user": person.pk, "area": area.pk, "name": "resident_delegate", **CHOSEN})
    role.refresh_from_db()
    assert role.name == "finance"
    client.post(reverse("admin:accounts_role_delete", args=[role.pk]), {"post": "yes"})
    assert not Role.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(action="accounts.role.revoked", object_id=str(person.pk)).exists()


@pytest.mark.django_db
def test_the_user_page_in_the_admin_cannot_add_roles(client, admin, make_user, area):
    login(client, admin)
    staff = make_user("programme_staff", area)
    page = client.get(reverse("admin:accounts_user_change", args=[staff.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Programmaorganisatie" in body  # the role is shown...
    assert 'name="roles-0-name"' not in body  # ...but cannot be edited here
    assert 'name="roles-0-area"' not in body


@pytest.mark.django_db
def test_the_admin_cannot_make_a_delegate_superuser(client, admin, make_user, area):
    login(client, admin)
    delegate = make_user("resident_delegate", area, username="kees")
    url = reverse("admin:accounts_user_change", args=[delegate.pk])
    data = {
        "username": "kees",
        "is_active": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "1",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
        "roles-0-id": str(delegate.roles.get().pk),
        "roles-0-user": str(delegate.pk),
    }
    response = client.post(url, data)
    assert response.status_code == 200, response.get("Location")
    delegate.refresh_from_db()
    assert not delegate.is_superuser
