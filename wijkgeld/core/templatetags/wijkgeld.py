from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
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


# A postcode ("3083 AB"), a voting code ("ABCD-EFGH-JKMN-PQRS") or the licence ("EUPL-1.2") in translated text.
_LTR_RUNS = re.compile(r"\b[0-9]{4} ?[A-Z]{2}\b|\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}\b|\bEUPL-1\.2\b")


@register.filter
def ltr_runs(text) -> str:
    """Keep postcodes and codes left to right inside right-to-left text: in an Arabic sentence "3083 AB" would
    otherwise show as "AB 3083". The text is escaped first; only the matches get a <bdi dir="ltr">."""
    escaped = str(conditional_escape(text))
    return mark_safe(_LTR_RUNS.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', escaped))  # noqa: S308
