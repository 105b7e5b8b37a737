"""Shared fixtures for the counting-engine tests (pure Python, no Django)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wijkgeld.pb import read_pb
from wijkgeld.pb.profile import Profile, compile_profile

REPO_ROOT = Path(__file__).resolve().parents[2]


def _find_data() -> Path:
    """``$WIJKGELD_PABULIB_DATA``, else the first ``shared/pabulib/data`` next to the repository or one
    of its parents (a worktree under /work/wt/NAME finds /work/shared as /work/main does)."""
    env = os.environ.get("WIJKGELD_PABULIB_DATA")
    if env:
        return Path(env)
    for base in REPO_ROOT.parents:
        candidate = base / "shared" / "pabulib" / "data"
        if candidate.is_dir():
            return candidate
    return REPO_ROOT.parent / "shared" / "pabulib" / "data"


DATA = _find_data()
DATA_MISSING = f"real Pabulib elections not found at {DATA} (they live next to the repository, read-only)"


def data_files() -> list[Any]:
    """All shared .pb files as pytest params, or one skipped param when the folder is absent."""
    if not DATA.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=DATA_MISSING), id="no-data")]
    return [pytest.param(p, id=p.stem) for p in sorted(DATA.glob("*.pb"))]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``pb_path`` runs once per shared election file."""
    if "pb_path" in metafunc.fixturenames:
        metafunc.parametrize("pb_path", data_files())


@pytest.fixture(scope="session")
def real_profile() -> Callable[[str], Profile]:
    """A shared election by file name, read and compiled (cost utilities); the test is skipped when
    the file is absent."""

    def load(name: str) -> Profile:
        path = DATA / name
        if not path.is_file():
            pytest.skip(f"{path} not found ({DATA_MISSING})")
        return compile_profile(read_pb(path))

    return load


class ReferenceTimeout(Exception):
    pass


@pytest.fixture
def within() -> Iterator[Callable[[float, Callable[[], Any]], Any]]:
    """Run a reference computation with a time limit; skip the test when it does not finish."""

    def handler(signum: int, frame: Any) -> None:
        raise ReferenceTimeout

    old = signal.signal(signal.SIGALRM, handler)

    def run(seconds: float, fn: Callable[[], Any]) -> Any:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn()
        except ReferenceTimeout:
            pytest.skip(f"pabutools did not finish within {seconds} s here; bench/tally.py compares this one")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    yield run
    signal.signal(signal.SIGALRM, old)


def reference_outcome(instance: Any, profile: Any, rule: str, tie: Any = None) -> list[str]:
    """Winners by pabutools 1.2.3 (sorted ids) for one of our rule names.

    Rule names: greedy, greedy-ratio, phragmen, mes, mes-points, mes+add1, mes+budget-increase.
    """
    from pabutools.election import Additive_Cardinal_Sat, Cardinality_Sat, Cost_Sat
    from pabutools.rules import (
        completion_by_rule_combination,
        exhaustion_by_budget_increase,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
        sequential_phragmen,
    )

    kw: dict[str, Any] = {} if tie is None else {"tie_breaking": tie}
    if rule == "greedy":
        out = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, **kw)
    elif rule == "greedy-ratio":
        out = greedy_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat, **kw)
    elif rule == "phragmen":
        out = sequential_phragmen(instance, profile, **kw)
    elif rule == "mes":
        out = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, **kw)
    elif rule == "mes-points":
        out = method_of_equal_shares(instance, profile, sat_class=Additive_Cardinal_Sat, **kw)
    elif rule == "mes+add1":
        out = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat, "voter_budget_increment": 1, **kw}, {"sat_class": Cost_Sat, **kw}],
        )
    elif rule == "mes+budget-increase":
        out = completion_by_rule_combination(
            instance,
            profile,
            [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
            [
                {"rule": method_of_equal_shares, "rule_params": {"sat_class": Cost_Sat, **kw}},
                {"sat_class": Cost_Sat, **kw},
            ],
        )
    else:
        raise ValueError(rule)
    return sorted(p.name for p in out)


#: (rule, completion, utility) for each of our rule names above
OUR_RULE = {
    "greedy": ("greedy", None, "cost"),
    "greedy-ratio": ("greedy-ratio", None, "cost"),
    "phragmen": ("phragmen", None, "cost"),
    "mes": ("mes", "none", "cost"),
    "mes-points": ("mes", "none", "points"),
    "mes+add1": ("mes", "add1", "cost"),
    "mes+budget-increase": ("mes", "budget-increase", "cost"),
}


@pytest.fixture(scope="session")
def reference() -> Callable[..., list[str]]:
    return reference_outcome


@pytest.fixture(scope="session")
def our_rule() -> dict[str, tuple[str, str | None, str]]:
    return OUR_RULE
