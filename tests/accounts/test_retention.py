"""Account holders' data goes a year after their last role and login; logins leave no IP address behind."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkgeld.accounts import retention
from wijkgeld.accounts.models import Role, User
from wijkgeld.core.retention import run_purge_steps

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(dt.datetime(2027, 6, 1, 12))
LONG_AGO = NOW - dt.timedelta(days=400)


def _quiet(user, *, last_login=LONG_AGO):
    User.objects.filter(pk=user.pk).update(last_login=last_login, date_joined=LONG_AGO)


def test_an_account_without_role_for_a_year_loses_its_personal_data(make_user, area):
    user = make_user(None, username="anna.devries", email="anna@example.org", display_name="Anna de Vries")
    TOTPDevice.objects.create(user=user, name="telefoon")
    _quiet(user)
    counts = run_purge_steps(now=NOW)
    user.refresh_from_db()
    assert counts["accounts.inactive"] == 1
    assert user.username == f"verwijderd-{user.pk}" and str(user) == f"verwijderd-{user.pk}"
    assert (user.email, user.display_name, user.first_name, user.last_name) == ("", "", "", "")
    assert not user.is_active and not user.has_usable_password()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert run_purge_steps(now=NOW)["accounts.inactive"] == 0  # idempotent


def test_who_still_has_a_reason_keeps_their_data(make_user, area):
    current = make_user("resident_delegate", area, username="kees")  # role without end
    ended_recently = make_user(None, username="ria")
    Role.objects.create(
        user=ended_recently, area=area, name="fund_committee", until=(NOW - dt.timedelta(days=100)).date()
    )
    logged_in_recently = make_user(None, username="piet")
    admin = make_user(None, username="beheer", is_superuser=True, is_staff=True)
    for user in (current, ended_recently, admin):
        _quiet(user)
    _quiet(logged_in_recently, last_login=NOW - dt.timedelta(days=30))
    run_purge_steps(now=NOW)
    names = set(User.objects.values_list("username", flat=True))
    assert {"kees", "ria", "piet", "beheer"} <= names


def test_a_role_that_ended_more_than_a_year_ago_does_not_keep_the_data(make_user, area):
    user = make_user(None, username="jan")
    Role.objects.create(
        user=user, area=area, name="fund_committee", until=(NOW - dt.timedelta(days=400)).date()
    )
    _quiet(user)
    assert list(retention.due(now=NOW)) == [user]


def test_logins_leave_no_ip_address_behind(client, make_user, settings):
    from axes.models import AccessAttempt, AccessLog

    settings.AXES_ENABLED = True
    make_user(username="anna")
    client.post(reverse("accounts:login"), {"username": "anna", "password": "wrong"})
    assert AccessAttempt.objects.count() == 1  # kept for the lockout only
    client.post(reverse("accounts:login"), {"username": "anna", "password": "correct horse battery"})
    assert AccessAttempt.objects.count() == AccessLog.objects.count() == 0


def test_a_failed_attempt_is_deleted_after_its_lockout(client, make_user, settings):
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    client.post(reverse("accounts:login"), {"username": "iemand", "password": "wrong"})
    assert run_purge_steps(now=timezone.now())["accounts.login_attempts"] == 0
    later = timezone.now() + dt.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    assert run_purge_steps(now=later)["accounts.login_attempts"] == 1
    assert not AccessAttempt.objects.exists()
