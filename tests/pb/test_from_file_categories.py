"""Equal shares per category (``budget_per_category`` with an ``equalshares*`` rule), as Amsterdam splits.

Every voter votes on all projects; each category is counted as an election of its own: its projects
and the voters who chose one of them, each ballot cut down to that category's projects.
"""

from __future__ import annotations

import pytest

from wijkgeld.pb import parse_pb
from wijkgeld.pb.errors import RuleError
from wijkgeld.pb.fromfile import group_elections, tally_by_group, tally_from_file

FILE = """META
key;value
budget;10000
vote_type;approval
rule;{rule}
categories;Groen,Spelen
budget_per_category;6000,4000
{leftover}PROJECTS
project_id;cost;name;category
1;4000;A;Groen
2;3000;B;Groen
3;3000;C;Spelen
4;2000;D;Spelen
VOTES
voter_id;vote
1;1,3
2;2,4
3;1
4;4
"""


def election(*, leftover: bool, rule: str = "equalshares/add1"):
    return parse_pb(FILE.format(rule=rule, leftover="leftover_budget;true\n" if leftover else ""))


def test_each_category_is_an_election_of_its_own_with_ballots_cut_to_it():
    parts = {
        name: (budget, sub) for name, budget, sub in group_elections(election(leftover=False), "category")
    }
    groen = parts["Groen"][1]
    assert parts["Groen"][0] == 6000 and sorted(groen.projects) == ["1", "2"]
    # Voter 1 chose a Groen and a Spelen project: in Groen only their Groen choice counts.
    assert {b.voter_id: b.projects for b in groen.ballots} == {"1": ("1",), "2": ("2",), "3": ("1",)}
    assert {b.voter_id for b in parts["Spelen"][1].ballots} == {"1", "2", "4"}


def test_category_budgets_are_honoured_and_money_left_stays_without_leftover_budget():
    split = tally_by_group(election(leftover=False))
    assert split.kind == "category"
    parts = {p.name: p for p in split.parts}
    # Groen (€6000, 3 voters of €2000): A's two voters can pay it; B's one voter cannot, not even with Add1.
    assert parts["Groen"].result.selected == ["1"] and parts["Groen"].result.voters == 3
    # Spelen (€4000): D's two voters pay it; C does not fit next to it.
    assert parts["Spelen"].result.selected == ["4"]
    for part in split.parts:
        assert part.result.total_cost <= part.budget
    assert split.leftover_selected == ()
    result = tally_from_file(election(leftover=False))
    assert sorted(result.selected) == ["1", "4"] and result.total_cost == 6000


def test_money_left_in_the_categories_is_pooled_by_votes():
    split = tally_by_group(election(leftover=True))
    # €2000 + €2000 left; B and C tie on one vote, the tie-break (id) takes B (€3000); C no longer fits.
    assert split.leftover_selected == ("2",)
    assert sorted(tally_from_file(election(leftover=True)).selected) == ["1", "2", "4"]
    b = split.result.explanation.projects["2"]
    assert b.funded and b.reason == "leftover-funded"
    assert b.group_left == (("category:Groen", 2000),)
    a = split.result.explanation.projects["1"]
    assert a.funded and a.reason != "leftover-funded"


@pytest.mark.parametrize("leftover", [False, True])
def test_greedy_group_by_group_is_the_one_walk_with_group_budgets(leftover):
    e = election(leftover=leftover, rule="greedy")
    assert sorted(tally_by_group(e).result.selected) == sorted(tally_from_file(e).selected)


def test_a_project_in_two_budgeted_categories_is_an_error_with_equal_shares():
    text = FILE.format(rule="equalshares", leftover="").replace("1;4000;A;Groen", '1;4000;A;"Groen,Spelen"')
    with pytest.raises(RuleError, match="one budget"):
        tally_from_file(parse_pb(text))


def test_a_file_split_both_ways_is_refused():
    text = FILE.format(rule="equalshares", leftover="neighborhoods;N\nbudget_per_neighborhood;10000\n")
    with pytest.raises(RuleError, match="both"):
        tally_from_file(parse_pb(text))


def test_budgets_and_names_must_match():
    text = FILE.format(rule="equalshares", leftover="").replace("6000,4000", "6000")
    with pytest.raises(RuleError, match="1 amounts but categories names 2"):
        tally_from_file(parse_pb(text))
