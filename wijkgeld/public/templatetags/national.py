"""Template helpers for the national tables: a figure in human form, and a sortable column heading."""

from __future__ import annotations

from django import template

from wijkgeld.core.templatetags.wijkgeld import euros, percent
from wijkgeld.public.national.columns import MONEY, SHARE

register = template.Library()


@register.filter
def figure(figures, column) -> str:
    value = column.raw(figures)
    if column.kind == MONEY:
        return euros(value)
    if column.kind == SHARE:
        return percent(value)
    return str(value)


@register.inclusion_tag("public/national/_sort_th.html")
def sort_th(key: str, label, links: dict, numeric: bool = True) -> dict:
    link = links[key]
    return {"label": label, "url": link["url"], "aria": link["aria"], "numeric": numeric}
