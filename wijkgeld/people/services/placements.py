"""Roles at bewonersbedrijven, interest, placements, the work-rhythm plan, hours and milestones.

The participant's name and contact data go into `ParticipantData` only; audit entries name the
placement by its pseudonym and never carry personal data.
"""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from wijkgeld.areas.models import Organisation
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.languages import content_language as language_of_text
from wijkgeld.core.money import cents_to_str, format_euros
from wijkgeld.people import conf
from wijkgeld.people.models import (
    Interest,
    Milestone,
    MonthlyHours,
    ParticipantData,
    Placement,
    RhythmStep,
    StopReason,
    WorkRole,
)
from wijkgeld.people.permissions import (
    is_coordinator_of,
    is_municipal_contact,
    may_manage_placement,
    may_see_personal_data,
)
from wijkgeld.people.services.common import forbidden, now_or, require_text

PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _contact(email: str, phone: str) -> tuple[str, str]:
    email, phone = (email or "").strip(), (phone or "").strip()
    if not email and not phone:
        raise DomainError(_("Give an e-mail address or a phone number."), field="email")
    return email, phone


def _check_hours_range(hours_min: int, hours_max: int) -> None:
    if not (1 <= hours_min <= 40):
        raise DomainError(_("Choose between 1 and 40 hours a week."), field="hours_min")
    if not (1 <= hours_max <= 40):
        raise DomainError(_("Choose between 1 and 40 hours a week."), field="hours_max")
    if hours_min > hours_max:
        raise DomainError(_("The least hours cannot be more than the most hours."), field="hours_max")


@transaction.atomic
def work_role_create(
    *,
    actor,
    enterprise,
    title: str,
    tasks: str,
    hours_min: int,
    hours_max: int,
    is_paid: bool = False,
    theme=None,
    content_language: str | None = None,
    now: dt.datetime | None = None,
) -> WorkRole:
    """A coordinator publishes a role of their (verified) bewonersbedrijf."""
    now = now_or(now)
    if not is_coordinator_of(actor, enterprise):
        raise forbidden(_("Only a coordinator of this bewonersbedrijf can publish its roles."))
    if not enterprise.is_verified or enterprise.organisation.kind != Organisation.Kind.ENTERPRISE:
        raise DomainError(_("Only a verified bewonersbedrijf can publish roles."), field="enterprise")
    title = require_text(title, field="title", message=_("Give the role a title."), max_length=150)
    tasks = require_text(tasks, field="tasks", message=_("Describe the tasks."))
    _check_hours_range(hours_min, hours_max)
    role = WorkRole.objects.create(
        enterprise=enterprise,
        area=enterprise.area,
        title=title,
        tasks=tasks,
        content_language=language_of_text(content_language),
        hours_min=hours_min,
        hours_max=hours_max,
        is_paid=is_paid,
        theme=theme,
        created_at=now,
        created_by=actor,
    )
    audit_record(actor=actor, action="people.role.created", area=role.area, obj=role, now=now)
    return role


@transaction.atomic
def work_role_set_open(*, actor, role: WorkRole, is_open: bool, now: dt.datetime | None = None) -> WorkRole:
    now = now_or(now)
    role = WorkRole.objects.select_for_update(of=("self",)).select_related("enterprise").get(pk=role.pk)
    if not is_coordinator_of(actor, role.enterprise):
        raise forbidden(_("Only a coordinator of this bewonersbedrijf can change its roles."))
    if role.is_open == is_open:
        raise DomainError(_("Nothing changed."))
    role.is_open = is_open
    role.save(update_fields=["is_open"])
    action = "people.role.opened" if is_open else "people.role.closed"
    audit_record(actor=actor, action=action, area=role.area, obj=role, now=now)
    return role


@transaction.atomic
def interest_register(
    *, role: WorkRole, name: str, email: str = "", phone: str = "", now: dt.datetime | None = None
) -> Interest:
    """A resident, without an account, says they are interested. Contact data only."""
    now = now_or(now)
    role = WorkRole.objects.select_related("enterprise").get(pk=role.pk)
    if not role.is_open or not role.enterprise.is_verified:
        raise DomainError(_("This role is no longer open."))
    name = require_text(name, field="name", message=_("Give your name."), max_length=100)
    email, phone = _contact(email, phone)
    interest = Interest.objects.create(role=role, name=name, email=email, phone=phone, created_at=now)
    audit_record(
        actor=None,
        action="people.interest.received",
        area=role.area,
        obj=interest,
        actor_label="resident",
        now=now,
    )
    return interest


@transaction.atomic
def interest_delete(*, actor, interest: Interest, now: dt.datetime | None = None) -> None:
    now = now_or(now)
    interest = Interest.objects.select_related("role__enterprise", "role__area").get(pk=interest.pk)
    if not is_coordinator_of(actor, interest.role.enterprise):
        raise forbidden()
    area, label = interest.role.area, str(interest)
    interest.delete()
    audit_record(actor=actor, action="people.interest.deleted", area=area, data={"interest": label}, now=now)


