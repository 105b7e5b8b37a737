"""Count an election with the rule its own file names, and compare with the published outcome.

``tally_from_file(election)`` reads ``rule`` and its parameters from META (Pabulib's rule names, see
docs/algorithms/city-rules.md) and counts as the city did; ``agreement(result)`` compares the count
with the file's ``selected`` column, project by project. A rule the engine does not know, or a file
that does not say which rule was used, raises ``RuleError``: the engine never guesses.

META keys read (Pabulib's, plus three Wijkgeld extensions marked *):

* ``rule``: ``greedy``, ``greedy-threshold``, ``greedy-no-skip``, ``greedy-exclusive``,
  ``equalshares``, ``equalshares-comparison``, ``equalshares/add1``, ``equalshares/add1-comparison``
* ``min_project_score_threshold`` (greedy rules)
* ``budget_per_category`` with ``categories``, ``budget_per_neighborhood`` with ``neighborhoods``
  (project columns ``category`` / ``neighborhood``), ``leftover_budget``. Greedy rules walk all
  projects once with a budget per group; equal-shares rules count each group as an election of its
  own, see ``tally_by_group``: a neighbourhood with its projects and the voters whose
  ``neighborhood`` column names it (or who chose one of its projects when the votes have no such
  column); a category with its projects and every voter who chose one of them, their ballot cut
  down to that category's projects (everyone votes on all categories, as in Amsterdam)
* ``max_length`` (ordinal ballots without points: points per rank)
* ``comparison_measure``\\*: ``satisfaction`` (default, as the Pabulib checker) or ``exclusion``
* ``add1_exhaustive``\\*: ``true`` to stop Add1 once the outcome is exhaustive (equalshares.net's
  recommended form); Pabulib's rules do not stop there
* ``completion``\\*: ``greedy`` to fill up with most votes after equal shares (Add1u); default none

Projects costing Pabulib's withdrawn marker (999,999,999, more than the budget) are treated as
withdrawn after the vote: never funded, and they do not stop ``greedy-no-skip``.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .errors import RuleError
from .model import Ballot, Election, Project, build_election
from .numbers import Number, parse_number
from .profile import compile_profile, total_cost
from .rules.equalshares import COMPARISONS, count_equal_shares
from .rules.variants import WITHDRAWN_COST, VariantOptions, greedy_variant
from .scoring import project_scores
from .tally import Result
from .tiebreak import TieBreak

if TYPE_CHECKING:
    from .explain import Explanation

GREEDY_RULES = ("greedy", "greedy-threshold", "greedy-no-skip", "greedy-exclusive")
EQUAL_SHARES_RULES = (
    "equalshares",
    "equalshares-comparison",
    "equalshares/add1",
    "equalshares/add1-comparison",
)
FILE_RULES = GREEDY_RULES + EQUAL_SHARES_RULES
#: Rule names Pabulib uses that cannot be counted, and why.
UNCOUNTABLE = {
    "unknown": "the file does not say which rule was used",
    "greedy-custom": "the city used its own procedure, described only in the file's comment",
}
#: META keys that change how a file's rule counts (reported with the result).
PARAMETER_KEYS = (
    "min_project_score_threshold",
    "categories",
    "budget_per_category",
    "neighborhoods",
    "budget_per_neighborhood",
    "leftover_budget",
    "comparison_measure",
    "add1_exhaustive",
    "completion",
)


def file_rule(election: Election) -> str:
    """The file's rule name, checked: raises ``RuleError`` when it cannot be counted."""
    rule = election.meta.get("rule", "").strip()
    if not rule:
        raise RuleError("the file's META has no 'rule': nothing to count with --rule from-file")
    if rule in UNCOUNTABLE:
        comment = election.meta.get("comment", "").strip()
        extra = f" (comment: {comment})" if comment and rule == "greedy-custom" else ""
        raise RuleError(f"the file's rule is {rule!r}: {UNCOUNTABLE[rule]}{extra}")
    if rule not in FILE_RULES:
        raise RuleError(f"the file's rule {rule!r} is not one Wijkgeld knows; known: {', '.join(FILE_RULES)}")
    return rule


