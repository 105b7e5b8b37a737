"""An election compiled for counting: identical ballots merged into weighted ballot types.

Rules work on project indices (file order) and on ballot types instead of single ballots. Merging is
exact: voters with the same ballot are treated identically by every rule here, so a type of weight w
behaves like w voters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from operator import attrgetter
from typing import Literal

from .errors import RuleError
from .model import Ballot, Election
from .numbers import Number, normalize

Utility = Literal["cost", "points"]
RawBallot = tuple[tuple[str, ...], tuple[Number, ...] | None]


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
    #: Ballot type of each distinct raw ballot (projects, points or None); -1 for an empty ballot.
    raw_type: dict[RawBallot, int]

    @property
    def num_projects(self) -> int:
        return len(self.pids)

    def type_of(self, ballot: Ballot) -> int:
        """The ballot type of one ballot of the election (-1 if it supports nothing that counts)."""
        return self.raw_type[(ballot.projects, ballot.points if self.utility == "points" else None)]


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
    # Most ballots repeat exactly: count the distinct raw ballots first (a C loop), then look each
    # one up once. Who cast which ballot is only needed for explanations (``Profile.type_of``).
    raw_count: dict[RawBallot, int]
    if utility == "points":
        raw_count = Counter((b.projects, b.points) for b in election.ballots)
    else:
        raw_count = {(projects, None): c for projects, c in Counter(map(_projects, election.ballots)).items()}
    raw_type: dict[RawBallot, int] = {}
    # With cost utilities a type is the sorted set of listed projects, each with utility 1.
    ones: list[tuple[int, Number]] = [(p, 1) for p in range(len(pids))]
    for raw, count in raw_count.items():
        projects, points = raw
        key: tuple[tuple[int, Number], ...]
        if points is None:
            key = tuple(map(ones.__getitem__, sorted(set(map(index.__getitem__, projects)))))
        else:
            listed: dict[int, Number] = {}
            for pos, pid in enumerate(projects):
                # A repeated project counts once; the last points win, as in the reference parser.
                listed[index[pid]] = points[pos]
            key = tuple(sorted((p, u) for p, u in listed.items() if u > 0))
        if not key:
            t = -1
        else:
            t = type_index.get(key, -1)
            if t < 0:
                t = type_index[key] = len(items)
                items.append(key)
                weights.append(0)
            weights[t] += count
        raw_type[raw] = t
    if utility == "points":
        # Votes count every listed project, also those given no points (so not in the type).
        for (projects, _points), count in raw_count.items():
            for pid in set(projects):
                votes[index[pid]] += count
    supporters: list[list[int]] = [[] for _ in pids]
    total_utility: list[Number] = [0] * len(pids)
    for t, key in enumerate(items):
        for p, u in key:
            supporters[p].append(t)
            total_utility[p] += weights[t] * u
    if utility == "cost":
        votes = [int(x) for x in total_utility]  # every listed project is in the type, with utility 1
    return Profile(
        pids=pids,
        costs=costs,
        budget=election.budget,
        num_voters=len(election.ballots),
        utility=utility,
        items=items,
        weights=weights,
        votes=votes,
        total_utility=[x if type(x) is int else normalize(Fraction(x)) for x in total_utility],
        supporters=supporters,
        raw_type=raw_type,
    )


_projects = attrgetter("projects")


def total_cost(profile: Profile, selected: Sequence[int]) -> Number:
    return sum((profile.costs[p] for p in selected), 0)
