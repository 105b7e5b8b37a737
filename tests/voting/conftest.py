"""Fixtures for voting: a round in the voting phase with admitted proposals, and committee members."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
END = dt.datetime(2026, 3, 15, 18, 0, tzinfo=dt.UTC)
DURING = START + dt.timedelta(days=2)


@pytest.fixture
def make_round(db):
    from wijkgeld.fund.models import Fund, Proposal, Round

    def make(area, *, phase="voting", proposals=(100_00, 200_00, 300_00, 400_00), **kwargs):
        fund, _ = Fund.objects.get_or_create(area=area, defaults={"name": f"Bewonersfonds {area.name}"})
        defaults = {
            "title": f"Ronde {area.name}",
            "year": 2026,
            "budget_cents": 500_00,
            "phase": phase,
            "voting_start": START,
            "voting_end": END,
            "max_projects": 3,
            "min_projects": 1,
            "locked_at": START if phase in ("voting", "results", "execution", "closed") else None,
        }
        defaults.update(kwargs)
        round_ = Round.objects.create(fund=fund, **defaults)
        for i, cost in enumerate(proposals, start=1):
            Proposal.objects.create(
                round=round_,
                number=i,
                title=f"Project {i}",
                summary=f"Samenvatting {i}",
                description="…",
                estimated_cost_cents=cost,
                contact_name="Iemand",
                status=Proposal.Status.ADMITTED,
            )
        return round_

    return make


@pytest.fixture
def round_(area, make_round):
    return make_round(area)


@pytest.fixture
def committee(make_user, area):
    return make_user("fund_committee", area)


@pytest.fixture
def committee2(make_user, area):
    return make_user("fund_committee", area)


@pytest.fixture
def codes(round_, committee):
    from wijkgeld.voting.services import codes_generate

    return codes_generate(actor=committee, round=round_, count=5, now=START - dt.timedelta(days=1))


@pytest.fixture
def now():
    return DURING


@pytest.fixture
def timezone_now(monkeypatch):
    """Freeze timezone.now() during voting, for view tests."""
    monkeypatch.setattr(timezone, "now", lambda: DURING)
    return DURING


def pytest_configure(config):
    """Put the SQLite test database in a file instead of shared-cache memory.

    Shared-cache in-memory SQLite locks whole tables and ignores the busy timeout, so the concurrency
    test (threads with their own connections) would fail with "database table is locked" instead of
    queueing as the real WAL database does. A file database behaves like production.
    (Better placed in tests/conftest.py; see docs/voting.md.)
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
def _fresh_cost_cache():
    from wijkgeld.voting import selection

    selection._COSTS.clear()
    yield
    selection._COSTS.clear()


@pytest.fixture(autouse=True)
def _english_client(client):
    """Page tests read the English source messages; one test checks the Dutch default."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
