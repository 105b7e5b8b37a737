"""The Method of Equal Shares as equalshares.net and Pabulib define its city variants.

These differ from the reference composition (``completion.py``: pabutools' Add1 then greedy):

* ``add1`` starts from a whole amount per voter, ``floor(B / n)``, and raises it by 1 while the
  outcome of the next amount still fits the budget; it keeps the last outcome that fits. With
  ``exhaustive`` it also stops once no further project (of all projects, supported or not) would fit
  in what is left (equalshares.net's recommended form); Pabulib's ``equalshares/add1`` (the Pabulib
  checker, Assen 2024, Świecie 2023, Wieliczka 2023) does not stop there. When every project together
  fits the budget, Add1 is not used (as the equalshares.net compute tool).
* ``completion``: afterwards fund the projects with most votes that still fit (equalshares.net's
  "utilitarian completion", Add1u). Pabulib's ``equalshares/add1`` has none.
* ``comparison`` (``satisfaction`` or ``exclusion``): compare the outcome with greedy by votes from
  scratch; if more voters prefer greedy's outcome than prefer the equal-shares one, greedy's
  outcome is the result. A voter prefers the outcome with more funded projects from the ballot
  (``satisfaction``), or the one that funds at least one where the other funds none (``exclusion``).
  This is the last step, after completion (equalshares.net compute tool ``comparisonStep``).

The MES runs are the engine's (exact, parametric); only the scan and the steps around it are here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from ..completion import MesOutcome, mes_candidates
from ..numbers import Number
from ..profile import Profile, total_cost
from .greedy import GreedyOutcome, greedy
from .mes import MesEngine

COMPARISONS = ("satisfaction", "exclusion")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The comparison step: how many voters prefer each outcome, and which was kept."""

    measure: str
    prefers_mes: int
    prefers_greedy: int
    switched: bool
    #: greedy's outcome from scratch (project indices, in the order chosen)
    greedy_selected: tuple[int, ...]


@dataclass(slots=True)
class EqualSharesOutcome:
    mes: MesOutcome
    comparison: Comparison | None
    benchmark: GreedyOutcome | None

    @property
    def selected(self) -> list[int]:
        if self.comparison is not None and self.comparison.switched:
            return list(self.comparison.greedy_selected)
        return self.mes.selected


def count_equal_shares(
    profile: Profile,
    ranks: list[int],
    *,
    add1: bool,
    exhaustive: bool = False,
    completion: bool = False,
    comparison: str | None = None,
) -> EqualSharesOutcome:
    cand, free = mes_candidates(profile)
    budget, n = profile.budget, profile.num_voters
    engine = MesEngine(profile, ranks, cand) if n else None
    everything_fits = total_cost(profile, range(profile.num_projects)) <= budget
    if engine is None:
        mes = MesOutcome([], [], None, 0, budget, -1, 0, None)
    elif not add1 or everything_fits:
        base = Fraction(budget) / n
        run = engine.run(base, details=False)
        mes = MesOutcome(free + run.selected, free, engine, base, budget, 0, 1, None)
    else:
        base = Fraction(math.floor(Fraction(budget) / n))
        k, runs, kept = _scan(profile, engine, free, base, exhaustive)
        mes = MesOutcome(free + kept, free, engine, base + k, (base + k) * n, k, runs, None)
    if completion:
        mes.greedy = greedy(profile, ranks, initial=mes.selected)
        mes.selected = list(mes.greedy.selected)
    if comparison is None:
        return EqualSharesOutcome(mes, None, None)
    benchmark = greedy(profile, ranks)
    return EqualSharesOutcome(mes, compare(profile, mes.selected, benchmark.selected, comparison), benchmark)


def _scan(
    profile: Profile, engine: MesEngine, free: list[int], base: Fraction, exhaustive: bool
) -> tuple[int, int, list[int]]:
    """Add1 from ``base``: (steps k kept, MES runs computed, projects bought at base + k).

    A parametric run at k proves that k .. k + steps_same buy the same projects, so the scan jumps to
    the next k whose outcome may differ; the outcomes met are those of the one-by-one scan.
    """
    budget = profile.budget
    k = runs = 0
    kept_k, kept = -1, list(free)
    while True:
        run = engine.run(base + k, 1, parametric=True, at=k)
        runs += 1
        chosen = free + run.selected
        if total_cost(profile, chosen) > budget:
            return kept_k, runs, kept[len(free) :]
        if exhaustive and not _fits_any(profile, chosen, budget):
            return k, runs, run.selected
        if run.steps_same is None:
            return k, runs, run.selected  # no decision depends on the amount any more
        kept_k, kept = k + run.steps_same, chosen
        k = kept_k + 1


def _fits_any(profile: Profile, chosen: list[int], budget: Number) -> bool:
    left = budget - total_cost(profile, chosen)
    taken = set(chosen)
    return any(p not in taken and profile.costs[p] <= left for p in range(profile.num_projects))


def compare(profile: Profile, mes: list[int], other: list[int], measure: str) -> Comparison:
    """Count the voters who prefer each outcome (empty ballots prefer neither)."""
    in_mes, in_other = set(mes), set(other)
    prefers_mes = prefers_other = 0
    for t, projects in enumerate(profile.type_projects):
        a = sum(1 for p in projects if p in in_mes)
        b = sum(1 for p in projects if p in in_other)
        if measure == "exclusion":
            a, b = min(a, 1), min(b, 1)
        if a > b:
            prefers_mes += profile.weights[t]
        elif b > a:
            prefers_other += profile.weights[t]
    return Comparison(measure, prefers_mes, prefers_other, prefers_other > prefers_mes, tuple(other))
