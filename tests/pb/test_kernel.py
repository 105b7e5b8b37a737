"""The compiled kernel (``wijkgeld/pb/rules/_kernel.c``) and the pure-Python path count alike.

Both compute the same floats (the kernel transcribes the Python loops operation for operation), and
the floats only filter: every decision is proven, exactly where a call is close. So every count must
give the same outcome and the same explanation on both paths; the runs themselves must agree on every
float-derived bound (``steps_same``), which shows the transcription is faithful, not merely safe.
Without a built kernel the comparisons are skipped (the pure path is then the only one, and the
rest of tests/pb tests it).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkgeld.pb import Ballot, Election, Project, build_election, completion, read_pb, tally
from wijkgeld.pb.cli import main
from wijkgeld.pb.completion import mes_candidates
from wijkgeld.pb.profile import compile_profile
from wijkgeld.pb.rules import kernel
from wijkgeld.pb.rules.certify import certify_span
from wijkgeld.pb.rules.mes import KERNEL_BITS, MesEngine
from wijkgeld.pb.tiebreak import TieBreak

from .conftest import DATA
from .test_properties import elections

needs_kernel = pytest.mark.skipif(kernel.compiled is None, reason="the compiled kernel is not built")

# Files whose pure-Python count takes half a minute or more (Add1): the compiled path alone is
# compared on them, against the winners of test_engine_winners.py.
PURE_TOO_SLOW = {"Hungary_Budapest_2024.pb", "Poland_Warszawa_2023_Mokotow.pb"}
# A few seconds in the pure path, and 20 s or more for the explanation's exact prices per round:
# compared on the outcome of Add1 only, and marked slow.
PURE_SLOW = {
    "Netherlands_Amsterdam_252.pb",
    "Poland_Lodz_2020.pb",
    "Poland_Lodz_2022.pb",
    "Poland_Krakow_2019.pb",
    "France_Toulouse_2022.pb",
    "Poland_Warszawa_2024_Bialoleka.pb",
}


@pytest.fixture
def pure() -> Iterator[None]:
    before = kernel.active
    kernel.use(pure=True)
    try:
        yield
    finally:
        kernel.active = before


def _with(pure: bool, fn: Any) -> Any:
    """``fn()`` on one path. The scan's pacer (completion._Pacer) chooses between runs and bounds
    proofs by how fast each went, and where a scan ends can depend on that choice when the last
    outcome no longer depends on the budget (it is reported at the step its run started); so the
    clock is replaced by a counter here: both paths then take the same route."""
    before = kernel.active
    kernel.use(pure=pure)
    ticks = itertools.count()
    try:
        with pytest.MonkeyPatch.context() as m:
            m.setattr(completion, "perf_counter", lambda: float(next(ticks)))
            return fn()
    finally:
        kernel.active = before


def _summary(election: Election, completion: str, voters: int | None = None) -> tuple[Any, ...]:
    """Everything a count shows: the outcome, the explanation's projects and (some) voters."""
    result = tally(election, rule="mes", completion=completion)
    ex = result.explanation
    ids = list(ex.voters)
    if voters is not None:
        ids = ids[:voters]
    return (
        result.selected,
        result.total_cost,
        ex.voter_share,
        ex.increments,
        ex.mes_rounds,
        ex.projects,
        [ex.voters[v] for v in ids],
    )


def _files() -> list[Any]:
    if not DATA.is_dir():
        return []
    names = sorted(p.name for p in DATA.glob("*.pb") if p.name not in PURE_TOO_SLOW)
    return [pytest.param(n, id=n, marks=[pytest.mark.slow] if n in PURE_SLOW else []) for n in names]


@needs_kernel
@pytest.mark.parametrize("name", _files())
def test_both_kernels_count_every_shared_file_alike(name: str) -> None:
    election = read_pb(DATA / name)
    if name in PURE_SLOW:

        def outcome() -> tuple[Any, ...]:
            result = tally(election, rule="mes", completion="add1")
            assert result.mes is not None
            return result.selected, result.mes.increments, result.mes.voter_budget

        assert _with(False, outcome) == _with(True, outcome)
        return
    for how in ("add1", "none"):
        compiled = _with(False, lambda c=how: _summary(election, c, voters=500))
        pure = _with(True, lambda c=how: _summary(election, c, voters=500))
        assert compiled == pure, how


@needs_kernel
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=elections(), completion=st.sampled_from(["add1", "none", "budget-increase"]))
def test_both_kernels_count_generated_elections_alike(election: Election, completion: str) -> None:
    compiled = _with(False, lambda: _summary(election, completion))
    pure = _with(True, lambda: _summary(election, completion))
    assert compiled == pure


