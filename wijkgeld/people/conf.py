"""The app's settings, with defaults. Legal amounts change yearly, so they are settings, not code."""

from __future__ import annotations

import datetime as dt

from django.conf import settings


def suppress_below() -> int:
    """Public counts about people below this number are shown as "fewer than N"."""
    return int(getattr(settings, "WIJKGELD_PEOPLE_SUPPRESS_BELOW", 5))


def retention_months() -> int:
    """Months after a placement ends before its personal data is deleted."""
    return int(getattr(settings, "WIJKGELD_PEOPLE_RETENTION_MONTHS", 12))


def interest_retention_days() -> int:
    """Days an interest form is kept when nobody turns it into a placement."""
    return int(getattr(settings, "WIJKGELD_PEOPLE_INTEREST_RETENTION_DAYS", 90))


def allowance_max_year_cents() -> int:
    """The volunteer allowance's yearly maximum (Belastingdienst, 2025: €2,100)."""
    return int(getattr(settings, "WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_YEAR_CENTS", 210_000))


def allowance_max_month_cents() -> int:
    """The volunteer allowance's monthly maximum (Belastingdienst, 2025: €210)."""
    return int(getattr(settings, "WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_MONTH_CENTS", 21_000))


def reintegration_theme() -> str:
    return str(getattr(settings, "WIJKGELD_PEOPLE_REINTEGRATION_THEME", "reintegratie_preventie_geldzorgen"))


def builders_theme() -> str:
    return str(getattr(settings, "WIJKGELD_PEOPLE_BUILDERS_THEME", "maatschappelijke_samenhang"))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover
