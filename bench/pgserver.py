"""A throwaway PostgreSQL server for the benchmarks, as scripts/with-postgres.sh starts one.

The difference: by default it keeps PostgreSQL's durable settings (fsync, synchronous_commit and
full_page_writes on), because the benchmarks measure what production gets. `durable=False` turns them
off like the test script does.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

FAST = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]


def _bindir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()],
    )
    if not found:
        raise SystemExit("PostgreSQL is not installed (scripts/ensure-system-packages.sh postgresql)")
    return Path(found[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def postgres_server(*, durable: bool = True) -> Iterator[str]:
    """Start a server on a free port of 127.0.0.1; yields the URL of its (empty) `postgres` database."""
    bindir = _bindir()
    folder = Path(tempfile.mkdtemp(prefix="wijkgeld-bench-pg-"))
    as_pg: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_pg = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = folder / "data"
    options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " " + " ".join(FAST)
    try:
        subprocess.run(
            [*as_pg, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                *as_pg,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)
