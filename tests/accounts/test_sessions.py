"""Sessions: a new key after the second login step; short sessions for finance and site administrators."""

import time

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import login
from wijkgeld.accounts.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY

MINUTE = 60


def _age(client, *, idle: int = 0, since_login: int = 0) -> None:
    """Pretend the last request was `idle` seconds ago and the login `since_login` seconds ago."""
    now = int(time.time())
    session = client.session
    session[SESSION_SEEN_KEY] = now - idle
    session[SESSION_STARTED_KEY] = now - max(idle, since_login)
    session.save()


def _logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_the_session_key_is_renewed_after_the_second_step(client, make_user, area):
    user = make_user("finance", area, username="bram")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("accounts:login"), {"username": "bram", "password": "correct horse battery"})
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("accounts:two_factor"), {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    # The old key does not carry the verified login.
    from importlib import import_module

    old = import_module(settings.SESSION_ENGINE).SessionStore(session_key=before)
    assert not old.exists(before)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["finance", "site_admin"])
def test_finance_and_admin_are_logged_out_after_30_idle_minutes(client, make_user, area, role):
    user = make_user(role, area if role == "finance" else None)
    login(client, user)
    _age(client, idle=29 * MINUTE)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    _age(client, idle=31 * MINUTE)
    response = client.get(reverse("accounts:dashboard"))
    assert _logged_out(response)
    assert "next=" in response["Location"]
    # The session is gone on the server too.
    assert _logged_out(client.get(reverse("accounts:dashboard")))


@pytest.mark.django_db
def test_an_active_finance_session_still_ends_after_8_hours(client, make_user, area):
    login(client, make_user("finance", area))
    _age(client, idle=MINUTE, since_login=7 * 60 * MINUTE)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    _age(client, idle=MINUTE, since_login=8 * 60 * MINUTE + MINUTE)
    assert _logged_out(client.get(reverse("accounts:dashboard")))


@pytest.mark.django_db
def test_a_superuser_gets_a_short_session_too(client, make_user):
    login(client, make_user(is_superuser=True, is_staff=True))
    _age(client, idle=31 * MINUTE)
    assert _logged_out(client.get(reverse("accounts:dashboard")))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident_delegate", "programme_staff"])
def test_other_roles_keep_their_sessions_as_before(client, make_user, area, role):
    login(client, make_user(role, area))
    _age(client, idle=3 * 60 * MINUTE, since_login=10 * 60 * MINUTE)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.django_db
def test_each_request_moves_the_idle_clock(client, make_user, area):
    login(client, make_user("finance", area))
    _age(client, idle=20 * MINUTE)
    client.get(reverse("accounts:dashboard"))
    assert int(time.time()) - client.session[SESSION_SEEN_KEY] < MINUTE
    assert client.session.get_expiry_age() <= 30 * MINUTE
