"""CSV files that are safe to open in a spreadsheet: the one writer every CSV export uses.

A cell that starts with = + - @ (or a tab or carriage return) is read as a formula by Excel and LibreOffice,
so a name typed into a form ('=HYPERLINK(…)') could run in the spreadsheet of whoever opens the export. Such
cells get a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Plain numbers,
negative amounts included ('-12.50'), stay numbers.

The Pabulib .pb file (wijkgeld.pb) is not written here: it is an exchange format that must stay byte-exact for
recounts, and it is not opened as a spreadsheet (docs/money.md, "CSV exports").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet will read it as data, never as a formula."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(target, **kwargs) -> SafeWriter:
    """Use instead of csv.writer(target, **kwargs) for every export a person may open."""
    return SafeWriter(csv.writer(target, **kwargs))
