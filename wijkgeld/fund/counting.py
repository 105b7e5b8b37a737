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

from wijkgeld.pb.completion import count_mes
from wijkgeld.pb.model import Ballot, Election, Project, build_election
from wijkgeld.pb.pbfile import parse_pb, write_pb
from wijkgeld.pb.profile import Profile, compile_profile
from wijkgeld.pb.rules.greedy import greedy
from wijkgeld.pb.rules.phragmen import phragmen
from wijkgeld.pb.tiebreak import TieBreak


@dataclass(frozen=True)
class ProjectInput:
    project_id: str
    name: str
    cost_cents: int


@dataclass(frozen=True)
class CountOutcome:
    selected: list[str]
    explanation: dict[str, Any]


def euros(cents: int) -> Fraction:
    return Fraction(cents, 100)


def to_cents(value: Fraction | int | str) -> int:
    """Exact euros (or a 'a/b' string) to whole cents, rounded down (never show more than was there)."""
    return int(Fraction(value) * 100 // 1)


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
    pb_projects = [Project(p.project_id, euros(p.cost_cents), {"name": p.name}) for p in projects]
    pb_ballots = []
    for ballot in sorted(ballots, key=lambda b: str(b.voter_id)):
        chosen = tuple(str(pid) for pid in ballot.approvals)
        if vote_type == "cumulative":
            points_map = {str(k): int(v) for k, v in (ballot.points or {}).items() if int(v) > 0}
            chosen = tuple(sorted(points_map, key=_pid_key))
            pb_ballots.append(Ballot(str(ballot.voter_id), chosen, tuple(points_map[p] for p in chosen)))
        else:
            pb_ballots.append(Ballot(str(ballot.voter_id), tuple(sorted(chosen, key=_pid_key))))
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


def _utility(election: Election) -> str:
    return "points" if election.vote_type == "cumulative" else "cost"


def count(election: Election, *, rule: str, completion: str, tie_break: str) -> CountOutcome:
    """Count with the rule, completion and tie-break; explain every project."""
    profile = compile_profile(election, _utility(election))  # type: ignore[arg-type]
    ranks = TieBreak.parse(tie_break).ranks(profile)
    projects: dict[str, dict[str, Any]] = {
        pid: {
            "votes": profile.votes[i],
            "cost": str(profile.costs[i]),
            "selected": False,
            "how": "",
            "reason": "",
            "share": "",
            "order": None,
            "budget_left": "",
        }
        for i, pid in enumerate(profile.pids)
    }
    explanation: dict[str, Any] = {
        "budget": str(profile.budget),
        "num_voters": profile.num_voters,
        "utility": profile.utility,
        "rule": rule,
        "completion": completion,
        "tie_break": tie_break,
        "voter_budget": "",
        "increments": 0,
        "mes_rounds": [],
        "projects": projects,
    }
    if rule == "mes":
        selected = _count_mes(profile, ranks, completion, explanation)
    elif rule == "greedy":
        outcome = greedy(profile, ranks)
        selected = outcome.selected
        _explain_greedy(profile, outcome.steps, projects, how="greedy")
    elif rule == "phragmen":
        ph = phragmen(profile, ranks)
        selected = ph.selected
        for p in range(profile.num_projects):
            info = projects[profile.pids[p]]
            if p in selected:
                info.update(selected=True, how="phragmen")
            elif profile.votes[p] == 0:
                info["reason"] = "no_votes"
            else:
                info["reason"] = "stopped"
    else:
        raise ValueError(f"unknown rule {rule!r}")
    for position, p in enumerate(selected, start=1):
        projects[profile.pids[p]]["order"] = position
    explanation["spent"] = str(sum((profile.costs[p] for p in selected), 0))
    return CountOutcome([profile.pids[p] for p in selected], explanation)


def _count_mes(profile: Profile, ranks: list[int], completion: str, explanation: dict[str, Any]) -> list[int]:
    projects = explanation["projects"]
    outcome = count_mes(profile, ranks, completion)
    explanation["voter_budget"] = str(Fraction(outcome.voter_budget))
    explanation["increments"] = outcome.increments
    mes_selected = set(outcome.run.selected) if outcome.run else set()
    if outcome.run is not None:
        for r in outcome.run.rounds:
            pid = profile.pids[r.project]
            explanation["mes_rounds"].append({"project": pid, "share": str(Fraction(r.share))})
            projects[pid].update(selected=True, how="mes", share=str(Fraction(r.share)))
    if outcome.greedy is not None:
        for step in outcome.greedy.steps:
            info = projects[profile.pids[step.project]]
            info["budget_left"] = str(step.budget_left)
            if step.funded and step.project not in mes_selected:
                info.update(selected=True, how="completion")
    for p in range(profile.num_projects):
        info = projects[profile.pids[p]]
        if info["selected"]:
            continue
        if profile.votes[p] == 0:
            info["reason"] = "no_votes"
        elif outcome.greedy is not None:
            info["reason"] = "no_fit"
        else:
            info["reason"] = "dropped"
    return list(outcome.selected)


def _explain_greedy(profile: Profile, steps, projects: dict[str, dict[str, Any]], *, how: str) -> None:
    for step in steps:
        info = projects[profile.pids[step.project]]
        info["budget_left"] = str(step.budget_left)
        if step.funded:
            info.update(selected=True, how=how)
        elif profile.votes[step.project] == 0:
            info["reason"] = "no_votes"
        else:
            info["reason"] = "no_fit"


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


def voter_story(explanation: Mapping[str, Any], approvals: Sequence[str]) -> dict[str, Any]:
    """How one voter's equal share of the budget was used (Method of Equal Shares, approval ballots)."""
    chosen = set(approvals)
    selected = {pid for pid, info in explanation["projects"].items() if info["selected"]}
    story: dict[str, Any] = {
        "funded": sorted(chosen & selected, key=_pid_key),
        "not_funded": sorted(chosen - selected, key=_pid_key),
        "payments": [],
        "voter_budget_cents": None,
        "left_cents": None,
    }
    if (
        explanation.get("rule") != "mes"
        or explanation.get("utility") != "cost"
        or not explanation.get("voter_budget")
    ):
        return story
    money = Fraction(explanation["voter_budget"])
    story["voter_budget_cents"] = to_cents(money)
    for item in explanation["mes_rounds"]:
        if item["project"] in chosen:
            paid = min(money, Fraction(item["share"]))
            money -= paid
            story["payments"].append({"project": item["project"], "cents": to_cents(paid)})
    story["left_cents"] = to_cents(money)
    return story


def tally_command(*, filename: str, rule: str, completion: str, tie_break: str) -> str:
    """The command anyone can run to recount the published file."""
    return f"wijkgeld tally {filename} --rule {rule} --completion {completion} --tie-break {tie_break}"
