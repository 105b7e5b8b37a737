"""Merging identical ballots into weighted ballot types (``wijkgeld.pb.profile``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wijkgeld.pb import Ballot, Project, build_election
from wijkgeld.pb.profile import compile_profile

IDS = ["a", "b", "c", "L010"]
PROJECTS = [Project("a", 10), Project("b", 20), Project("c", 30), Project("L010", 40)]


def _election(votes: list[tuple[str, ...]], vote_type: str = "approval", points: list | None = None):
    ballots = [Ballot(f"v{i}", vote, None if points is None else points[i]) for i, vote in enumerate(votes)]
    return build_election(budget=100, vote_type=vote_type, projects=PROJECTS, ballots=ballots)


def test_cost_types_merge_sets_listed_in_any_order():
    profile = compile_profile(_election([("a", "b"), ("b", "a"), ("c",), ("a", "b", "c"), ()]))
    assert profile.items == [((0, 1), (1, 1)), ((2, 1),), ((0, 1), (1, 1), (2, 1))]
    assert profile.weights == [2, 1, 1]
    assert profile.type_projects == [(0, 1), (2,), (0, 1, 2)]
    assert profile.type_masks == [0b011, 0b100, 0b111]
    assert profile.supporters == [[0, 2], [0, 2], [1, 2], []]
    assert profile.votes == profile.total_utility == [3, 3, 2, 0]
    assert profile.num_voters == 5


def test_type_of_finds_each_ballot_and_empty_ballots_have_none():
    election = _election([("b", "a"), ("a", "b"), ()])
    profile = compile_profile(election)
    assert [profile.type_of(b) for b in election.ballots] == [0, 0, -1]


def test_points_types_keep_utilities_and_count_zero_points_as_votes():
    election = _election([("a", "b"), ("b", "a"), ("a", "b")], "cumulative", [(3, 0), (0, 3), (2, 1)])
    profile = compile_profile(election, "points")
    assert profile.items == [((0, 3),), ((0, 2), (1, 1))]
    assert profile.weights == [2, 1]
    assert profile.votes == [3, 3, 0, 0]  # every listed project counts as a vote, 0 points too
    assert profile.total_utility == [8, 1, 0, 0]
    assert [profile.type_of(b) for b in election.ballots] == [0, 0, 1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(IDS), max_size=5), max_size=30))
def test_cost_types_are_the_distinct_sets_weighted_by_ballots(votes):
    """Every ballot lands in the type of its set of projects, whatever the order of listing."""
    votes = [tuple(dict.fromkeys(v)) for v in votes]
    election = _election(votes)
    profile = compile_profile(election)
    expected: dict[frozenset[int], int] = {}
    for v in votes:
        if v:
            key = frozenset(IDS.index(pid) for pid in v)
            expected[key] = expected.get(key, 0) + 1
    got = {frozenset(p for p, _u in key): w for key, w in zip(profile.items, profile.weights, strict=True)}
    assert got == expected
    for ballot in election.ballots:
        t = profile.type_of(ballot)
        assert (t == -1) == (not ballot.projects)
        if t >= 0:
            assert set(profile.type_projects[t]) == {IDS.index(p) for p in ballot.projects}
            assert profile.type_masks[t] == sum(1 << p for p in profile.type_projects[t])


def test_a_project_listed_twice_counts_once():
    # The parser keeps such a vote as written (Częstochowa 2020 has one); build_election refuses it.
    election = _election([("a", "b")])
    election.ballots.append(Ballot("twice", ("b", "a", "b")))
    profile = compile_profile(election)
    assert profile.items == [((0, 1), (1, 1))]
    assert profile.weights == [2]
    assert profile.votes == [2, 2, 0, 0]
    assert profile.type_of(election.ballots[1]) == 0
