"""manage.py backup and restore: a backup restored into a fresh database holds every ledger posting and ballot.

Runs on SQLite and on PostgreSQL (make test-postgres), each with its own tools (backup API, pg_dump).
"""

from __future__ import annotations

import io
import sqlite3
import stat
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from wijkgeld.core.models import AuditEntry
from wijkgeld.money.models import Posting, Transaction
from wijkgeld.voting.models import Ballot, PaperBallot, VotingCode

COMPARED = [Posting, Transaction, Ballot, PaperBallot, VotingCode, AuditEntry]


def _backup(tmp_path: Path) -> Path:
    out = io.StringIO()
    call_command("backup", output=str(tmp_path), stdout=out)
    path = Path(out.getvalue().strip())
    assert path.parent == tmp_path and path.is_file()
    return path


def _rows(db: dict, model) -> list[tuple]:
    """Every row of the model's table, read with the plain driver (the same way for both databases)."""
    table = connection.ops.quote_name(model._meta.db_table)
    query = f"SELECT * FROM {table} ORDER BY id"  # noqa: S608 - a model's own table name
    if connection.vendor == "sqlite":
        raw = sqlite3.connect(db["NAME"])
        try:
            return [tuple(row) for row in raw.execute(query).fetchall()]
        finally:
            raw.close()
    import psycopg

    params = {"dbname": db["NAME"], "host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    params["password"] = db.get("PASSWORD")
    with psycopg.connect(**{k: str(v) for k, v in params.items() if v}) as raw:
        return [tuple(row) for row in raw.execute(query).fetchall()]


@pytest.fixture
def fresh_database(tmp_path):
    """A new, empty database on the same server (PostgreSQL) or in a new file (SQLite): its URL and settings."""
    db = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:8]}"
    if connection.vendor == "sqlite":
        target = tmp_path / f"{name}.sqlite3"
        url, settings = f"sqlite:///{target}", {**db, "NAME": str(target)}
    else:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        url, settings = f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{name}", {**db, "NAME": name}
    yield url, settings
    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_fresh_database_has_every_posting_and_ballot(tmp_path, fresh_database):
    from wijkgeld.money.structure import load_structure

    load_structure()  # a flushing test may have removed the seeded themes
    call_command("demo", quiet=True)
    assert Posting.objects.count() > 50 and Ballot.objects.count() > 50
    backup = _backup(tmp_path)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    url, restored = fresh_database
    call_command("restore", str(backup), database_url=url, stdout=io.StringIO())
    for model in COMPARED:
        assert _rows(restored, model) == _rows(connection.settings_dict, model), model.__name__

    # A second restore would overwrite what is there now: refused unless asked for.
    with pytest.raises(CommandError, match="already holds"):
        call_command("restore", str(backup), database_url=url, stdout=io.StringIO())
    call_command("restore", str(backup), database_url=url, replace=True, stdout=io.StringIO())
    assert _rows(restored, Posting) == _rows(connection.settings_dict, Posting)


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup_of_this_kind(tmp_path):
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="neither"):
        call_command("restore", str(junk), database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    other = tmp_path / "other.dump"
    other.write_bytes(b"PGDMP" + b"\0" * 20)
    with pytest.raises(CommandError, match="postgresql backup"):
        call_command("restore", str(other), database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.sqlite3"))
