"""Equal shares per neighbourhood (``budget_per_neighborhood`` with an ``equalshares*`` rule)."""

from __future__ import annotations

import pytest

from wijkgeld.pb import parse_pb, project_text
from wijkgeld.pb.errors import RuleError
from wijkgeld.pb.fromfile import tally_by_neighborhood, tally_from_file

FILE = """META
key;value
budget;10000
vote_type;approval
rule;equalshares/add1
neighborhoods;Noord,Zuid
budget_per_neighborhood;6000,4000
{leftover}PROJECTS
project_id;cost;name;neighborhood
1;4000;A;Noord
2;3000;B;Noord
3;3000;C;Zuid
4;2000;D;Zuid
VOTES
voter_id;vote;neighborhood
1;1;Noord
2;2;Noord
3;3,4;Zuid
4;4;Zuid
"""


def election(leftover: bool):
    return parse_pb(FILE.format(leftover="leftover_budget;true\n" if leftover else ""))


def test_each_neighbourhood_is_its_own_election_and_leftover_is_pooled():
    split = tally_by_neighborhood(election(leftover=True))
    parts = {p.name: p for p in split.parts}
    # Noord: two voters of €3000 each; B (cheaper) first, then A no longer fits the €3000 left.
    assert parts["Noord"].result.selected == ["2"] and parts["Noord"].result.voters == 2
    # Zuid: D (2 votes) first; C no longer fits.
    assert parts["Zuid"].result.selected == ["4"]
    # Pooled: €3000 + €2000 left; by votes A and C tie (1 vote), the tie-break (id) takes A (€4000).
    assert split.leftover_selected == ("1",)
    assert sorted(split.result.selected) == ["1", "2", "4"]
    assert sorted(tally_from_file(election(leftover=True)).selected) == ["1", "2", "4"]
    a = split.result.explanation.projects["1"]
    assert a.funded and a.reason == "leftover-funded"
    assert "left over" in project_text(split.result.explanation, a, "en")


def test_without_leftover_budget_money_left_stays_unspent():
    result = tally_from_file(election(leftover=False))
    assert sorted(result.selected) == ["2", "4"]
    assert result.total_cost == 5000


def test_a_voter_choosing_in_another_neighbourhood_is_an_error():
    text = FILE.format(leftover="").replace("1;1;Noord", "1;1,3;Noord")
    with pytest.raises(RuleError, match="another one"):
        tally_from_file(parse_pb(text))
