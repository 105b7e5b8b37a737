"""Shared view helpers: the area from the URL, login, and re-rendering a page with a failed form."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area
from wijkgeld.people.permissions import is_delegate, may_work_with_placements, represented_collectives


def area_login_required(view):
    """Loads the area (404 if unknown) and asks for a login; the view checks the person's rights itself,
    because coordinators and representatives act through an appointment, not an area role."""

    @wraps(view)
    def wrapped(request, *args, slug: str, **kwargs):
        area = get_object_or_404(Area, slug=slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, area=area, **kwargs)

    return wrapped


def deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("people")


def nav(user, area) -> dict:
    """Which people pages this visitor may open (shown on the public overview)."""
    if not user.is_authenticated:
        return {}
    return {
        "coordinator": may_work_with_placements(user, area),
        "placements": can(user, "people.view", area),
        "appointments": can(user, "people.appoint", area),
        "builders": can(user, "people.view", area) or bool(represented_collectives(user, area)),
        "commission": is_delegate(user, area) or bool(represented_collectives(user, area)),
    }


def current_year() -> int:
    return timezone.localdate().year
