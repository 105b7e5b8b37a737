"""Benchmark: residents casting ballots through the real cast endpoint under gunicorn.

    .venv/bin/python bench/ballots.py                 # SQLite (FULL, then NORMAL), then PostgreSQL
    .venv/bin/python bench/ballots.py --sqlite-only
    .venv/bin/python bench/ballots.py --postgres      # PostgreSQL only
    options: --codes 20000 --projects 30 --voters 8000 --seconds 60 --threads 16 --clients 2
             --workers 5 --server-threads 4
             --conn-max-age 0 (a new connection per request, for comparison)
             --sqlite-sync FULL,NORMAL (PRAGMA synchronous values to run; FULL is what ships)
             --pg-fast (PostgreSQL with fsync/synchronous_commit off, as earlier runs; default: durable)

It makes a fresh database (SQLite file with WAL in a temporary folder, or a throwaway PostgreSQL
server), a round in the voting phase with 30 admitted projects and 20,000
letter codes, and starts gunicorn on a free port of 127.0.0.1 with production settings (DEBUG=0) and
a shared file cache (CACHE_DIR), as in production: gunicorn's recommended (2 × cores) + 1 worker
processes (5 on two cores). The voters run in --clients processes (default 2) of threads each, so
that the client's own GIL does not cap what the server can take. Voter threads each fetch the code page once for
their CSRF cookie and token, then post ballots to /stemmen/ronde/<id>/ (action=cast) with the
codes from the letters; about 5% of voters vote a second time (the last one counts). The run is
bounded by --voters and --seconds. It prints ballots per second, p50/p99 latency of the cast
requests, and ballots stored versus acknowledged (lost and duplicates must be 0).

SQLite runs once per `--sqlite-sync` value, each in a fresh process and database, so the cost of
`PRAGMA synchronous=FULL` (an acknowledged ballot survives a power loss) is printed next to NORMAL.
PostgreSQL (a throwaway server, bench/pgserver.py) runs with its durable defaults (fsync,
synchronous_commit and full_page_writes on) unless --pg-fast is given (then off, as
scripts/with-postgres.sh runs it for tests and as the runs before 2026-12 were measured).

Throttling stays on: only wrong codes count, and every cast still checks its code (unknown,
revoked, used on paper, one ballot per code). Targets on a 2-core machine: ≥ 200 ballots/s with
p99 < 500 ms everywhere; on PostgreSQL ≥ 300 ballots/s with p99 < 300 ms.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import cpu_split

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_env(
    tmp: Path, database_url: str | None, conn_max_age: int | None = None, sqlite_sync: str = "FULL"
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "WIJKGELD_VAR_DIR": str(tmp / "var"),
            "CACHE_DIR": str(tmp / "cache"),
            "LOG_LEVEL": "WARNING",
            "AXES_ENABLED": "0",
            "SQLITE_SYNCHRONOUS": sqlite_sync,
        }
    )
    env["DATABASE_URL"] = database_url or f"sqlite:///{tmp / 'bench.sqlite3'}"
    if conn_max_age is not None:
        # The project's settings with one change: keep database connections open between requests.
        (tmp / "bench_settings.py").write_text(
            "from config.settings import *  # noqa: F403\n"
            f"DATABASES['default']['CONN_MAX_AGE'] = {int(conn_max_age)}  # noqa: F405\n"
        )
        env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
        env["PYTHONPATH"] = os.pathsep.join([str(tmp), str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        )
        sys.path.insert(0, str(tmp))
    return env


def setup_data(env: dict[str, str], n_codes: int, n_projects: int) -> tuple[int, list[str]]:
    """Migrate, collect static files, and create the round; returns (round id, plaintext codes)."""
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    os.environ.update(env)
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone

    from wijkgeld.accounts.models import Role, User
    from wijkgeld.areas.models import Area
    from wijkgeld.fund.models import Fund, Proposal, Round
    from wijkgeld.voting.services import codes_generate

    now = timezone.now()
    area = Area.objects.create(
        name="Benchwijk", slug="benchwijk", municipality="Benchstad", cbs_code="GM0599"
    )
    fund = Fund.objects.create(area=area, name="Bewonersfonds Benchwijk")
    round_ = Round.objects.create(
        fund=fund,
        title="Benchmarkronde",
        year=now.year,
        budget_cents=300_000_00,
        phase=Round.Phase.PREPARATION,
        voting_start=now - timedelta(hours=1),
        voting_end=now + timedelta(days=1),
        max_projects=5,
        min_projects=1,
    )
    Proposal.objects.bulk_create(
        Proposal(
            round=round_,
            number=i,
            title=f"Project {i}",
            summary=f"Een idee voor de wijk, nummer {i}.",
            description="…",
            estimated_cost_cents=random.randint(1_000, 50_000) * 100,
            contact_name="Bench",
            status=Proposal.Status.ADMITTED,
        )
        for i in range(1, n_projects + 1)
    )
    user = User.objects.create_user(username="bench-committee", password=None)
    Role.objects.create(user=user, area=area, name="fund_committee")
    t0 = time.perf_counter()
    codes = codes_generate(actor=user, round=round_, count=n_codes)
    print(f"  made {len(codes)} codes in {time.perf_counter() - t0:.2f} s", flush=True)
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING, locked_at=now)
    from django.db import connections

    connections.close_all()
    return round_.pk, codes


def start_server(env: dict[str, str], port: int, workers: int, threads: int, tmp: Path) -> subprocess.Popen:
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--backlog",
        "512",
        "--error-logfile",
        str(tmp / "gunicorn.log"),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/stemmen/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not start; see " + str(tmp / "gunicorn.log"))


TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Voter(threading.Thread):
    def __init__(self, port, round_id, codes, n_projects, stop_at, results):
        super().__init__(daemon=True)
        self.port, self.round_id, self.codes = port, round_id, codes
        self.n_projects, self.stop_at, self.results = n_projects, stop_at, results
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                response.read()
                return response
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt:
                    raise
        raise RuntimeError("unreachable")

    def run(self):
        self.conn.request("GET", "/stemmen/")
        page = self.conn.getresponse()
        html = page.read().decode()
        cookie = page.getheader("Set-Cookie", "")
        csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        token = TOKEN_RE.search(html).group(1)
        rng = random.Random()
        path = f"/stemmen/ronde/{self.round_id}/"
        for code in self.codes:
            if time.time() > self.stop_at:
                break
            for repeat in range(2 if rng.random() < 0.05 else 1):
                chosen = rng.sample(range(1, self.n_projects + 1), rng.randint(1, 5))
                fields = [("csrfmiddlewaretoken", token), ("code", code), ("action", "cast")]
                fields += [("projects", str(p)) for p in chosen]
                body = urllib.parse.urlencode(fields)
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={csrf_cookie}",
                }
                t0 = time.perf_counter()
                response = self.request("POST", path, body, headers)
                latency = time.perf_counter() - t0
                set_cookie = response.getheader("Set-Cookie", "") or ""
                match = re.search(r'wg_receipt="?(\d+):([A-Z0-9-]+):', set_cookie)
                ok = response.status == 302 and match is not None
                self.results.append(
                    (code, latency, ok, match.group(2) if match else None, repeat, response.status)
                )


def client_process(port, round_id, shares, n_projects, stop_at, start, queue) -> None:
    """One client process: its voter threads, then their results to the parent."""
    results: list = []
    threads = [Voter(port, round_id, share, n_projects, stop_at, results) for share in shares]
    start.wait()
    cpu0 = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((results, time.process_time() - cpu0))


def run_clients(port, round_id, per_client, n_projects, seconds) -> tuple[list, float, float]:
    """Start the client processes together; returns every cast's result, the wall time and the
    clients' CPU seconds."""
    ctx = multiprocessing.get_context("fork")  # the children need no Django, only the codes
    queue, start = ctx.Queue(), ctx.Event()
    stop_at = time.time() + seconds
    procs = [
        ctx.Process(target=client_process, args=(port, round_id, shares, n_projects, stop_at, start, queue))
        for shares in per_client
    ]
    for proc in procs:
        proc.start()
    t0 = time.perf_counter()
    start.set()
    results: list = []
    client_cpu = 0.0
    for _ in procs:  # read before join: a child cannot exit while its results sit in the pipe
        part, cpu = queue.get()
        results.extend(part)
        client_cpu += cpu
    elapsed = time.perf_counter() - t0
    for proc in procs:
        proc.join()
    return results, elapsed, client_cpu


