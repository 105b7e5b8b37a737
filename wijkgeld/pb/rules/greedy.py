"""Greedy by votes (``greedy``) and by votes per euro (``greedy-ratio``).

Projects are taken in order of their score, each funded if it still fits in what is left of the
budget and skipped otherwise. Scores follow the reference (``greedy_utilitarian_welfare``):

* ``greedy`` (``Cost_Sat``): the number of ballots listing the project; a project that costs nothing
  or is on no ballot scores 0 (it is still funded when its turn comes, because it always fits).
* ``greedy-ratio`` (``Cardinality_Sat``): ballots per unit of cost; a free project on some ballot comes
  first, a project on no ballot scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..numbers import Number
from ..profile import Profile


@dataclass(frozen=True, slots=True)
class GreedyStep:
    """One project's turn: its place in the order and the budget left when its turn came."""

    project: int
    rank: int
    score: Fraction | int
    budget_left: Number
    funded: bool


@dataclass(frozen=True, slots=True)
class GreedyOutcome:
    selected: list[int]
    steps: list[GreedyStep]


def greedy(
    profile: Profile,
    ranks: Sequence[int],
    *,
    ratio: bool = False,
    initial: Sequence[int] = (),
) -> GreedyOutcome:
    """Fund projects in score order (ties by ``ranks``), starting from ``initial`` (already funded)."""
    done = set(initial)
    left: Number = profile.budget - sum((profile.costs[p] for p in initial), 0)

    def order_key(p: int) -> tuple[int, Fraction | int, int]:
        votes, cost = profile.votes[p], profile.costs[p]
        if ratio:
            if votes > 0 and cost == 0:
                return (0, 0, ranks[p])  # infinite density: before everything else
            score: Fraction | int = Fraction(votes) / cost if votes > 0 else 0
        else:
            score = votes if votes > 0 and cost > 0 else 0  # an int: cheaper to compare than a Fraction
        return (1, -score, ranks[p])

    keys = {p: order_key(p) for p in range(profile.num_projects) if p not in done}
    order = sorted(keys, key=keys.__getitem__)
    selected = list(initial)
    steps: list[GreedyStep] = []
    for position, p in enumerate(order, start=1):
        inf_first, neg_score, _ = keys[p]
        score = -1 if inf_first == 0 else -neg_score
        fits = profile.costs[p] <= left
        steps.append(GreedyStep(p, position, score, left, fits))
        if fits:
            selected.append(p)
            left -= profile.costs[p]
    return GreedyOutcome(selected, steps)
