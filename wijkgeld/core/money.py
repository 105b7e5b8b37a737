"""Money helpers: amounts are integer cents everywhere; these convert at the edges.

No float ever touches an amount. Text is read by one small grammar (docs/money.md, "Amounts as text") straight
into whole euros and cents as integers, so there is no exponent, infinity or rounding to get wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
# Far above any real amount and far below the 64-bit integer columns that store cents.
MAX_CENTS = 10**15

_EURO = "\u20ac"
_SPACES = " \u00a0\u202f\t"
# Only the ASCII digits 0-9 count as digits ("[0-9]", never "\d", which also matches other scripts).
# Whole euros: plain digits ("10000"), or Dutch groups of three separated by dots ("10.000", "1.250.000").
_WHOLE = r"(?P<whole>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)"
# Dutch: optional comma with one or two decimals ("1.250,50", "1250,5", "10.000").
_DUTCH = re.compile(_WHOLE + r"(?:,(?P<cents>[0-9]{1,2}))?")
# Plain (machine) notation: a single dot followed by one or two decimals ("1250.50", "12.5").
_PLAIN = re.compile(r"(?P<whole>[0-9]+)\.(?P<cents>[0-9]{1,2})")
# Clearly decimals, but more than two of them ("12,345", "1.250,505", "12.3456").
_TOO_MANY_DECIMALS = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),[0-9]{3,}|[0-9]+\.[0-9]{4,}")


class AmountError(ValueError):
    """The text is not an amount in euros. str(error) is one of these reason codes:

    "empty", "not a number", "more than two decimals", "english notation", "digits", "too large", "zero",
    "negative", "unsupported type".
    """


def _split_sign_and_euro(text: str) -> tuple[bool, str]:
    """'-€ 5', '€ -5', '€5', '5 €' -> (negative, '5'). Only an ASCII hyphen counts as a minus."""
    s = text.strip(_SPACES)
    negative = False
    if s.startswith("-"):
        negative, s = True, s[1:].lstrip(_SPACES)
    if s.startswith(_EURO):
        s = s[1:].lstrip(_SPACES)
    elif s.endswith(_EURO):
        s = s[:-1].rstrip(_SPACES)
    if s.startswith("-") and not negative:
        negative, s = True, s[1:]
    return negative, s


def _parse_text(text: str) -> int:
    negative, s = _split_sign_and_euro(text)
    if not s:
        raise AmountError("empty")
    if any(ch.isnumeric() and ch not in "0123456789" for ch in s):
        raise AmountError("digits")
    match = _DUTCH.fullmatch(s) or _PLAIN.fullmatch(s)
    if match is None:
        if _TOO_MANY_DECIMALS.fullmatch(s):
            raise AmountError("more than two decimals")
        if s.count(",") > 1 or ("," in s and "." in s and s.rindex(".") > s.index(",")):
            raise AmountError("english notation")
        raise AmountError("not a number")
    whole = match["whole"].replace(".", "")
    if len(whole) > len(str(MAX_CENTS)):
        raise AmountError("too large")
    cents = int(whole) * 100 + int((match["cents"] or "").ljust(2, "0"))
    return -cents if negative else cents


def _parse_decimal(value: Decimal) -> int:
    if not value.is_finite():
        raise AmountError("not a number")
    if abs(value) > Decimal(MAX_CENTS) / 100:
        raise AmountError("too large")
    rounded = value.quantize(CENT)  # exact: at most 16 digits after the bound above
    if rounded != value:
        raise AmountError("more than two decimals")
    return int(rounded.scaleb(2))


def parse_euros(
    text: str | Decimal | int,
    *,
    allow_zero: bool = False,
    allow_negative: bool = False,
    max_cents: int = MAX_CENTS,
) -> int:
    """Turn '1.234,56', '10.000', '1234.56', '€ 12' or Decimal('12.5') into cents; see docs/money.md.

    Dutch notation wins where a text could be read two ways: dots followed by groups of exactly three digits
    separate thousands ('2.500' is two thousand five hundred euros), a comma separates the cents. A single dot
    followed by one or two digits is a decimal point ('12.5', '2.50'). Everything else is refused: English
    notation ('10,000.00'), exponents, '+5', '1_000', 'inf', 'nan', other scripts' digits.
    """
    if isinstance(text, bool):
        raise AmountError("unsupported type")
    if isinstance(text, int):
        cents = text * 100
    elif isinstance(text, Decimal):
        cents = _parse_decimal(text)
    elif isinstance(text, str):
        cents = _parse_text(text)
    else:
        raise AmountError("unsupported type")
    if abs(cents) > max_cents:
        raise AmountError("too large")
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


# Where the euro sign goes, per language (CLDR's patterns); separators come from Django's format module of the
# language (tr, ar and nl: "1.234,56"; pl: "1 234,56"; en: "1,234.56").
_EURO_BEFORE = {"nl": "€\u00a0", "en": "€", "tr": "€", "ar": "€\u00a0"}
_EURO_AFTER = {"pl": "\u00a0€"}
# Arabic pages run right to left: an amount is isolated (LRI ... PDI) so that "€ 1.234,56" is never shown
# as "1.234,56 €" or split around the text beside it. Arabic pages keep the digits 0-9 (docs/languages.md).
_ISOLATE = ("\u2066", "\u2069")


def format_euros(cents: int, *, language: str = "nl") -> str:
    """Human form in the reader's language: '€ 1.234,56' (nl), '€1,234.56' (en), '€1.234,56' (tr),
    '1 234,56 €' (pl); Arabic as Dutch, isolated as left to right. Integer arithmetic only."""
    from django.utils.formats import get_format

    language = (language or "nl").split("-")[0].lower()
    if language not in _EURO_BEFORE and language not in _EURO_AFTER:
        language = "en"
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    thousands = "\u00a0" if language == "pl" else get_format("THOUSAND_SEPARATOR", lang=language)
    decimal = get_format("DECIMAL_SEPARATOR", lang=language)
    number = f"{whole:,}".replace(",", thousands) + f"{decimal}{rest:02d}"
    text = f"{sign}{_EURO_BEFORE.get(language, '')}{number}{_EURO_AFTER.get(language, '')}"
    if language == "ar":
        return f"{_ISOLATE[0]}{text}{_ISOLATE[1]}"
    return text


def format_amount_input(cents: int) -> str:
    """The text an amount field shows for a stored amount, in the notation it reads back: '10.000' for whole
    euros, '1.250,50' otherwise. Both languages use it, so that saving a form unchanged keeps the amount."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:02d}" if rest else f"{sign}{grouped}"


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
