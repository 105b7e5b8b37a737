"""Rights of each role in its own area and in another area (table-driven), and the chair rule."""

import pytest
from django.core.exceptions import PermissionDenied

from wijkgeld.accounts.permissions import can
from wijkgeld.alliance import services
from wijkgeld.alliance.permissions import may_chair, member_groups

ROLES = ["resident", "resident_delegate", "fund_committee", "programme_staff", "finance", "observer"]

EXPECTED = {
    "alliance.view_members": {"resident_delegate", "programme_staff", "finance", "observer"},
    "alliance.propose_item": {"resident_delegate"},
    "alliance.ask_question": {"resident_delegate", "programme_staff", "finance"},
    "alliance.chair": {"programme_staff"},
    "alliance.manage": {"programme_staff"},
    "alliance.edit_minutes": {"programme_staff"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_role_in_own_area_versus_other_area(role, action, area, other_area, make_user):
    user = make_user(role, area)
    assert can(user, action, area) is (role in EXPECTED[action])
    assert can(user, action, other_area) is False


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_global_observer_reads_only_and_admin_does_all(action, area, make_user):
    observer = make_user("observer", None)
    admin = make_user("site_admin", None)
    assert can(observer, action, area) is (action == "alliance.view_members")
    assert can(admin, action, area) is True


@pytest.mark.django_db
def test_designated_chair_must_be_a_member_of_this_area(alliance, area, other_area, staff, make_user):
    delegate = make_user("resident_delegate", area)
    stranger = make_user("resident_delegate", other_area)
    observer = make_user("observer", area)
    assert may_chair(staff, alliance) and not may_chair(delegate, alliance)
    services.alliance_update(
        actor=staff,
        alliance=alliance,
        name=alliance.name,
        description="",
        documents_days_before=7,
        chair=delegate,
    )
    assert may_chair(delegate, alliance)
    for outsider in (stranger, observer):
        with pytest.raises(Exception) as info:
            services.alliance_update(
                actor=staff,
                alliance=alliance,
                name=alliance.name,
                description="",
                documents_days_before=7,
                chair=outsider,
            )
        assert info.value.field == "chair"
    alliance.chair = stranger
    assert may_chair(stranger, alliance) is False  # even if set by hand, outside the area it gives nothing


@pytest.mark.django_db
def test_member_groups(area, make_user):
    assert member_groups(make_user("resident_delegate", area), area) == {"delegates"}
    assert member_groups(make_user("finance", area), area) == {"partners"}
    assert member_groups(make_user("programme_staff", area), area) == {"partners", "delegates"}
    assert member_groups(make_user("resident", area), area) == set()


@pytest.mark.django_db
def test_delegate_cannot_edit_minutes_nor_manage(alliance, make_meeting, delegate):
    meeting = make_meeting(alliance, days=-1)
    with pytest.raises(PermissionDenied):
        services.minutes_save(actor=delegate, meeting=meeting, minutes="Ik schrijf mee")
    with pytest.raises(PermissionDenied):
        services.meeting_create(
            actor=delegate,
            alliance=alliance,
            kind="werkgroep",
            title="x",
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
        )
    meeting.refresh_from_db()
    assert meeting.minutes == ""


@pytest.mark.django_db
def test_staff_of_another_area_cannot_touch_this_alliance(alliance, meeting, other_area, make_user):
    outsider = make_user("programme_staff", other_area)
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(actor=outsider, meeting=meeting, title="x", brought_by="y")
