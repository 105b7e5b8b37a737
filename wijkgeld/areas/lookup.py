"""Find the area of a postcode, from the postcode ranges of the neighbourhoods."""

from __future__ import annotations

import re

from django.db.models import Q

from wijkgeld.areas.models import Area

# "3083", "3083 AB", "3083ab": the four digits are what the ranges use; the letters are allowed but ignored.
_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$")


class PostcodeError(ValueError):
    """The text is not a Dutch postcode."""


def postcode_digits(text: str) -> str:
    """The four digits of a Dutch postcode, or PostcodeError."""
    match = _POSTCODE.match(text or "")
    if match is None:
        raise PostcodeError(text)
    return match.group(1)


def areas_for_postcode(text: str) -> list[Area]:
    """The areas with a neighbourhood whose postcode range holds this postcode (usually one, sometimes none)."""
    digits = postcode_digits(text)
    # Four-digit strings compare like the numbers they are, so a range check on text is exact.
    in_range = Q(neighbourhoods__postcode_from__lte=digits, neighbourhoods__postcode_to__gte=digits)
    return list(Area.objects.filter(in_range).exclude(neighbourhoods__postcode_from="").distinct())
