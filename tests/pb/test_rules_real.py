"""Every rule against pabutools 1.2.3 on the real shared elections.

Each rule runs on the files where the reference finished in under ~3 s on the 2-core dev machine
(measured 2026-11-28); files where it took 3-15 s are marked slow. Everything else, including the
files the reference does not finish in minutes, is compared by bench/tally.py. The expected winners
are never written down here: they come from running pabutools in the test.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from wijkgeld.pb import read_pb, tally

from .conftest import DATA  # found from a worktree too

SMALL = [
    "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals",
    "France_Toulouse_2022_10_-_Jolimont_Soupetard_Roseraie_Gloire_Gramont_Amouroux",
    "Hungary_Budapest_2022_VIII_Jozsefvaros",
    "Netherlands_Amsterdam_166",
    "Netherlands_Amsterdam_304",
    "Netherlands_Amsterdam_588",
    "Netherlands_Amsterdam_643",
    "Poland_Czestochowa_2025_Tysiaclecie",
    "Poland_Gdansk_2020_Przerobka",
    "Poland_Gdynia_2020_Grabowek__large",
    "Poland_Gdynia_2021_Orlowo__small",
    "Poland_Gdynia_2025_Witomino__small",
    "Poland_Katowice_2020_Kostuchna",
    "Poland_Katowice_2024_Murcki",
    "Poland_Krakow_2021_Wzgorza_Krzeslawickie",
    "Poland_Krakow_2022_Grzegorzki",
    "Poland_Lodz_2024_Stoki-Sikawa-Podgorze",
    "Poland_Swiecie_2023",
    "Poland_Warszawa_2017_Plac_Wojska_Polskiego",
    "Poland_Warszawa_2018_Pole_Mokotowskie",
    "Poland_Warszawa_2019_Zielony_Ursynow",
    "Poland_Wroclaw_2016_Rejon_nr_6_250",
    "Poland_Wroclaw_2017_Rejon_nr_11_750",
    "Poland_Wroclaw_2018_Rejon_nr_3_750",
    "Poland_Zabrze_2020_Osiedle_Mlodego_Gornika",
    "Worldwide_Mechanical_Turk_Knapsack_7",
    "Worldwide_Mechanical_Turk_Ranking_value_money_3",
    "Worldwide_Mechanical_Turk_Utilities_3",
]
APPROVAL_SMALL = [
    f
    for f in SMALL
    if "Czestochowa" not in f
    and "Katowice" not in f
    and "Gdansk" not in f
    and "Krakow" not in f
    and "Mechanical_Turk_Ranking" not in f
    and "Utilities" not in f
]
FAST = {
    "greedy": SMALL,
    "greedy-ratio": [*SMALL, "France_Toulouse_2022"],
    "mes": [*SMALL, "France_Toulouse_2022"],
    "phragmen": [f for f in APPROVAL_SMALL if "Katowice" not in f],
    "mes-points": [
        "Poland_Czestochowa_2025_Tysiaclecie",
        "Poland_Gdansk_2020_Przerobka",
        "Poland_Katowice_2020_Kostuchna",
        "Poland_Katowice_2024_Murcki",
        "Worldwide_Mechanical_Turk_Utilities_3",
    ],
    "mes+add1": [
        "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals",
        "France_Toulouse_2022_10_-_Jolimont_Soupetard_Roseraie_Gloire_Gramont_Amouroux",
        "Netherlands_Amsterdam_588",
        "Netherlands_Amsterdam_643",
        "Poland_Czestochowa_2025_Tysiaclecie",
        "Poland_Gdansk_2020_Przerobka",
        "Poland_Gdynia_2020_Grabowek__large",
        "Poland_Gdynia_2021_Orlowo__small",
        "Poland_Gdynia_2025_Witomino__small",
        "Poland_Katowice_2020_Kostuchna",
        "Poland_Katowice_2024_Murcki",
        "Poland_Krakow_2022_Grzegorzki",
        "Poland_Krakow_2023_Nowa_Huta",
        "Poland_Swiecie_2023",
        "Poland_Warszawa_2017_Plac_Wojska_Polskiego",
        "Poland_Warszawa_2018_Pole_Mokotowskie",
        "Poland_Wroclaw_2016_Rejon_nr_6_250",
        "Poland_Wroclaw_2017_Rejon_nr_11_750",
        "Poland_Wroclaw_2018_Rejon_nr_3_750",
        "Poland_Zabrze_2020_Osiedle_Mlodego_Gornika",
        "Worldwide_Mechanical_Turk_Ranking_value_money_3",
        "Worldwide_Mechanical_Turk_Utilities_3",
    ],
    "mes+budget-increase": [
        "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals",
        "France_Toulouse_2022_10_-_Jolimont_Soupetard_Roseraie_Gloire_Gramont_Amouroux",
        "Netherlands_Amsterdam_588",
        "Netherlands_Amsterdam_643",
        "Poland_Gdansk_2020_Przerobka",
        "Poland_Gdynia_2020_Grabowek__large",
        "Poland_Gdynia_2021_Orlowo__small",
        "Poland_Gdynia_2025_Witomino__small",
        "Poland_Krakow_2022_Grzegorzki",
        "Poland_Warszawa_2017_Plac_Wojska_Polskiego",
        "Poland_Warszawa_2018_Pole_Mokotowskie",
        "Poland_Wroclaw_2016_Rejon_nr_6_250",
        "Poland_Wroclaw_2017_Rejon_nr_11_750",
        "Poland_Wroclaw_2018_Rejon_nr_3_750",
        "Poland_Zabrze_2020_Osiedle_Mlodego_Gornika",
        "Worldwide_Mechanical_Turk_Knapsack_7",
        "Worldwide_Mechanical_Turk_Ranking_value_money_3",
        "Worldwide_Mechanical_Turk_Utilities_3",
    ],
}
SLOW = {
    "mes+add1": [
        "Poland_Krakow_2021_Wzgorza_Krzeslawickie",
        "Poland_Lodz_2024_Stoki-Sikawa-Podgorze",
        "Netherlands_Amsterdam_212",
        "Netherlands_Amsterdam_285",
        "Netherlands_Amsterdam_304",
        "Netherlands_Amsterdam_166",
    ],
    "mes+budget-increase": ["Poland_Swiecie_2023", "Poland_Lodz_2024_Stoki-Sikawa-Podgorze"],
}


def cases() -> list[Any]:
    out = []
    for rule, files in FAST.items():
        out += [pytest.param(rule, f, id=f"{rule}-{f}") for f in files]
    for rule, files in SLOW.items():
        out += [pytest.param(rule, f, id=f"{rule}-{f}", marks=pytest.mark.slow) for f in files]
    return out


@cache
def reference_election(name: str) -> tuple[Any, Any]:
    from pabutools.election import parse_pabulib

    instance, profile = parse_pabulib(str(DATA / f"{name}.pb"))
    return instance, profile.as_multiprofile()


@pytest.mark.skipif(not DATA.is_dir(), reason=f"real Pabulib elections not found at {DATA}")
@pytest.mark.parametrize(("name", "file"), cases())
def test_same_winners_as_pabutools(
    name: str,
    file: str,
    reference: Callable[..., list[str]],
    our_rule: dict[str, Any],
    within: Callable[[float, Callable[[], Any]], Any],
) -> None:
    instance, profile = reference_election(file)
    expected = within(60, lambda: reference(instance, profile, name))
    rule, completion, utility = our_rule[name]
    result = tally(read_pb(DATA / f"{file}.pb"), rule=rule, completion=completion, utility=utility)
    assert sorted(result.selected) == expected
    assert result.total_cost <= result.budget
