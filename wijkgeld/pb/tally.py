"""``tally``: count an election with a rule, a completion, a utility and a tie-break.

This is the one entry point the fund app and the command line use::

    result = tally(election, rule="mes", completion="add1", utility="cost", tie_break="id")
    result.selected                       # project ids, in the order chosen
    result.explanation.projects["12"]     # why project 12 was (not) funded
    result.explanation.voters["v-81"]     # how voter v-81's share was used
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .completion import COMPLETIONS, MesOutcome, count_mes
from .errors import RuleError
from .model import Election
from .numbers import Number
from .profile import Profile, Utility, compile_profile, total_cost
from .rules.equalshares import Comparison
from .rules.greedy import GreedyOutcome, greedy
from .rules.phragmen import PhragmenOutcome, phragmen
from .rules.variants import VariantOutcome
from .tiebreak import TieBreak

if TYPE_CHECKING:
    from .explain import Explanation

RULES = ("greedy", "greedy-ratio", "mes", "phragmen")
#: Called now and then during long counts with (runs done, increments scanned).
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Result:
    """The outcome of a count. ``explanation`` is built on first access (it costs more than the count)."""

    rule: str
    completion: str
    utility: str
    tie_break: str
    budget: Number
    selected: list[str]
    total_cost: Number
    voters: int
    profile: Profile = field(repr=False)
    election: Election = field(repr=False)
    ranks: list[int] = field(repr=False)
    mes: MesOutcome | None = field(default=None, repr=False)
    greedy: GreedyOutcome | None = field(default=None, repr=False)
    phragmen: PhragmenOutcome | None = field(default=None, repr=False)
    #: a city's greedy variant (``wijkgeld.pb.fromfile``)
    variant: VariantOutcome | None = field(default=None, repr=False)
    #: the comparison step of an equal-shares city rule, if it ran
    comparison: Comparison | None = field(default=None, repr=False)
    #: the META parameters a file's own rule was counted with (``--rule from-file``)
    parameters: dict[str, str] = field(default_factory=dict)
    _explanation: Explanation | None = field(default=None, repr=False)

    @property
    def explanation(self) -> Explanation:
        if self._explanation is None:
            from .explain import build_explanation

            self._explanation = build_explanation(self)
        return self._explanation

    @property
    def leftover(self) -> Number:
        return self.budget - self.total_cost


def tally(
    election: Election,
    *,
    rule: str = "mes",
    completion: str | None = None,
    utility: str = "cost",
    tie_break: str = "id",
    progress: Progress | None = None,
) -> Result:
    """Count ``election``.

    ``rule``: ``greedy``, ``greedy-ratio``, ``mes`` or ``phragmen``. ``completion`` (MES only):
    ``none``, ``add1`` (default for MES) or ``budget-increase``. ``utility``: ``cost`` or, for MES on
    cumulative/scoring ballots, ``points``. ``tie_break``: ``id``, ``cost-then-votes`` or
    ``lottery:SEED``. ``progress(runs, step)`` is called after each MES run of a completion scan.
    Raises ``RuleError`` for combinations that do not apply.
    """
    if rule not in RULES:
        raise RuleError(f"unknown rule {rule!r}; expected one of {', '.join(RULES)}")
    if completion is None:
        completion = "add1" if rule == "mes" else "none"
    if completion not in COMPLETIONS:
        raise RuleError(f"unknown completion {completion!r}; expected one of {', '.join(COMPLETIONS)}")
    if rule != "mes" and completion != "none":
        raise RuleError(f"completion {completion!r} only applies to rule mes")
    if utility not in ("cost", "points"):
        raise RuleError(f"unknown utility {utility!r}; expected cost or points")
    if utility == "points" and rule != "mes":
        raise RuleError("utility 'points' only applies to rule mes")
    if rule == "phragmen" and election.vote_type not in ("approval", "choose-1"):
        raise RuleError(f"phragmen needs approval ballots, not {election.vote_type}")
    policy = TieBreak.parse(tie_break)
    # The count allocates millions of short-lived tuples but makes no reference cycles; with the
    # cyclic garbage collector on, those allocations trigger collections that walk every ballot of
    # the election again and again (half the time of a count on 40,000 ballots). Reference counting
    # still frees everything at once.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _tally(election, rule, completion, utility, policy, progress)
    finally:
        if collecting:
            gc.enable()


def _tally(
    election: Election,
    rule: str,
    completion: str,
    utility: str,
    policy: TieBreak,
    progress: Progress | None,
) -> Result:
    util: Utility = "points" if utility == "points" else "cost"
    profile = compile_profile(election, util)
    # Greedy completions and vote counts always use cost utilities (every listed project counts).
    ranks = policy.ranks(profile)
    result = Result(
        rule=rule,
        completion=completion,
        utility=utility,
        tie_break=str(policy),
        budget=profile.budget,
        selected=[],
        total_cost=0,
        voters=profile.num_voters,
        profile=profile,
        election=election,
        ranks=ranks,
    )
    chosen: list[int]
    if rule in ("greedy", "greedy-ratio"):
        result.greedy = greedy(profile, ranks, ratio=rule == "greedy-ratio")
        chosen = result.greedy.selected
    elif rule == "phragmen":
        result.phragmen = phragmen(profile, ranks)
        chosen = result.phragmen.selected
    else:
        result.mes = count_mes(profile, ranks, completion, progress)
        chosen = result.mes.selected
    result.selected = [profile.pids[p] for p in chosen]
    result.total_cost = total_cost(profile, chosen)
    return result
