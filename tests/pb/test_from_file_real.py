"""Every shared Pabulib file with a ``selected`` column, counted with its own rule (``--rule from-file``).

For each such file this states the result: the published outcome is reproduced, or a documented
reason says why it cannot follow from the data. A file with a ``selected`` column that is missing
from EXPECTED fails the test, so nothing is skipped silently. Files without ``selected`` are counted
too (or refused with a clear error when their rule is ``unknown``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from wijkgeld.pb import Election, RuleError, read_pb
from wijkgeld.pb.fromfile import agreement, tally_from_file


@dataclass(frozen=True)
class Reproduced:
    #: projects the file marks 2 (Pabulib: "ambiguous"), left out of the comparison
    ambiguous: tuple[str, ...] = ()
    #: projects the count treats as withdrawn (cost 999,999,999, as the file's comment says)
    withdrawn: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotReproducible:
    reason: str
    #: words of the file's own comment that document the reason
    comment_says: str
    #: the rule counted instead to show that the published outcome does not follow
    closest_rule: str


REPRODUCED = Reproduced()
EXPECTED: dict[str, Reproduced | NotReproducible] = {
    "Hungary_Budapest_2022_VIII_Jozsefvaros": NotReproducible(
        "rule unknown; the file holds the online votes only, about half the votes were cast on paper",
        "online votes only",
        "greedy",
    ),
    "Hungary_Budapest_2024": NotReproducible(
        "rule unknown; online votes only (about 10% of the votes were cast on paper), and at most 3 "
        "approvals per category",
        "online votes only",
        "greedy",
    ),
    "Poland_Czestochowa_2025_Tysiaclecie": REPRODUCED,
    # project 5 is named "PROJECT WAS REMOVED BY THE CITY FOR VIOLATING THE RULES"
    "Poland_Gdynia_2020_Grabowek__large": Reproduced(withdrawn=("5",)),
    "Poland_Gdynia_2021_Orlowo__small": REPRODUCED,
    "Poland_Gdynia_2025_Witomino__small": REPRODUCED,
    "Poland_Katowice_2020_Kostuchna": REPRODUCED,
    "Poland_Katowice_2023": REPRODUCED,
    # L18/16/XI (31 points, under the threshold of 50) is marked 2: funded outside the rule, not
    # explained in the comment.
    "Poland_Katowice_2024_Murcki": Reproduced(ambiguous=("L18/16/XI",), withdrawn=("L18/06/XI",)),
    "Poland_Krakow_2019": REPRODUCED,
    "Poland_Krakow_2021_Wzgorza_Krzeslawickie": REPRODUCED,
    "Poland_Krakow_2022_Grzegorzki": REPRODUCED,
    "Poland_Krakow_2023_Nowa_Huta": Reproduced(withdrawn=("BO.D18.9/23",)),
    "Poland_Krakow_2025_Pradnik_Bialy": REPRODUCED,
    "Poland_Lodz_2020": NotReproducible(
        "greedy-custom: the budget was raised after the vote and further projects were chosen by hand",
        "not strictly following the typical greedy rule",
        "greedy-threshold",
    ),
    "Poland_Lodz_2022": REPRODUCED,
    "Poland_Lodz_2024_Stoki-Sikawa-Podgorze": Reproduced(withdrawn=("W193ST",)),
    "Poland_Swiecie_2023": REPRODUCED,
    "Poland_Warszawa_2017_Plac_Wojska_Polskiego": REPRODUCED,
    "Poland_Warszawa_2018_Pole_Mokotowskie": REPRODUCED,
    "Poland_Warszawa_2019_Zielony_Ursynow": REPRODUCED,
    "Poland_Warszawa_2023_Mokotow": REPRODUCED,
    "Poland_Warszawa_2024_Bialoleka": REPRODUCED,
    "Poland_Wroclaw_2015_150_-_500": REPRODUCED,
    "Poland_Wroclaw_2016_Rejon_nr_6_250": REPRODUCED,
    "Poland_Wroclaw_2017": REPRODUCED,
    "Poland_Wroclaw_2017_Rejon_nr_11_750": Reproduced(withdrawn=("150",)),
    "Poland_Wroclaw_2018_Rejon_nr_3_750": REPRODUCED,
}


def test_the_table_names_28_files() -> None:
    assert len(EXPECTED) == 28
    assert sum(isinstance(v, Reproduced) for v in EXPECTED.values()) == 25


def test_every_shared_file_is_counted_or_refused_clearly(pb_path: Path) -> None:
    election = read_pb(pb_path)
    expected = EXPECTED.get(pb_path.stem)
    has_selected = "selected" in election.project_columns
    assert has_selected == (expected is not None), f"{pb_path.stem}: add it to EXPECTED with its result"
    if isinstance(expected, NotReproducible):
        _check_not_reproducible(election, expected)
        return
    try:
        result = tally_from_file(election)
    except RuleError as exc:
        assert election.meta.get("rule") == "unknown" and not has_selected
        assert "does not say which rule was used" in str(exc)
        return
    assert result.total_cost <= result.budget
    agrees = agreement(result)
    if expected is None:
        assert agrees is None
        return
    assert agrees is not None
    assert agrees.differ == (), f"{pb_path.stem}: count differs from the file on {agrees.differ}"
    assert agrees.ambiguous == expected.ambiguous
    reasons = result.explanation.projects
    withdrawn = tuple(pid for pid, p in reasons.items() if p.reason == "withdrawn")
    assert withdrawn == expected.withdrawn
    for pid in withdrawn:  # documented in the file: its comment, or the project's own name
        documented = pid in election.meta.get("comment", "") or "REMOVED" in election.projects[pid].name
        assert documented, f"{pb_path.stem}: withdrawal of {pid} is not documented in the file"


def _check_not_reproducible(election: Election, expected: NotReproducible) -> None:
    assert expected.comment_says in election.meta.get("comment", "")
    with pytest.raises(RuleError, match="the file's rule is"):
        tally_from_file(election)
    closest = Election(
        meta={**election.meta, "rule": expected.closest_rule},
        projects=election.projects,
        ballots=election.ballots,
        project_columns=election.project_columns,
        vote_columns=election.vote_columns,
    )
    agrees = agreement(tally_from_file(closest))
    assert agrees is not None and not agrees.reproduced