def tally_from_file(election: Election, *, tie_break: str = "id") -> Result:
    """Count ``election`` with the rule and parameters of its own META."""
    rule = file_rule(election)
    if rule in EQUAL_SHARES_RULES and group_kind(election) is not None:
        return tally_by_group(election, tie_break=tie_break).result
    policy = TieBreak.parse(tie_break)
    collecting = gc.isenabled()
    gc.disable()  # as tally(): the count makes many short-lived tuples and no cycles
    try:
        profile = compile_profile(election)
        ranks = policy.ranks(profile)
        parameters = {k: election.meta[k] for k in PARAMETER_KEYS if k in election.meta}
        result = Result(
            rule=rule,
            completion="none",
            utility="cost",
            tie_break=str(policy),
            budget=profile.budget,
            selected=[],
            total_cost=0,
            voters=profile.num_voters,
            profile=profile,
            election=election,
            ranks=ranks,
            parameters=parameters,
        )
        if rule in GREEDY_RULES:
            scores_by_id = project_scores(election)
            scores = [scores_by_id[pid] for pid in profile.pids]
            result.utility = "votes" if election.vote_type in ("approval", "choose-1") else "points"
            result.variant = greedy_variant(
                profile.costs, scores, profile.budget, ranks, _options(election, rule, profile.pids)
            )
            chosen = result.variant.selected
        else:
            measure = election.meta.get("comparison_measure", "satisfaction").strip()
            if measure not in COMPARISONS:
                raise RuleError(f"META comparison_measure must be one of {', '.join(COMPARISONS)}")
            add1 = "/add1" in rule
            exhaustive = _flag(election, "add1_exhaustive")
            completion = election.meta.get("completion", "none").strip()
            if completion not in ("none", "greedy"):
                raise RuleError("META completion must be 'none' or 'greedy'")
            outcome = count_equal_shares(
                profile,
                ranks,
                add1=add1,
                exhaustive=exhaustive,
                completion=completion == "greedy",
                comparison=measure if rule.endswith("-comparison") else None,
            )
            result.completion = ("add1-whole" + ("-exhaustive" if exhaustive else "")) if add1 else "none"
            if completion == "greedy":
                result.completion += "+greedy"
            result.comparison = outcome.comparison
            if outcome.comparison is not None and outcome.comparison.switched:
                result.greedy = outcome.benchmark
            else:
                result.mes = outcome.mes
            chosen = outcome.selected
        result.selected = [profile.pids[p] for p in chosen]
        result.total_cost = total_cost(profile, chosen)
        return result
    finally:
        if collecting:
            gc.enable()


def _flag(election: Election, key: str) -> bool:
    value = election.meta.get(key, "false").strip().lower()
    if value not in ("true", "false", "1", "0"):
        raise RuleError(f"META {key} must be true or false, not {value!r}")
    return value in ("true", "1")


def _options(election: Election, rule: str, pids: list[str]) -> VariantOptions:
    meta = election.meta
    threshold: Number | None = None
    if "min_project_score_threshold" in meta:
        threshold = _number(meta["min_project_score_threshold"], "min_project_score_threshold")
    elif rule == "greedy-threshold":
        raise RuleError("rule greedy-threshold needs min_project_score_threshold in META")
    budgets: dict[str, Number] = {}
    groups: list[tuple[str, ...]] = [() for _ in pids]
    for kind, names_key, budget_key in (
        ("category", "categories", "budget_per_category"),
        ("neighborhood", "neighborhoods", "budget_per_neighborhood"),
    ):
        if budget_key not in meta:
            continue
        names = [n.strip() for n in meta.get(names_key, "").split(",") if n.strip()]
        amounts = [_number(a, budget_key) for a in meta[budget_key].split(",") if a.strip()]
        if not names or len(names) != len(amounts):
            raise RuleError(
                f"META {budget_key} has {len(amounts)} amounts but {names_key} names {len(names)} groups"
            )
        budgets.update({f"{kind}:{name}": amount for name, amount in zip(names, amounts, strict=True)})
        for i, pid in enumerate(pids):
            cell = election.projects[pid].extra.get(kind, "")
            mine = tuple(f"{kind}:{c.strip()}" for c in cell.split(",") if f"{kind}:{c.strip()}" in budgets)
            groups[i] += mine
    budget = election.budget
    withdrawn = frozenset(
        i for i, pid in enumerate(pids) if election.projects[pid].cost == WITHDRAWN_COST > budget
    )
    exclusive = [election.projects[pid].extra.get("exclusive_group", "").strip() for pid in pids]
    return VariantOptions(
        threshold=threshold,
        skip=rule != "greedy-no-skip",
        groups=groups if budgets else (),
        group_budgets=budgets,
        leftover="leftover_budget" in meta,
        exclusive=exclusive if any(exclusive) else (),
        withdrawn=withdrawn,
    )