def _new_pseudonym() -> str:
    while True:
        candidate = "D-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _i in range(6))
        if not Placement.objects.filter(pseudonym=candidate).exists():
            return candidate


@transaction.atomic
def placement_create(
    *,
    actor,
    role: WorkRole,
    name: str,
    email: str = "",
    phone: str = "",
    consent_given_on: dt.date | None,
    started_on: dt.date,
    municipal_contact=None,
    interest: Interest | None = None,
    now: dt.datetime | None = None,
) -> Placement:
    """The coordinator registers a participant who has given consent; the name goes apart."""
    now = now_or(now)
    role = WorkRole.objects.select_related("enterprise", "area").get(pk=role.pk)
    if not is_coordinator_of(actor, role.enterprise):
        raise forbidden(_("Only a coordinator of this bewonersbedrijf can register a participant."))
    if consent_given_on is None:
        raise DomainError(
            _("Record when the participant gave consent to be registered. Without consent, no registration."),
            field="consent_given_on",
        )
    if consent_given_on > now.date():
        raise DomainError(_("Consent cannot be given in the future."), field="consent_given_on")
    if started_on is None:
        raise DomainError(_("Give the start date."), field="started_on")
    name = require_text(name, field="name", message=_("Give the participant's name."), max_length=150)
    email, phone = (email or "").strip(), (phone or "").strip()
    if municipal_contact is not None and not is_municipal_contact(municipal_contact, role.area):
        raise DomainError(
            _("This person is not a municipal contact in this area."), field="municipal_contact"
        )
    if interest is not None and interest.role.enterprise_id != role.enterprise_id:
        raise DomainError(_("This interest belongs to another bewonersbedrijf."))
    placement = Placement.objects.create(
        role=role,
        area=role.area,
        pseudonym=_new_pseudonym(),
        coordinator=actor,
        municipal_contact=municipal_contact,
        started_on=started_on,
        consent_given_on=consent_given_on,
        consent_recorded_by=actor,
        created_at=now,
    )
    ParticipantData.objects.create(placement=placement, name=name, email=email, phone=phone)
    Milestone.objects.create(
        placement=placement,
        kind=Milestone.Kind.STARTED,
        reached_on=started_on,
        recorded_by=actor,
        recorded_at=now,
    )
    if interest is not None:
        interest.delete()  # the contact data now lives with the placement
    audit_record(
        actor=actor,
        action="people.placement.created",
        area=role.area,
        obj=placement,
        data={"role": role.title, "consent_given_on": consent_given_on.isoformat()},
        now=now,
    )
    return placement


def _lock_for_coordinator(actor, placement: Placement) -> Placement:
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("role__enterprise", "area")
        .get(pk=placement.pk)
    )
    if not may_manage_placement(actor, placement):
        raise forbidden(_("Only a coordinator of this bewonersbedrijf can change this placement."))
    if placement.consent_withdrawn_at is not None:
        raise DomainError(_("Consent has been withdrawn: this placement can no longer be changed."))
    return placement


@transaction.atomic
def rhythm_step_add(
    *, actor, placement: Placement, hours_per_week: int, now: dt.datetime | None = None
) -> RhythmStep:
    now = now_or(now)
    placement = _lock_for_coordinator(actor, placement)
    if not (1 <= hours_per_week <= 40):
        raise DomainError(_("Choose between 1 and 40 hours a week."), field="hours_per_week")
    last = placement.steps.order_by("-order").first()
    step = RhythmStep.objects.create(
        placement=placement, order=(last.order + 1) if last else 1, hours_per_week=hours_per_week
    )
    audit_record(
        actor=actor,
        action="people.step.added",
        area=placement.area,
        obj=placement,
        data={"step": step.order, "hours_per_week": hours_per_week},
        now=now,
    )
    return step


def allowance_year_cents(placement: Placement, year: int, *, except_month: dt.date | None = None) -> int:
    qs = placement.months.filter(month__year=year)
    if except_month is not None:
        qs = qs.exclude(month=except_month)
    return int(qs.aggregate(total=Sum("allowance_cents"))["total"] or 0)


def allowance_warning(placement: Placement, month: dt.date, allowance_cents: int) -> str:
    """A sentence when this month's allowance would pass the legal maximum, else ''."""
    from django.utils.translation import get_language

    language = get_language() or "nl"
    year_total = allowance_year_cents(placement, month.year, except_month=month) + allowance_cents
    if year_total > conf.allowance_max_year_cents():
        return _(
            "With this amount the volunteer allowance in {year} comes to {total}, more than the yearly "
            "maximum of {maximum}. Above it the whole allowance can be taxed."
        ).format(
            year=month.year,
            total=format_euros(year_total, language=language),
            maximum=format_euros(conf.allowance_max_year_cents(), language=language),
        )
    if allowance_cents > conf.allowance_max_month_cents():
        return _("This is more than the monthly maximum of {maximum} for a volunteer allowance.").format(
            maximum=format_euros(conf.allowance_max_month_cents(), language=language)
        )
    return ""


