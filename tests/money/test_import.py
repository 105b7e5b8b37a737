"""manage.py import_grants: all rows or none, with a clear error per row."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from wijkgeld.money.models import Grant, Posting

HEADER = "area;year;theme;ministry;amount;reference\n"


@pytest.fixture
def csv_file(tmp_path):
    def write(text: str):
        path = tmp_path / "grants.csv"
        path.write_text(HEADER + text, encoding="utf-8")
        return path

    return write


@pytest.mark.django_db
def test_good_file_loads_every_row(csv_file, area, capsys):
    path = csv_file(
        f"{area.slug};2026;maatschappelijke_samenhang;VRO;900.000,00;B-1\n"
        f"{area.slug};2026;school_en_omgeving;OCW;2100000;B-2\n"
    )
    call_command("import_grants", str(path), "--year", "2026")
    assert Grant.objects.count() == 2
    assert sum(Grant.objects.values_list("amount_cents", flat=True)) == 300_000_000
    assert "Loaded 2 grants" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already been loaded"):
        call_command("import_grants", str(path))
    assert Grant.objects.count() == 2


@pytest.mark.django_db
def test_bad_rows_load_nothing_and_are_all_reported(csv_file, area):
    path = csv_file(
        f"{area.slug};2026;maatschappelijke_samenhang;VRO;1000\n"
        "nergens;2026;maatschappelijke_samenhang;VRO;1000\n"
        f"{area.slug};2026;bestaat_niet;VRO;1000\n"
        f"{area.slug};2026;integraal;VRO;10,001\n"
        f"{area.slug};2026;integraal;VRO;-5\n"
        f"{area.slug};twee;integraal;VRO;5\n"
        f"{area.slug};2026;maatschappelijke_samenhang;VRO;1000\n"
    )
    with pytest.raises(CommandError) as exc:
        call_command("import_grants", str(path))
    message = str(exc.value)
    for expected in [
        "row 3: unknown area 'nergens'",
        "row 4: no theme 'bestaat_niet'",
        "row 5: amount '10,001'",
        "row 6: amount '-5'",
        "row 7: year 'twee'",
        "row 8: the same area, year, theme and ministry appear twice",
    ]:
        assert expected in message
    assert "row 2" not in message
    assert Grant.objects.count() == 0 and Posting.objects.count() == 0


@pytest.mark.django_db
def test_wrong_year_and_missing_columns(csv_file, tmp_path, area):
    path = csv_file(f"{area.slug};2027;integraal;VRO;5\n")
    with pytest.raises(CommandError, match="year 2027 is not 2026"):
        call_command("import_grants", str(path), "--year", "2026")
    bad = tmp_path / "bad.csv"
    bad.write_text("area,year\nx,2026\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("import_grants", str(bad))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_grants", str(tmp_path / "none.csv"))
