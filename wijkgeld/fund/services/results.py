"""Results: count with the round's locked rule, compare with greedy, publish (frozen), check receipts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from wijkgeld import __version__
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund import cityrule, counting, integrations, notify
from wijkgeld.fund.models import Proposal, Round, RoundResult
from wijkgeld.fund.services.common import Phase, locked_round, now_or, require_phase
from wijkgeld.pb.errors import PbError


def pb_filename(round_: Round) -> str:
    return f"wijkgeld-{round_.area.slug}-ronde-{round_.pk}.pb"


def city_settings(round_: Round) -> cityrule.Settings:
    return cityrule.Settings(
        rule=round_.rule,
        completion=round_.completion,
        ballot_type=round_.ballot_type,
        min_votes=round_.min_votes,
        comparison=round_.comparison,
        split=round_.is_split,
        pooled=round_.leftover == Round.Leftover.POOLED,
        by_category=round_.by_category,
    )


def count_rule(round_: Round) -> str:
    """The rule stored with the result: the round's own, or `from-file` for a city rule."""
    return counting.FROM_FILE if round_.uses_city_rule else round_.rule


def tally_command(round_: Round) -> str:
    return counting.tally_command(
        filename=pb_filename(round_),
        rule=count_rule(round_),
        completion=round_.completion,
        tie_break=round_.tie_break_option,
        vote_type=round_.ballot_type,
    )


def _projects(round_: Round) -> list[counting.ProjectInput]:
    admitted = (
        round_.proposals.filter(status=Proposal.Status.ADMITTED).select_related("sub_area").order_by("number")
    )
    if round_.by_category:  # an idea counts against the budget of its own theme
        names = {s.theme: s.name for s in round_.sub_areas.all()}
        return [
            counting.ProjectInput(p.project_id, p.title, p.cost_cents, category=names.get(p.theme, ""))
            for p in admitted
        ]
    return [
        counting.ProjectInput(
            p.project_id,
            p.title,
            p.cost_cents,
            p.sub_area.name if round_.by_neighbourhood and p.sub_area else "",
        )
        for p in admitted
    ]


def _rule_meta(round_: Round) -> dict[str, str]:
    if not round_.uses_city_rule:
        return {"rule": round_.rule, "completion": round_.completion}
    sub_areas = [(s.name, s.budget_cents) for s in round_.sub_areas.all()] if round_.is_split else []
    return cityrule.meta(city_settings(round_), sub_areas)


def election_for(round_: Round):
    ballots = integrations.ballots_for_count(round=round_)
    known = {p.project_id for p in _projects(round_)}
    for ballot in ballots:
        chosen = set(ballot.approvals) | set((ballot.points or {}).keys())
        if not chosen <= known:
            raise DomainError(_("A ballot names a project that is not on the ballot paper."), code="unknown")
    return counting.build(
        budget_cents=round_.budget_cents,
        vote_type=round_.ballot_type,
        projects=_projects(round_),
        ballots=ballots,
        meta={
            "description": f"Wijkgeld: {round_.title}",
            "country": "Netherlands",
            "unit": round_.area.name,
            "instance": str(round_.year),
            **_rule_meta(round_),
            "tie_break": round_.tie_break_option,
            "wijkgeld_version": __version__,
        },
    )


@transaction.atomic
def result_count(*, actor, round: Round, now: dt.datetime | None = None) -> RoundResult:
    """Count the ballots (a draft the committee checks before publishing); recounting replaces a draft."""
    round_ = locked_round(round)
    require_phase(round_, Phase.RESULTS)
    existing = RoundResult.objects.select_for_update().filter(round=round_).first()
    if existing is not None and existing.is_published:
        raise DomainError(_("The result is published and can no longer change."), code="published")
    try:
        election = election_for(round_)
        text = counting.pb_text(election)
        if round_.uses_city_rule:
            # The very file that is published, counted with its own rule (`--rule from-file`).
            outcome = cityrule.count(counting.parse(text), tie_break=round_.tie_break_option)
        else:
            outcome = counting.count(
                counting.parse(text),
                rule=round_.rule,
                completion=round_.completion,
                tie_break=round_.tie_break_option,
            )
        comparison = (
            {}  # most votes over the whole area ignores the neighbourhood budgets: no fair comparison
            if round_.is_split
            else counting.compare_with_greedy(
                election, selected=outcome.selected, tie_break=round_.tie_break_option
            )
        )
    except PbError as exc:
        raise DomainError(_("The ballots could not be counted: %(error)s") % {"error": exc}) from exc
    values: dict[str, Any] = {
        "rule": count_rule(round_),
        "completion": round_.completion,
        "tie_break": round_.tie_break_option,
        "engine_version": __version__,
        "pb_text": text,
        "sha256": counting.sha256(text),
        "selected": outcome.selected,
        "explanation": outcome.explanation,
        "comparison": comparison,
        "num_ballots": len(election.ballots),
        "counted_at": now_or(now),
        "counted_by": actor if getattr(actor, "is_authenticated", False) else None,
    }
    result, _created = RoundResult.objects.update_or_create(round=round_, defaults=values)
    audit_record(
        actor=actor,
        action="fund.result.counted",
        area=round_.area,
        obj=round_,
        data={"ballots": result.num_ballots, "selected": result.selected},
        now=now_or(now),
    )
    return result


@transaction.atomic
def result_publish(*, actor, round: Round, now: dt.datetime | None = None) -> RoundResult:
    """Freeze the result: the file, its SHA-256, the winners and the receipt codes never change after this."""
    round_ = locked_round(round)
    require_phase(round_, Phase.RESULTS)
    result = RoundResult.objects.select_for_update().filter(round=round_).first()
    if result is None:
        raise DomainError(_("Count the votes before publishing."), code="not_counted")
    if result.is_published:
        raise DomainError(_("The result is already published."), code="published")
    # The draft must still match the ballots and settings of now (no late ballot, no changed rule).
    fresh = counting.pb_text(election_for(round_))
    if counting.sha256(fresh) != result.sha256 or result.tie_break != round_.tie_break_option:
        raise DomainError(
            _("The ballots changed since the count. Count again before publishing."), code="stale"
        )
    moment = now_or(now)
    result.receipt_codes = sorted(integrations.receipt_codes(round=round_))
    result.published_at = moment
    result.save(update_fields=["receipt_codes", "published_at"])
    round_.published_at = moment
    round_.save(update_fields=["published_at"])
    audit_record(
        actor=actor,
        action="fund.result.published",
        area=round_.area,
        obj=round_,
        data={"sha256": result.sha256, "selected": result.selected},
        now=moment,
    )
    notify.on_result(round_, list(result.selected))
    return result


def published_result(round_: Round) -> RoundResult | None:
    result = RoundResult.objects.filter(round=round_, published_at__isnull=False).first()
    return result


def receipt_check(*, round: Round, receipt: str) -> bool | None:
    """Whether a receipt code is on the published list (None before publication).

    Receipt-freeness: this says only "your ballot is in the count". The published file has no receipt
    codes, so nobody can show with a receipt how they voted (docs/voting.md).
    """
    result = published_result(round)
    if result is None:
        return None
    code = "".join(ch for ch in receipt if ch.isalnum()).upper()
    if not code or len(code) > 64:
        return False
    return any(code == published.replace("-", "") for published in result.receipt_codes)
