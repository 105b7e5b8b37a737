"""Template helpers for the national tables: a figure in human form, and a sortable column heading."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijkgeld.core.templatetags.wijkgeld import euros, percent
from wijkgeld.people import conf
from wijkgeld.public.national.columns import MONEY, PEOPLE_HOURS, PEOPLE_SHARE, SHARE
from wijkgeld.public.national.figures import BELOW

register = template.Library()


@register.filter
def figure(figures, column) -> str:
    if column.about_people:
        reason = figures.hidden(column.key)
        if reason == BELOW:
            return _("fewer than %(n)s") % {"n": conf.suppress_below()}
        if reason is not None:
            return _("withheld")
    value = column.raw(figures)
    if column.kind == MONEY:
        return euros(value)
    if column.kind in (SHARE, PEOPLE_SHARE):
        return percent(value)
    if column.kind == PEOPLE_HOURS:
        text = f"{value:.1f}"
        return text.replace(".", ",") if (get_language() or "nl").startswith("nl") else text
    return str(value)


@register.inclusion_tag("public/national/_sort_th.html")
def sort_th(key: str, label, links: dict, numeric: bool = True) -> dict:
    link = links[key]
    return {"label": label, "url": link["url"], "aria": link["aria"], "numeric": numeric}