def _number(text: str, key: str) -> Number:
    try:
        return parse_number(text)
    except ValueError:
        raise RuleError(f"META {key} is not a number: {text!r}") from None


@dataclass(frozen=True, slots=True)
class ProjectAgreement:
    """One project: what the file says (``selected`` 1 or 0; ``None`` for Pabulib's 2, "ambiguous, see
    the comment") and whether the count funds it."""

    project_id: str
    selected_in_file: bool | None
    funded: bool

    @property
    def agrees(self) -> bool:
        return self.selected_in_file is None or self.selected_in_file == self.funded


@dataclass(frozen=True, slots=True)
class Agreement:
    """The count against the file's ``selected`` column."""

    projects: tuple[ProjectAgreement, ...]

    @property
    def agree(self) -> int:
        """Projects where the file (1 or 0) and the count agree."""
        return sum(1 for p in self.projects if p.selected_in_file is not None and p.agrees)

    @property
    def compared(self) -> int:
        """Projects the file marks 1 or 0."""
        return sum(1 for p in self.projects if p.selected_in_file is not None)

    @property
    def differ(self) -> tuple[str, ...]:
        return tuple(p.project_id for p in self.projects if not p.agrees)

    @property
    def ambiguous(self) -> tuple[str, ...]:
        """Projects the file marks 2 (Pabulib: ambiguous, explained in the comment)."""
        return tuple(p.project_id for p in self.projects if p.selected_in_file is None)

    @property
    def reproduced(self) -> bool:
        return not self.differ


def agreement(result: Result) -> Agreement | None:
    """Compare the count with the file's ``selected`` column; ``None`` when the file has none."""
    election = result.election
    if "selected" not in election.project_columns:
        return None
    funded = set(result.selected)
    rows = []
    for pid, project in election.projects.items():
        cell = project.extra.get("selected", "0").strip()
        if cell not in ("0", "1", "2"):
            raise RuleError(f"project {pid!r} has selected {cell!r}, not 0, 1 or 2")
        in_file = None if cell == "2" else cell == "1"
        rows.append(ProjectAgreement(pid, in_file, pid in funded))
    return Agreement(tuple(rows))


# --- equal shares per neighbourhood or per category ---------------------------------------------------

#: The kinds of group a file's budget can be split over: (project column, names key, budgets key).
GROUP_KINDS = {
    "neighborhood": ("neighborhoods", "budget_per_neighborhood"),
    "category": ("categories", "budget_per_category"),
}
_GROUP_KEYS = (
    "neighborhoods",
    "budget_per_neighborhood",
    "categories",
    "budget_per_category",
    "leftover_budget",
)


def group_kind(election: Election) -> str | None:
    """``neighborhood`` or ``category`` when META splits the budget that way; ``None`` for one budget."""
    kinds = [kind for kind, (_names, key) in GROUP_KINDS.items() if key in election.meta]
    if len(kinds) > 1:
        raise RuleError(
            "META has both budget_per_neighborhood and budget_per_category: count one split at a time"
        )
    return kinds[0] if kinds else None


@dataclass(frozen=True, slots=True)
class GroupCount:
    """One group (neighbourhood or category) counted on its own budget: its election and the count."""

    name: str
    budget: Number
    result: Result


@dataclass(frozen=True, slots=True)
class SplitCount:
    """A file with ``budget_per_neighborhood`` or ``budget_per_category`` counted group by group.

    ``leftover_selected``: projects funded afterwards from what all neighbourhoods left together
    (``leftover_budget``), in order of votes (ties by the tie-break), each if it still fitted.
    ``kind``: ``neighborhood`` or ``category``.
    """

    parts: tuple[GroupCount, ...]
    leftover_selected: tuple[str, ...]
    result: Result
    kind: str = "neighborhood"


NeighborhoodCount = GroupCount  # the name before categories were split too


def neighborhood_elections(election: Election) -> list[tuple[str, Number, Election]]:
    """The file split by neighbourhood: (name, budget, election of its projects and voters)."""
    return group_elections(election, "neighborhood")


def group_elections(election: Election, kind: str) -> list[tuple[str, Number, Election]]:
    """The file split by ``kind`` (``neighborhood`` or ``category``): (name, budget, election).

    A neighbourhood's voters live there (the votes' ``neighborhood`` column) or, without that
    column, chose only its projects; a voter who chose projects of another neighbourhood is an
    error. A category's voters are all who chose one of its projects, each ballot cut down to the
    category's projects: every resident votes on all categories, and each category is an election
    of its own. A project must belong to one group only (or to none: then no group counts it).
    """
    meta = election.meta
    names_key, budget_key = GROUP_KINDS[kind]
    names = [n.strip() for n in meta.get(names_key, "").split(",") if n.strip()]
    amounts = [_number(a, budget_key) for a in meta[budget_key].split(",") if a.strip()]
    if not names or len(names) != len(amounts):
        raise RuleError(
            f"META {budget_key} has {len(amounts)} amounts but {names_key} names {len(names)} groups"
        )
    for project in election.projects.values():
        cell = [c.strip() for c in project.extra.get(kind, "").split(",") if c.strip() in names]
        if len(cell) > 1:
            raise RuleError(
                f"project {project.project_id!r} is in {len(cell)} of the {names_key}; with equal shares "
                "each project must count against one budget"
            )
    by_voter_column = kind == "neighborhood" and "neighborhood" in election.vote_columns
    sub_meta = {k: v for k, v in meta.items() if k not in _GROUP_KEYS}
    parts = []
    for name, amount in zip(names, amounts, strict=True):
        projects = [p for p in election.projects.values() if _groups_of(p, kind) == name]
        mine = {p.project_id for p in projects}
        if by_voter_column:
            ballots = [b for b in election.ballots if b.extra.get("neighborhood", "").strip() == name]
        else:
            ballots = [b for b in election.ballots if mine.intersection(b.projects)]
        if kind == "category":
            ballots = [_cut(b, mine) for b in ballots]
        stray = [b.voter_id for b in ballots if not mine.issuperset(b.projects)]
        if stray:
            raise RuleError(f"voter {stray[0]!r} of neighbourhood {name!r} chose a project of another one")
        sub = build_election(
            budget=amount,
            vote_type=election.vote_type,
            projects=projects,
            ballots=[replace(b, extra={}) for b in ballots],
            meta=sub_meta,
        )
        parts.append((name, amount, sub))
    return parts


def _groups_of(project: Project, kind: str) -> str:
    return str(project.extra.get(kind, "")).strip()


def _cut(ballot: Ballot, mine: set[str]) -> Ballot:
    """The ballot with only the projects in ``mine`` (their points too; ranks keep their order)."""
    keep = [i for i, pid in enumerate(ballot.projects) if pid in mine]
    points = None if ballot.points is None else tuple(ballot.points[i] for i in keep)
    return replace(ballot, projects=tuple(ballot.projects[i] for i in keep), points=points)


def tally_by_neighborhood(election: Election, *, tie_break: str = "id") -> SplitCount:
    """``tally_by_group`` for a file with ``budget_per_neighborhood``."""
    return tally_by_group(election, tie_break=tie_break, kind="neighborhood")


