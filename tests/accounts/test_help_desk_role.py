"""Who may give the help-desk volunteer role: the area's fund committee (and the site administrator),
never to themselves or their second account, never programme staff, and never to someone who holds a
role of the programme organisation in that area."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkgeld.accounts.models import Role
from wijkgeld.accounts.services import role_grant, role_revoke
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry

pytestmark = pytest.mark.django_db
UNTIL = dt.date.today() + dt.timedelta(days=60)


def _grant(actor, user, area):
    return role_grant(actor=actor, user=user, area=area, name="help_desk", until=UNTIL)


def test_the_committee_gives_the_role_and_it_is_logged(make_user, area):
    committee, person = make_user("fund_committee", area), make_user()
    role = _grant(committee, person, area)
    assert role.granted_by == committee and role.until == UNTIL
    entry = AuditEntry.objects.get(action="accounts.role.granted")
    assert entry.actor == committee and entry.data["role"] == "help_desk"


@pytest.mark.parametrize(
    "role", ["resident", "resident_delegate", "programme_staff", "finance", "observer", "help_desk", None]
)
def test_nobody_else_in_the_area_gives_the_role(make_user, area, role):
    actor, person = make_user(role, area), make_user()
    with pytest.raises(DomainError):
        _grant(actor, person, area)
    assert not Role.objects.filter(user=person).exists()


def test_the_committee_of_another_area_cannot_give_it_here(make_user, area, other_area):
    with pytest.raises(DomainError):
        _grant(make_user("fund_committee", other_area), make_user(), area)
    assert not Role.objects.filter(name="help_desk").exists()


def test_not_to_yourself_nor_to_your_second_account(make_user, area):
    committee = make_user("fund_committee", area, email="lid@example.org")
    twin = make_user(email="Lid@Example.org")
    for target in (committee, twin):
        with pytest.raises(DomainError):
            _grant(committee, target, area)
    assert not Role.objects.filter(name="help_desk").exists()


@pytest.mark.parametrize("held", ["programme_staff", "finance"])
def test_the_programme_organisation_does_not_sit_at_the_desk(make_user, area, held):
    person = make_user(held, area)
    with pytest.raises(DomainError):
        _grant(make_user("fund_committee", area), person, area)


def test_the_site_administrator_may_give_it(make_user, area):
    assert _grant(make_user("site_admin", None), make_user(), area).name == "help_desk"


def test_only_the_committee_takes_it_away(make_user, area):
    committee, person = make_user("fund_committee", area), make_user()
    role = _grant(committee, person, area)
    with pytest.raises(DomainError):
        role_revoke(actor=make_user("programme_staff", area), role=role)
    role_revoke(actor=make_user("fund_committee", area), role=role)
    assert not Role.objects.filter(pk=role.pk).exists()


def test_staff_role_page_does_not_offer_the_role(make_user, area):
    from wijkgeld.accounts.role_forms import grantable_roles

    assert "help_desk" not in dict(grantable_roles(make_user("programme_staff", area)))
    assert "help_desk" in dict(grantable_roles(make_user("site_admin", None)))
