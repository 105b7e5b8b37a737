"""Bounds proofs (wijkgeld/pb/rules/certify.py) on a real election: they hold, and they reach far.

The property test in test_properties.py checks soundness on random small elections; this checks that
on a real one the proofs are not vacuous, which is what makes Add1 fast.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest

from wijkgeld.pb.completion import mes_candidates
from wijkgeld.pb.profile import Profile, compile_profile
from wijkgeld.pb.rules.certify import certify_span
from wijkgeld.pb.rules.mes import MesEngine
from wijkgeld.pb.tiebreak import TieBreak


@pytest.fixture(scope="module")
def engine(real_profile: Callable[[str], Profile]) -> MesEngine:
    profile = real_profile("Poland_Warszawa_2019_Zielony_Ursynow.pb")
    ranks = TieBreak.parse("id").ranks(profile)
    return MesEngine(profile, ranks, mes_candidates(profile)[0])


def _share(engine: MesEngine, k: int) -> Fraction:
    return Fraction(engine.profile.budget) / engine.profile.num_voters + k


def test_a_proof_covers_a_long_range_and_every_budget_in_it_agrees(engine: MesEngine) -> None:
    # From share + 33 the outcome stays the same for 142 steps (checked below, one run per step).
    # One proof gets 11 of them (the scan chains proofs); a price bound cut at 0, which was not a
    # bound (see the test below), had let it reach 117.
    b = _share(engine, 33)
    winners = engine.run(b, details=False).selected
    proven = certify_span(engine, b, 1, 200, winners)
    assert proven >= 10
    for t in range(proven + 1):
        assert engine.run(b + t, details=False).selected == winners


def test_a_proof_stops_before_the_outcome_changes(engine: MesEngine) -> None:
    b = _share(engine, 0)
    winners = engine.run(b, details=False).selected
    changes = next(t for t in range(1, 200) if engine.run(b + t, details=False).selected != winners)
    proven = certify_span(engine, b, 1, 200, winners)
    assert 0 <= proven < changes


def test_a_proof_of_the_wrong_outcome_fails_at_once(engine: MesEngine) -> None:
    b = _share(engine, 0)
    winners = engine.run(b, details=False).selected
    assert certify_span(engine, b, 1, 10, winners[:-1]) == -1
    assert certify_span(engine, b, 1, 10, [*winners[1:], winners[0]]) == -1


def test_a_proof_ignores_a_run_that_is_not_whole_steps_away(engine: MesEngine) -> None:
    # The run's records are in its own steps; half a step away they do not apply, and the proof
    # starts from scratch instead (the same answer, only slower).
    b = _share(engine, 33)
    run = engine.run(b, 1, parametric=True)
    assert engine.last_fast is not None
    half = b + Fraction(1, 2)
    from_scratch = certify_span(engine, half, 1, 20, run.selected)
    assert certify_span(engine, half, 1, 20, run.selected, engine.last_fast) == from_scratch


def test_a_price_bound_that_crosses_zero_is_not_cut_at_zero() -> None:
    """Found by Hypothesis: project 2's price bound falls below 0 within the range. Cut at 0 at the
    end, its chord lay above the true price in between, and the proof claimed a budget where MES
    buys project 2 before project 11."""
    from wijkgeld.pb import Ballot, Project, build_election

    projects = [Project("1", 21), Project("2", 3), Project("9", 11), Project("10", 0), Project("11", 1)]
    votes = [
        (),
        ("9",),
        ("1", "9"),
        ("11", "2"),
        ("1", "2", "9"),
        ("11", "1", "2", "9"),
        ("1", "2", "9", "10", "11"),
    ]
    election = build_election(
        budget=46,
        vote_type="approval",
        projects=projects,
        ballots=[Ballot(f"v{i}", vote) for i, vote in enumerate(votes)],
    )
    profile = compile_profile(election)
    engine = MesEngine(profile, TieBreak.parse("id").ranks(profile), mes_candidates(profile)[0])
    b, step = Fraction(46, 7) + 1, Fraction(1, 3)
    run = engine.run(b, step, parametric=True, at=0)
    assert run.selected == [2, 0, 4, 1] and run.steps_same == 0
    for fast in (engine.last_fast, None):
        proven = certify_span(engine, b + step, step, 3, run.selected, fast, 1)
        assert engine.run(b + 2 * step, exact=True).selected == [2, 0, 1, 4]
        assert proven == 0 if fast is not None else proven <= 0
        # Asked for at least one step beyond the first, the proof gives up instead.
        assert certify_span(engine, b + step, step, 3, run.selected, fast, 1, least=1) == -1


def test_a_proof_asked_for_a_least_reach_gives_what_it_can_beyond_it(engine: MesEngine) -> None:
    b = _share(engine, 33)
    winners = engine.run(b, details=False).selected
    proven = certify_span(engine, b, 1, 200, winners)
    assert proven >= 10
    assert certify_span(engine, b, 1, 200, winners, least=proven) == proven
    assert certify_span(engine, b, 1, 200, winners, least=proven + 1) == -1


def test_proofs_leave_no_reference_cycles(real_profile: Callable[[str], Profile]) -> None:
    """tally() pauses the cyclic collector, so anything a proof leaves in a cycle stays until the
    count ends (Budapest 2024 once reached 1.5 GB that way): proofs must be freed by reference
    counting alone."""
    import gc

    from wijkgeld.pb.rules import certify

    profile = real_profile("Poland_Warszawa_2019_Zielony_Ursynow.pb")
    ranks = TieBreak.parse("id").ranks(profile)
    engine = MesEngine(profile, ranks, mes_candidates(profile)[0])
    b = Fraction(profile.budget) / profile.num_voters + 33
    run = engine.run(b, 1, parametric=True, at=33)
    end = 33 + (run.steps_same or 0)
    gc.collect()
    gc.disable()
    try:
        certify_span(engine, b + end - 33 + 1, 1, 40, run.selected, engine.last_fast, end + 1)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, certify._Proof | certify._RunMoney)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []
