"""Appoint who acts for a bewonersbedrijf, a resident collective or the municipality."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.areas.models import Area, Organisation
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.people.models import Appointment
from wijkgeld.people.permissions import is_excluded
from wijkgeld.people.services.common import check_verified, forbidden, now_or


@transaction.atomic
def appointment_create(
    *, actor, area: Area, user, kind: str, collective=None, now: dt.datetime | None = None
) -> Appointment:
    now = now_or(now)
    if kind not in Appointment.Kind.values:
        raise DomainError(_("Choose a task."), field="kind")
    action = "people.appoint_representative" if kind == Appointment.Kind.REPRESENTATIVE else "people.appoint"
    if actor is None or not can(actor, action, area):
        if kind == Appointment.Kind.REPRESENTATIVE:
            raise forbidden(_("Only resident delegates appoint who speaks for a resident collective."))
        raise forbidden()
    if user is None:
        raise DomainError(_("Choose an account."), field="username")
    if user.pk == actor.pk:
        raise DomainError(_("You cannot appoint yourself; another person must do it."), field="username")
    if is_excluded(user, area):
        raise DomainError(
            _(
                "Programme staff, finance and administrators cannot get this task: they must not see "
                "participants' data or act for a collective."
            ),
            field="username",
        )
    if kind == Appointment.Kind.MUNICIPAL_CONTACT:
        collective = None
    else:
        check_verified(collective, area)
        if (
            kind == Appointment.Kind.COORDINATOR
            and collective.organisation.kind != Organisation.Kind.ENTERPRISE
        ):
            raise DomainError(_("A coordinator works at a bewonersbedrijf."), field="collective")
    active = Appointment.objects.filter(
        user=user, area=area, kind=kind, collective=collective, ended_at__isnull=True
    )
    if active.exists():
        raise DomainError(_("This person already has this task."), field="username")
    appointment = Appointment.objects.create(
        user=user, area=area, kind=kind, collective=collective, appointed_by=actor, appointed_at=now
    )
    audit_record(
        actor=actor,
        action="people.appointment.created",
        area=area,
        obj=appointment,
        data={"kind": kind, "collective": str(collective) if collective else ""},
        now=now,
    )
    return appointment


@transaction.atomic
def appointment_end(*, actor, appointment: Appointment, now: dt.datetime | None = None) -> Appointment:
    now = now_or(now)
    appointment = Appointment.objects.select_for_update(of=("self",)).get(pk=appointment.pk)
    action = (
        "people.appoint_representative"
        if appointment.kind == Appointment.Kind.REPRESENTATIVE
        else "people.appoint"
    )
    if actor is None or not can(actor, action, appointment.area):
        raise forbidden()
    if appointment.ended_at is not None:
        raise DomainError(_("This task has already ended."))
    appointment.ended_at = now
    appointment.save(update_fields=["ended_at"])
    audit_record(
        actor=actor, action="people.appointment.ended", area=appointment.area, obj=appointment, now=now
    )
    return appointment
