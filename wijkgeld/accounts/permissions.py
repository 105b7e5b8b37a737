"""One place that answers "may this user do X in this area?".

Each app registers its actions with the roles that may perform them (`register_actions`), so the
whole matrix lives in code that tests can enumerate. Views use `area_permission_required` or
`can()`; no view inspects roles by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

R = "resident"
DELEGATE = "resident_delegate"
COMMITTEE = "fund_committee"
STAFF = "programme_staff"
FINANCE = "finance"
OBSERVER = "observer"
ADMIN = "site_admin"
PARTNER = "alliance_partner"
HELP_DESK = "help_desk"
ALL_ROLES = (R, DELEGATE, COMMITTEE, STAFF, FINANCE, OBSERVER, ADMIN, PARTNER, HELP_DESK)
MEMBERS = frozenset(ALL_ROLES)

_ACTIONS: dict[str, frozenset[str]] = {}


def register_actions(actions: Mapping[str, Iterable[str]]) -> None:
    for action, roles in actions.items():
        unknown = set(roles) - set(ALL_ROLES)
        if unknown:
            raise ValueError(f"Unknown roles for {action}: {sorted(unknown)}")
        # Site administrators may do everything that anyone may do.
        _ACTIONS[action] = frozenset(roles) | {ADMIN}


def registered_actions() -> dict[str, frozenset[str]]:
    return dict(_ACTIONS)


register_actions(
    {
        # Seeing the area's member pages (anything not public).
        "area.view_members": MEMBERS,
        "area.view_audit": {DELEGATE, COMMITTEE, STAFF, FINANCE, OBSERVER},
        "area.edit": {STAFF},
        "area.manage_roles": {STAFF},
        # Help-desk volunteers help residents vote: the committee that runs the vote chooses them.
        "area.manage_help_desk": {COMMITTEE},
        # Who holds which role, how residents chose their delegates, every grant and removal.
        "area.view_roles": {DELEGATE, COMMITTEE, STAFF},
        "organisation.edit": {STAFF},
        # Names and contact details of people (proposers, delegates, residents). The observer sees
        # figures, not people.
        "area.view_people": {DELEGATE, COMMITTEE, STAFF, FINANCE, PARTNER},
    }
)


def _current_roles(user) -> list[tuple[int | None, str]]:
    cache = getattr(user, "_wijkgeld_roles", None)
    if cache is None:
        # Only roles whose term holds today: a delegate whose term has ended decides nothing.
        cache = list(user.roles.current().values_list("area_id", "name"))
        user._wijkgeld_roles = cache
    return cache


def roles_held(user) -> frozenset[str]:
    """Every role name the user holds now, in any area."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    return frozenset(name for _a, name in _current_roles(user))


def roles_in(user, area) -> frozenset[str]:
    """The role names the user holds in this area, including roles that hold in every area."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    area_id = getattr(area, "pk", area)
    return frozenset(name for a_id, name in _current_roles(user) if a_id is None or a_id == area_id)


def can(user, action: str, area) -> bool:
    try:
        allowed = _ACTIONS[action]
    except KeyError as exc:
        raise KeyError(f"Unknown action {action!r}; register it with register_actions().") from exc
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(roles_in(user, area) & allowed)


def areas_where(user, action: str):
    """The areas in which the user may perform the action (a queryset)."""
    from wijkgeld.areas.models import Area

    if user is None or not user.is_authenticated:
        return Area.objects.none()
    if can(user, action, None):
        return Area.objects.all()
    allowed = _ACTIONS[action]
    ids = [
        a_id for a_id, name in user.roles.current().values_list("area_id", "name") if name in allowed and a_id
    ]
    return Area.objects.filter(pk__in=ids)


def require(user, action: str, area) -> None:
    if not can(user, action, area):
        raise PermissionDenied(action)


def area_permission_required(action: str, slug_kwarg: str = "slug"):
    """View decorator: loads the area from the URL (404 if unknown), checks the action, passes `area`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            from wijkgeld.areas.models import Area

            area = get_object_or_404(Area, slug=kwargs.pop(slug_kwarg))
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action, area):
                raise PermissionDenied(action)
            return view(request, *args, area=area, **kwargs)

        wrapped.required_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator
