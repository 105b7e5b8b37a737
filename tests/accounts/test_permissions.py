"""The permission matrix: for each role and for another area, who may do what (table-driven)."""

import pytest

from wijkgeld.accounts.permissions import area_permission_required, can, registered_actions

ROLES = ["resident", "resident_delegate", "fund_committee", "programme_staff", "finance", "observer"]

# action -> roles allowed in their own area (site_admin may do everything).
EXPECTED = {
    "area.view_members": set(ROLES),
    "area.view_audit": {"resident_delegate", "fund_committee", "programme_staff", "finance", "observer"},
    "area.edit": {"programme_staff"},
    "area.manage_roles": {"programme_staff"},
    "area.view_roles": {"resident_delegate", "fund_committee", "programme_staff"},
    "organisation.edit": {"programme_staff"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_role_in_own_area_versus_other_area(role, action, area, other_area, make_user):
    user = make_user(role, area)
    assert can(user, action, area) is (role in EXPECTED[action])
    # A role never reaches into another area.
    assert can(user, action, other_area) is False


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_site_admin_and_global_observer(action, area, make_user):
    admin = make_user("site_admin", None)
    observer = make_user("observer", None)
    assert can(admin, action, area) is True
    assert can(observer, action, area) is ("observer" in EXPECTED[action])


@pytest.mark.django_db
def test_anonymous_and_inactive_users_may_do_nothing(area, make_user):
    from django.contrib.auth.models import AnonymousUser

    inactive = make_user("programme_staff", area, is_active=False)
    for action in registered_actions():
        assert can(AnonymousUser(), action, area) is False
        assert can(inactive, action, area) is False


def test_unknown_action_is_a_programming_error():
    with pytest.raises(KeyError):
        can(None, "no.such.action", None)


def test_every_registered_action_has_admin():
    for action, roles in registered_actions().items():
        assert "site_admin" in roles, action


def test_decorator_records_the_action():
    @area_permission_required("area.edit")
    def view(request, area):
        return None

    assert view.required_action == "area.edit"
