"""MES with its completions, as the reference composes them.

* ``none`` — one MES run with ``B / n`` per voter (``n`` counts every ballot, empty ones too).
* ``add1`` — ``method_of_equal_shares(voter_budget_increment=1)`` then greedy: rerun MES with
  ``B / n + k`` per voter for ``k = 0, 1, 2, ...``; stop at the first outcome that costs more than ``B``
  (keep the previous one) or that leaves no supported project that still fits (keep it). Then fill up
  with greedy by votes.
* ``budget-increase`` — ``exhaustion_by_budget_increase`` then greedy: rerun MES with the whole budget
  raised by 1 % of ``B`` per step, checking exhaustiveness against *all* projects, up to ``B * (n + 1)``.

Both scans jump over increments that provably give the same outcome (see ``MesEngine.run``); the
sequence of outcomes examined is the reference's, so the stopping point is too. When no ballot lists
two projects (``choose-1`` ballots, for one), MES has a closed form and the scan needs no MES run at
all (``_disjoint_scan``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from time import perf_counter

from .numbers import Number
from .profile import Profile, total_cost
from .rules.certify import certify_span
from .rules.greedy import GreedyOutcome, greedy
from .rules.mes import MesEngine, MesRun

COMPLETIONS = ("none", "add1", "budget-increase")
# Nodes (bought sets with their cached classes) an engine keeps along a scan; see MesEngine.trim_nodes.
NODE_CACHE = 256
# A bounds proof that stopped after at least this many steps is followed by another from there,
# not by a run (see _scan).
CHAIN_FROM = 4


@dataclass(slots=True)
class MesOutcome:
    """What MES (with its completion) decided, with what the explanation needs."""

    selected: list[int]
    #: projects funded before MES started (free projects with point utilities, as the reference)
    free: list[int]
    engine: MesEngine | None  # None with no voters
    voter_budget: Number  # money per voter in the MES run kept
    budget_used: Number  # the (raised) total budget of that run
    increments: int  # k of the run kept: Add1 steps or budget steps (-1: none was kept)
    runs: int  # MES runs computed for the count
    greedy: GreedyOutcome | None  # the greedy fill-up, if a completion ran it
    _run: MesRun | None = None

    @property
    def run(self) -> MesRun | None:
        """The MES run kept, with exact prices per round; recomputed on first use (for explanations)."""
        if self._run is None and self.engine is not None and self.increments >= 0:
            self._run = self.engine.run(self.voter_budget, details=True)
        return self._run


def mes_candidates(profile: Profile) -> tuple[list[int], list[int]]:
    """Projects MES can buy (supported, positive cost) and free supported projects funded up front.

    With cost utilities a free project gives its supporters a utility of 0 (``Cost_Sat``), so, as in
    the reference, MES ignores it; only with point utilities is it funded before the count.
    """
    cand: list[int] = []
    free: list[int] = []
    for p in range(profile.num_projects):
        if profile.total_utility[p] > 0:
            if profile.costs[p] > 0:
                cand.append(p)
            elif profile.utility == "points":
                free.append(p)
    return cand, free


def _fits_any(profile: Profile, chosen: Sequence[int], pool: Sequence[int], budget: Number) -> bool:
    left = budget - total_cost(profile, chosen)
    taken = set(chosen)
    return any(p not in taken and profile.costs[p] <= left for p in pool)


def count_mes(
    profile: Profile, ranks: list[int], completion: str, progress: Callable[[int, int], None] | None = None
) -> MesOutcome:
    cand, free = mes_candidates(profile)
    free = sorted(free, key=lambda p: ranks[p])
    budget, n = profile.budget, profile.num_voters
    if n == 0:
        # The reference returns the empty allocation at once; budget-increase loops on it harmlessly.
        outcome = MesOutcome([], [], None, 0, budget, -1, 0, None)
        if completion != "none":
            outcome.greedy = greedy(profile, ranks)
            outcome.selected = list(outcome.greedy.selected)
        return outcome
    engine = MesEngine(profile, ranks, cand)
    base = Fraction(budget) / n
    if completion == "none":
        run = engine.run(base, details=False)
        return MesOutcome(free + run.selected, free, engine, base, budget, 0, 1, None)
    if completion == "add1":
        step: Fraction | int = 1  # an int: cheaper arithmetic than Fraction(1), and as exact
        pool: Sequence[int] = cand
        limit: int | None = None
    else:
        step = Fraction(budget) / 100 / n
        pool = range(profile.num_projects)
        limit = 100 * n  # the reference stops once budget + j * budget/100 exceeds budget * (n + 1)
    if profile.utility == "cost" and all(len(ps) == 1 for ps in profile.type_projects):
        k, runs, kept = _disjoint_scan(profile, ranks, cand, base, step, pool, limit)
    else:
        k, runs, kept = _scan(profile, engine, free, base, step, pool, limit, progress)
    g = greedy(profile, ranks, initial=free + kept)
    voter_budget = base + step * max(k, 0)
    return MesOutcome(g.selected, free, engine, voter_budget, voter_budget * n, k, runs, g)


class _Pacer:
    """Whether a bounds proof is worth trying next, from the budget steps per second that runs and
    proofs have gained so far in this count.

    A proof costs about as much as a run; it pays where outcomes last many steps and not where they
    change at every run. The choice only changes how fast the scan goes, never what it finds (every
    step skipped is proven either way). While proofs do not pay, one is tried regardless after 8
    runs, then 16, 32, ..., to notice when the election moves into a stretch where they pay again.
    """

    def __init__(self) -> None:
        self.run_rate = 0.0
        self.proof_rate = math.inf  # untried: try
        self.waited = 0
        self.patience = 8  # runs between probes while proofs do not pay

    @staticmethod
    def _mix(old: float, new: float) -> float:
        return new if math.isinf(old) or old == 0 else (old + new) / 2

    def ran(self, steps: int, seconds: float) -> None:
        self.run_rate = self._mix(self.run_rate, steps / max(seconds, 1e-9))
        if steps <= 1 and math.isinf(self.proof_rate):
            # The first run's outcome lasted one step: likely an election where every step changes
            # the outcome, so the first proof waits for a probe instead of going first.
            self.proof_rate = 0.0

    def proved(self, steps: int, seconds: float) -> None:
        self.proof_rate = self._mix(self.proof_rate, steps / max(seconds, 1e-9))

    def worth_trying(self) -> bool:
        self.waited += 1
        if self.proof_rate >= self.run_rate:
            self.waited, self.patience = 0, 8
            return True
        if self.waited >= self.patience:
            # A probe; if proofs still do not pay after it, the next one waits twice as long.
            self.waited, self.patience = 0, 2 * self.patience
            return True
        return False


def _disjoint_scan(
    profile: Profile,
    ranks: list[int],
    cand: list[int],
    base: Fraction,
    step: Fraction | int,
    pool: Sequence[int],
    limit: int | None,
) -> tuple[int, int, list[int]]:
    """``_scan`` for cost utilities when no ballot lists two projects: the same stopping point and
    outcome, with no MES run.

    Then no purchase touches another project's supporters. With ``b`` per voter, project p (votes
    ``n_p``) is affordable when ``n_p * b >= cost``; its supporters then all pay the equal share, so
    its price per unit of utility is ``1 / n_p`` whatever ``b`` is. MES buys every affordable project,
    most votes first (ties by the tie-break). So the outcome at step k is the projects whose
    threshold (the first k with ``n_p * (base + k * step) >= cost``) is at most k, in that order; it
    changes only at thresholds, and the steps between them are what the parametric runs prove. The
    checks and what is returned follow ``_scan`` line by line (the "runs" are the outcomes looked at).
    """
    budget = profile.budget
    order = sorted(cand, key=lambda p: (-profile.votes[p], ranks[p]))
    n = profile.num_voters
    whole = type(budget) is int and type(step) is int and step > 0
    threshold = {}
    for p in cand:
        cost, votes = profile.costs[p], profile.votes[p]
        if whole and type(cost) is int:
            # In ints (Fractions cost microseconds each): votes * (budget / n + k) >= cost, times n.
            short_n = cost * n - budget * votes  # (cost / votes - base) * votes * n
            threshold[p] = 0 if short_n <= 0 else -(-short_n // (votes * n * step))
            continue
        short = Fraction(cost) / votes - base
        if short <= 0:
            threshold[p] = 0
        elif step:
            threshold[p] = math.ceil(short / step)
        # else (a step of 0: budget-increase with a budget of 0) never affordable: no threshold
    previous_k = -1
    previous: list[int] = []
    k = 0
    runs = 0
    while limit is None or k <= limit:
        runs += 1
        selected = [p for p in order if threshold.get(p, k + 1) <= k]
        if total_cost(profile, selected) > budget:
            return previous_k, runs, previous
        if not _fits_any(profile, selected, pool, budget):
            return k, runs, selected
        later = [t for t in threshold.values() if t > k]
        if not later:
            return k, runs, selected  # every candidate bought: later steps repeat this outcome
        previous_k, previous = min(later) - 1, selected
        k = previous_k + 1
    assert limit is not None
    return min(previous_k, limit), runs, previous


def _scan(
    profile: Profile,
    engine: MesEngine,
    free: list[int],
    base: Fraction,
    step: Fraction | int,
    pool: Sequence[int],
    limit: int | None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int, list[int]]:
    """Scan k = 0, 1, ... as the reference does; return (k kept, MES runs computed, projects bought).

    A parametric run at k also proves that k+1, ..., k+T give the same outcome, so the scan jumps
    there; the outcomes met are exactly the reference's, in the same order.
    """
    budget = profile.budget
    previous_k = -1  # -1: the allocation before MES (only free projects)
    previous: list[int] = []
    k = 0
    runs = 0
    # How many steps the next bounds proof (rules/certify.py) tries to cover: doubled after a proof
    # holds throughout; after a run, half the steps the last outcome lasted, so proofs follow how
    # long outcomes last here.
    reach = 16
    pacer = _Pacer() if profile.utility == "cost" else None
    while limit is None or k <= limit:
        started = perf_counter()
        run = engine.run(base + step * k, step, parametric=True, at=k)
        runs += 1
        engine.trim_nodes(NODE_CACHE)
        if progress is not None:
            progress(runs, k)
        chosen = free + run.selected
        if total_cost(profile, chosen) > budget:
            return previous_k, runs, previous
        if not _fits_any(profile, chosen, pool, budget):
            return k, runs, run.selected
        if run.steps_same is None:
            # No decision depends on the budget any more: every later k repeats this outcome.
            return k, runs, run.selected
        end = k + run.steps_same  # runs at k .. end buy the same projects, in the same order
        # Stretch that range with bounds proofs (rules/certify.py), which need no MES run.
        if pacer is not None:
            pacer.ran(run.steps_same + 1, perf_counter() - started)
        # When the range ended because another project may beat a winner, the next budget most likely
        # buys something else: a proof would fail at once (and the run is needed anyway).
        fast = engine.last_fast
        order_bound = fast is not None and fast.order_limit == fast.limit
        least = 1  # one step a run at that budget gives anyway, for less than the rest of a proof
        while pacer is not None and not order_bound and pacer.worth_trying():
            stretch = reach if limit is None else min(reach, limit - end - 1)
            if stretch < 0:
                break
            started = perf_counter()
            proven = certify_span(
                engine, base + step * (end + 1), step, stretch, run.selected, fast, end + 1, least=least
            )
            pacer.proved(proven + 1, perf_counter() - started)
            end += proven + 1
            if proven == stretch:
                reach *= 2
                continue
            # The proof stopped where some condition may fail. Often only the bounds, drawn over
            # the whole range, were too loose there and the outcome goes on (Budapest 2024: more
            # than half the time): prove on from there. Close to a change, where proofs cover
            # only a few steps each, a run costs less.
            if proven < CHAIN_FROM:
                break
            reach, least = proven, 0
        reach = max((end - k) // 2, 4)
        previous_k, previous = end, run.selected
        k = previous_k + 1
    assert limit is not None
    return min(previous_k, limit), runs, previous
