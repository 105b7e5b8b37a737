"""Who may do what in an area's alliance.

Members of the alliance are the resident delegates, programme staff and finance of that area;
observers read along (read-only). The chair is programme staff of the area, or the member that
the alliance names as chair (`Alliance.chair`): both may accept, plan or decline agenda items
and answer questions. Only programme staff publish meetings, documents, minutes and decisions,
so a resident delegate can never edit minutes.
"""

from __future__ import annotations

from wijkgeld.accounts.permissions import DELEGATE, FINANCE, OBSERVER, STAFF, can, register_actions

register_actions(
    {
        "alliance.view_members": {DELEGATE, STAFF, FINANCE, OBSERVER},
        "alliance.propose_item": {DELEGATE},
        "alliance.ask_question": {DELEGATE, STAFF, FINANCE},
        "alliance.chair": {STAFF},
        "alliance.manage": {STAFF},
        "alliance.edit_minutes": {STAFF},
    }
)


def may_chair(user, alliance) -> bool:
    """Programme staff of the area, or the designated chair while they are a member of this area."""
    if can(user, "alliance.chair", alliance.area):
        return True
    return bool(
        alliance.chair_id
        and getattr(user, "pk", None) == alliance.chair_id
        and can(user, "alliance.view_members", alliance.area)
        and can(user, "alliance.ask_question", alliance.area)  # observers are never chair
    )


def member_groups(user, area) -> frozenset[str]:
    """The share audiences that reach this user: staff get both, delegates theirs, other members 'partners'."""
    from wijkgeld.alliance.models import Audience

    if not can(user, "alliance.view_members", area):
        return frozenset()
    if can(user, "alliance.manage", area):
        return frozenset({Audience.PARTNERS, Audience.DELEGATES})
    if can(user, "alliance.propose_item", area):
        return frozenset({Audience.DELEGATES})
    return frozenset({Audience.PARTNERS})
