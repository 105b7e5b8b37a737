"""Explanations as data: for each project why it was (not) funded, for each voter how their share was used.

``build_explanation(result)`` is called by ``Result.explanation`` on first use. Amounts are exact
(``int``/``Fraction``); ``wijkgeld.pb.texts`` turns them into plain words in five languages.

Reasons (``ProjectExplanation.reason``):

* ``mes-bought`` — bought by equal shares in ``round``; ``price`` is what each supporter paid at most
  (with point utilities: the price per point).
* ``mes-ran-out`` — equal shares could not buy it: from ``round`` on its supporters together held
  ``supporters_money`` < cost; ``went_to`` says which funded projects their money paid for.
* ``completion-funded`` / ``completion-no-fit`` — after equal shares, the fill-up by votes reached it
  at place ``rank`` with ``budget_left`` left, and it did (not) fit.
* ``free`` — costs nothing and has support: funded before the count (point utilities, as the reference).
* ``greedy-funded`` / ``greedy-no-fit`` — greedy reached it at place ``rank`` with ``budget_left`` left.
* ``phragmen-bought`` (in ``round``, at ``load``) / ``phragmen-stopped`` (it did not fit, so the rule
  stopped) / ``phragmen-not-reached`` (the rule stopped before its turn).
* ``too-expensive`` — costs more than the whole budget.
* ``no-support`` — on no ballot, so equal shares cannot buy it.

City greedy variants (``--rule from-file``, ``wijkgeld.pb.rules.variants``) add, with ``score`` (the
city's score), ``rank`` and ``budget_left``:

* ``below-threshold`` — its score is under ``min_project_score_threshold``.
* ``withdrawn`` — withdrawn after the vote (Pabulib's cost marker 999,999,999).
* ``no-skip-stop`` / ``not-reached`` — it did not fit and the count stopped there (greedy-no-skip) /
  the count had stopped before its turn.
* ``group-full`` — it did not fit what was left of its category or neighbourhood budget
  (``group_left``); ``leftover-funded`` / ``leftover-no-fit`` — then funded (or not) from the money
  left over after all groups.
* ``excluded`` — an exclusive rival (``rival``) was funded first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from .numbers import Number, normalize
from .profile import Profile
from .rules.equalshares import Comparison

if TYPE_CHECKING:
    from .tally import Result


@dataclass(frozen=True, slots=True)
class ProjectExplanation:
    project_id: str
    name: str
    cost: Number
    votes: int
    funded: bool
    reason: str
    #: position in the order chosen (1-based) for funded projects
    position: int | None = None
    #: MES or Phragmén round (1-based)
    round: int | None = None
    #: MES: most a supporter paid (cost utilities) or price per point (point utilities)
    price: Number | None = None
    #: greedy or fill-up: place in the order and the budget left when its turn came
    rank: int | None = None
    budget_left: Number | None = None
    #: MES: money its supporters still held when it could no longer be bought
    supporters_money: Number | None = None
    #: MES: funded projects its supporters' money went to, largest first: (project id, amount)
    went_to: tuple[tuple[str, Number], ...] = ()
    #: Phragmén: the load of its supporters after buying it
    load: Number | None = None
    #: city greedy variants: the city's score (votes, or points)
    score: Number | None = None
    #: group-full: (group, budget left in it) for each of its groups
    group_left: tuple[tuple[str, Number], ...] = ()
    #: excluded: the funded rival's id
    rival: str | None = None


@dataclass(frozen=True, slots=True)
class VoterExplanation:
    voter_id: str
    #: funded projects on this ballot, in the order chosen
    funded_supported: tuple[str, ...]
    #: total cost of those projects: how much of the budget went to projects this voter supported
    spent_on_supported: Number
    #: MES: the equal share each voter had, and what this voter paid, per project
    share: Number | None = None
    paid: Number | None = None
    paid_for: tuple[tuple[str, Number], ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    rule: str
    completion: str
    utility: str
    tie_break: str
    budget: Number
    total_cost: Number
    currency: str
    num_voters: int
    #: project ids in the order chosen
    selected: tuple[str, ...]
    projects: dict[str, ProjectExplanation]
    voters: Mapping[str, VoterExplanation]
    #: MES: money per voter in the count that was kept, and the Add1/budget steps taken
    voter_share: Number | None = None
    increments: int = 0
    mes_rounds: int = 0
    #: META parameters of the file's own rule (``--rule from-file``)
    parameters: Mapping[str, str] = field(default_factory=dict)
    #: the comparison step of an equal-shares city rule
    comparison: Comparison | None = None


class _Voters(Mapping[str, VoterExplanation]):
    """Voter explanations, computed on access: large elections have 100,000 voters."""

    def __init__(self, result: Result, payments: _Payments | None) -> None:
        self.result = result
        self.payments = payments
        self.index = {b.voter_id: i for i, b in enumerate(result.election.ballots)}
        self.funded_order = {pid: i for i, pid in enumerate(result.selected)}

    def __getitem__(self, voter_id: str) -> VoterExplanation:
        i = self.index[voter_id]
        ballot = self.result.election.ballots[i]
        costs = self.result.election.projects
        funded = sorted(
            {p for p in ballot.projects if p in self.funded_order}, key=self.funded_order.__getitem__
        )
        spent = normalize(Fraction(sum((costs[p].cost for p in funded), 0)))
        if self.payments is None:
            return VoterExplanation(voter_id, tuple(funded), spent)
        t = self.result.profile.type_of(ballot)
        paid_for = self.payments.of_type(t) if t >= 0 else ()
        paid = normalize(Fraction(sum((x for _p, x in paid_for), 0)))
        return VoterExplanation(voter_id, tuple(funded), spent, self.payments.share, paid, paid_for)

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


@dataclass(slots=True)
class _Payments:
    """Replays the MES run that was kept: who paid what, grouped by what voters supported."""

    profile: Profile
    share: Number
    rounds: list[tuple[int, Number]]  # (project, price per unit of utility)
    cache: dict[tuple[tuple[int, Number], ...], list[Number]] = field(default_factory=dict)

    def history(self, t: int) -> tuple[tuple[tuple[int, Number], ...], list[Number]]:
        """(rounds this type took part in with its utility, its money after each round)."""
        mine = dict(self.profile.items[t])
        key = tuple((r, mine[p]) for r, (p, _price) in enumerate(self.rounds) if p in mine)
        money = self.cache.get(key)
        if money is None:
            money = [self.share]
            left: Number = self.share
            paid_at = dict(key)
            for r, (_p, price) in enumerate(self.rounds):
                if r in paid_at:
                    left = normalize(Fraction(left - min(left, price * paid_at[r])))
                money.append(left)
            self.cache[key] = money
        return key, money

    def of_type(self, t: int) -> tuple[tuple[str, Number], ...]:
        key, money = self.history(t)
        return tuple(
            (self.profile.pids[self.rounds[r][0]], normalize(Fraction(money[r] - money[r + 1])))
            for r, _u in key
            if money[r] != money[r + 1]
        )


def build_explanation(result: Result) -> Explanation:
    profile = result.profile
    projects: dict[str, ProjectExplanation] = {}
    position = {pid: i + 1 for i, pid in enumerate(result.selected)}
    payments: _Payments | None = None
    share: Number | None = None
    increments = mes_rounds = 0
    if result.mes is not None:
        payments, share, increments, mes_rounds = _explain_mes(result, projects, position)
    elif result.greedy is not None:
        for step in result.greedy.steps:
            reason = "greedy-funded" if step.funded else "greedy-no-fit"
            projects[profile.pids[step.project]] = _base(
                result, step.project, position, reason, rank=step.rank, budget_left=step.budget_left
            )
    elif result.variant is not None:
        for vstep in result.variant.steps:
            projects[profile.pids[vstep.project]] = _base(
                result,
                vstep.project,
                position,
                vstep.reason,
                rank=vstep.rank,
                budget_left=vstep.budget_left,
                score=vstep.score,
                group_left=vstep.group_left,
                rival=None if vstep.rival is None else profile.pids[vstep.rival],
            )
    elif result.phragmen is not None:
        outcome = result.phragmen
        for r, pstep in enumerate(outcome.steps, start=1):
            projects[profile.pids[pstep.project]] = _base(
                result, pstep.project, position, "phragmen-bought", round=r, load=pstep.load
            )
        for p in outcome.stopped_by:
            projects[profile.pids[p]] = _base(result, p, position, "phragmen-stopped")
    for p, pid in enumerate(profile.pids):
        if pid not in projects:
            reason = "too-expensive" if profile.costs[p] > profile.budget else "phragmen-not-reached"
            projects[pid] = _base(result, p, position, reason)
    return Explanation(
        rule=result.rule,
        completion=result.completion,
        utility=result.utility,
        tie_break=result.tie_break,
        budget=result.budget,
        total_cost=result.total_cost,
        currency=result.election.meta.get("currency", ""),
        num_voters=result.voters,
        selected=tuple(result.selected),
        projects={pid: projects[pid] for pid in profile.pids},
        voters=_Voters(result, payments),
        voter_share=share,
        increments=increments,
        mes_rounds=mes_rounds,
        parameters=dict(result.parameters),
        comparison=result.comparison,
    )


def _base(
    result: Result, p: int, position: dict[str, int], reason: str, **extra: object
) -> ProjectExplanation:
    profile = result.profile
    pid = profile.pids[p]
    return ProjectExplanation(
        project_id=pid,
        name=result.election.projects[pid].name,
        cost=profile.costs[p],
        votes=profile.votes[p],
        funded=pid in position,
        reason=reason,
        position=position.get(pid),
        **extra,  # type: ignore[arg-type]
    )


def _explain_mes(
    result: Result, projects: dict[str, ProjectExplanation], position: dict[str, int]
) -> tuple[_Payments | None, Number | None, int, int]:
    profile = result.profile
    outcome = result.mes
    assert outcome is not None
    for p in outcome.free:
        projects[profile.pids[p]] = _base(result, p, position, "free")
    run = outcome.run
    payments = None
    if run is not None:
        prices: list[tuple[int, Number]] = [
            (r.project, normalize(Fraction(r.share if profile.utility == "cost" else r.rho)))
            for r in run.rounds
        ]
        payments = _Payments(profile, normalize(Fraction(outcome.voter_budget)), prices)
        for r, (p, price) in enumerate(prices, start=1):
            projects[profile.pids[p]] = _base(result, p, position, "mes-bought", round=r, price=price)
    bought = set(projects)
    for p, pid in enumerate(profile.pids):
        if pid in bought:
            continue
        if profile.costs[p] > profile.budget:
            continue  # too-expensive, filled in by the caller
        if profile.total_utility[p] == 0:
            reason, extra = "no-support", {}
        else:
            reason, extra = "mes-ran-out", _ran_out(payments, profile, p)
        if outcome.greedy is not None:
            step = next((s for s in outcome.greedy.steps if s.project == p), None)
            if step is not None:
                reason = "completion-funded" if step.funded else "completion-no-fit"
                extra.update(rank=step.rank, budget_left=step.budget_left)
        projects[pid] = _base(result, p, position, reason, **extra)
    rounds = len(run.rounds) if run else 0
    share = normalize(Fraction(outcome.voter_budget)) if run else None
    return payments, share, max(outcome.increments, 0), rounds


def _ran_out(payments: _Payments | None, profile: Profile, p: int) -> dict[str, object]:
    """The round from which p's supporters held less than its cost, and where their money went."""
    if payments is None:
        return {"round": 1, "supporters_money": 0}
    held = [Fraction(0)] * (len(payments.rounds) + 1)
    went: dict[int, Fraction] = {}
    for t in profile.supporters[p]:
        w = profile.weights[t]
        key, money = payments.history(t)
        for r, m in enumerate(money):
            held[r] += w * m
        for r, _u in key:
            paid = money[r] - money[r + 1]
            if paid:
                q = payments.rounds[r][0]
                went[q] = went.get(q, Fraction(0)) + w * paid
    cost = profile.costs[p]
    ran_out = next((r for r, h in enumerate(held) if h < cost), len(held) - 1)
    went_to = tuple(
        (profile.pids[q], normalize(x)) for q, x in sorted(went.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return {"round": ran_out + 1, "supporters_money": normalize(held[ran_out]), "went_to": went_to}
