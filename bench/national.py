#!/usr/bin/env python3
"""Benchmark the national overview: the demo plus 1,000,000 ledger postings over 20 areas and 3 years,
served by gunicorn; times the national page and the national API (p50/p95 over >= 200 requests each), the
first request after a new posting (the figures are recomputed then), and streams the bulk CSV of all
postings while watching the workers' peak memory.

    .venv/bin/python bench/national.py                       # SQLite, then PostgreSQL (scripts/with-postgres.sh)
    .venv/bin/python bench/national.py --only sqlite         # one database
    .venv/bin/python bench/national.py --postings 100000 --requests 50   # quicker

The postings are written by bench/ledger.py's `fill` (consistent, batched, COPY on PostgreSQL). gunicorn runs
with production settings (DEBUG=0), 2 workers x 2 threads and a file cache shared by the workers, as
recommended in docs/operations.md. Target: p95 < 150 ms for the page and the API.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ledger import fill, setup_django  # noqa: E402

TARGET_MS = 150


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "WIJKGELD_VAR_DIR": str(tmp / "var"),
            "CACHE_DIR": str(tmp / "cache"),
            "LOG_LEVEL": "WARNING",
            "AXES_ENABLED": "0",
        }
    )
    return env


def start_server(env: dict[str, str], port: int, tmp: Path) -> subprocess.Popen:
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
        "2",
        "--error-logfile",
        str(tmp / "gunicorn.log"),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("gunicorn did not start; see " + str(tmp / "gunicorn.log"))


def get(conn: http.client.HTTPConnection, url: str) -> tuple[int, float, int]:
    start = time.perf_counter()
    conn.request("GET", url)
    response = conn.getresponse()
    size = len(response.read())
    return response.status, (time.perf_counter() - start) * 1000, size


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(int(round(0.95 * len(ordered))) - 1, 0)]


def worker_peak_rss_kb(master: int) -> dict[int, int]:
    """VmHWM (peak resident memory) of each gunicorn worker, from /proc."""
    peaks = {}
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks[int(pid)] = int(line.split()[1])
    return peaks


def run_here(args) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkgeld-bench-national-") as tmpdir:
        tmp = Path(tmpdir)
        env = server_env(tmp)
        os.environ.update(env)
        setup_django(str(tmp / "var"))
        from django.core.management import call_command
        from django.db import connection, connections

        call_command("collectstatic", "--noinput", verbosity=0)
        started = time.perf_counter()
        call_command("demo", quiet=True)
        demo_seconds = time.perf_counter() - started
        filled = fill(args.postings)
        from wijkgeld.money.models import Posting

        total = Posting.objects.count()
        engine = connection.vendor
        connections.close_all()
        port = free_port()
        server = start_server(env, port, tmp)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            variants = {
                "national page": [f"/landelijk/?year={y}" for y in (2026, 2027, 2028)]
                + [f"/landelijk/?year={y}&theme=school_en_omgeving" for y in (2026, 2027, 2028)],
                "national API": [f"/api/v1/national/{y}/" for y in (2026, 2027, 2028)]
                + [f"/api/v1/national/{y}/?theme=integraal" for y in (2026, 2027, 2028)],
            }
            print(
                f"\n{engine}: demo in {demo_seconds:.1f} s; {filled['postings']:,} postings written in "
                f"{filled['seconds']:.1f} s; {total:,} postings in the ledger"
            )
            cold = []
            for urls in variants.values():
                for url in urls:  # the first request of each variant computes the figures
                    status, ms, _size = get(conn, url)
                    assert status == 200, (url, status)
                    cold.append(ms)
            print(
                f"  first request per variant (figures computed): max {max(cold):7.1f} ms, "
                f"median {statistics.median(cold):7.1f} ms ({len(cold)} variants)"
            )
            for name, urls in variants.items():
                timings = []
                for i in range(args.requests):
                    status, ms, _size = get(conn, urls[i % len(urls)])
                    assert status == 200
                    timings.append(ms)
                p50, p95 = percentiles(timings)
                verdict = "OK" if p95 < TARGET_MS else "SLOW"
                print(
                    f"  {name:<14} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({args.requests} requests)  {verdict}"
                )
            # A new posting: the version changes, the next request recomputes (this is what a change costs).
            after = []
            for round_ in range(3):
                os.environ.update(env)
                from wijkgeld.areas.models import Area
                from wijkgeld.money import services
                from wijkgeld.money.models import Theme

                services.grant_create(
                    actor=None,
                    area=Area.objects.order_by("?").first(),
                    year=2026,
                    theme=Theme.objects.get(code="integraal", tranche__number=2),
                    funding_ministry="VRO",
                    amount_cents=100 + round_,
                )
                connections.close_all()
                status, ms, _size = get(conn, "/api/v1/national/2026/")
                assert status == 200
                after.append(ms)
            print(f"  first API request after a new posting: {', '.join(f'{ms:.0f}' for ms in after)} ms")
            before = worker_peak_rss_kb(server.pid)
            start = time.perf_counter()
            status, ms, size = get(conn, "/open-data/postings.csv")
            seconds = time.perf_counter() - start
            assert status == 200
            peaks = worker_peak_rss_kb(server.pid)
            grew = max(peaks[p] - before.get(p, 0) for p in peaks)
            print(
                f"  postings CSV: {size / 1e6:.1f} MB in {seconds:.1f} s ({size / 1e6 / seconds:.1f} MB/s); "
                f"worker peak RSS {max(peaks.values()) / 1024:.0f} MB (grew by at most {grew / 1024:.0f} MB)"
            )
            sys.stdout.flush()
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    passthrough = ["--postings", str(args.postings), "--requests", str(args.requests)]
    in_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if args.only == "postgres" and not in_postgres:
        script = ROOT / "scripts" / "with-postgres.sh"
        sys.exit(subprocess.call([str(script), sys.executable, __file__, "--only", "postgres", *passthrough]))
    if args.only is None:
        os.environ.pop("DATABASE_URL", None)
        subprocess.check_call([sys.executable, __file__, "--only", "sqlite", *passthrough])
        sys.exit(subprocess.call([sys.executable, __file__, "--only", "postgres", *passthrough]))
    if args.only == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    run_here(args)


if __name__ == "__main__":
    main()
