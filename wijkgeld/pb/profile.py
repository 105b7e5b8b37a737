"""An election compiled for counting: identical ballots merged into weighted ballot types.

Rules work on project indices (file order) and on ballot types instead of single ballots. Merging is
exact: voters with the same ballot are treated identically by every rule here, so a type of weight w
behaves like w voters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .errors import RuleError
from .model import Election
from .numbers import Number, normalize

Utility = Literal["cost", "points"]


@dataclass(slots=True)
class Profile:
    """Projects by index, ballot types with weights, and per-project supporter lists.

    ``items[t]`` lists ``(project, utility)`` for ballot type ``t``: the utility is 1 for cost
    utilities (every listed project counts, as the reference's ``Cost_Sat``) and the points for point
    utilities (only projects with positive points count, as ``Additive_Cardinal_Sat``).
    """

    pids: list[str]
    costs: list[Number]
    budget: Number
    num_voters: int
    utility: Utility
    items: list[tuple[tuple[int, Number], ...]]
    weights: list[int]
    #: Ballots listing the project (the reference's approval score; with multiplicity).
    votes: list[int]
    #: Sum of weight * utility over supporters.
    total_utility: list[Number]
    #: ``supporters[p]`` = ballot types with a positive utility for ``p``.
    supporters: list[list[int]]
    #: ``type_of_voter[i]`` = ballot type of the i-th ballot in the election (-1 for empty ballots).
    type_of_voter: list[int]

    @property
    def num_projects(self) -> int:
        return len(self.pids)


def compile_profile(election: Election, utility: Utility = "cost") -> Profile:
    """Merge identical ballots. ``utility='points'`` needs a cumulative or scoring election."""
    if utility == "points" and not election.has_points:
        raise RuleError(f"utility 'points' needs cumulative or scoring ballots, not {election.vote_type}")
    if utility not in ("cost", "points"):
        raise RuleError(f"unknown utility {utility!r}; expected cost or points")
    pids = list(election.projects)
    index = {pid: i for i, pid in enumerate(pids)}
    costs = [p.cost for p in election.projects.values()]
    type_index: dict[tuple[tuple[int, Number], ...], int] = {}
    items: list[tuple[tuple[int, Number], ...]] = []
    weights: list[int] = []
    votes = [0] * len(pids)
    type_of_voter: list[int] = []
    # Most ballots repeat exactly; look each distinct raw ballot up once.
    raw_type: dict[tuple[tuple[str, ...], tuple[Number, ...] | None], int] = {}
    raw_count: dict[tuple[tuple[str, ...], tuple[Number, ...] | None], int] = {}
    for ballot in election.ballots:
        raw = (ballot.projects, ballot.points if utility == "points" else None)
        t = raw_type.get(raw)
        if t is None:
            listed: dict[int, Number] = {}
            for pos, pid in enumerate(ballot.projects):
                # A repeated project counts once; the last points win, as in the reference parser.
                if utility == "points":
                    assert ballot.points is not None
                    listed[index[pid]] = ballot.points[pos]
                else:
                    listed[index[pid]] = 1
            key = tuple(sorted((p, u) for p, u in listed.items() if u > 0))
            if not key:
                t = -1
            else:
                t = type_index.get(key, -1)
                if t < 0:
                    t = type_index[key] = len(items)
                    items.append(key)
                    weights.append(0)
            raw_type[raw] = t
        raw_count[raw] = raw_count.get(raw, 0) + 1
        if t >= 0:
            weights[t] += 1
        type_of_voter.append(t)
    for (projects, _points), count in raw_count.items():
        for pid in set(projects):
            votes[index[pid]] += count
    supporters: list[list[int]] = [[] for _ in pids]
    total_utility: list[Number] = [0] * len(pids)
    for t, key in enumerate(items):
        for p, u in key:
            supporters[p].append(t)
            total_utility[p] += weights[t] * u
    return Profile(
        pids=pids,
        costs=costs,
        budget=election.budget,
        num_voters=len(election.ballots),
        utility=utility,
        items=items,
        weights=weights,
        votes=votes,
        total_utility=[normalize(Fraction(x)) for x in total_utility],
        supporters=supporters,
        type_of_voter=type_of_voter,
    )


def total_cost(profile: Profile, selected: Sequence[int]) -> Number:
    return sum((profile.costs[p] for p in selected), 0)
