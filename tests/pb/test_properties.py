"""Property tests on random small elections: same winners as pabutools, and invariants we can prove.

The invariants are written down, with their reasons, in docs/algorithms/invariants.md.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkgeld.pb import Ballot, Election, Project, build_election, tally, write_pb
from wijkgeld.pb.completion import mes_candidates
from wijkgeld.pb.profile import compile_profile
from wijkgeld.pb.rules.certify import certify_span
from wijkgeld.pb.rules.mes import MesEngine
from wijkgeld.pb.tiebreak import TieBreak, lottery_digest

# Ids chosen so that string order differs from number order ("10" < "9").
IDS = ["1", "2", "9", "10", "11", "a", "B", "L010"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def elections(draw: st.DrawFn, vote_type: str = "approval", min_budget: int = 0) -> Election:
    pids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    if draw(st.booleans()):
        money: st.SearchStrategy[Any] = st.integers(0, 30)
        budget = draw(st.integers(min_budget, 60))
    else:  # amounts with cents
        money = st.integers(0, 3000).map(lambda c: Fraction(c, 100))
        budget = draw(st.integers(min_budget * 100, 6000).map(lambda c: Fraction(c, 100)))
    projects = [Project(pid, draw(money)) for pid in pids]
    ballots = []
    for i in range(draw(st.integers(0, 9))):
        chosen = tuple(draw(st.lists(st.sampled_from(pids), max_size=len(pids), unique=True)))
        points = None
        if vote_type == "cumulative":
            points = tuple(draw(st.integers(1, 4)) for _ in chosen)
        ballots.append(Ballot(f"v{i}", chosen, points))
    return build_election(budget=budget, vote_type=vote_type, projects=projects, ballots=ballots)


def reference_for(election: Election) -> tuple[Any, Any]:
    from pabutools.election.pabulib import parse_pabulib_from_string

    # Going through write_pb also checks that the reference reads what we write.
    return parse_pabulib_from_string(write_pb(election))


def ours(election: Election, name: str, our_rule: dict[str, Any], tie_break: str = "id") -> list[str]:
    rule, completion, utility = our_rule[name]
    return sorted(
        tally(election, rule=rule, completion=completion, utility=utility, tie_break=tie_break).selected
    )


@SETTINGS
@pytest.mark.parametrize(
    "name", ["greedy", "greedy-ratio", "phragmen", "mes", "mes+add1", "mes+budget-increase"]
)
@given(election=elections(min_budget=1))
def test_same_winners_as_pabutools_on_approval(
    name: str, election: Election, reference: Callable[..., list[str]], our_rule: dict[str, Any]
) -> None:
    instance, profile = reference_for(election)
    assert ours(election, name, our_rule) == reference(instance, profile, name)


@SETTINGS
@pytest.mark.parametrize("name", ["greedy", "greedy-ratio", "mes", "mes-points", "mes+add1"])
@given(election=elections(vote_type="cumulative", min_budget=1))
def test_same_winners_as_pabutools_on_cumulative(
    name: str, election: Election, reference: Callable[..., list[str]], our_rule: dict[str, Any]
) -> None:
    instance, profile = reference_for(election)
    assert ours(election, name, our_rule) == reference(instance, profile, name)


@SETTINGS
@pytest.mark.parametrize("name", ["greedy", "phragmen", "mes", "mes+add1"])
@pytest.mark.parametrize("tie_break", ["cost-then-votes", "lottery:2026"])
@given(election=elections(min_budget=1))
def test_other_tie_breaks_match_pabutools_with_the_same_order(
    name: str,
    tie_break: str,
    election: Election,
    reference: Callable[..., list[str]],
    our_rule: dict[str, Any],
) -> None:
    from pabutools.tiebreaking import TieBreakingRule

    if tie_break == "cost-then-votes":
        tie = TieBreakingRule(lambda inst, prof, p: (p.cost, -prof.approval_score(p), p.name))
    else:
        tie = TieBreakingRule(lambda inst, prof, p: (lottery_digest("2026", p.name), p.name))
    instance, profile = reference_for(election)
    assert ours(election, name, our_rule, tie_break) == reference(instance, profile, name, tie)


ALL_RULES = [
    ("greedy", None),
    ("greedy-ratio", None),
    ("phragmen", None),
    ("mes", "none"),
    ("mes", "add1"),
    ("mes", "budget-increase"),
]


@settings(max_examples=300, deadline=None)
@given(election=elections(min_budget=1), tie=st.sampled_from(["id", "cost-then-votes", "lottery:7"]))
def test_invariants_of_every_rule(election: Election, tie: str) -> None:
    for rule, completion in ALL_RULES:
        result = tally(election, rule=rule, completion=completion, tie_break=tie)
        costs = {pid: p.cost for pid, p in election.projects.items()}
        assert result.total_cost == sum(costs[p] for p in result.selected)
        assert result.total_cost <= election.budget, (rule, completion)
        assert len(set(result.selected)) == len(result.selected)
        unfunded = [pid for pid in costs if pid not in result.selected]
        if rule in ("greedy", "greedy-ratio") or completion in ("add1", "budget-increase"):
            # Greedy (also as the fill-up after MES) leaves no project out that still fits.
            assert all(costs[p] > result.leftover for p in unfunded), (rule, completion)


@settings(max_examples=300, deadline=None)
@given(election=elections())
def test_mes_payments_add_up(election: Election) -> None:
    """Nobody pays more than their share; payments cover exactly the projects MES bought."""
    result = tally(election, rule="mes", completion="none")
    ex = result.explanation
    bought = [pid for pid in result.selected if ex.projects[pid].reason == "mes-bought"]
    paid = Fraction(0)
    for ballot in election.ballots:
        v = ex.voters[ballot.voter_id]
        assert v.paid is not None and v.share is not None
        assert 0 <= v.paid <= v.share
        assert {p for p, _x in v.paid_for} <= set(ballot.projects)
        paid += v.paid
    assert paid == sum(election.projects[p].cost for p in bought)


def _engine_at(election: Election, k: int) -> tuple[MesEngine, Fraction] | None:
    """An MES engine (tie-break by id) and the equal share plus k; None without voters."""
    profile = compile_profile(election)
    if profile.num_voters == 0:
        return None
    ranks = TieBreak.parse("id").ranks(profile)
    engine = MesEngine(profile, ranks, mes_candidates(profile)[0])
    return engine, Fraction(profile.budget) / profile.num_voters + k


@settings(max_examples=300, deadline=None)
@given(election=elections(), k=st.integers(0, 40))
def test_fast_run_equals_exact_run_and_its_certificate_holds(election: Election, k: int) -> None:
    found = _engine_at(election, k)
    if found is None:
        return
    engine, b = found
    fast = engine.run(b, 1, parametric=True)
    exact = engine.run(b, 1, parametric=True, exact=True)
    assert fast.selected == exact.selected
    assert [r.rho for r in engine.run(b).rounds] == [r.rho for r in engine.run(b, exact=True).rounds]
    # The parametric run claims the same outcome for b + t, t <= steps_same: check a few.
    same = fast.steps_same if fast.steps_same is not None else 5
    for t in range(1, min(same, 5) + 1):
        assert engine.run(b + t, exact=True).selected == fast.selected


# A proof's range: the equal share plus k, and the step and number of steps from there.
PROOF_RANGES = {
    "election": elections(),
    "k": st.integers(0, 40),
    "steps": st.integers(0, 40),
    "step": st.sampled_from([1, Fraction(1, 3), Fraction(7, 2)]),
}


def _assert_proof_holds(
    engine: MesEngine, start: Fraction, step: Fraction, steps: int, proven: int, winners: list[int]
) -> None:
    """Every budget the proof claims (start + step * t, t <= proven) buys ``winners``, in order."""
    assert -1 <= proven <= steps
    for t in range(proven + 1):
        assert engine.run(start + step * t, exact=True).selected == winners


@settings(max_examples=300, deadline=None)
@given(**PROOF_RANGES, offset=st.integers(0, 40))
def test_a_bounds_proof_holds_for_every_budget_it_covers(
    election: Election, k: int, steps: int, step: Fraction, offset: int
) -> None:
    """Whatever outcome it is asked about, a proof never claims a budget where MES buys otherwise."""
    found = _engine_at(election, k)
    if found is None:
        return
    engine, b = found
    # Ask about the outcome somewhere in (or past) the range, not always the one at its start.
    winners = engine.run(b + step * min(offset, steps + 1), exact=True).selected
    proven = certify_span(engine, b, step, steps, winners)
    _assert_proof_holds(engine, b, step, steps, proven, winners)


@settings(max_examples=300, deadline=None)
@given(**PROOF_RANGES, resumed=st.booleans(), counted=st.booleans())
def test_a_bounds_proof_that_starts_from_a_run_holds_for_every_budget_it_covers(
    election: Election, k: int, steps: int, step: Fraction, resumed: bool, counted: bool
) -> None:
    """A proof may skip the rounds a parametric run proved for its whole range (completion.py does).

    ``counted``: the runs and the proof say how many steps they lie from the first run (``at``, as
    the scan does), so their distances are whole numbers without Fraction arithmetic."""
    found = _engine_at(election, k)
    if found is None:
        return
    engine, b = found
    at = 0
    run = engine.run(b, step, parametric=True, at=at if counted else None)
    if resumed and run.steps_same is not None:
        # A run that took over an earlier run's rounds keeps their records in that run's steps.
        b += step * (run.steps_same + 1)
        at += run.steps_same + 1
        run = engine.run(b, step, parametric=True, at=at if counted else None)
    end = b + step * (run.steps_same or 0)
    end_at = at + (run.steps_same or 0) + 1
    proven = certify_span(
        engine, end + step, step, steps, run.selected, engine.last_fast, end_at if counted else None
    )
    _assert_proof_holds(engine, end + step, step, steps, proven, run.selected)


@settings(max_examples=200, deadline=None)
@given(election=elections())
def test_mes_ignores_cloning_every_ballot(election: Election) -> None:
    """Each voter's share halves when every ballot is doubled, but each group holds the same money."""
    doubled = build_election(
        budget=election.budget,
        vote_type="approval",
        projects=election.projects.values(),
        ballots=[*election.ballots, *(Ballot(b.voter_id + "-twin", b.projects) for b in election.ballots)],
    )
    assert (
        tally(doubled, rule="mes", completion="none").selected
        == tally(election, rule="mes", completion="none").selected
    )
