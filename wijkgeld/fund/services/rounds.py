"""Rounds: create, change the settings while they may change, and move through the phases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import require
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund import cityrule, integrations
from wijkgeld.fund.models import Fund, Proposal, Round
from wijkgeld.fund.services.common import Phase, locked_round, next_phase, now_or, require_phase

SETTINGS_FIELDS = (
    "title",
    "year",
    "budget_cents",
    "ideas_start",
    "assessment_start",
    "voting_start",
    "voting_end",
    "results_date",
    "execution_end",
    "min_age",
    "ballot_type",
    "max_projects",
    "limit_to_budget",
    "points_total",
    "min_projects",
    "rule",
    "completion",
    "tie_break",
    "lottery_seed",
    "min_votes",
    "comparison",
)
# Dates of later phases may still move after voting opened; the counting settings may not.
DATE_FIELDS = ("voting_end", "results_date", "execution_end")


def fund_for_area(*, area) -> Fund:
    fund, _created = Fund.objects.get_or_create(area=area, defaults={"name": f"Bewonersfonds {area.name}"})
    return fund


def _check_settings(values: dict[str, Any]) -> None:
    if values.get("ballot_type") == Round.BallotType.CUMULATIVE and not values.get("points_total"):
        raise DomainError(_("A points ballot needs the number of points per voter."), field="points_total")
    if values.get("tie_break") == Round.TieBreak.LOTTERY and not values.get("lottery_seed"):
        raise DomainError(_("A lottery needs a published seed."), field="lottery_seed")
    if values.get("rule") != Round.Rule.MES and values.get("completion") not in (None, Round.Completion.NONE):
        raise DomainError(_("Only the Method of Equal Shares uses a completion."), field="completion")
    cityrule.check(
        cityrule.Settings(
            rule=values.get("rule", Round.Rule.MES),
            completion=values.get("completion", Round.Completion.ADD1),
            ballot_type=values.get("ballot_type", Round.BallotType.APPROVAL),
            min_votes=values.get("min_votes"),
            comparison=bool(values.get("comparison")),
            split=values.get("split", Round.Split.NONE) != Round.Split.NONE,
            pooled=values.get("leftover") == Round.Leftover.POOLED,
        )
    )
    order = ["ideas_start", "assessment_start", "voting_start", "voting_end", "results_date", "execution_end"]
    dates = [(name, values.get(name)) for name in order if values.get(name)]
    for (_name_a, a), (name_b, b) in zip(dates, dates[1:], strict=False):
        if b < a:
            raise DomainError(_("The dates must follow the order of the phases."), field=name_b)


def _check_budget(*, fund: Fund, year: int, budget_cents: int, exclude: Round | None = None) -> None:
    available = integrations.line_available_cents(area=fund.area, code=fund.line_code, year=year)
    if available is None:
        return  # no ledger installed: nothing to check against
    if (
        integrations.money() is not None
        and available == 0
        and integrations.money().budget_line_for(area=fund.area, code=fund.line_code, year=year) is None
    ):
        raise DomainError(
            _("This area has no budget line “%(code)s” for %(year)s yet. Finance creates it first.")
            % {"code": fund.line_code, "year": year},
            field="year",
        )
    if budget_cents > available:
        raise DomainError(
            _("The budget is more than the fund's budget line still has for that year."), field="budget_cents"
        )


@transaction.atomic
def round_create(*, actor, area, now: dt.datetime | None = None, **values: Any) -> Round:
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise DomainError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    fund = fund_for_area(area=area)
    _check_settings(values)
    _check_budget(fund=fund, year=values["year"], budget_cents=values["budget_cents"])
    round_ = Round(fund=fund, **values)
    round_.full_clean(exclude=["fund"])
    round_.save()
    audit_record(actor=actor, action="fund.round.created", area=area, obj=round_, now=now_or(now))
    return round_


@transaction.atomic
def round_update(*, actor, round: Round, now: dt.datetime | None = None, **values: Any) -> Round:
    round_ = locked_round(round)
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise DomainError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    changed = {k: v for k, v in values.items() if getattr(round_, k) != v}
    if round_.is_locked and set(changed) - set(DATE_FIELDS):
        raise DomainError(
            _("The rules are locked since voting opened; they can no longer change."), code="locked"
        )
    require_phase(round_, Phase.PREPARATION, Phase.IDEAS, Phase.ASSESSMENT, Phase.VOTING)
    merged = {name: getattr(round_, name) for name in SETTINGS_FIELDS} | values
    merged |= {"split": round_.split, "leftover": round_.leftover}  # set on the neighbourhood page
    if round_.by_category and "budget_cents" in changed:
        raise DomainError(
            _("This round has a budget per theme. Go back to one budget first, then change it."),
            field="budget_cents",
        )
    if round_.by_neighbourhood and "budget_cents" in changed:
        raise DomainError(
            _("This round has a budget per neighbourhood. Go back to one budget first, then change it."),
            field="budget_cents",
        )
    _check_settings(merged)
    if "budget_cents" in changed or "year" in changed:
        _check_budget(fund=round_.fund, year=merged["year"], budget_cents=merged["budget_cents"])
    for key, value in changed.items():
        setattr(round_, key, value)
    round_.full_clean(exclude=["fund"])
    round_.save()
    audit_record(
        actor=actor,
        action="fund.round.updated",
        area=round_.area,
        obj=round_,
        data={"fields": sorted(changed)},
        now=now_or(now),
    )
    return round_


def _check_can_enter(round_: Round, phase: str) -> None:
    if phase == Phase.VOTING:
        open_ = round_.proposals.filter(status__in=[Proposal.Status.SUBMITTED, Proposal.Status.REVISION])
        if open_.exists():
            raise DomainError(_("Every idea must be assessed before voting opens."), code="not_assessed")
        if not round_.proposals.filter(status=Proposal.Status.ADMITTED).exists():
            raise DomainError(_("At least one idea must be admitted before voting opens."), code="empty")
        if round_.is_split:
            from wijkgeld.fund.services.subareas import check_ready_for_voting

            check_ready_for_voting(round_)
    if phase == Phase.EXECUTION and not round_.is_published:
        raise DomainError(_("Publish the results before execution starts."), code="not_published")


@transaction.atomic
def round_advance(
    *,
    actor,
    round: Round,
    to_phase: str | None = None,
    now: dt.datetime | None = None,
    automatic: bool = False,
) -> Round:
    """Move the round to its next phase. Opening the vote locks the counting settings."""
    round_ = locked_round(round)
    target = next_phase(round_.phase)
    if target is None:
        raise DomainError(_("This round is closed."), code="closed")
    if to_phase is not None and to_phase != target:
        raise DomainError(
            _("A round moves one phase at a time; the next phase is “%(phase)s”.")
            % {"phase": Phase(target).label},
            code="skip",
        )
    _check_can_enter(round_, target)
    moment = now_or(now)
    previous = round_.phase
    round_.phase = target
    if target == Phase.VOTING and round_.locked_at is None:
        round_.locked_at = moment
    round_.save(update_fields=["phase", "locked_at"])
    audit_record(
        actor=None if automatic else actor,
        action="fund.round.phase_changed",
        area=round_.area,
        obj=round_,
        data={"from": str(Phase(previous).label), "to": str(Phase(target).label), "automatic": automatic},
        now=moment,
    )
    if target == Phase.VOTING:
        audit_record(
            actor=None if automatic else actor,
            action="fund.round.locked",
            area=round_.area,
            obj=round_,
            data={
                "rule": round_.rule,
                "completion": round_.completion,
                "tie_break": round_.tie_break_option,
                "min_votes": round_.min_votes,
                "comparison": round_.comparison,
                "split": round_.split,
                "leftover": round_.leftover,
                "sub_areas": {s.name: s.budget_cents for s in round_.sub_areas.all()},
            },
            now=moment,
        )
    return round_


# The date that opens each phase: `advance_rounds` moves a round once that date has passed.
PHASE_START = {
    Phase.IDEAS: "ideas_start",
    Phase.ASSESSMENT: "assessment_start",
    Phase.VOTING: "voting_start",
    Phase.RESULTS: "voting_end",
    Phase.CLOSED: "execution_end",
}


def rounds_advance_due(*, now: dt.datetime | None = None) -> list[tuple[Round, str, str]]:
    """Move every round whose next phase has started. Idempotent: run it as often as you like.

    Returns (round, old phase, new phase, followed by the reason in brackets if it could not go further)
    for each round that was due.
    Results → execution waits for the committee to publish; a round that cannot move says why.
    """
    moment = now_or(now)
    report: list[tuple[Round, str, str]] = []
    for round_ in Round.objects.exclude(phase=Phase.CLOSED).select_related("fund__area"):
        start = round_.phase
        stopped = ""
        while True:
            target = next_phase(round_.phase)
            field = PHASE_START.get(target) if target else None
            if target == Phase.EXECUTION and round_.is_published:
                due = True
            else:
                due = bool(field and getattr(round_, field) and getattr(round_, field) <= moment)
            if not due:
                break
            try:
                round_ = round_advance(actor=None, round=round_, now=moment, automatic=True)
            except DomainError as exc:
                stopped = str(exc)
                break
        if round_.phase != start or stopped:
            report.append((round_, start, f"{round_.phase} ({stopped})" if stopped else round_.phase))
    return report


@transaction.atomic
def fund_contact_update(*, actor, area, contact: str, now: dt.datetime | None = None) -> Fund:
    """The committee's contact details, printed on letters and paper ballots."""
    require(actor, "fund.manage", area)
    fund = fund_for_area(area=area)
    fund.contact = contact.strip()[:300]
    fund.save(update_fields=["contact"])
    audit_record(actor=actor, action="fund.contact.updated", area=area, obj=fund, now=now_or(now))
    return fund
