"""The common case of casting on PostgreSQL in one statement: a first online ballot for a fresh code.

Most casts are a resident's first vote. The general path (`services.ballot_cast`) takes six round
trips to the database for it (BEGIN, lock the code, insert the ballot, mark the code used, COMMIT,
plus reading the round); at 300 ballots per second on two cores the round trips and the ORM work
around them, not the database, were the cost. This statement does the same checks and writes at once,
atomically (one statement is one transaction in PostgreSQL):

- the round is in phase voting, its rules are locked and `voting_start <= now < voting_end`,
  read from the round row at this moment (not from a copy the worker may hold);
- the code belongs to that round, is not revoked and was never used (`used_channel = ''`);
- the code row is updated to "online" (taking its row lock, as `SELECT … FOR UPDATE` does) and the
  ballot inserted with a new receipt.

If any condition fails (a change of vote, a used, revoked or unknown code, a closed round) no row
comes back and nothing was written; the caller then runs the general path, which gives the precise
answer. Two simultaneous first casts with one code: the second waits for the first's row lock, then
PostgreSQL re-checks `used_channel = ''` on the new row version, finds it used, writes nothing and
falls back (where it becomes a change of vote). SQLite has no data-modifying `WITH`; it keeps the
general path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time

from django.db import IntegrityError, connection, transaction

from wijkgeld.fund.models import Round
from wijkgeld.voting.models import Ballot, Channel, VotingCode


def _sql() -> str:
    # Table names come from the models; every value is a parameter.
    return f"""
        WITH open_round AS (
            SELECT id FROM {Round._meta.db_table}
            WHERE id = %(round)s AND phase = %(voting)s AND locked_at IS NOT NULL
              AND (voting_start IS NULL OR voting_start <= %(now)s)
              AND (voting_end IS NULL OR voting_end > %(now)s)
        ), used AS (
            UPDATE {VotingCode._meta.db_table} SET used_channel = %(online)s
            WHERE code_hash = %(hash)s AND round_id IN (SELECT id FROM open_round)
              AND NOT revoked AND used_channel = ''
            RETURNING id
        )
        INSERT INTO {Ballot._meta.db_table} (round_id, code_id, receipt, channel, approvals, points)
        SELECT %(round)s, id, %(receipt)s, %(online)s, %(approvals)s::jsonb, %(points)s::jsonb FROM used
        RETURNING receipt
    """  # noqa: S608


def first_cast(
    *, round_id: int, code_hash: str, receipt: str, approvals, points, now: dt.datetime
) -> str | None:
    """Store a first online ballot in one statement; the receipt, or None if the general path must decide."""
    if connection.vendor != "postgresql":
        return None
    import psycopg
    from psycopg.types.json import Jsonb

    params = {
        "round": round_id,
        "voting": str(Round.Phase.VOTING),
        "now": now,
        "online": str(Channel.ONLINE),
        "hash": code_hash,
        "receipt": receipt,
        "approvals": Jsonb(list(approvals)),
        "points": Jsonb(points) if points is not None else None,
    }
    # Outside a transaction the statement commits on its own (no BEGIN/COMMIT round trips); inside
    # one (tests, or a caller's transaction) a savepoint keeps a failed insert from breaking it.
    scope = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with scope:
            row = _execute(params)
    except (IntegrityError, psycopg.IntegrityError):  # an existing receipt (2^-49): general path
        return None
    return row[0] if row else None


def _execute(params: dict):
    """Run the statement prepared (server-side binding): PostgreSQL plans it once per connection.

    Django's cursors bind on the client, so every execution would be parsed and planned again.
    """
    import psycopg

    connection.ensure_connection()
    sql = _sql()
    started = time.monotonic()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)
        row = cursor.fetchone()
    if connection.queries_logged:  # visible to Django's query log and the tests, like other queries
        connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})
    return row
