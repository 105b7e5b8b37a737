"""Back up and restore the whole database: SQLite through its online backup API, PostgreSQL through pg_dump and
pg_restore. Used by `manage.py backup` and `manage.py restore`; docs/operations.md says when and how.

Both work while the site runs: SQLite's backup API copies a consistent snapshot page by page (WAL mode lets
voters keep voting), and pg_dump reads one snapshot transaction.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore could not be done; the message says why (for the operator, in English)."""


def engine_of(db: Mapping[str, Any]) -> str:
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def suffix_for(db: Mapping[str, Any]) -> str:
    return ".sqlite3" if engine_of(db) == "sqlite" else ".dump"


def kind_of_file(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is neither a SQLite backup nor a pg_dump custom-format file.")


# --- SQLite ---------------------------------------------------------------------------------------


def sqlite_backup(source: sqlite3.Connection, target: Path) -> None:
    """Copy a consistent snapshot of the open database into a new file, then check the copy."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination, pages=1024)  # in steps, so writers are not held up for long
        _sqlite_check(destination, partial)
        destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        destination.close()
    os.replace(partial, target)


def sqlite_restore(source_file: Path, target: Path, *, replace: bool) -> None:
    if not replace and _sqlite_has_tables(target):
        raise BackupError(f"{target} already holds data; restore into a fresh database or pass --replace.")
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
    try:
        _sqlite_check(source, source_file)
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=WAL")
        finally:
            destination.close()
    finally:
        source.close()


def _sqlite_check(connection: sqlite3.Connection, path: Path) -> None:
    result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{path} fails SQLite's integrity check: {result}")


def _sqlite_has_tables(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0
    finally:
        connection.close()


# --- PostgreSQL ------------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """pg_dump / pg_restore: $PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian), else the PATH."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]) / name)
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(x) for x in p.parent.name.split(".") if x.isdigit()],
    )
    candidates += [v / name for v in reversed(versions)]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} was not found: install the PostgreSQL client tools or set PG_BIN.")
    return found


def pg_env(db: Mapping[str, Any]) -> dict[str, str]:
    """Connection settings as libpq environment variables, so no password appears on a command line."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def pg_backup(db: Mapping[str, Any], target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    _run([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"], db)
    _run([pg_tool("pg_restore"), "--list", str(partial)], db)  # the dump can be read back
    os.replace(partial, target)


def pg_restore(db: Mapping[str, Any], source_file: Path, *, replace: bool) -> None:
    tables = _pg_scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
    if tables > 0 and not replace:
        raise BackupError(
            f"Database {db['NAME']} already holds tables; restore into a fresh one or pass --replace."
        )
    command = [
        pg_tool("pg_restore"),
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
    ]
    if replace:
        command += ["--clean", "--if-exists"]
    _run([*command, f"--dbname={db['NAME']}", str(source_file)], db)


def _pg_scalar(db: Mapping[str, Any], query: str) -> int:
    import psycopg

    params = {"dbname": db["NAME"], "host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER")}
    params["password"] = db.get("PASSWORD")
    with psycopg.connect(**{k: str(v) for k, v in params.items() if v}) as connection:
        row = connection.execute(query).fetchone()
    return int(row[0]) if row else 0


def _run(command: list[str], db: Mapping[str, Any]) -> str:
    result = subprocess.run(command, env=pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[:2000]}")
    return result.stdout
