from __future__ import annotations

from django import template
from django.utils.translation import get_language

from wijkgeld.core.money import format_euros

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """{{ line.available_cents|euros }} -> '€ 1.234,56' in the active language."""
    if cents is None:
        return "–"
    return format_euros(int(cents), language=get_language() or "nl")


@register.filter
def percent(fraction) -> str:
    if fraction is None:
        return "–"
    value = float(fraction) * 100  # display only; never used in arithmetic
    text = f"{value:.1f}"
    return (text.replace(".", ",") if (get_language() or "nl").startswith("nl") else text) + "%"
