"""Commissions (opdrachten) for community builders, given by the neighbourhood, and their reports.

A commission is given either by a verified resident collective (acting through its appointed
representative) or by the resident delegates: one proposes, the others approve up to the same quorum
as the residents' support budget. Programme staff cannot give one: they are never representatives
(see `people.permissions.is_excluded`) and do not hold the delegate role.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import cents_to_str
from wijkgeld.money import services as money
from wijkgeld.money.models import BudgetLine, Payment
from wijkgeld.people import conf
from wijkgeld.people.models import Commission, CommissionApproval, CommunityBuilder, Report
from wijkgeld.people.permissions import is_delegate, is_representative_of
from wijkgeld.people.services.common import check_verified, forbidden, now_or, require_text
from wijkgeld.people.services.fees import COMMISSION_SOURCE, check_line, pay_part


def _delegates(area) -> set[int]:
    from wijkgeld.money.services.support import delegate_ids

    return delegate_ids(area)


@transaction.atomic
def commission_create(
    *,
    actor,
    builder: CommunityBuilder,
    title: str,
    aim: str,
    hours: int,
    starts_on: dt.date,
    ends_on: dt.date,
    pay_cents: int,
    collective=None,
    now: dt.datetime | None = None,
) -> Commission:
    now = now_or(now)
    builder = CommunityBuilder.objects.select_related("area", "employer").get(pk=builder.pk)
    area = builder.area
    if collective is not None:
        check_verified(collective, area)
        if not is_representative_of(actor, collective):
            raise forbidden(
                _("Only a representative of this resident collective can give a commission for it.")
            )
        given_by, status, needed = Commission.GivenBy.COLLECTIVE, Commission.Status.GIVEN, 0
    else:
        if not is_delegate(actor, area):
            raise forbidden(
                _(
                    "A commission is given by a resident collective or by the resident delegates, never by staff."
                )
            )
        given_by, status = Commission.GivenBy.DELEGATES, Commission.Status.PROPOSED
        needed = money.approvals_needed(area=area, proposer=actor)
    if builder.left_on is not None:
        raise DomainError(_("This community builder has left the register."), field="builder")
    title = require_text(title, field="title", message=_("Give the commission a title."), max_length=200)
    aim = require_text(aim, field="aim", message=_("Say how this commission strengthens the community."))
    if not isinstance(hours, int) or hours <= 0:
        raise DomainError(_("Give the number of hours."), field="hours")
    if not isinstance(pay_cents, int) or isinstance(pay_cents, bool) or pay_cents <= 0:
        raise DomainError(_("The amount must be more than zero."), field="pay")
    if starts_on is None or ends_on is None or ends_on < starts_on:
        raise DomainError(_("The end date must be on or after the start date."), field="ends_on")
    commission = Commission.objects.create(
        area=area,
        builder=builder,
        employer=builder.employer,
        given_by=given_by,
        commissioning_collective=collective,
        title=title,
        aim=aim,
        hours=hours,
        starts_on=starts_on,
        ends_on=ends_on,
        pay_cents=pay_cents,
        status=status,
        proposed_by=actor,
        created_at=now,
        given_at=now if status == Commission.Status.GIVEN else None,
        approvals_needed=needed,
    )
    audit_record(
        actor=actor,
        action="people.commission.given"
        if status == Commission.Status.GIVEN
        else "people.commission.proposed",
        area=area,
        obj=commission,
        data={
            "amount": cents_to_str(pay_cents),
            "hours": hours,
            "given_by": given_by,
            "collective": str(collective or ""),
        },
        now=now,
    )
    return commission


@transaction.atomic
def commission_vote(
    *, actor, commission: Commission, approve: bool, now: dt.datetime | None = None
) -> Commission:
    """Another delegate approves or declines; at the quorum the commission is given."""
    now = now_or(now)
    commission = (
        Commission.objects.select_for_update(of=("self",)).select_related("area").get(pk=commission.pk)
    )
    area = commission.area
    if not is_delegate(actor, area):
        raise forbidden(_("Only resident delegates decide on this commission."))
    if commission.status != Commission.Status.PROPOSED:
        raise DomainError(_("This commission has already been decided."))
    if commission.proposed_by_id == actor.pk:
        raise DomainError(_("You cannot approve your own proposal; other delegates decide."))
    try:
        with transaction.atomic():
            CommissionApproval.objects.create(
                commission=commission, delegate=actor, approve=approve, created_at=now
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already given your answer on this commission.")) from exc
    audit_record(
        actor=actor,
        action="people.commission.approved_by" if approve else "people.commission.declined_by",
        area=area,
        obj=commission,
        now=now,
    )
    answered = set(commission.approvals.values_list("delegate_id", flat=True))
    approvals = commission.approvals.filter(approve=True, delegate_id__in=_delegates(area)).count()
    possible = approvals + len(_delegates(area) - {commission.proposed_by_id} - answered)
    if approvals >= commission.approvals_needed:
        commission.status = Commission.Status.GIVEN
        commission.given_at = now
        commission.save(update_fields=["status", "given_at"])
        audit_record(
            actor=actor,
            action="people.commission.given",
            area=area,
            obj=commission,
            data={
                "amount": cents_to_str(commission.pay_cents),
                "hours": commission.hours,
                "given_by": "delegates",
                "approvals": approvals,
            },
            now=now,
        )
    elif possible < commission.approvals_needed:
        commission.status = Commission.Status.DECLINED
        commission.save(update_fields=["status"])
        audit_record(actor=actor, action="people.commission.declined", area=area, obj=commission, now=now)
    return commission


@transaction.atomic
def commission_commit(*, actor, commission: Commission, line: BudgetLine, now: dt.datetime | None = None):
    """Finance or staff book the given commission as a commitment to the employing collective."""
    now = now_or(now)
    commission = (
        Commission.objects.select_for_update(of=("self",))
        .select_related("area", "employer__organisation")
        .get(pk=commission.pk)
    )
    line = BudgetLine.objects.select_related("theme").get(pk=line.pk) if line is not None else None
    check_line(actor=actor, line=line, area=commission.area, theme_code=conf.builders_theme())
    if commission.status != Commission.Status.GIVEN:
        raise DomainError(_("Only a commission the residents have given can be paid."))
    if commission.commitment_id is not None:
        raise DomainError(_("This commission has already been committed."))
    commitment = money.commitment_create(
        actor=actor,
        line=line,
        amount_cents=commission.pay_cents,
        description=_("Commission for a community builder: {title}").format(title=commission.title),
        recipient_organisation=commission.employer.organisation,
        source=f"{COMMISSION_SOURCE}{commission.pk}",
        now=now,
    )
    commission.commitment = commitment
    commission.save(update_fields=["commitment"])
    return commitment


def may_submit_report(user, commission: Commission) -> bool:
    builder = commission.builder
    return (
        user is not None and user.is_authenticated and builder.user_id == user.pk
    ) or is_representative_of(user, commission.employer)


def may_decide_report(user, commission: Commission) -> bool:
    """The commissioning residents: the collective's representative, or a resident delegate."""
    if user is None or not user.is_authenticated or commission.builder.user_id == user.pk:
        return False
    if commission.given_by == Commission.GivenBy.COLLECTIVE:
        return is_representative_of(user, commission.commissioning_collective)
    return is_delegate(user, commission.area)


