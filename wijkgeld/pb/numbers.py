"""Exact numbers for money and points.

Amounts are kept as ``int`` when whole and as ``Fraction`` otherwise, so cents never pass through a float.
"""

from __future__ import annotations

import re
from fractions import Fraction

Number = int | Fraction

_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> Number:
    """Parse a decimal string exactly; a decimal comma is accepted as pabutools does (``"12,5"``).

    Raises ``ValueError`` for anything that is not a finite decimal number.
    """
    cleaned = text.strip().replace(",", ".")
    if not _DECIMAL.match(cleaned):
        raise ValueError(f"not a number: {text!r}")
    return normalize(Fraction(cleaned))


def normalize(value: Number) -> Number:
    """Return an ``int`` when the value is whole, so arithmetic stays on the fast integer path."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


def format_number(value: Number) -> str:
    """Write a number as the shortest exact decimal string (``"1500"``, ``"12.5"``).

    Values without a finite decimal expansion (``1/3``) are written as a fraction ``"1/3"``; the
    Pabulib reader of this package does not accept that form, so such amounts should not be stored.
    """
    value = normalize(value)
    if isinstance(value, int):
        return str(value)
    num, den = value.numerator, value.denominator
    twos = fives = 0
    d = den
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"{num}/{den}"
    digits = max(twos, fives)
    scaled = abs(num) * (10**digits // den)
    sign = "-" if num < 0 else ""
    whole, frac = divmod(scaled, 10**digits)
    return f"{sign}{whole}.{str(frac).rjust(digits, '0').rstrip('0')}"