DURABLE = ("fsync", "synchronous_commit", "full_page_writes")


def fresh_postgres_database(url: str) -> tuple[str, str]:
    """Create an empty database next to the one in DATABASE_URL; returns its URL and the server's settings."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"wijkgeld_bench_{os.getpid()}"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
        version = conn.execute("SHOW server_version").fetchone()[0]
        shown = ", ".join(f"{s}={conn.execute(f'SHOW {s}').fetchone()[0]}" for s in DURABLE)
    return parts._replace(path=f"/{name}").geturl(), f"PostgreSQL {version}: {shown}"


def run_postgres(passthrough: list[str], *, durable: bool) -> int:
    """A fresh process against a fresh server (Django is set up once per process)."""
    from pgserver import postgres_server

    with postgres_server(durable=durable) as url:
        env = dict(os.environ, DATABASE_URL=url)
        return subprocess.call([sys.executable, __file__, "--use-database-url", *passthrough], env=env)


def run_benchmark(args, database_url: str | None, label: str) -> bool:
    tmp = Path(tempfile.mkdtemp(prefix="wijkgeld-bench-"))
    proc = None
    try:
        env = prepare_env(tmp, database_url, args.conn_max_age, getattr(args, "sync", "FULL"))
        print(f"[{label}] preparing a fresh database ...", flush=True)
        round_id, codes = setup_data(env, args.codes, args.projects)
        port = free_port()
        proc = start_server(env, port, args.workers, args.server_threads, tmp)
        voters = min(args.voters, len(codes))
        chosen = codes[:voters]
        clients = max(1, min(args.clients, args.threads))
        per_thread = [chosen[i :: args.threads] for i in range(args.threads)]
        per_client = [per_thread[i::clients] for i in range(clients)]
        print(
            f"[{label}] {args.threads} voter threads in {clients} client processes,"
            f" gunicorn {args.workers} workers × {args.server_threads} threads,"
            f" up to {voters} voters or {args.seconds} s ...",
            flush=True,
        )
        before = cpu_split.snapshot(proc.pid)
        results, elapsed, client_cpu = run_clients(port, round_id, per_client, args.projects, args.seconds)
        cpu = cpu_split.describe(before, cpu_split.snapshot(proc.pid), client_cpu, len(results))
        return report(label, results, elapsed, round_id, cpu)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)


def report(label: str, results: list, elapsed: float, round_id: int, cpu: str) -> bool:
    from django.db import connections

    from wijkgeld.voting.codes import code_hash, format_receipt
    from wijkgeld.voting.models import Ballot

    connections.close_all()
    latencies = sorted(r[1] for r in results)
    acked = {}
    failures = [r for r in results if not r[2]]
    for code, _lat, ok, receipt, _repeat, _status in results:
        if ok:
            acked[code] = receipt
    stored = {
        h: format_receipt(r)
        for h, r in Ballot.objects.filter(round_id=round_id).values_list("code__code_hash", "receipt")
    }
    lost = [c for c, receipt in acked.items() if stored.get(code_hash(c)) != receipt]
    total_rows = Ballot.objects.filter(round_id=round_id).count()
    duplicates = total_rows - len(stored)
    unexpected = total_rows - len(acked)
    ok_casts = sum(1 for r in results if r[2])

    def pct(p):
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
        )

    rate = len(acked) / elapsed
    print(
        f"[{label}] cast requests: {len(results)} in {elapsed:.1f} s ({ok_casts} acknowledged, {len(failures)} failed)"
    )
    print(
        f"[{label}] ballots per second: {rate:.1f}  (cast requests per second: {len(results) / elapsed:.1f})"
    )
    print(f"[{label}] latency p50: {pct(0.50):.1f} ms  p99: {pct(0.99):.1f} ms  max: {pct(1.0):.1f} ms")
    print(
        f"[{label}] ballots acknowledged: {len(acked)}  stored: {total_rows}  lost: {len(lost)}"
        f"  duplicates: {duplicates}  stored but not acknowledged: {unexpected}"
    )
    print(f"[{label}] {cpu}")
    if failures:
        print(f"[{label}] first failure statuses: {sorted({r[5] for r in failures})}")
    good = not lost and duplicates == 0 and unexpected == 0 and not failures
    floor, ceiling = (300, 300) if label.startswith("postgresql") else (200, 500)
    target = rate >= floor and pct(0.99) < ceiling
    print(
        f"[{label}] {'OK' if good else 'PROBLEM'}; target (≥ {floor} ballots/s, p99 < {ceiling} ms):"
        f" {'met' if target else 'NOT met'}"
    )
    return good


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=20_000)
    parser.add_argument("--projects", type=int, default=30)
    parser.add_argument("--voters", type=int, default=8_000, help="at most this many voters")
    parser.add_argument("--seconds", type=float, default=60, help="stop casting after this many seconds")
    parser.add_argument("--threads", type=int, default=16, help="concurrent voters")
    parser.add_argument("--clients", type=int, default=2, help="client processes the voter threads run in")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn worker processes (default: gunicorn's recommended 2 × cores + 1)",
    )
    parser.add_argument("--server-threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=None,
        help="run with DATABASES CONN_MAX_AGE set to this (default: DB_CONN_MAX_AGE from the settings, 60 s)",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="PostgreSQL only (started by scripts/with-postgres.sh)"
    )
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--sqlite-sync", default="FULL,NORMAL", help="PRAGMA synchronous values to run")
    parser.add_argument("--pg-fast", action="store_true", help="PostgreSQL without fsync (not durable)")
    parser.add_argument("--use-database-url", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sqlite-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.use_database_url:
        url, shown = fresh_postgres_database(os.environ["DATABASE_URL"])
        print(f"[postgresql] {shown}", flush=True)
        return 0 if run_benchmark(args, url, "postgresql") else 1
    if args.sqlite_run:
        args.sync = args.sqlite_run
        return 0 if run_benchmark(args, None, f"sqlite synchronous={args.sync}") else 1
    passthrough = [a for a in sys.argv[1:] if a not in ("--postgres", "--sqlite-only", "--pg-fast")]
    if args.postgres:
        return run_postgres(passthrough, durable=not args.pg_fast)
    # A fresh process per run: Django is set up once per process.
    ok = True
    for mode in [m.strip().upper() for m in args.sqlite_sync.split(",") if m.strip()]:
        ok = subprocess.call([sys.executable, __file__, "--sqlite-run", mode, *passthrough]) == 0 and ok
    if args.sqlite_only:
        return 0 if ok else 1
    return 0 if (run_postgres(passthrough, durable=not args.pg_fast) == 0 and ok) else 1


if __name__ == "__main__":
    sys.exit(main())
