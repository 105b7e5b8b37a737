"""Who may do what in an area's alliance.

Members of the alliance are the resident delegates, the partners (a person who speaks for a partner
organisation, role `alliance_partner`), programme staff and finance of that area; observers read
along (read-only). Partners have the same document and meeting access as the delegates. The chair is programme staff of the area, or the member that
the alliance names as chair (`Alliance.chair`): both may accept, plan or decline agenda items
and answer questions. Only programme staff publish meetings, documents, minutes and decisions,
so a resident delegate can never edit minutes.
"""

from __future__ import annotations

from wijkgeld.accounts.permissions import (
    DELEGATE,
    FINANCE,
    OBSERVER,
    PARTNER,
    STAFF,
    can,
    register_actions,
    roles_in,
)

register_actions(
    {
        "alliance.view_members": {DELEGATE, PARTNER, STAFF, FINANCE, OBSERVER},
        "alliance.propose_item": {DELEGATE},
        "alliance.ask_question": {DELEGATE, PARTNER, STAFF, FINANCE},
        # The delegates' own documents (their advice), shared with everyone at once.
        "alliance.upload_own": {DELEGATE},
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
    """The share audiences that reach this user: staff get both, delegates theirs, other members 'partners'.

    A person with both the delegate and the partner role gets both groups."""
    from wijkgeld.alliance.models import Audience

    if not can(user, "alliance.view_members", area):
        return frozenset()
    if can(user, "alliance.manage", area):
        return frozenset({Audience.PARTNERS, Audience.DELEGATES})
    groups = set()
    if can(user, "alliance.propose_item", area):
        groups.add(Audience.DELEGATES)
    if PARTNER in roles_in(user, area) or not groups:
        groups.add(Audience.PARTNERS)
    return frozenset(groups)


def partner_ids_of(user, alliance) -> set[int]:
    """The partner organisations of this alliance that the user speaks for (as a representative)."""
    from wijkgeld.alliance.models import Representative

    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    if PARTNER not in roles_in(user, alliance.area):
        return set()
    return set(
        Representative.objects.filter(user=user, partner__alliance=alliance).values_list(
            "partner_id", flat=True
        )
    )
