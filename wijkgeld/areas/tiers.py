"""Where money lands, seen from the residents: the three tiers of "geld voor de wijk wordt uitgegeven in de wijk".

1. resident-led: verified resident collectives and bewonersbedrijven of the area, and residents themselves;
2. other local organisations: housing corporations, schools, welfare, businesses based in the area;
3. outside the neighbourhood: everyone else.

Public bodies (municipality, police, province, the Rijk, any government body) are never "in de wijk",
whatever their address: money booked to them is money the residents do not control.

This module is pure (no database access): the caller says what kind of organisation it is and how it
relates to the area; `recipient_tier` decides. Tests enumerate it without a database.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    RESIDENT_LED = "resident_led", _("Resident-led")
    LOCAL = "local_organisation", _("Other local organisation")
    OUTSIDE = "outside", _("Outside the neighbourhood")


# Organisation kinds (values of `Organisation.Kind`) that are government bodies.
PUBLIC_BODY_KINDS = frozenset({"municipality", "police", "province", "national_government", "public_body"})
RESIDENT_LED_KINDS = frozenset({"resident_collective", "bewonersbedrijf"})
PUBLIC_LEGAL_FORM = "public_body"


def is_public_body(*, kind: str, legal_form: str = "") -> bool:
    return kind in PUBLIC_BODY_KINDS or legal_form == PUBLIC_LEGAL_FORM


def recipient_tier(
    *,
    kind: str | None,
    legal_form: str = "",
    is_resident: bool = False,
    local_to_area: bool = False,
) -> str:
    """The tier of one recipient in one area.

    `kind` is None for a recipient that is not a registered organisation (a person or party not in the
    list). `local_to_area` says the organisation is rooted in the area; for resident collectives and
    bewonersbedrijven that relation is only made by verifying them in the register (community app).
    """
    if is_resident:
        return Tier.RESIDENT_LED
    if kind is None:
        return Tier.OUTSIDE
    if is_public_body(kind=kind, legal_form=legal_form):
        return Tier.OUTSIDE
    if not local_to_area:
        return Tier.OUTSIDE
    if kind in RESIDENT_LED_KINDS:
        return Tier.RESIDENT_LED
    return Tier.LOCAL


def tier_is_in_area(tier: str) -> bool:
    """Resident-led and other local money stay "in de wijk"; the old `is_local` flag means this."""
    return tier != Tier.OUTSIDE
