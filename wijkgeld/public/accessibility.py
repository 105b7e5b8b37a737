"""The accessibility statement (toegankelijkheidsverklaring) in the format of the Dutch government.

Its figures come from the last run of the browser tests (`make test-e2e` writes
`wijkgeld/public/data/accessibility-results.json`, see tests/e2e/a11y_record.py); nothing here types
in a number. The compliance status (A to E, digitoegankelijk.nl) follows from what exists:

- A or B only with a full WCAG-EM audit of all 50 requirements, at most 3 years old
  (setting WIJKGELD_ACCESSIBILITY_AUDIT = {"date": "YYYY-MM-DD", "by": ..., "report": url,
  "deviations": n}): A without deviations, B with;
- C when such an audit is planned within 6 months (WIJKGELD_ACCESSIBILITY_AUDIT_PLANNED = "YYYY-MM-DD");
- D otherwise. Automated tests, however complete, are no audit: they find part of the problems only.

The organisation that runs Wijkgeld publishes the statement; it sets these and its contact address
(WIJKGELD_ACCESSIBILITY_CONTACT) in its settings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

RESULTS_FILE = Path(__file__).resolve().parent / "data" / "accessibility-results.json"
AUDIT_VALID_DAYS = 3 * 365
PLANNED_WITHIN_DAYS = 183

STATUS_LABELS = {
    "A": _("A – complies fully"),
    "B": _("B – complies partly"),
    "C": _("C – first measures taken"),
    "D": _("D – does not comply"),
}
STATUS_EXPLANATIONS = {
    "A": _("A full audit of all 50 requirements found no deviations."),
    "B": _("A full audit of all 50 requirements found deviations; each has a planned fix below."),
    "C": _(
        "The automated checks below are done on every release, and a full audit of all 50 requirements is "
        "planned within six months."
    ),
    "D": _(
        "The automated checks below are done on every release, but a full audit of all 50 requirements "
        "(WCAG-EM) has not been done or planned yet. Automated tests find only part of the problems, so "
        "we cannot yet say that the site complies."
    ),
}


@dataclass(frozen=True)
class Statement:
    status: str
    status_label: str
    status_explanation: str
    results: dict | None
    audit: dict | None
    audit_planned: dt.date | None
    contact: str
    date: dt.date | None


def load_results(path: Path | None = None) -> dict | None:
    """The last recorded browser-test run, or None if there is none (or it cannot be read)."""
    path = path or RESULTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "scans" in data else None


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def compliance_status(*, audit: dict | None, planned: dt.date | None, today: dt.date) -> str:
    audit_date = _date((audit or {}).get("date"))
    if audit_date is not None and (today - audit_date).days <= AUDIT_VALID_DAYS:
        return "A" if int((audit or {}).get("deviations", 1)) == 0 else "B"
    if planned is not None and 0 <= (planned - today).days <= PLANNED_WITHIN_DAYS:
        return "C"
    return "D"


def statement(*, today: dt.date | None = None, path: Path | None = None) -> Statement:
    today = today or dt.date.today()
    audit = getattr(settings, "WIJKGELD_ACCESSIBILITY_AUDIT", None) or None
    planned = _date(getattr(settings, "WIJKGELD_ACCESSIBILITY_AUDIT_PLANNED", ""))
    status = compliance_status(audit=audit, planned=planned, today=today)
    results = load_results(path)
    return Statement(
        status=status,
        status_label=str(STATUS_LABELS[status]),
        status_explanation=str(STATUS_EXPLANATIONS[status]),
        results=results,
        audit=audit,
        audit_planned=planned,
        contact=getattr(settings, "WIJKGELD_ACCESSIBILITY_CONTACT", ""),
        date=_date((results or {}).get("generated_at")),
    )


def narrow_gaps(results: dict | None) -> list[str]:
    """Pages that the browser tests scanned only on a wide screen (not at 320 px)."""
    return [p["path"] for p in (results or {}).get("pages", []) if 320 not in p.get("widths", [])]
