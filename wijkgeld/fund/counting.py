"""From counted ballots to a Pabulib election, a count with the round's locked rule, and explanations.

No database access here: the results service passes in plain values, stores what comes out. Amounts in
the .pb file are euros (Pabulib's convention), written exactly (cents become two decimals); amounts in
the explanation are strings of exact fractions of a euro, turned into cents only for display.

This module talks to the engine in `wijkgeld.pb`; it is the one place to change if the engine's API
changes. `wijkgeld tally FILE.pb --rule R --completion C --tie-break T` reproduces `selected`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from wijkgeld.core.money import round_cents, split_cents
from wijkgeld.pb import (
    Ballot,
    Election,
    Project,
    Result,
    build_election,
    parse_pb,
    project_text,
    summary_text,
    tally,
    voter_text,
    write_pb,
)
from wijkgeld.pb.fromfile import tally_from_file

LANGUAGES = ("nl", "en", "tr", "ar", "pl")  # every language the engine writes (wijkgeld/pb/texts.py)


@dataclass(frozen=True)
class ProjectInput:
    project_id: str
    name: str
    cost_cents: int
    neighborhood: str = ""  # the sub-area whose budget this project counts against ("" for none)
    category: str = ""  # or the theme whose budget it counts against (a round with a budget per theme)


@dataclass(frozen=True)
class CountOutcome:
    selected: list[str]
    explanation: dict[str, Any]


def euros(cents: int) -> Fraction:
    return Fraction(cents, 100)


def to_cents(value: Fraction | int | str) -> int:
    """Exact euros (or a 'a/b' string) to whole cents, with the one rounding of every page
    (`core.money.round_cents`). Parts of a whole are rounded together with `core.money.split_cents`."""
    return round_cents(Fraction(value) * 100)


def build(
    *,
    budget_cents: int,
    vote_type: str,
    projects: Sequence[ProjectInput],
    ballots: Iterable[Any],
    meta: Mapping[str, str] | None = None,
) -> Election:
    """An election from the round's admitted projects and the ballots of the voting app.

    Each ballot has `voter_id`, `approvals` (project ids) and, for cumulative ballots, `points`.
    """
    pb_projects = [
        Project(
            p.project_id,
            euros(p.cost_cents),
            {"name": p.name}
            | ({"neighborhood": p.neighborhood} if p.neighborhood else {})
            | ({"category": p.category} if p.category else {}),
        )
        for p in projects
    ]
    pb_ballots = []
    for ballot in sorted(ballots, key=lambda b: str(b.voter_id)):
        chosen = tuple(str(pid) for pid in ballot.approvals)
        group = getattr(ballot, "neighborhood", "")
        extra = {"neighborhood": group} if group else {}
        if vote_type == "cumulative":
            points_map = {str(k): int(v) for k, v in (ballot.points or {}).items() if int(v) > 0}
            chosen = tuple(sorted(points_map, key=_pid_key))
            pb_ballots.append(
                Ballot(str(ballot.voter_id), chosen, tuple(points_map[p] for p in chosen), extra)
            )
        else:
            pb_ballots.append(Ballot(str(ballot.voter_id), tuple(sorted(chosen, key=_pid_key)), None, extra))
    return build_election(
        budget=euros(budget_cents),
        vote_type=vote_type,
        projects=pb_projects,
        ballots=pb_ballots,
        meta={"currency": "EUR", **(meta or {})},
    )


def _pid_key(pid: str) -> tuple[int, str]:
    return (int(pid), pid) if pid.isdigit() else (10**9, pid)


def pb_text(election: Election) -> str:
    return write_pb(election)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse(text: str) -> Election:
    return parse_pb(text)


def utility_for(vote_type: str) -> str:
    """Points ballots are counted with point utilities; approval ballots with cost utilities."""
    return "points" if vote_type == "cumulative" else "cost"


#: The rule stored with a result counted with the file's own city rule (`wijkgeld.fund.cityrule`).
FROM_FILE = "from-file"


def tally_result(election: Election, *, rule: str, completion: str, tie_break: str) -> Result:
    if rule == FROM_FILE:
        return tally_from_file(election, tie_break=tie_break)
    return tally(
        election,
        rule=rule,
        completion=completion if rule == "mes" else "none",
        utility=utility_for(election.vote_type) if rule == "mes" else "cost",
        tie_break=tie_break,
    )


def count(election: Election, *, rule: str, completion: str, tie_break: str) -> CountOutcome:
    """Count with the engine's `tally`; keep its explanation as data and as text in both languages."""
    result = tally_result(election, rule=rule, completion=completion, tie_break=tie_break)
    return CountOutcome(list(result.selected), explanation_data(result))


