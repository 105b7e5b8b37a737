from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import get_language

from wijkgeld.core import languages
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
    """0.1234 -> '12,3%' (nl, tr, ar, pl) or '12.3%' (en): Decimal, rounded half up, the language's separator."""
    if fraction is None:
        return "–"
    value = (Decimal(str(fraction)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}".replace(".", get_format("DECIMAL_SEPARATOR")) + "%"


@register.simple_tag(takes_context=True)
def language_options(context) -> dict:
    """The language switch: the languages this page offers, and where to return to after switching (the page
    without a ``lang=`` from a letter's link, which would otherwise win over the new choice)."""
    request = context.get("request")
    if request is None:
        return {"languages": languages.switch_languages("/"), "next": "/"}
    query = request.GET.copy()
    query.pop("lang", None)
    next_url = request.path + (f"?{query.urlencode()}" if query else "")
    return {"languages": languages.switch_languages(request.path_info), "next": next_url}


@register.filter
def content_lang(obj) -> str:
    """``<h2 {{ idea|content_lang }}>``: the language a person wrote this text in (WCAG 3.1.2), so that a
    screen reader reads a Turkish idea with a Turkish voice on a Dutch page; dir="auto" lets an Arabic title
    run right to left on a left-to-right page and the other way round."""
    code = getattr(obj, "content_language", "") or "nl"
    return format_html('lang="{}" dir="auto"', code)
