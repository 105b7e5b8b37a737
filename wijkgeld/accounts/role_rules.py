"""The rules for giving and taking away roles. Who may grant what, and which roles one person may
not combine in one area because one of them checks the other (separation of duties).

- Finance, programme staff, observers and site administrators are appointed by a site administrator
  only. Programme staff hand out the residents' roles in their own area.
- Nobody gives a role to themselves, nor to a second account with their own e-mail address.
- One person holds no role of the programme organisation (staff, finance, site administrator) together
  with a role that residents hold on behalf of residents (delegate, fund committee member) in the same
  area: delegates approve what staff propose about the residents' budget, the committee's choices are
  paid by finance.
- Finance's "four eyes" are two finance people: `money.services.payment_confirm` refuses the person
  (or the e-mail address) who entered the payment.
- Help-desk volunteers are chosen by the area's fund committee (it runs the vote); programme staff
  do not hand out this role, and a volunteer cannot also hold a role of the programme organisation
  in that area: the vote is the residents' own, so nobody from the organisation sits at the table.
- Delegates and committee members are chosen by residents: their grant records how (nominated by the
  residents' platform or the wijkraad, or elected), a reference to that decision, and when the term ends.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from wijkgeld.accounts.models import Role, User
from wijkgeld.accounts.permissions import (
    ADMIN,
    COMMITTEE,
    DELEGATE,
    FINANCE,
    HELP_DESK,
    OBSERVER,
    STAFF,
    can,
    roles_in,
)
from wijkgeld.core.errors import DomainError

# Only a site administrator grants or takes away these.
GRANTED_BY_SITE_ADMIN = frozenset({STAFF, FINANCE, OBSERVER, ADMIN})
# Given by the area's fund committee (action "area.manage_help_desk"), not by programme staff.
GRANTED_BY_COMMITTEE = frozenset({HELP_DESK})
# Chosen by residents: the grant records the residents' process and the end of the term.
CHOSEN_BY_RESIDENTS = frozenset({DELEGATE, COMMITTEE})
# Pairs of role groups that check each other: one person may not hold one of each in the same area.
CONFLICTS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({STAFF, FINANCE, ADMIN}), frozenset({DELEGATE, COMMITTEE, HELP_DESK})),
)


def is_site_admin(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or ADMIN in roles_in(user, None)


def same_person(user: User) -> list[int]:
    """The ids of this user's account and of every other account with the same e-mail address."""
    email = (user.email or "").strip()
    if not email:
        return [user.pk]
    return list(User.objects.filter(email__iexact=email).values_list("pk", flat=True)) or [user.pk]


def _held(user_ids: list[int], area) -> set[str]:
    """Role names these accounts hold now in this area (with the roles that hold everywhere)."""
    roles = Role.objects.current().filter(user_id__in=user_ids)
    if area is not None:
        roles = roles.filter(area__isnull=True) | roles.filter(area=area)
    held = set(roles.values_list("name", flat=True))
    if User.objects.filter(pk__in=user_ids, is_superuser=True).exists():
        held.add(ADMIN)
    return held


def conflicting_role(*, user: User, area, name: str) -> str | None:
    """The role that this one may not be combined with, if the person already holds one."""
    accounts = same_person(user)
    if area is None:
        # A role for every area meets the residents' roles of every area.
        held = set(Role.objects.current().filter(user_id__in=accounts).values_list("name", flat=True))
    else:
        held = _held(accounts, area)
    for left, right in CONFLICTS:
        for mine, other in ((left, right), (right, left)):
            if name in mine:
                clash = sorted(held & other)
                if clash:
                    return clash[0]
    return None


def _require_granting_right(actor, area, name: str) -> None:
    if actor is None:  # the system itself: the demo and management commands
        return
    if name in GRANTED_BY_SITE_ADMIN:
        if not is_site_admin(actor):
            raise DomainError(_("Only the site administrator can give or take away this role."), field="role")
    elif name in GRANTED_BY_COMMITTEE:
        if area is None or not can(actor, "area.manage_help_desk", area):
            raise DomainError(
                _("Only the fund committee of this area can give or take away this role."), field="role"
            )
    elif area is None or not can(actor, "area.manage_roles", area):
        raise DomainError(_("You may not give or take away roles in this area."), field="role")


def check_grant(
    *,
    actor,
    user: User,
    area,
    name: str,
    chosen_by: str,
    chosen_reference: str,
    until: dt.date | None,
    today: dt.date,
) -> None:
    if name not in Role.Name.values:
        raise DomainError(_("Unknown role."), field="role")
    if area is None and name not in (ADMIN, OBSERVER):
        raise DomainError(_("This role needs an area."), field="area")
    _require_granting_right(actor, area, name)
    if actor is not None and actor.is_authenticated and actor.pk in same_person(user):
        raise DomainError(
            _("Nobody can give themselves a role. Ask someone else to do it."), field="username"
        )
    if Role.objects.current(today).filter(user=user, area=area, name=name).exists():
        raise DomainError(_("This person already has this role here."), field="role")
    clash = conflicting_role(user=user, area=area, name=name)
    if clash is not None:
        raise DomainError(
            _(
                "{person} is already {other} here. One person cannot be both {role} and {other}: "
                "these roles check each other."
            ).format(
                person=str(user), other=Role.Name(clash).label.lower(), role=Role.Name(name).label.lower()
            ),
            field="role",
        )
    if name in CHOSEN_BY_RESIDENTS:
        if chosen_by not in Role.ChosenBy.values:
            raise DomainError(_("Say how the residents chose this person."), field="chosen_by")
        if len(chosen_reference.strip()) < 3:
            raise DomainError(
                _(
                    "Give a reference to the residents' decision, for example the date of the meeting or vote."
                ),
                field="chosen_reference",
            )
        if until is None:
            raise DomainError(_("Fill in when the term ends."), field="until")
        if until < today:
            raise DomainError(_("The end of the term must not be in the past."), field="until")


def check_revoke(*, actor, role: Role) -> None:
    _require_granting_right(actor, role.area, role.name)
    if actor is not None and role.user_id == actor.pk and role.name == STAFF:
        raise DomainError(_("You cannot take away your own programme staff role."))
