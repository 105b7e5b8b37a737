"""Checking one ballot against the round's locked settings. Used for online and paper ballots."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError
from wijkgeld.core.money import format_euros


@dataclass(frozen=True)
class Selection:
    approvals: tuple[str, ...]
    points: dict[str, int] | None

    def as_json(self) -> dict:
        return {"approvals": list(self.approvals), "points": self.points}


@dataclass(frozen=True)
class Project:
    id: str  # str(Proposal.number)
    title: str
    summary: str
    cost_cents: int
    content_language: str = "nl"  # the language the idea was written in (templates mark it with lang=)


ALL = "all"


def admitted_projects(round_, sub_area_id: int | None | str = ALL) -> list[Project]:
    """The ideas on the ballot; in a round with a budget per neighbourhood, those of neighbourhood
    `sub_area_id` (the voter's own; none for a code without one) unless ALL are asked for."""
    from wijkgeld.fund.models import Proposal

    rows = Proposal.objects.filter(round=round_, status=Proposal.Status.ADMITTED).order_by("number")
    if round_.by_neighbourhood and sub_area_id != ALL:
        rows = rows.filter(sub_area_id=sub_area_id)
    return [
        Project(str(p.number), p.title, p.summary, p.cost_cents, p.content_language)
        for p in rows.only(
            "number", "title", "summary", "estimated_cost_cents", "final_cost_cents", "content_language"
        )
    ]


_COSTS: dict[tuple, tuple[float, dict[str, int]]] = {}
COSTS_TTL = 10.0  # seconds


def project_costs(round_) -> dict[str, int]:
    """{project id: cost in cents} of the admitted proposals: the one query the cast path needs.

    Once the rules are locked (voting is open) the admitted proposals no longer change, so each
    worker keeps the answer for a few seconds: a cast then needs no query for it.
    """
    if round_.locked_at is None:
        return _project_costs(round_)
    key = (round_.pk, round_.locked_at, round_.created_at)
    now = time.monotonic()
    hit = _COSTS.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    costs = _project_costs(round_)
    if len(_COSTS) > 100:
        _COSTS.clear()
    _COSTS[key] = (now + COSTS_TTL, costs)
    return costs


_ROUNDS: dict[int, tuple[float, object]] = {}


def round_for_ballot(round_id: int):
    """The round a ballot form is sent to, or None; kept a few seconds per worker once its rules are locked.

    A cast is the hottest request of the site; reading the round costs it a query and about an eighth of
    its time. Only a round whose rules are locked is kept (its ballot rules and admitted ideas no longer
    change), and never longer than COSTS_TTL. Whether voting is open *now* is not taken from this copy:
    the cast re-reads the round's phase and dates in the database in the same statement or transaction
    that stores the ballot (`fastcast.first_cast`, `services.ballot_cast`), so a round closed a second
    ago refuses the ballot.
    """
    from wijkgeld.fund.models import Round

    now = time.monotonic()
    hit = _ROUNDS.get(round_id)
    if hit is not None and hit[0] > now:
        return hit[1]
    round_ = Round.objects.select_related("fund__area").filter(pk=round_id).first()
    if round_ is not None and round_.locked_at is not None:
        if len(_ROUNDS) > 100:
            _ROUNDS.clear()
        _ROUNDS[round_id] = (now + COSTS_TTL, round_)
    return round_


def sub_area_projects(round_, sub_area_id: int | None) -> list[str]:
    """The project ids of one neighbourhood's ideas (none for a code without a neighbourhood)."""
    from wijkgeld.fund.models import Proposal

    rows = Proposal.objects.filter(round=round_, status=Proposal.Status.ADMITTED, sub_area_id=sub_area_id)
    return [str(n) for n in rows.values_list("number", flat=True)] if sub_area_id else []


def _project_costs(round_) -> dict[str, int]:
    from wijkgeld.fund.models import Proposal

    rows = Proposal.objects.filter(round=round_, status=Proposal.Status.ADMITTED).values_list(
        "number", "estimated_cost_cents", "final_cost_cents"
    )
    return {str(number): (final if final is not None else estimated) for number, estimated, final in rows}


def euros(cents: int) -> str:
    return format_euros(cents, language=get_language() or "nl")


def _sort_key(project_id: str):
    return (0, int(project_id)) if project_id.isdigit() else (1, project_id)


def validate(
    round_,
    costs: Mapping[str, int],
    *,
    approvals: Iterable[str] | None = None,
    points: Mapping[str, int] | None = None,
) -> Selection:
    """The checked selection, or DomainError with a plain message and the field that is wrong."""
    if round_.ballot_type == "cumulative":
        return _validate_cumulative(round_, costs, approvals, points)
    return _validate_approval(round_, costs, approvals, points)


def _unknown(ids: Iterable[str], costs: Mapping[str, int]) -> None:
    if any(str(pid) not in costs for pid in ids):
        raise DomainError(
            _("Your choice contains a project that is not on this ballot. Choose again from the list."),
            field="projects",
            code="unknown_project",
        )


def _validate_approval(round_, costs, approvals, points) -> Selection:
    if points:
        raise DomainError(_("On this ballot you tick projects; you do not give points."), code="wrong_type")
    chosen = [str(pid) for pid in (approvals or [])]
    _unknown(chosen, costs)
    if len(set(chosen)) != len(chosen):
        raise DomainError(_("You chose the same project twice."), field="projects", code="duplicate")
    n = len(chosen)
    minimum = max(round_.min_projects or 1, 1)
    if n < minimum:
        raise DomainError(
            ngettext("Choose at least %(n)d project.", "Choose at least %(n)d projects.", minimum)
            % {"n": minimum},
            field="projects",
            code="too_few",
        )
    if round_.max_projects and n > round_.max_projects:
        raise DomainError(
            ngettext(
                "You chose %(chosen)d projects. You may choose at most %(n)d project.",
                "You chose %(chosen)d projects. You may choose at most %(n)d projects.",
                round_.max_projects,
            )
            % {"chosen": n, "n": round_.max_projects},
            field="projects",
            code="too_many",
        )
    total = sum(costs[pid] for pid in chosen)
    if round_.limit_to_budget and total > round_.budget_cents:
        raise DomainError(
            _("Your choice costs %(total)s. That is more than the budget of %(budget)s. Remove a project.")
            % {"total": euros(total), "budget": euros(round_.budget_cents)},
            field="projects",
            code="over_budget",
        )
    return Selection(tuple(sorted(chosen, key=_sort_key)), None)


def _validate_cumulative(round_, costs, approvals, points) -> Selection:
    if approvals:
        raise DomainError(_("On this ballot you give points; you do not tick projects."), code="wrong_type")
    given: dict[str, int] = {}
    for pid, value in (points or {}).items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DomainError(
                _("Points must be whole numbers of 0 or more."), field="points", code="points_invalid"
            )
        if value:
            given[str(pid)] = value
    _unknown(given, costs)
    total = sum(given.values())
    if total > round_.points_total:
        raise DomainError(
            _("You gave %(given)d points. You have %(total)d points to give.")
            % {"given": total, "total": round_.points_total},
            field="points",
            code="points_over",
        )
    minimum = max(round_.min_projects or 1, 1)
    if len(given) < minimum:
        raise DomainError(
            ngettext(
                "Give points to at least %(n)d project.", "Give points to at least %(n)d projects.", minimum
            )
            % {"n": minimum},
            field="points",
            code="too_few",
        )
    ordered = dict(sorted(given.items(), key=lambda item: _sort_key(item[0])))
    return Selection(tuple(ordered), ordered)
