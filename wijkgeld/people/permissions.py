"""Who may do what with people's data.

Area-wide actions go through the shared matrix (`register_actions`). Personal data of participants
does not: it is visible only to the placement's own coordinator and municipal contact, checked per
placement here, and never to programme staff, finance or site administrators - not even when one of
them is also appointed (separation of duties).
"""

from __future__ import annotations

from wijkgeld.accounts.permissions import (
    ADMIN,
    COMMITTEE,
    DELEGATE,
    FINANCE,
    OBSERVER,
    STAFF,
    register_actions,
    roles_in,
)

register_actions(
    {
        # Pseudonymous placements, the builders' register and commissions (never participants' names).
        "people.view": {DELEGATE, COMMITTEE, STAFF, FINANCE, OBSERVER},
        # Appointing coordinators and municipal contacts.
        "people.appoint": {DELEGATE, STAFF},
        # Appointing who speaks for a resident collective (they can give commissions): residents only.
        "people.appoint_representative": {DELEGATE},
        # The register of community builders and commissions by the delegates.
        "people.builders_edit": {DELEGATE},
        "people.commission_propose": {DELEGATE},
        "people.commission_decide": {DELEGATE},
    }
)

# Roles that may never hold an appointment in the same area: they manage money or the whole area.
EXCLUDED_ROLES = frozenset({STAFF, FINANCE, ADMIN})


def is_excluded(user, area) -> bool:
    """Programme staff, finance and administrators never act for a collective or see participants."""
    if user is None or not user.is_authenticated:
        return True
    return bool(user.is_superuser or roles_in(user, area) & EXCLUDED_ROLES)


def is_delegate(user, area) -> bool:
    """Holds the resident delegate role in this very area (a site administrator does not count)."""
    return DELEGATE in roles_in(user, area) and not getattr(user, "is_superuser", False)


def appointments(user, area, kind: str, collective=None):
    from wijkgeld.people.models import Appointment

    if user is None or not user.is_authenticated or not user.is_active or is_excluded(user, area):
        return Appointment.objects.none()
    qs = Appointment.objects.filter(user=user, area=area, kind=kind, ended_at__isnull=True)
    if collective is not None:
        qs = qs.filter(collective=collective)
    return qs


def coordinated_enterprises(user, area) -> list:
    from wijkgeld.people.models import Appointment

    return [
        a.collective
        for a in appointments(user, area, Appointment.Kind.COORDINATOR).select_related(
            "collective__organisation"
        )
    ]


def represented_collectives(user, area) -> list:
    from wijkgeld.people.models import Appointment

    return [
        a.collective
        for a in appointments(user, area, Appointment.Kind.REPRESENTATIVE).select_related(
            "collective__organisation"
        )
    ]


def is_coordinator_of(user, enterprise) -> bool:
    from wijkgeld.people.models import Appointment

    return appointments(user, enterprise.area, Appointment.Kind.COORDINATOR, enterprise).exists()


def is_representative_of(user, collective) -> bool:
    from wijkgeld.people.models import Appointment

    return appointments(user, collective.area, Appointment.Kind.REPRESENTATIVE, collective).exists()


def is_municipal_contact(user, area) -> bool:
    from wijkgeld.people.models import Appointment

    return appointments(user, area, Appointment.Kind.MUNICIPAL_CONTACT).exists()


def may_manage_placement(user, placement) -> bool:
    """The coordinator of the placement's bewonersbedrijf enters hours, steps and milestones."""
    return is_coordinator_of(user, placement.role.enterprise)


def may_see_personal_data(user, placement) -> bool:
    """Only the placement's own coordinator and municipal contact, while still appointed."""
    if user is None or not user.is_authenticated:
        return False
    if user.pk == placement.coordinator_id and is_coordinator_of(user, placement.role.enterprise):
        return True
    return user.pk == placement.municipal_contact_id and is_municipal_contact(user, placement.area)


def may_work_with_placements(user, area) -> bool:
    """Sees the coordinator pages: a coordinator or a municipal contact in this area."""
    return bool(coordinated_enterprises(user, area)) or is_municipal_contact(user, area)


def may_see_builder_names(user, area) -> bool:
    """The residents who commission and employ community builders see their names: the area's delegates
    and the representatives of its collectives (and each builder their own entry). Programme staff,
    finance, the observer and the fund committee see "community builder 12": the work and the money,
    not the person; payments go to the employing collective, so nobody paying needs the name."""
    if user is None or not user.is_authenticated:
        return False
    return is_delegate(user, area) or bool(represented_collectives(user, area))