@transaction.atomic
def month_record(
    *,
    actor,
    placement: Placement,
    month: dt.date,
    hours: Decimal,
    allowance_cents: int = 0,
    over_maximum_confirmed: bool = False,
    now: dt.datetime | None = None,
) -> MonthlyHours:
    """Enter (or correct) the hours of a month. An allowance above the legal maximum needs a confirmation."""
    now = now_or(now)
    placement = _lock_for_coordinator(actor, placement)
    month = month.replace(day=1)
    if month < placement.started_on.replace(day=1) or month > now.date().replace(day=1):
        raise DomainError(_("Choose a month between the start and now."), field="month")
    if hours is None or hours < 0 or hours > 744:
        raise DomainError(_("Enter the hours worked in this month."), field="hours")
    if allowance_cents < 0:
        raise DomainError(_("The amount cannot be negative."), field="allowance")
    if allowance_cents and placement.role.is_paid:
        raise DomainError(_("A paid role has wages, not a volunteer allowance."), field="allowance")
    warning = allowance_warning(placement, month, allowance_cents) if allowance_cents else ""
    if warning and not over_maximum_confirmed:
        raise DomainError(warning, field="allowance", code="allowance_over_maximum")
    row = MonthlyHours.objects.filter(placement=placement, month=month).first()
    before = None
    if row is None:
        row = MonthlyHours(placement=placement, month=month)
    else:
        before = {"hours": str(row.hours), "allowance": cents_to_str(row.allowance_cents)}
    row.hours = hours
    row.allowance_cents = allowance_cents
    row.entered_by = actor
    row.entered_at = now
    row.save()
    audit_record(
        actor=actor,
        action="people.hours.corrected" if before else "people.hours.recorded",
        area=placement.area,
        obj=placement,
        data={
            "month": month.strftime("%Y-%m"),
            "hours": str(hours),
            "allowance": cents_to_str(allowance_cents),
            "before": before or {},
            "over_maximum": bool(warning),
        },
        now=now,
    )
    return row


@transaction.atomic
def milestone_record(
    *,
    actor,
    placement: Placement,
    kind: str,
    reached_on: dt.date,
    stop_reason: str = "",
    now: dt.datetime | None = None,
) -> Milestone:
    now = now_or(now)
    placement = _lock_for_coordinator(actor, placement)
    if kind not in Milestone.Kind.values or kind == Milestone.Kind.STARTED:
        raise DomainError(_("Choose a milestone."), field="kind")
    if placement.ended_on is not None:
        raise DomainError(_("This placement has ended."), field="kind")
    if reached_on is None or reached_on < placement.started_on or reached_on > now.date():
        raise DomainError(_("Choose a date between the start and today."), field="reached_on")
    if kind == Milestone.Kind.STOPPED:
        if stop_reason not in StopReason.values:
            raise DomainError(_("Choose a reason from the list."), field="stop_reason")
    else:
        stop_reason = ""
    if placement.milestones.filter(kind=kind).exists():
        raise DomainError(_("This milestone has already been recorded."), field="kind")
    milestone = Milestone.objects.create(
        placement=placement,
        kind=kind,
        reached_on=reached_on,
        stop_reason=stop_reason,
        recorded_by=actor,
        recorded_at=now,
    )
    if kind in Milestone.ENDING:
        placement.ended_on = reached_on
        placement.save(update_fields=["ended_on"])
    audit_record(
        actor=actor,
        action="people.milestone.recorded",
        area=placement.area,
        obj=placement,
        data={"milestone": kind, "reason": stop_reason, "reached_on": reached_on.isoformat()},
        now=now,
    )
    return milestone


@transaction.atomic
def consent_withdraw(*, actor, placement: Placement, now: dt.datetime | None = None) -> Placement:
    """The participant withdraws consent: their personal data is deleted at once; the pseudonymous
    rows (hours, milestones) stay so that the public counts do not change."""
    now = now_or(now)
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("role__enterprise", "area")
        .get(pk=placement.pk)
    )
    if not may_see_personal_data(actor, placement):
        raise forbidden(_("Only the coordinator or the municipal contact of this placement can do this."))
    if placement.consent_withdrawn_at is not None:
        raise DomainError(_("Consent has already been withdrawn."))
    ParticipantData.objects.filter(placement=placement).delete()
    placement.consent_withdrawn_at = now
    placement.personal_data_deleted_at = now
    if placement.ended_on is None:
        placement.ended_on = max(now.date(), placement.started_on)
    placement.save(update_fields=["consent_withdrawn_at", "personal_data_deleted_at", "ended_on"])
    audit_record(actor=actor, action="people.consent.withdrawn", area=placement.area, obj=placement, now=now)
    return placement