@transaction.atomic
def report_submit(
    *,
    actor,
    commission: Commission,
    year: int,
    quarter: int,
    activities: str,
    people_reached: int,
    connections: str,
    now: dt.datetime | None = None,
) -> Report:
    """The builder reports on a quarter; a report that was sent back is revised and submitted again."""
    now = now_or(now)
    commission = (
        Commission.objects.select_for_update(of=("self",))
        .select_related("builder", "employer", "area")
        .get(pk=commission.pk)
    )
    if not may_submit_report(actor, commission):
        raise forbidden(_("Only the community builder or their collective can report."))
    if commission.status != Commission.Status.GIVEN:
        raise DomainError(_("This commission has not been given."))
    if quarter not in (1, 2, 3, 4):
        raise DomainError(_("Choose a quarter."), field="quarter")
    if not (commission.starts_on.year <= year <= commission.ends_on.year):
        raise DomainError(_("Choose a year within the commission's period."), field="year")
    activities = require_text(activities, field="activities", message=_("Tell what you did."))
    connections = require_text(
        connections, field="connections", message=_("Tell which connections you made.")
    )
    if people_reached is None or people_reached < 0:
        raise DomainError(_("Give the number of people reached."), field="people_reached")
    report = Report.objects.filter(commission=commission, year=year, quarter=quarter).first()
    if report is not None and report.status != Report.Status.SENT_BACK:
        raise DomainError(_("There is already a report for this quarter."), field="quarter")
    report = report or Report(commission=commission, year=year, quarter=quarter)
    report.activities, report.connections, report.people_reached = activities, connections, people_reached
    report.status = Report.Status.SUBMITTED
    report.submitted_by, report.submitted_at = actor, now
    report.save()
    audit_record(
        actor=actor,
        action="people.report.submitted",
        area=commission.area,
        obj=report,
        data={"people_reached": people_reached},
        now=now,
    )
    return report


@transaction.atomic
def report_decide(
    *, actor, report: Report, accept: bool, note: str = "", now: dt.datetime | None = None
) -> Report:
    now = now_or(now)
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("commission__builder", "commission__area")
        .get(pk=report.pk)
    )
    commission = report.commission
    if not may_decide_report(actor, commission) or report.submitted_by_id == actor.pk:
        raise forbidden(_("Only the residents who gave the commission can accept or send back its reports."))
    if report.status != Report.Status.SUBMITTED:
        raise DomainError(_("This report has already been decided."))
    note = (note or "").strip()
    if not accept and not note:
        raise DomainError(_("Say what should be better, so the builder can revise the report."), field="note")
    report.status = Report.Status.ACCEPTED if accept else Report.Status.SENT_BACK
    report.decided_by, report.decided_at, report.decision_note = actor, now, note[:500]
    report.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="people.report.accepted" if accept else "people.report.sent_back",
        area=commission.area,
        obj=report,
        data={"note": report.decision_note},
        now=now,
    )
    return report


@transaction.atomic
def report_pay(
    *, actor, report: Report, amount_cents: int, description: str, now: dt.datetime | None = None
) -> Payment:
    """Finance pays a part of the commission after an accepted report."""
    now = now_or(now)
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("commission__commitment__line__area")
        .get(pk=report.pk)
    )
    if report.status != Report.Status.ACCEPTED:
        raise DomainError(_("Only an accepted report can be paid."))
    if report.payment_id is not None:
        raise DomainError(_("This report has already been paid."))
    if report.commission.commitment is None:
        raise DomainError(_("Commit the commission's money first."))
    payment = pay_part(
        actor=actor,
        commitment=report.commission.commitment,
        amount_cents=amount_cents,
        description=description,
        now=now,
    )
    report.payment = payment
    report.save(update_fields=["payment"])
    return payment
