#!/usr/bin/env python3
"""Benchmark the ledger: fill a database with 20 areas x 3 years and 1,000,000 postings, then time
the public finance overview page and the finance API (p50/p95 over 200 requests each).

    .venv/bin/python bench/ledger.py                  # SQLite, then PostgreSQL (via scripts/with-postgres.sh)
    .venv/bin/python bench/ledger.py --only sqlite    # one database
    .venv/bin/python bench/ledger.py --postings 100000 --requests 50   # quicker

The data is consistent (every transaction balances, no line or commitment is overdrawn; checked after
loading) and is written in batches: bulk_create for grants, lines and commitments; executemany
(SQLite) or COPY (PostgreSQL) for the 1,000,000 postings and their transactions, because the ORM's
per-value SQL compilation would dominate the run time. Then ANALYZE (and VACUUM on PostgreSQL).
Requests go through the Django test client (whole stack: middleware, view, queries, template) with
DEBUG off. Target: p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH = 5000
POSTING_COLUMNS = (
    "transaction_id",
    "area_id",
    "year",
    "theme_id",
    "line_id",
    "commitment_id",
    "account",
    "amount_cents",
    "is_local",
    "tier",
)
warnings.filterwarnings("ignore", message="No directory at")


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["WIJKGELD_VAR_DIR"] = var_dir
    os.environ.setdefault("AXES_ENABLED", "0")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _slash, name = url.rpartition("/")
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log in memory
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(total_postings: int, seed: int = 2026) -> dict[str, float]:
    """Write grants, allocations, commitments and payments until `total_postings` postings exist."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone

    from wijkgeld.areas.demo import load_nplv_areas
    from wijkgeld.money.models import Account, BudgetLine, Commitment, Grant, Theme, Transaction

    rng = random.Random(seed)
    started = time.perf_counter()
    load_nplv_areas()
    from wijkgeld.areas.models import Area, Organisation

    areas = list(Area.objects.all())
    themes = list(Theme.objects.filter(tranche__number=2))
    years = (2026, 2027, 2028)
    now = timezone.now()
    per_area_year = -(-total_postings // (len(areas) * len(years)))  # ceiling: at least the total
    # Per area-year: 7 grants (14 postings), 2 lines per theme (28), commitments with 2 payments (6 each).
    commitments_per_area_year = max(-(-(per_area_year - 14 - 28) // 6), 1)
    outsider = Organisation.objects.create(name="Landelijk bureau (bench)", kind="other", legal_form="bv")
    postings: list[tuple] = []
    written = 0
    created_at = connection.ops.adapt_datetimefield_value(now)
    next_tx_id = (Transaction.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1

    def raw_insert(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        # executemany with plain tuples: the ORM's per-value SQL compilation would dominate the run time.
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # COPY is PostgreSQL's bulk path
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)

    def flush(force: bool = False) -> None:
        nonlocal postings, written
        if postings and (force or len(postings) >= BATCH):
            raw_insert("money_posting", POSTING_COLUMNS, postings)
            written += len(postings)
            postings = []

    def leg(tx, year, theme, account, amount, line=None, commitment=None, local=False):
        # Legs that follow a commitment carry its tier (resident-led for the bench's residents).
        tier = ("resident_led" if local else "outside") if commitment or tx.kind == "commitment" else ""
        postings.append(
            (
                tx.pk,
                tx.area_id,
                year,
                theme.pk,
                line.pk if line else None,
                commitment.pk if commitment else None,
                account,
                amount,
                local,
                tier,
            )
        )

    def txs(area, kind, n):
        nonlocal next_tx_id
        ids = range(next_tx_id, next_tx_id + n)
        next_tx_id += n
        raw_insert(
            "money_transaction",
            ("id", "area_id", "kind", "description", "document", "actor_label", "created_at"),
            [(i, area.pk, kind, kind, "", "bench", created_at) for i in ids],
        )
        return [Transaction(pk=i, area_id=area.pk, kind=kind) for i in ids]

    with transaction.atomic():
        for area in areas:
            for year in years:
                grant_amount = 5_000_000_00
                for theme, tx in zip(themes, txs(area, "grant", len(themes)), strict=True):
                    Grant.objects.create(
                        area=area,
                        year=year,
                        theme=theme,
                        funding_ministry="VRO",
                        amount_cents=grant_amount,
                        transaction=tx,
                        created_at=now,
                    )
                    leg(tx, year, theme, Account.SOURCE, -grant_amount)
                    leg(tx, year, theme, Account.UNALLOCATED, grant_amount)
                lines = BudgetLine.objects.bulk_create(
                    [
                        BudgetLine(
                            area=area, theme=theme, year=year, code=f"{theme.code[:50]}-{i}", name=f"Post {i}"
                        )
                        for theme in themes
                        for i in range(2)
                    ]
                )
                line_amount = 2_000_000_00
                for line, tx in zip(lines, txs(area, "allocation", len(lines)), strict=True):
                    leg(tx, year, line.theme, Account.UNALLOCATED, -line_amount)
                    leg(tx, year, line.theme, Account.AVAILABLE, line_amount, line)
                commit_txs = txs(area, "commitment", commitments_per_area_year)
                chosen = [rng.choice(lines) for _ in commit_txs]
                is_local = [rng.random() < 0.8 for _ in commit_txs]
                commitments = Commitment.objects.bulk_create(
                    [
                        Commitment(
                            line=line,
                            amount_cents=rng.randint(100_00, 5_000_00),
                            description="bench",
                            recipient_name="Bewoner" if local else outsider.name,
                            recipient_organisation=None if local else outsider,
                            recipient_is_resident=local,
                            is_local=local,
                            tier="resident_led" if local else "outside",
                            non_local_reason="" if local else "no_local_capacity",
                            non_local_explanation="" if local else "bench",
                            transaction=tx,
                            created_at=now,
                        )
                        for line, tx, local in zip(chosen, commit_txs, is_local, strict=True)
                    ],
                    batch_size=BATCH,
                )
                pay_txs = txs(area, "payment", 2 * len(commitments))
                for i, c in enumerate(commitments):
                    line, amount = c.line, c.amount_cents
                    leg(c.transaction, year, line.theme, Account.AVAILABLE, -amount, line, None, c.is_local)
                    leg(c.transaction, year, line.theme, Account.COMMITTED, amount, line, c, c.is_local)
                    part = amount // 3
                    for tx in (pay_txs[2 * i], pay_txs[2 * i + 1]):
                        leg(tx, year, line.theme, Account.COMMITTED, -part, line, c, c.is_local)
                        leg(tx, year, line.theme, Account.PAID, part, line, c, c.is_local)
                    flush()
        flush(force=True)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Transaction]):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        old = connection.connection.autocommit
        connection.connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE money_posting")
        connection.connection.autocommit = old
    seconds = time.perf_counter() - started
    from django.db.models import Sum

    from wijkgeld.money.models import Posting

    unbalanced = Posting.objects.values("transaction_id").annotate(t=Sum("amount_cents")).exclude(t=0).count()
    assert unbalanced == 0, f"{unbalanced} transactions do not balance"
    return {"postings": written, "seconds": seconds}


def measure(requests: int) -> dict[str, tuple[float, float]]:
    from django.test import Client

    from wijkgeld.areas.models import Area

    slugs = list(Area.objects.values_list("slug", flat=True))
    client = Client()
    results = {}
    for name, pattern in [
        ("overview page", "/gebieden/{slug}/geld/{year}/"),
        ("finance API", "/api/v1/areas/{slug}/finance/{year}/"),
    ]:
        client.get(pattern.format(slug=slugs[0], year=2026))  # warm up
        timings = []
        for i in range(requests):
            url = pattern.format(slug=slugs[i % len(slugs)], year=2026 + i % 3)
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[max(int(round(0.95 * len(timings))) - 1, 0)]
        results[name] = (statistics.median(timings), p95)
    return results


def run_here(args) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkgeld-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        filled = fill(args.postings)
        results = measure(args.requests)
        if connection.vendor == "sqlite":
            version = connection.Database.sqlite_version
        else:  # pg_version is an integer such as 150018 for 15.18
            version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
        engine = f"{connection.vendor} {version}"
        print(f"\n{engine}: {filled['postings']:,} postings written in {filled['seconds']:.1f} s")
        for name, (p50, p95) in results.items():
            verdict = "OK" if p95 < 200 else "SLOW"
            print(
                f"  {name:<14} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({args.requests} requests)  {verdict}"
            )
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    in_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if args.only == "postgres" and not in_postgres:
        script = ROOT / "scripts" / "with-postgres.sh"
        cmd = [
            str(script),
            sys.executable,
            __file__,
            "--only",
            "postgres",
            "--postings",
            str(args.postings),
            "--requests",
            str(args.requests),
        ]
        sys.exit(subprocess.call(cmd))
    if args.only is None and not in_postgres:
        os.environ.pop("DATABASE_URL", None)
        subprocess.check_call(
            [
                sys.executable,
                __file__,
                "--only",
                "sqlite",
                "--postings",
                str(args.postings),
                "--requests",
                str(args.requests),
            ]
        )
        sys.exit(
            subprocess.call(
                [
                    sys.executable,
                    __file__,
                    "--only",
                    "postgres",
                    "--postings",
                    str(args.postings),
                    "--requests",
                    str(args.requests),
                ]
            )
        )
    if args.only == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    run_here(args)


if __name__ == "__main__":
    main()
