"""The closed-form scan for elections where no ballot lists two projects (``_disjoint_scan``).

It must stop where the general scan (``_scan``, MES runs at each outcome) stops, with the same outcome
and the same step kept, for Add1 and for budget increase; and give pabutools' winners.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkgeld.pb import Ballot, Election, Project, build_election, read_pb, tally, write_pb
from wijkgeld.pb import completion as completion_module
from wijkgeld.pb.completion import MesOutcome, count_mes
from wijkgeld.pb.profile import Profile, compile_profile
from wijkgeld.pb.rules.mes import MesEngine
from wijkgeld.pb.tiebreak import TieBreak

IDS = ["1", "2", "9", "10", "11", "a"]
SINGLE_CHOICE = [
    "Netherlands_Amsterdam_643.pb",
    "Poland_Wroclaw_2015_150_-_500.pb",
    "Poland_Wroclaw_2016_Rejon_nr_6_250.pb",
    "Poland_Wroclaw_2017_Rejon_nr_11_750.pb",
    "Poland_Wroclaw_2018_Rejon_nr_3_750.pb",
    "Poland_Zabrze_2020_Osiedle_Mlodego_Gornika.pb",
]


@st.composite
def single_choice_elections(draw: st.DrawFn, min_budget: int = 0) -> Election:
    """Ballots with one project or none; votes often tie, and costs often sit right at a threshold.
    (pabutools' budget increase does not end with a budget of 0: its steps are 0.)"""
    pids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    cents = draw(st.booleans())
    money = st.integers(0, 4000).map(lambda c: Fraction(c, 100)) if cents else st.integers(0, 40)
    projects = [Project(pid, draw(money)) for pid in pids]
    ballots = [
        Ballot(f"v{i}", draw(st.sampled_from([(), *((pid,) for pid in pids)])))
        for i in range(draw(st.integers(0, 14)))
    ]
    budget = draw(money.filter(lambda b: b >= min_budget))
    return build_election(budget=budget, vote_type="choose-1", projects=projects, ballots=ballots)


def _general_scan(profile: Profile, ranks: list[int], cand: list[int], *args: Any) -> Any:
    """``_disjoint_scan``'s signature, answered by the general scan."""
    return completion_module._scan(profile, MesEngine(profile, ranks, cand), [], *args)


def both_ways(profile: Profile, completion: str) -> tuple[MesOutcome, MesOutcome]:
    ranks = TieBreak.parse("id").ranks(profile)
    closed = count_mes(profile, ranks, completion)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(completion_module, "_disjoint_scan", _general_scan)
        general = count_mes(profile, ranks, completion)
    return closed, general


def _same(closed: MesOutcome, general: MesOutcome) -> None:
    assert closed.selected == general.selected
    assert closed.increments == general.increments
    assert closed.voter_budget == general.voter_budget


@settings(max_examples=300, deadline=None)
@given(election=single_choice_elections(), completion=st.sampled_from(["add1", "budget-increase"]))
def test_the_closed_form_stops_where_mes_runs_stop(election: Election, completion: str) -> None:
    _same(*both_ways(compile_profile(election), completion))


@settings(max_examples=100, deadline=None)
@given(
    election=single_choice_elections(min_budget=1),
    name=st.sampled_from(["mes+add1", "mes+budget-increase"]),
)
def test_the_closed_form_gives_the_reference_winners(
    election: Election, name: str, reference: Callable[..., list[str]]
) -> None:
    from pabutools.election.pabulib import parse_pabulib_from_string

    completion = name.split("+")[1]
    winners = sorted(tally(election, rule="mes", completion=completion).selected)
    instance, profile = parse_pabulib_from_string(write_pb(election))
    assert winners == reference(instance, profile, name)


def test_a_ballot_with_two_projects_takes_the_general_scan() -> None:
    election = build_election(
        budget=10,
        vote_type="approval",
        projects=[Project("a", 4), Project("b", 6)],
        ballots=[Ballot("v1", ("a",)), Ballot("v2", ("a", "b"))],
    )
    profile = compile_profile(election)
    ranks = TieBreak.parse("id").ranks(profile)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(completion_module, "_disjoint_scan", None)  # would raise if called
        assert count_mes(profile, ranks, "add1").selected == [0, 1]


@pytest.mark.parametrize("name", SINGLE_CHOICE)
def test_the_closed_form_on_real_single_choice_elections(
    name: str, real_profile: Callable[[str], Profile]
) -> None:
    profile = real_profile(name)
    assert all(len(ps) == 1 for ps in profile.type_projects)
    _same(*both_ways(profile, "add1"))


@pytest.mark.parametrize("name", ["Poland_Warszawa_2019_Zielony_Ursynow.pb", "Netherlands_Amsterdam_588.pb"])
def test_forgetting_cached_nodes_changes_no_count(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan trims the engine's node cache (MesEngine.trim_nodes); a node is only a cache, so a
    count that forgets all but the last run's path after every run finds the same outcome."""
    from .conftest import DATA

    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    election = read_pb(path)
    kept = tally(election, rule="mes", completion="add1")
    monkeypatch.setattr(completion_module, "NODE_CACHE", 0)
    trimmed = tally(election, rule="mes", completion="add1")
    # (Not the number of runs: proofs are paced by the time they take.)
    assert trimmed.selected == kept.selected
