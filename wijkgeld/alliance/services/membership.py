"""Who sits in the alliance: the alliance itself, partners, their representatives, resident delegates."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import DELEGATE, can, require
from wijkgeld.alliance.models import Alliance, Delegate, Partner, Representative
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError


def _check_period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and until < since:
        raise DomainError(_("The end date must be on or after the start date."), field="until")


@transaction.atomic
def alliance_create(
    *,
    actor,
    area,
    name: str,
    description: str = "",
    documents_days_before: int = 7,
    now: dt.datetime | None = None,
) -> Alliance:
    require(actor, "alliance.manage", area)
    if Alliance.objects.filter(area=area).exists():
        raise DomainError(_("This area already has an alliance."), field="name")
    alliance = Alliance.objects.create(
        area=area, name=name, description=description, documents_days_before=documents_days_before
    )
    audit_record(actor=actor, action="alliance.alliance.created", area=area, obj=alliance, now=now)
    return alliance


@transaction.atomic
def alliance_update(
    *,
    actor,
    alliance: Alliance,
    name: str,
    description: str,
    documents_days_before: int,
    chair=None,
    now: dt.datetime | None = None,
) -> Alliance:
    require(actor, "alliance.manage", alliance.area)
    if not 0 <= documents_days_before <= 60:
        raise DomainError(_("Choose a number of days from 0 to 60."), field="documents_days_before")
    if chair is not None and not (
        can(chair, "alliance.view_members", alliance.area)
        and can(chair, "alliance.ask_question", alliance.area)
    ):
        raise DomainError(_("The chair must be a member of the alliance of this area."), field="chair")
    alliance.name = name
    alliance.description = description
    alliance.documents_days_before = documents_days_before
    alliance.chair = chair
    alliance.save()
    audit_record(
        actor=actor,
        action="alliance.alliance.updated",
        area=alliance.area,
        obj=alliance,
        data={"days": documents_days_before, "chair": str(chair) if chair else ""},
        now=now,
    )
    return alliance


@transaction.atomic
def partner_add(
    *,
    actor,
    alliance: Alliance,
    organisation,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Partner:
    require(actor, "alliance.manage", alliance.area)
    _check_period(since, until)
    if Partner.objects.filter(alliance=alliance, organisation=organisation).exists():
        raise DomainError(_("This organisation is already a partner."), field="organisation")
    partner = Partner.objects.create(alliance=alliance, organisation=organisation, since=since, until=until)
    audit_record(actor=actor, action="alliance.partner.added", area=alliance.area, obj=partner, now=now)
    return partner


@transaction.atomic
def representative_add(
    *,
    actor,
    partner: Partner,
    name: str,
    function: str = "",
    user=None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Representative:
    require(actor, "alliance.manage", partner.alliance.area)
    _check_period(since, until)
    rep = Representative.objects.create(
        partner=partner, name=name, function=function, user=user, since=since, until=until
    )
    audit_record(
        actor=actor,
        action="alliance.representative.added",
        area=partner.alliance.area,
        obj=rep,
        data={"partner": str(partner)},
        now=now,
    )
    return rep


@transaction.atomic
def delegate_add(
    *,
    actor,
    alliance: Alliance,
    user,
    chosen_how: str,
    chosen_note: str = "",
    since: dt.date,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Delegate:
    """A delegate must hold the resident-delegate role in this very area."""
    require(actor, "alliance.manage", alliance.area)
    _check_period(since, until)
    if not user.roles.filter(name=DELEGATE, area=alliance.area).exists():
        raise DomainError(
            _("Give this person the role 'resident delegate' in this area first."), field="user"
        )
    if chosen_how not in Delegate.Chosen.values:
        raise DomainError(_("Choose how the delegate was chosen."), field="chosen_how")
    if Delegate.objects.filter(alliance=alliance, user=user, since=since).exists():
        raise DomainError(_("This delegate is already registered from this date."), field="since")
    delegate = Delegate.objects.create(
        alliance=alliance, user=user, chosen_how=chosen_how, chosen_note=chosen_note, since=since, until=until
    )
    audit_record(
        actor=actor,
        action="alliance.delegate.added",
        area=alliance.area,
        obj=delegate,
        data={"how": chosen_how, "since": since.isoformat()},
        now=now or timezone.now(),
    )
    return delegate
