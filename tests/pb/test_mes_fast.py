"""The float run's shortcuts change nothing.

``FastRun.surely_short`` skips a walk when a plain sum proves the project unaffordable and the walk's
bound on t could not move; ``FastRun.quick_price`` prices an affordable project without bounding the
error of each step, and proves the result in one check. Turning either off must give the very same
runs: winners, drops and ``steps_same`` (which depends on every bound found), also across resumed runs.
These tests switch the shortcuts of the pure-Python path off, so they run on that path (the compiled
kernel transcribes it; tests/pb/test_kernel.py compares the two).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkgeld.pb import Ballot, Election, Project, build_election
from wijkgeld.pb.completion import mes_candidates
from wijkgeld.pb.profile import Profile, compile_profile
from wijkgeld.pb.rules import kernel
from wijkgeld.pb.rules.mes import MesEngine, _Node
from wijkgeld.pb.rules.mes_fast import FastRun
from wijkgeld.pb.tiebreak import TieBreak

IDS = ["1", "2", "3", "4", "5", "6", "7"]


@pytest.fixture(autouse=True)
def _pure_path() -> Iterator[None]:
    before = kernel.active
    kernel.use(pure=True)
    try:
        yield
    finally:
        kernel.active = before


@st.composite
def elections(draw: st.DrawFn) -> Election:
    pids = draw(st.lists(st.sampled_from(IDS), min_size=2, max_size=7, unique=True))
    projects = [Project(pid, draw(st.integers(1, 40))) for pid in pids]
    ballots = []
    for i in range(draw(st.integers(1, 14))):
        chosen = tuple(draw(st.lists(st.sampled_from(pids), min_size=1, max_size=len(pids), unique=True)))
        ballots.append(Ballot(f"v{i}", chosen, None))
    return build_election(
        budget=draw(st.integers(1, 80)), vote_type="approval", projects=projects, ballots=ballots
    )


def _engine(profile: Profile) -> tuple[MesEngine, Fraction]:
    """An MES engine (tie-break by id) and the equal share, where each test's scan starts."""
    ranks = TieBreak.parse("id").ranks(profile)
    return MesEngine(profile, ranks, mes_candidates(profile)[0]), Fraction(
        profile.budget
    ) / profile.num_voters


def scan(profile: Profile, runs: int) -> list[tuple[Any, ...]]:
    """Parametric runs at b, b + 1, ... on one engine (so each resumes from the one before)."""
    engine, b = _engine(profile)
    out = []
    for k in range(runs):
        run = engine.run(b + k, 1, parametric=True)
        out.append((run.selected, sorted(run.dropped.items()), run.steps_same))
    return out


def without(shortcut: str, off: Any, profile: Profile, runs: int) -> list[tuple[Any, ...]]:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(FastRun, shortcut, lambda self, *args: off)
        return scan(profile, runs)


def error_bounds_held(profile: Profile, runs: int) -> bool:
    """After each parametric run, ``err_max`` bounds the error bound of every value the run made."""
    engine, b = _engine(profile)
    for k in range(runs):
        engine.run(b + k, 1, parametric=True)
        run = engine.last_fast
        assert run is not None
        if any(run.val[c][1] > run.err_max for c in run.created):
            return False
    return True


def node_classes_match(profile: Profile, runs: int) -> bool:
    """Every project's classes on a node (read from its type classes) are those built from the masks."""
    engine, b = _engine(profile)
    for k in range(runs):
        engine.run(b + k, 1, parametric=True)
    for node in engine.nodes.values():
        # The compiled kernel keeps a node's lists packed; ids() makes the lists from them.
        for p in set(node.ids) | set(node.packed):
            ids, weights = engine.ids(node, p)
            keys, fresh = engine.class_lists(_Node(node.sel), p)
            got = {engine.class_key[i]: w for i, w in zip(ids, weights, strict=True)}
            if len(got) != len(ids) or got != dict(zip(keys, map(float, fresh), strict=True)):
                return False
    return True


def surely_short_changes_no_run(profile: Profile, runs: int) -> bool:
    return scan(profile, runs) == without("surely_short", False, profile, runs)


def quick_price_changes_no_run(profile: Profile, runs: int) -> bool:
    return scan(profile, runs) == without("quick_price", None, profile, runs)


def equal_share_rho_changes_no_run(profile: Profile, runs: int) -> bool:
    return scan(profile, runs) == without("equal_share_rho", None, profile, runs)


# Each checks one property of the float run over a scan of parametric runs.
CHECKS = [
    surely_short_changes_no_run,
    quick_price_changes_no_run,
    equal_share_rho_changes_no_run,
    error_bounds_held,
    node_classes_match,
]


@settings(max_examples=200, deadline=None)
@given(election=elections())
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_float_run_check_on_random_elections(
    check: Callable[[Profile, int], bool], election: Election
) -> None:
    assert check(compile_profile(election), 6)


@pytest.mark.parametrize("name", ["Poland_Swiecie_2023.pb", "Netherlands_Amsterdam_588.pb"])
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_float_run_check_on_real_files(
    check: Callable[[Profile, int], bool], name: str, real_profile: Callable[[str], Profile]
) -> None:
    assert check(real_profile(name), 40)


def test_exact_ties_at_the_equal_share_need_no_exact_walk(real_profile: Callable[[str], Profile]) -> None:
    """Toulouse 2022 is full of exact ties between projects whose supporters all pay the equal
    share; they are priced from ``cost / weight`` without the Fraction walk, with the same runs."""
    profile = real_profile("France_Toulouse_2022.pb")
    walks = {"on": 0, "off": 0}
    for state in walks:
        with pytest.MonkeyPatch.context() as m:
            original = FastRun.exact_walk

            def counted(self: FastRun, *args: Any, _state: str = state, **kwargs: Any) -> Any:
                walks[_state] += 1
                return original(self, *args, **kwargs)

            m.setattr(FastRun, "exact_walk", counted)
            if state == "off":
                m.setattr(FastRun, "equal_share_rho", lambda self, *args: None)
            engine, b = _engine(profile)
            found = []
            for k in range(110, 120):  # the ties start some 60 to 120 steps up
                run = engine.run(b + k, 1, parametric=True)
                found.append((run.selected, sorted(run.dropped.items()), run.steps_same))
        if state == "on":
            expected = found
    assert found == expected
    assert walks["on"] * 4 < walks["off"], walks


def test_parametric_runs_with_step_zero_do_not_resume_or_fail() -> None:
    """A budget of 0 gives budget-increase a step of 0: its runs must neither divide by it nor
    resume from each other as if they were steps apart."""
    election = build_election(
        budget=10,
        vote_type="approval",
        projects=[Project("a", 4), Project("b", 8)],
        ballots=[Ballot("v1", ("a",)), Ballot("v2", ("a", "b"))],
    )
    engine, b = _engine(compile_profile(election))  # b = 10 / 2 voters
    first = engine.run(b, 0, parametric=True)
    again = engine.run(b, 0, parametric=True)
    assert first.selected == again.selected == engine.run(b, exact=True).selected
