"""Greedy as real cities count: by the city's score, with a threshold, without skipping, per group.

One walk down the projects in score order (ties by the tie-break ranks) covers every greedy variant
that Pabulib files name (docs/algorithms/city-rules.md):

* ``threshold`` (``greedy-threshold``): a project scoring below ``min_project_score_threshold`` is
  not eligible, even if it fits (Warszawa, Katowice, Łódź, Częstochowa, Gdynia).
* ``skip=False`` (``greedy-no-skip``): the count stops at the first eligible project that does not fit
  (Wrocław, Gdynia). A withdrawn project (``withdrawn``) never stops it: it is not on the list.
* ``groups`` (``budget_per_category`` / ``budget_per_neighborhood``, Amsterdam): each group has its own
  budget; a project is funded only if it fits both what is left overall and what is left in each of
  its groups. With ``leftover`` (Amsterdam's ``leftover_budget``) a second walk funds further
  projects, in the same order, from what is left of the whole budget.
* ``exclusive`` (``greedy-exclusive``): projects sharing an exclusive group conflict; only the first
  of them in the order can be funded.

The score is the city's: approvals, points of cumulative ballots, or points per rank of ordinal
ballots (see ``wijkgeld.pb.scoring``). Everything is exact (``int``/``Fraction``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..numbers import Number

#: Cost Pabulib gives a project withdrawn after the vote, so that no greedy rule selects it.
WITHDRAWN_COST = 999_999_999


@dataclass(frozen=True, slots=True)
class VariantOptions:
    threshold: Number | None = None
    skip: bool = True
    #: per project, the groups (categories or neighbourhoods) whose budget it counts against
    groups: Sequence[tuple[str, ...]] = ()
    group_budgets: Mapping[str, Number] = field(default_factory=dict)
    leftover: bool = False
    #: per project, its exclusive group ("" for none)
    exclusive: Sequence[str] = ()
    withdrawn: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class VariantStep:
    """One project's turn. ``reason``: ``greedy-funded``, ``greedy-no-fit``, ``below-threshold``,
    ``withdrawn``, ``no-skip-stop`` (it did not fit, so the count stopped), ``not-reached`` (the
    count stopped before its turn), ``group-full`` (it did not fit its group's budget),
    ``leftover-funded`` / ``leftover-no-fit`` (second walk), ``excluded`` (an exclusive rival won)."""

    project: int
    rank: int
    score: Number
    budget_left: Number
    funded: bool
    reason: str
    #: group budgets left when its turn came (group, amount), for ``group-full``
    group_left: tuple[tuple[str, Number], ...] = ()
    #: the funded rival, for ``excluded``
    rival: int | None = None


@dataclass(frozen=True, slots=True)
class VariantOutcome:
    selected: list[int]
    steps: list[VariantStep]
    scores: list[Number]


def greedy_variant(
    costs: Sequence[Number],
    scores: Sequence[Number],
    budget: Number,
    ranks: Sequence[int],
    options: VariantOptions,
) -> VariantOutcome:
    """Walk the projects by score (highest first, ties by ``ranks``) and fund what the options allow."""
    order = sorted(range(len(costs)), key=lambda p: (-scores[p], ranks[p]))
    left: Number = budget
    group_left: dict[str, Number] = dict(options.group_budgets)
    selected: list[int] = []
    steps: dict[int, VariantStep] = {}
    winner_of: dict[str, int] = {}
    stopped = False
    second_walk: list[tuple[int, int]] = []
    for rank, p in enumerate(order, start=1):
        score, cost = scores[p], costs[p]
        if p in options.withdrawn:
            steps[p] = VariantStep(p, rank, score, left, False, "withdrawn")
            continue
        if options.threshold is not None and score < options.threshold:
            steps[p] = VariantStep(p, rank, score, left, False, "below-threshold")
            continue
        if stopped:
            steps[p] = VariantStep(p, rank, score, left, False, "not-reached")
            continue
        rival_group = options.exclusive[p] if options.exclusive else ""
        if rival_group and rival_group in winner_of:
            steps[p] = VariantStep(p, rank, score, left, False, "excluded", rival=winner_of[rival_group])
            continue
        mine = options.groups[p] if options.groups else ()
        mine = tuple(g for g in mine if g in group_left)
        if cost > left:
            steps[p] = VariantStep(
                p, rank, score, left, False, "greedy-no-fit" if options.skip else "no-skip-stop"
            )
            stopped = not options.skip
            continue
        if any(cost > group_left[g] for g in mine):
            steps[p] = VariantStep(
                p, rank, score, left, False, "group-full", tuple((g, group_left[g]) for g in mine)
            )
            second_walk.append((rank, p))
            continue
        steps[p] = VariantStep(p, rank, score, left, True, "greedy-funded")
        selected.append(p)
        left -= cost
        for g in mine:
            group_left[g] -= cost
        if rival_group:
            winner_of[rival_group] = p
    if options.leftover:
        for rank, p in second_walk:
            rival_group = options.exclusive[p] if options.exclusive else ""
            if rival_group and rival_group in winner_of:
                continue
            fits = costs[p] <= left
            first = steps[p]
            steps[p] = VariantStep(
                p,
                rank,
                scores[p],
                left,
                fits,
                "leftover-funded" if fits else "leftover-no-fit",
                first.group_left,
            )
            if fits:
                selected.append(p)
                left -= costs[p]
                if rival_group:
                    winner_of[rival_group] = p
    return VariantOutcome(selected, [steps[p] for p in order], list(scores))
