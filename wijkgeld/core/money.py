"""Money helpers: amounts are integer cents everywhere; these convert at the edges.

No float ever touches an amount: parsing goes through Decimal and refuses more than two decimals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

CENT = Decimal("0.01")
# "2.500" or "1.250.000": dots that group thousands, as a Dutch reader writes whole euros.
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class AmountError(ValueError):
    """The text is not an amount in euros with at most two decimals."""


def parse_euros(text: str | Decimal | int, *, allow_zero: bool = False, allow_negative: bool = False) -> int:
    """Turn '1.234,56', '2.500', '1234.56', '€ 12' or Decimal('12.5') into cents.

    Dutch notation wins where it is unambiguous: a comma is the decimal separator, and dots followed by
    groups of exactly three digits separate thousands ('2.500' is two thousand five hundred euros).
    A single dot with one or two decimals is a decimal point ('12.5', '2.50').
    """
    if isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    elif isinstance(text, str):
        cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        if not cleaned:
            raise AmountError("empty")
        if "," in cleaned or _DOTTED_THOUSANDS.match(cleaned):
            # Dutch notation: dots group thousands, the comma is the decimal separator.
            cleaned = cleaned.replace(".", "").replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise AmountError("not a number") from exc
    else:
        raise AmountError("unsupported type")
    if not value.is_finite():
        raise AmountError("not finite")
    if value != value.quantize(CENT):
        raise AmountError("more than two decimals")
    cents = int(value * 100)
    if cents == 0 and not allow_zero:
        raise AmountError("zero")
    if cents < 0 and not allow_negative:
        raise AmountError("negative")
    return cents


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def cents_to_str(cents: int) -> str:
    """Plain machine form for APIs and CSV: '1234.56' (always two decimals, dot separator)."""
    return f"{cents_to_decimal(cents):.2f}"


def format_euros(cents: int, *, language: str = "nl") -> str:
    """Human form: '€ 1.234,56' in Dutch, '€1,234.56' in English."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}"
    if language.startswith("nl"):
        return f"{sign}€\u00a0{grouped.replace(',', '.')},{rest:02d}"
    return f"{sign}€{grouped}.{rest:02d}"


def share(part: int, whole: int) -> Decimal | None:
    """part / whole as a Decimal fraction with 4 decimals, or None when whole is zero."""
    if whole == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def round_cents(value: Fraction | int) -> int:
    """An exact amount in cents to whole cents: the nearest cent, halves away from zero.

    The one rounding for a single amount on every page (the counting engine's texts do the same).
    """
    value = Fraction(value)
    sign = -1 if value < 0 else 1
    return sign * int(abs(value) + Fraction(1, 2))


def split_cents(parts: Sequence[Fraction | int], total_cents: int) -> list[int]:
    """Exact parts (in cents) rounded to whole cents that add up to `total_cents` (largest remainder).

    So "€ 140,18 + € 13,82 = € 154,00" instead of two roundings that lose a cent. Parts that do not add
    up to about the total (more than one cent each away) are rounded one by one instead.
    """
    exact = [Fraction(p) for p in parts]
    floors = [int(p // 1) for p in exact]
    missing = total_cents - sum(floors)
    if not 0 <= missing <= len(exact):
        return [round_cents(p) for p in exact]
    # The parts with the largest remainders get the missing cents; ties go to the earlier part.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors
