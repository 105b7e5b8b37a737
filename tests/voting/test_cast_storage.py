"""What a cast writes on PostgreSQL: one row version per code, no index touched (bench/ballots.py).

Marking a code used is an update of `used_channel`; when no index holds that column and the page has
room (fill factor 70), PostgreSQL keeps the new version on its page without index writes (a HOT
update). These tests fail when a migration brings back an index that makes every cast write more.
"""

from __future__ import annotations

import pytest
from django.db import connection

from wijkgeld.voting.models import Ballot, VotingCode
from wijkgeld.voting.services import ballot_cast

TABLES = [VotingCode._meta.db_table, Ballot._meta.db_table]


@pytest.fixture(autouse=True)
def _postgresql_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("index and page layout are PostgreSQL's")


def _indexes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def test_no_index_holds_the_used_channel_and_none_is_for_like_queries():
    for table in TABLES:
        for name, definition in _indexes(table).items():
            assert "used_channel" not in definition, name
            assert "pattern_ops" not in definition, name
    assert "voting_code_valid" in _indexes(VotingCode._meta.db_table)


def test_codes_leave_room_on_each_page():
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [VotingCode._meta.db_table])
        assert "fillfactor=70" in cursor.fetchone()[0]


def _updates() -> tuple[int, int]:
    """Updates of codes this connection made and has not yet reported (so: compare before and after)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s",
            [VotingCode._meta.db_table],
        )
        return cursor.fetchone()


def test_first_casts_update_their_codes_without_index_writes(round_, codes, now):
    updated, hot = _updates()
    for code in codes[:5]:
        ballot_cast(round=round_, code=code, approvals=["1"], now=now)
    after_updated, after_hot = _updates()
    assert (after_updated - updated, after_hot - hot) == (5, 5)
