"""Shared fixtures for the counting-engine tests (pure Python, no Django)."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = REPO_ROOT.parent / "shared" / "pabulib" / "data"
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
