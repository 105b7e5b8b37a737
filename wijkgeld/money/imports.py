"""Load grants from CSV: every row is checked first; nothing is loaded if any row is wrong."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from wijkgeld.areas.models import Area
from wijkgeld.core.audit import audit_record
from wijkgeld.core.money import AmountError, parse_euros
from wijkgeld.money.models import Grant, Theme, Transaction

COLUMNS = ("area", "year", "theme", "ministry", "amount")


@dataclass
class GrantRow:
    line: int
    area: Area
    year: int
    theme: Theme
    ministry: str
    amount_cents: int
    reference: str


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _active_grant_exists(row: GrantRow) -> bool:
    reversed_ids = Transaction.objects.filter(reverses__isnull=False).values("reverses_id")
    return (
        Grant.objects.filter(area=row.area, year=row.year, theme=row.theme, funding_ministry=row.ministry)
        .exclude(transaction_id__in=reversed_ids)
        .exists()
    )


def parse_grants(path: Path, *, year: int | None = None) -> list[GrantRow]:
    errors: list[str] = []
    rows: list[GrantRow] = []
    areas = {a.slug: a for a in Area.objects.all()}
    themes = list(Theme.objects.select_related("tranche"))
    seen: set[tuple] = set()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed([f"cannot read {path}: {exc}"]) from exc
    first = text.splitlines()[0] if text else ""
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if ";" in first else ",")
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed([f"missing column(s): {', '.join(missing)} (needed: {', '.join(COLUMNS)})"])
    for number, raw in enumerate(reader, start=2):
        problems: list[str] = []
        area = areas.get((raw.get("area") or "").strip())
        if area is None:
            problems.append(f"unknown area {raw.get('area')!r}")
        try:
            row_year = int((raw.get("year") or "").strip())
        except ValueError:
            row_year = 0
            problems.append(f"year {raw.get('year')!r} is not a year")
        if year is not None and row_year and row_year != year:
            problems.append(f"year {row_year} is not {year}")
        code = (raw.get("theme") or "").strip()
        theme = next((t for t in themes if t.code == code and row_year in t.tranche.years), None)
        if theme is None:
            problems.append(f"no theme {code!r} in a tranche that covers {row_year or '?'}")
        ministry = (raw.get("ministry") or "").strip()
        if not ministry or len(ministry) > 20:
            problems.append("ministry is empty or longer than 20 characters")
        try:
            amount = parse_euros(raw.get("amount") or "")
        except AmountError as exc:
            amount = 0
            problems.append(
                f"amount {raw.get('amount')!r} is not valid ({exc}): use euros with at most two decimals, more than zero"
            )
        if not problems:
            assert area is not None and theme is not None
            row = GrantRow(
                number, area, row_year, theme, ministry, amount, (raw.get("reference") or "").strip()
            )
            key = (area.pk, row_year, theme.pk, ministry)
            if key in seen:
                problems.append("the same area, year, theme and ministry appear twice in the file")
            elif _active_grant_exists(row):
                problems.append("this grant has already been loaded")
            seen.add(key)
            rows.append(row)
        errors.extend(f"row {number}: {p}" for p in problems)
    if not rows and not errors:
        errors.append("the file has no rows")
    if errors:
        raise ImportFailed(errors)
    return rows


@transaction.atomic
def import_grants(path: Path, *, actor=None, year: int | None = None) -> list[Grant]:
    from wijkgeld.money.services import grant_create

    rows = parse_grants(path, year=year)
    grants = [
        grant_create(
            actor=actor,
            area=row.area,
            year=row.year,
            theme=row.theme,
            funding_ministry=row.ministry,
            amount_cents=row.amount_cents,
            reference=row.reference,
        )
        for row in rows
    ]
    for area in {row.area for row in rows}:
        audit_record(
            actor=actor,
            action="money.grants.imported",
            area=area,
            data={"count": sum(1 for r in rows if r.area == area), "year": year or "", "file": path.name},
        )
    return grants