@needs_kernel
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=elections(),
    k=st.integers(0, 40),
    step=st.sampled_from([1, Fraction(1, 3), Fraction(7, 2)]),
    later=st.integers(1, 6),
)
def test_both_kernels_find_the_same_bounds(
    election: Election, k: int, step: Fraction | int, later: int
) -> None:
    """Run by run: the same winners, the same proven range (a float-derived bound), also when a run
    resumes from the one before, and the same bounds proofs from them."""
    profile = compile_profile(election, "cost")
    if profile.num_voters == 0:
        return
    ranks = TieBreak.parse("id").ranks(profile)
    b = Fraction(profile.budget) / profile.num_voters + k

    def runs() -> list[Any]:
        engine = MesEngine(profile, ranks, mes_candidates(profile)[0])
        out = []
        for t in (0, later):
            run = engine.run(b + step * t, step, parametric=True, at=t)
            out.append((run.selected, run.steps_same, dict(run.dropped)))
            out.append(
                certify_span(engine, b + step * (t + 1), step, 8, run.selected, engine.last_fast, t + 1)
            )
        return out

    assert _with(False, runs) == _with(True, runs)


@needs_kernel
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=elections(), k=st.integers(0, 20))
def test_both_kernels_make_the_same_classes(election: Election, k: int) -> None:
    """Node by node, every project's classes (by key, with their weights) are the same on both paths
    and those built straight from the ballot masks: the kernel's type classes, packed lists and
    ClassTable ids change how classes are found and named, not what they are."""
    profile = compile_profile(election, "cost")
    if profile.num_voters == 0:
        return
    ranks = TieBreak.parse("id").ranks(profile)
    b = Fraction(profile.budget) / profile.num_voters + k

    def classes() -> dict[tuple[int, int], dict[int, float]]:
        engine = MesEngine(profile, ranks, mes_candidates(profile)[0])
        for t in range(3):
            engine.run(b + t, 1, parametric=True, at=t)
        out = {}
        for node in engine.nodes.values():
            for p in set(node.ids) | set(node.packed):
                ids, weights = engine.ids(node, p)
                got = {engine.class_key[i]: w for i, w in zip(ids, weights, strict=True)}
                assert len(got) == len(ids)
                keys, fresh = engine.class_lists(node, p)
                assert got == dict(zip(keys, map(float, fresh), strict=True))
                out[(node.sel, p)] = got
        return out

    compiled, pure = _with(False, classes), _with(True, classes)
    assert {key: compiled[key] for key in pure.keys() & compiled.keys()} == {
        key: pure[key] for key in pure.keys() & compiled.keys()
    }


@needs_kernel
def test_an_election_wider_than_the_kernels_class_keys_counts_in_python() -> None:
    """The kernel's class table takes keys of up to KERNEL_BITS projects; a wider election is
    counted on the pure path (by the engine, its runs and its proofs alike), with the same outcome."""
    n = KERNEL_BITS + 5
    projects = [Project(f"p{i}", 1 + i % 7) for i in range(n)]
    voters = [
        Ballot(f"v{v}", (f"p{n - 1 - v % 9}", *(f"p{(v * 37 + j * 991) % n}" for j in range(v % 4))))
        for v in range(60)
    ]
    election = build_election(budget=40, vote_type="approval", projects=projects, ballots=voters)
    profile = compile_profile(election, "cost")
    ranks = TieBreak.parse("id").ranks(profile)
    assert MesEngine(profile, ranks, mes_candidates(profile)[0]).k is None
    assert max(int(p[1:]) for b in voters for p in b.projects) >= KERNEL_BITS  # a key that wide is used
    compiled = _with(False, lambda: tally(election, rule="mes", completion="add1").selected)
    assert compiled == _with(True, lambda: tally(election, rule="mes", completion="add1").selected)
    assert compiled


def test_the_environment_variable_forces_the_pure_path() -> None:
    code = "from wijkgeld.pb.rules import kernel; print(kernel.active is None, kernel.name())"
    env = dict(os.environ, WIJKGELD_PB_PURE="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.startswith("True pure Python")


def test_the_name_says_which_kernel_counts(pure: None) -> None:
    assert kernel.name().startswith("pure Python")
    kernel.use(pure=False)
    assert kernel.name() == ("compiled (C)" if kernel.compiled is not None else kernel.name())
    if kernel.compiled is None:
        assert "not built" in kernel.name()


def test_the_command_says_which_kernel_counts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["tally", "--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"wijkgeld tally; counting kernel: {kernel.name()}"
