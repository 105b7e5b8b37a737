"""Shared fixtures: areas, users with a role, and a client logged in (with the second step done)."""

from __future__ import annotations

import itertools

import pytest
from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

_counter = itertools.count(1)


def pytest_configure(config):
    """Put the SQLite test database in a file instead of shared-cache memory.

    Shared-cache in-memory SQLite locks whole tables and ignores the busy timeout, so the concurrency
    test (threads with their own connections) would fail with "database table is locked" instead of
    queueing as the real WAL database does. A file database behaves like production.
    """
    import tempfile
    from pathlib import Path

    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        test = db.setdefault("TEST", {})
        if not test.get("NAME"):
            test["NAME"] = str(Path(tempfile.mkdtemp(prefix="wijkgeld-test-")) / "test.sqlite3")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _fresh_worker_caches():
    """Each test starts with empty per-worker caches (a rolled-back round's id is reused by the next test)."""
    from wijkgeld.voting import selection

    selection._ROUNDS.clear()
    selection._COSTS.clear()


@pytest.fixture
def make_area(db):
    from wijkgeld.areas.models import Area

    def make(name: str | None = None, **kwargs):
        n = next(_counter)
        name = name or f"Testgebied {n}"
        defaults = {"slug": f"testgebied-{n}", "municipality": "Teststad", "cbs_code": "GM0599"}
        defaults.update(kwargs)
        return Area.objects.create(name=name, **defaults)

    return make


@pytest.fixture
def area(make_area):
    return make_area("Testwijk Zuid", slug="testwijk-zuid")


@pytest.fixture
def other_area(make_area):
    return make_area("Andere Wijk", slug="andere-wijk")


@pytest.fixture
def make_user(db):
    from wijkgeld.accounts.models import Role, User

    def make(role: str | None = None, area=None, username: str | None = None, **kwargs):
        username = username or f"user{next(_counter)}"
        user = User.objects.create_user(username=username, password="correct horse battery", **kwargs)
        if role:
            Role.objects.create(user=user, area=area, name=role)
        return user

    return make


def login(client, user):
    """Log in and complete the second step, as the real flow would."""
    client.force_login(user)
    if user.is_superuser or user.roles.filter(name__in=settings.TWO_FACTOR_ROLES).exists():
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login_as(client, make_user):
    """login_as("finance", area) -> a client logged in as a new user with that role in that area."""

    def do(role: str | None, area=None, **kwargs):
        user = make_user(role, area, **kwargs)
        login(client, user)
        client.user = user
        return client

    return do
