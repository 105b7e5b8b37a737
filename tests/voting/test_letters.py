"""Letters: one A4 page per code with the code and a QR code; a CSV for mail merge."""

import csv
import io
import re
import zipfile

import pytest

from wijkgeld.voting.letters import letters_csv, letters_pdf, letters_zip

pytestmark = pytest.mark.django_db


def test_pdf_has_one_page_per_code(round_, codes):
    pdf = letters_pdf(round=round_, codes=codes, base_url="https://wijkgeld.example.org/")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 2 * len(codes)  # the letter and the ideas
    assert re.search(rb"/MediaBox\s*\[0 0 595\.28 841\.89\]", pdf) or b"595.28" in pdf  # A4


def test_csv_for_mail_merge(round_, codes):
    text = letters_csv(round=round_, codes=codes, base_url="https://wijkgeld.example.org")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["code"] for r in rows] == codes
    assert rows[0]["url"] == f"https://wijkgeld.example.org/stemmen/?code={codes[0]}"
    assert rows[0]["ronde"] == round_.title
    assert "maart 2026" in rows[0]["stemmen_tot"]


def test_zip_holds_both(round_, codes):
    data = letters_zip(round=round_, codes=codes, base_url="http://testserver")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"brieven.pdf", "codes.csv"} <= set(names)