def explanation_data(result: Result) -> dict[str, Any]:
    """The engine's explanation of a count, kept as data and as text in both languages."""
    ex = result.explanation
    projects: dict[str, dict[str, Any]] = {}
    for pid, p in ex.projects.items():
        projects[pid] = {
            "votes": p.votes,
            "cost": str(p.cost),
            "selected": p.funded,
            "reason": p.reason,
            "order": p.position,
            "text": {lang: project_text(ex, p, lang) for lang in LANGUAGES},
        }
    explanation: dict[str, Any] = {
        "budget": str(ex.budget),
        "spent": str(ex.total_cost),
        "num_voters": ex.num_voters,
        "utility": ex.utility,
        "rule": ex.rule,
        "completion": ex.completion,
        "tie_break": ex.tie_break,
        "voter_budget": str(ex.voter_share) if ex.voter_share is not None else "",
        "increments": ex.increments,
        "summary": {lang: summary_text(ex, lang) for lang in LANGUAGES},
        "projects": projects,
    }
    return explanation


def compare_with_greedy(election: Election, *, selected: Sequence[str], tie_break: str) -> dict[str, Any]:
    """What the common 'most votes' rule would have chosen, next to the round's own outcome."""
    greedy_outcome = count(election, rule="greedy", completion="none", tie_break=tie_break)
    costs = {pid: p.cost for pid, p in election.projects.items()}

    def summary(chosen: Sequence[str]) -> dict[str, Any]:
        chosen_set = set(chosen)
        happy = sum(1 for b in election.ballots if chosen_set.intersection(b.projects))
        n = len(election.ballots)
        return {
            "selected": list(chosen),
            "spent": str(sum((costs[p] for p in chosen), 0)),
            "voters_with_a_project": happy,
            "share_with_a_project": str(Fraction(happy, n)) if n else "0",
        }

    own = summary(selected)
    other = summary(greedy_outcome.selected)
    return {
        "rule": own,
        "greedy": other,
        "only_rule": sorted(set(selected) - set(greedy_outcome.selected), key=_pid_key),
        "only_greedy": sorted(set(greedy_outcome.selected) - set(selected), key=_pid_key),
    }


_CACHE: dict[tuple[str, str, str, str], Result] = {}


def published_tally(pb: str, digest: str, *, rule: str, completion: str, tie_break: str) -> Result:
    """The count of a published file, kept in memory: pages explain it again in today's words."""
    key = (digest, rule, completion, tie_break)
    result = _CACHE.get(key)
    if result is None:
        result = tally_result(parse(pb), rule=rule, completion=completion, tie_break=tie_break)
        if len(_CACHE) >= 8:
            _CACHE.clear()  # keep a few published counts in memory: the ones people are looking at
        _CACHE[key] = result
    return result


def voter_story(
    pb: str, digest: str, *, rule: str, completion: str, tie_break: str, voter_id: str
) -> dict[str, Any] | None:
    """One voter's ballot as published, and how their share of the budget was used (engine's words)."""
    result = published_tally(pb, digest, rule=rule, completion=completion, tie_break=tie_break)
    ballot = next((b for b in result.election.ballots if b.voter_id == voter_id), None)
    if ballot is None:
        return None
    ex = result.explanation
    v = ex.voters[voter_id]
    share_cents = left_cents = None
    payments = [{"project": pid, "cents": to_cents(amount)} for pid, amount in v.paid_for]
    if v.share is not None and v.paid is not None:
        # The payments and what is left add up to the share, also after rounding to cents.
        share_cents = to_cents(v.share)
        exact = [Fraction(amount) * 100 for _pid, amount in v.paid_for] + [Fraction(v.share - v.paid) * 100]
        *paid_cents, left_cents = split_cents(exact, share_cents)
        payments = [{"project": pid, "cents": c} for (pid, _a), c in zip(v.paid_for, paid_cents, strict=True)]
    return {
        "ballot": list(ballot.projects),
        "points": [int(x) for x in ballot.points] if ballot.points else None,
        "funded": [pid for pid in ballot.projects if pid in ex.selected],
        "not_funded": [pid for pid in ballot.projects if pid not in ex.selected],
        "payments": payments,
        "voter_budget_cents": share_cents,
        "left_cents": left_cents,
        "text": {lang: voter_text(ex, v, lang) for lang in LANGUAGES},
    }


def tally_command(
    *, filename: str, rule: str, completion: str, tie_break: str, vote_type: str = "approval"
) -> str:
    """The command anyone can run to recount the published file (the same options `count` uses)."""
    parts = ["wijkgeld", "tally", filename, "--rule", rule]
    if rule == FROM_FILE:
        return " ".join([*parts, "--tie-break", tie_break])
    if rule == "mes":
        parts += ["--completion", completion]
        if utility_for(vote_type) == "points":
            parts += ["--utility", "points"]
    parts += ["--tie-break", tie_break]
    return " ".join(parts)
