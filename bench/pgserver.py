"""A throwaway PostgreSQL server for the benchmarks, as scripts/with-postgres.sh starts one.

The difference: by default it keeps PostgreSQL's durable settings (fsync, synchronous_commit and
full_page_writes on), because the benchmarks measure what production gets. `durable=False` turns them
off like the test script does. The crash benchmark also kills it (-9) and starts it again.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed (scripts/ensure-system-packages.sh postgresql)")
    return Path(found[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, *, durable: bool = True) -> None:
        self.bindir = _bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="wijkgeld-bench-pg-"))
        self.as_pg: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.as_pg = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        self.data = self.folder / "data"
        self.options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            self.options += " " + FAST
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _pg(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            [*self.as_pg, *args], check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def init(self) -> None:
        self._pg(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def start(self) -> None:
        log = str(self.folder / "log")
        self._pg(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-o", self.options, "start"
        )

    def kill(self) -> None:
        """kill -9 the postmaster (its backends exit with it), as a crash would."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        time.sleep(0.5)  # the backends notice their postmaster is gone

    def stop(self) -> None:
        self._pg(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def postgres_server(*, durable: bool = True) -> Iterator[str]:
    """Start a server on a free port of 127.0.0.1; yields the URL of its (empty) `postgres` database."""
    server = PostgresServer(durable=durable)
    try:
        server.init()
        server.start()
        yield server.url
    finally:
        server.stop()
