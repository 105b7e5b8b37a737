"""Sequential Phragmén (approval ballots), as ``pabutools.rules.sequential_phragmen``.

Voters earn virtual money at the same speed. As soon as the supporters of a project together hold its
cost, they buy it and their money is reset (their "load" becomes equal). Concretely, for each project
the load its supporters would reach is ``(their current loads + cost) / number of supporters``; the
project with the smallest such load is bought next. The rule stops at the first project that would
break the budget (it does not skip it), also when that project is only one of several tied ones.
Projects on no ballot come last, all tied (their load is infinite), and are bought while they fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..numbers import Number
from ..profile import Profile


@dataclass(frozen=True, slots=True)
class PhragmenStep:
    project: int
    load: Fraction | None  # None for a project on no ballot (infinite load)


@dataclass(frozen=True, slots=True)
class PhragmenOutcome:
    selected: list[int]
    steps: list[PhragmenStep]
    stopped_by: list[int]  # the tied project(s) that did not fit, if the rule stopped on the budget
    loads: list[Fraction]  # final load per ballot type


def phragmen(profile: Profile, ranks: Sequence[int]) -> PhragmenOutcome:
    budget = profile.budget
    weights = profile.weights
    # Sum over supporters of weight * load, kept per project so each round is O(projects).
    load_sum: list[Fraction] = [Fraction(0)] * profile.num_projects
    loads: list[Fraction] = [Fraction(0)] * len(weights)
    remaining = {p for p in range(profile.num_projects) if profile.costs[p] <= budget}
    cost: Number = 0
    selected: list[int] = []
    steps: list[PhragmenStep] = []
    stopped_by: list[int] = []
    while remaining:
        best: Fraction | None = None
        tied: list[int] = []
        infinite: list[int] = []
        for p in remaining:
            if profile.votes[p] == 0:
                infinite.append(p)
                continue
            new_load = (load_sum[p] + profile.costs[p]) / profile.votes[p]
            if best is None or new_load < best:
                best, tied = new_load, [p]
            elif new_load == best:
                tied.append(p)
        if best is None:
            tied = infinite
        if any(cost + profile.costs[p] > budget for p in tied):
            stopped_by = sorted((p for p in tied if cost + profile.costs[p] > budget), key=lambda p: ranks[p])
            break
        chosen = min(tied, key=lambda p: ranks[p])
        remaining.discard(chosen)
        selected.append(chosen)
        cost += profile.costs[chosen]
        steps.append(PhragmenStep(chosen, best))
        if best is not None:
            # The supporters' loads rise to ``best``: each project q gains (best - load) * weight
            # per supporter it shares with the one bought. Summed per old load first, in ints: a
            # load is the ``best`` of the round that last set it, one object per round, so grouping
            # by object is grouping by round (and equal values in two groups add up the same). Then
            # one Fraction product per project and group, instead of one per type and project.
            groups: dict[int, tuple[Fraction, dict[int, int]]] = {}
            for t in profile.supporters[chosen]:
                old = loads[t]
                group = groups.get(id(old))
                if group is None:
                    group = groups[id(old)] = (old, {})
                shared = group[1]
                w = weights[t]
                for q in profile.type_projects[t]:
                    shared[q] = shared.get(q, 0) + w
                loads[t] = best
            for old, shared in groups.values():
                rise = best - old
                if rise:
                    for q, w in shared.items():
                        load_sum[q] += rise * w
    return PhragmenOutcome(selected, steps, stopped_by, loads)
