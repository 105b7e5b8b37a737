"""The engine gives the same winners as before issue 19's speed work, on every shared file.

``engine_winners.json`` holds the winners the engine of commit 282ef03 found for MES (plain, Add1,
budget-increase, points where the file has them) and Phragmén on all 44 shared files; that engine
gave pabutools' winners wherever pabutools finishes (bench/tally.py). Counts that take more than
about a second stay out of the normal run (``slow``); bench/tally.py compares those too.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from wijkgeld.pb import Election, read_pb, tally

from .conftest import DATA

EXPECTED = json.loads((Path(__file__).with_name("engine_winners.json")).read_text())["winners"]
RULES = {
    "mes": ("mes", "none", "cost"),
    "mes+add1": ("mes", "add1", "cost"),
    "mes+budget-increase": ("mes", "budget-increase", "cost"),
    "mes-points": ("mes", "none", "points"),
    "phragmen": ("phragmen", None, "cost"),
}
# More than about a second each on the 2-core machine with the current engine.
SLOW = {
    "France_Toulouse_2022.pb|mes+add1",
    "Hungary_Budapest_2024.pb|mes+add1",
    "Hungary_Budapest_2024.pb|mes+budget-increase",
    "Netherlands_Amsterdam_252.pb|mes+add1",
    "Netherlands_Amsterdam_252.pb|mes+budget-increase",
    "Poland_Warszawa_2023_Mokotow.pb|mes+add1",
    "Poland_Warszawa_2023_Mokotow.pb|mes+budget-increase",
    "Poland_Warszawa_2024_Bialoleka.pb|mes+add1",
    "Poland_Warszawa_2024_Bialoleka.pb|mes+budget-increase",
}


def cases() -> list[Any]:
    return [
        pytest.param(key, id=key.replace("|", "-"), marks=[pytest.mark.slow] if key in SLOW else [])
        for key in sorted(EXPECTED)
    ]


@cache
def election(name: str) -> Election:
    return read_pb(DATA / name)


@pytest.mark.skipif(not DATA.is_dir(), reason=f"real Pabulib elections not found at {DATA}")
@pytest.mark.parametrize("key", cases())
def test_same_winners_as_the_engine_before(key: str) -> None:
    name, rule = key.split("|")
    r, completion, utility = RULES[rule]
    result = tally(election(name), rule=r, completion=completion, utility=utility)
    assert sorted(result.selected) == EXPECTED[key]