def tally_by_group(election: Election, *, tie_break: str = "id", kind: str | None = None) -> SplitCount:
    """Count each group of the file (neighbourhood or category, ``kind``; default: the one META
    splits by) with the file's rule on its own budget, then the leftover.

    With ``leftover_budget`` in META, the money all groups left together funds further
    projects in one pooled walk: every project not yet funded (and not below
    ``min_project_score_threshold``), by votes (most first, ties by the tie-break), if it fits what is
    left. Without it, money left stays unspent. For greedy rules this is the same outcome as the one
    walk with group budgets of ``tally_from_file`` (the fund checks both agree).
    """
    rule = file_rule(election)
    kind = kind or group_kind(election)
    if kind not in GROUP_KINDS:
        raise RuleError("META splits the budget neither by neighbourhood nor by category")
    policy = TieBreak.parse(tie_break)
    parts = tuple(
        GroupCount(name, amount, tally_from_file(sub, tie_break=tie_break))
        for name, amount, sub in group_elections(election, kind)
    )
    profile = compile_profile(election)
    ranks = policy.ranks(profile)
    index = {pid: i for i, pid in enumerate(profile.pids)}
    selected = [pid for part in parts for pid in part.result.selected]
    spent = total_cost(profile, [index[pid] for pid in selected])
    extra: list[str] = []
    turns: dict[str, tuple[int, Number]] = {}  # pooled walk: place in its order, money left at its turn
    if "leftover_budget" in election.meta:
        scores = project_scores(election)
        grouped = {pid for part in parts for pid in part.result.election.projects}
        left = profile.budget - spent
        threshold = election.meta.get("min_project_score_threshold")
        floor = _number(threshold, "min_project_score_threshold") if threshold is not None else None
        eligible = {pid for pid in grouped if floor is None or scores[pid] >= floor}
        order = sorted(
            (p for p, pid in enumerate(profile.pids) if pid in eligible and pid not in selected),
            key=lambda p: (-scores[profile.pids[p]], ranks[p]),
        )
        for rank, p in enumerate(order, start=1):
            if profile.costs[p] <= left and profile.costs[p] != WITHDRAWN_COST:
                extra.append(profile.pids[p])
                turns[profile.pids[p]] = (rank, left)
                left -= profile.costs[p]
    chosen = selected + extra
    result = Result(
        rule=rule,
        completion=parts[0].result.completion if parts else "none",
        utility="cost",
        tie_break=str(policy),
        budget=profile.budget,
        selected=chosen,
        total_cost=total_cost(profile, [index[pid] for pid in chosen]),
        voters=profile.num_voters,
        profile=profile,
        election=election,
        ranks=ranks,
        parameters={k: election.meta[k] for k in PARAMETER_KEYS if k in election.meta},
    )
    result._explanation = _split_explanation(result, parts, turns, kind)
    return SplitCount(parts, tuple(extra), result, kind)


def _split_explanation(
    result: Result, parts: tuple[GroupCount, ...], turns: dict[str, tuple[int, Number]], kind: str
) -> Explanation:
    """The explanation of the whole file: each project as its own group's count explains it;
    a project funded from the pooled money as ``leftover-funded`` (its place in the pooled walk)."""
    from .explain import build_explanation

    base = build_explanation(result)
    position = {pid: i for i, pid in enumerate(result.selected, start=1)}
    projects = {}
    for part in parts:
        spent = part.result.total_cost
        for pid, pe in part.result.explanation.projects.items():
            if pid in turns:
                rank, left = turns[pid]
                group = ((f"{kind}:{part.name}", part.budget - spent),)
                pe = replace(
                    pe, funded=True, reason="leftover-funded", rank=rank, budget_left=left, group_left=group
                )
            projects[pid] = replace(pe, position=position.get(pid))
    merged = {pid: projects.get(pid, base.projects[pid]) for pid in result.profile.pids}
    return replace(base, projects=merged)
