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
RawBallot = tuple[str, ...] | tuple[tuple[str, ...], tuple[Number, ...] | None]


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
    weights: list[int]
    #: Ballots listing the project (the reference's approval score; with multiplicity).
    votes: list[int]
    #: Sum of weight * utility over supporters.
    total_utility: list[Number]
    #: ``supporters[p]`` = ballot types with a positive utility for ``p``.
    supporters: list[list[int]]
    #: Per ballot type, its projects (ascending) and their bits as one int (bit i for project i).
    type_projects: list[tuple[int, ...]]
    type_masks: list[int]
    #: The distinct raw ballots (cost utilities: the projects as listed; points: with the points) and
    #: the ballot type of each (-1 for a ballot that supports nothing that counts).
    raws: list[RawBallot]
    raw_types: list[int]
    #: ``items`` as given (point utilities) or None (cost utilities: built on first use).
    _items: list[tuple[tuple[int, Number], ...]] | None = None
    _raw_type: dict[RawBallot, int] | None = None

    @property
    def items(self) -> list[tuple[tuple[int, Number], ...]]:
        """Per ballot type, ``(project, utility)`` for each project it supports, by project."""
        if self._items is None:
            # Cost utilities: every listed project has utility 1. Counts use type_projects.
            self._items = [tuple((p, 1) for p in sorted(ps)) for ps in self.type_projects]
        return self._items

    @property
    def num_projects(self) -> int:
        return len(self.pids)

    def type_of(self, ballot: Ballot) -> int:
        """The ballot type of one ballot of the election (-1 if it supports nothing that counts)."""
        if self._raw_type is None:
            # Only explanations ask, so the map is built on first use, not during the count.
            self._raw_type = dict(zip(self.raws, self.raw_types, strict=True))
        return self._raw_type[ballot.projects if self.utility == "cost" else (ballot.projects, ballot.points)]


def compile_profile(election: Election, utility: Utility = "cost") -> Profile:
    """Merge identical ballots. ``utility='points'`` needs a cumulative or scoring election."""
    if utility == "points" and not election.has_points:
        raise RuleError(f"utility 'points' needs cumulative or scoring ballots, not {election.vote_type}")
    if utility not in ("cost", "points"):
        raise RuleError(f"unknown utility {utility!r}; expected cost or points")
    if utility == "cost":
        return _compile_cost(election)
    pids = list(election.projects)
    index = {pid: i for i, pid in enumerate(pids)}
    type_index: dict[tuple[tuple[int, Number], ...], int] = {}
    items: list[tuple[tuple[int, Number], ...]] = []
    weights: list[int] = []
    votes = [0] * len(pids)
    raw_count = Counter((b.projects, b.points) for b in election.ballots)
    raw_types: list[int] = []
    for (projects, points), count in raw_count.items():
        listed: dict[int, Number] = {}
        for pos, pid in enumerate(projects):
            # A repeated project counts once; the last points win, as in the reference parser.
            listed[index[pid]] = points[pos] if points is not None else 1
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
        raw_types.append(t)
        # Votes count every listed project, also those given no points (so not in the type).
        for p in listed:
            votes[p] += count
    supporters: list[list[int]] = [[] for _ in pids]
    total_utility: list[Number] = [0] * len(pids)
    for t, key in enumerate(items):
        for p, u in key:
            supporters[p].append(t)
            total_utility[p] += weights[t] * u
    return Profile(
        pids=pids,
        costs=[p.cost for p in election.projects.values()],
        budget=election.budget,
        num_voters=len(election.ballots),
        utility=utility,
        _items=items,
        weights=weights,
        votes=votes,
        total_utility=[x if type(x) is int else normalize(Fraction(x)) for x in total_utility],
        supporters=supporters,
        type_projects=[tuple(p for p, _u in key) for key in items],
        type_masks=[sum(1 << p for p, _u in key) for key in items],
        raws=list(raw_count),
        raw_types=raw_types,
    )


def _compile_cost(election: Election) -> Profile:
    """Cost utilities: a type is the set of listed projects, each with utility 1.

    Most ballots repeat exactly: count the distinct raw ballots first (a C loop), then give each one
    a type, found by its projects as a sorted tuple of ints (which hashes far faster than a tuple of
    pairs). The count needs no ``items``: they are built on first use (explanations).
    """
    pids = list(election.projects)
    index = {pid: i for i, pid in enumerate(pids)}
    bits = [1 << i for i in range(len(pids))]
    type_index: dict[tuple[int, ...], int] = {}
    type_projects: list[tuple[int, ...]] = []
    type_masks: list[int] = []
    weights: list[int] = []
    supporters: list[list[int]] = [[] for _ in pids]
    raw_count = Counter(map(_projects, election.ballots))
    raw_types: list[int] = []
    add_type = raw_types.append
    for projects, count in raw_count.items():
        # The listed projects, ascending: a tuple of small ints, which hashes fast.
        ps = tuple(sorted(map(index.__getitem__, projects)))
        t = type_index.get(ps)
        if t is None:
            if not ps:
                add_type(-1)
                continue
            mask = sum(map(bits.__getitem__, ps))
            if mask.bit_count() != len(ps):  # a project listed twice counts once
                ps = tuple(sorted(set(ps)))
                mask = sum(map(bits.__getitem__, ps))
                t = type_index.get(ps)
        if t is None:
            t = type_index[ps] = len(type_projects)
            type_projects.append(ps)
            type_masks.append(mask)
            weights.append(count)
            for p in ps:
                supporters[p].append(t)
        else:
            weights[t] += count
        add_type(t)
    # Every listed project is in the type with utility 1: its votes are its supporters' weight.
    votes = [sum(map(weights.__getitem__, s)) for s in supporters]
    return Profile(
        pids=pids,
        costs=[p.cost for p in election.projects.values()],
        budget=election.budget,
        num_voters=len(election.ballots),
        utility="cost",
        weights=weights,
        votes=votes,
        total_utility=list(votes),
        supporters=supporters,
        type_projects=type_projects,
        type_masks=type_masks,
        raws=list(raw_count),
        raw_types=raw_types,
    )


_projects = attrgetter("projects")


def total_cost(profile: Profile, selected: Sequence[int]) -> Number:
    return sum((profile.costs[p] for p in selected), 0)
