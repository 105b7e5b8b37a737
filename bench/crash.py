"""Crash test: ballots through gunicorn, kill -9 in the middle, restart, compare acknowledged and stored.

    .venv/bin/python bench/crash.py                  # SQLite, then PostgreSQL
    .venv/bin/python bench/crash.py --sqlite-only
    .venv/bin/python bench/crash.py --postgres
    options: --codes 5000 --threads 16 --kill-after 400 (acknowledged ballots before the kill)
             --seconds 20 (kill at the latest after this) --keep-db (PostgreSQL: kill only gunicorn)

For each database: a fresh database with one round and letter codes (as bench/ballots.py makes it),
gunicorn with production settings in its own process group, voter threads casting ballots through
the real endpoint. After --kill-after acknowledged ballots every gunicorn process gets SIGKILL at
once; on PostgreSQL the database server is killed with -9 too (its crash recovery must keep every
committed ballot) unless --keep-db. Then the database (PostgreSQL) and gunicorn start again and one
more ballot is cast, to show the vote goes on.

A ballot is *acknowledged* when its voter got the 302 with the receipt. Printed: acknowledged,
stored, lost (acknowledged but not stored with that receipt: must be 0), stored without an answer
(cast while the kill happened: allowed, the voter simply did not see the receipt), and whether the
restarted server took a new ballot. Not part of `make test` (it takes about a minute per database).
Settings as shipped: SQLite with WAL and synchronous=FULL; PostgreSQL with fsync and
synchronous_commit on. Killing processes does not cut the power: for that guarantee the settings
(FULL, fsync) are what counts, and docs/operations.md says so.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ballots import ROOT, TOKEN_RE, VENV_BIN, free_port, fresh_postgres_database, prepare_env, setup_data  # noqa: E402
from pgserver import PostgresServer  # noqa: E402

RECEIPT_RE = re.compile(r'wg_receipt="?(\d+):([A-Z0-9-]+):')


def start_gunicorn(env: dict[str, str], port: int, tmp: Path) -> subprocess.Popen:
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--error-logfile",
        str(tmp / "gunicorn.log"),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/stemmen/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("gunicorn did not start; see " + str(tmp / "gunicorn.log"))


def cast_one(port: int, round_id: int, code: str) -> str | None:
    """One resident: fetch the page for the CSRF token, cast, return the receipt (or None)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/stemmen/")
    page = conn.getresponse()
    html = page.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", "")).group(1)
    body = urllib.parse.urlencode(
        [("csrfmiddlewaretoken", TOKEN_RE.search(html).group(1)), ("code", code), ("action", "cast")]
        + [("projects", "1")]
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"}
    conn.request("POST", f"/stemmen/ronde/{round_id}/", body, headers)
    response = conn.getresponse()
    response.read()
    match = RECEIPT_RE.search(response.getheader("Set-Cookie", "") or "")
    return match.group(2) if response.status == 302 and match else None


class Voter(threading.Thread):
    def __init__(self, port, round_id, codes, acked, stop):
        super().__init__(daemon=True)
        self.port, self.round_id, self.codes, self.acked, self.stop = port, round_id, codes, acked, stop

    def run(self):
        rng = random.Random()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            conn.request("GET", "/stemmen/")
            page = conn.getresponse()
            html = page.read().decode()
            csrf = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", "")).group(1)
            token = TOKEN_RE.search(html).group(1)
        except (OSError, http.client.HTTPException, AttributeError):
            return
        for code in self.codes:
            if self.stop.is_set():
                return
            chosen = rng.sample(range(1, 31), rng.randint(1, 5))
            fields = [("csrfmiddlewaretoken", token), ("code", code), ("action", "cast")]
            body = urllib.parse.urlencode(fields + [("projects", str(p)) for p in chosen])
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"}
            try:
                conn.request("POST", f"/stemmen/ronde/{self.round_id}/", body, headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                return  # the server is gone: this ballot was not acknowledged
            match = RECEIPT_RE.search(response.getheader("Set-Cookie", "") or "")
            if response.status == 302 and match:
                self.acked[code] = match.group(2)


def run(args, label: str, database_url: str | None, server: PostgresServer | None) -> bool:
    tmp = Path(tempfile.mkdtemp(prefix="wijkgeld-crash-"))
    proc = None
    try:
        env = prepare_env(tmp, database_url)
        print(f"[{label}] preparing a fresh database ...", flush=True)
        round_id, codes = setup_data(env, args.codes, 30)
        spare, codes = codes[-1], codes[:-1]
        port = free_port()
        proc = start_gunicorn(env, port, tmp)
        acked: dict[str, str] = {}
        stop = threading.Event()
        shares = [codes[i :: args.threads] for i in range(args.threads)]
        voters = [Voter(port, round_id, share, acked, stop) for share in shares]
        for v in voters:
            v.start()
        deadline = time.time() + args.seconds
        while len(acked) < args.kill_after and time.time() < deadline:
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
        killed = "gunicorn"
        if server is not None and not args.keep_db:
            server.kill()
            killed += " and the PostgreSQL server"
        at_kill = len(acked)
        stop.set()
        for v in voters:
            v.join(timeout=30)
        proc.wait(timeout=10)
        print(f"[{label}] kill -9 of {killed} after {at_kill} acknowledged ballots", flush=True)
        if server is not None and not args.keep_db:
            server.start()
        proc = start_gunicorn(env, port, tmp)
        after = cast_one(port, round_id, spare)
        return report(label, acked, round_id, after, spare)
    finally:
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def report(label: str, acked: dict[str, str], round_id: int, after: str | None, spare: str) -> bool:
    from django.db import connections

    from wijkgeld.voting.codes import code_hash, format_receipt
    from wijkgeld.voting.models import Ballot

    connections.close_all()
    stored = {
        h: format_receipt(r)
        for h, r in Ballot.objects.filter(round_id=round_id).values_list("code__code_hash", "receipt")
    }
    lost = [c for c, receipt in acked.items() if stored.get(code_hash(c)) != receipt]
    acked_hashes = {code_hash(c) for c in acked} | {code_hash(spare)}
    unanswered = len(set(stored) - acked_hashes)
    restarted = after is not None and stored.get(code_hash(spare)) == after
    print(
        f"[{label}] acknowledged: {len(acked)}  stored: {len(stored)}  lost: {len(lost)}"
        f"  stored without an answer: {unanswered}  ballot after restart: {'yes' if restarted else 'NO'}"
    )
    good = not lost and restarted
    print(f"[{label}] {'OK' if good else 'PROBLEM'}: every acknowledged ballot is stored", flush=True)
    return good


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=5_000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--kill-after", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--run", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run == "sqlite":
        return 0 if run(args, "sqlite", None, None) else 1
    if args.run == "postgresql":
        server = PostgresServer(durable=True)
        try:
            server.init()
            server.start()
            url, shown = fresh_postgres_database(server.url)
            print(f"[postgresql] {shown}", flush=True)
            return 0 if run(args, "postgresql", url, server) else 1
        finally:
            server.stop()
    passthrough = [a for a in sys.argv[1:] if a not in ("--postgres", "--sqlite-only")]
    # A fresh process per database: Django is set up once per process.
    ok = True
    if not args.postgres:
        ok = subprocess.call([sys.executable, __file__, "--run", "sqlite", *passthrough]) == 0
    if not args.sqlite_only:
        ok = subprocess.call([sys.executable, __file__, "--run", "postgresql", *passthrough]) == 0 and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
