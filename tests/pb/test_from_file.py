"""City rule variants on small elections: each option changes the outcome the way the city's rule says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkgeld.pb import RuleError, parse_pb, tally
from wijkgeld.pb.cli import main
from wijkgeld.pb.fromfile import agreement, tally_from_file
from wijkgeld.pb.texts import explain_text


def election(
    meta: str,
    projects: str,
    votes: str,
    *,
    budget: int = 100,
    vote_type: str = "approval",
    project_header: str = "project_id;cost;name",
    vote_header: str = "voter_id;vote",
) -> str:
    return (
        f"META\nkey;value\nbudget;{budget}\nvote_type;{vote_type}\ncurrency;EUR\n{meta}"
        f"PROJECTS\n{project_header}\n{projects}VOTES\n{vote_header}\n{votes}"
    )


def count(text: str) -> list[str]:
    return sorted(tally_from_file(parse_pb(text)).selected)


# A 60, B 50, C 30, D 10 with 5, 4, 3, 1 votes.
PROJECTS = "A;60;Speeltuin\nB;50;Bankjes\nC;30;Bomen\nD;10;Bloemen\n"
VOTES = "1;A,B\n2;A,B\n3;A,B,C\n4;A,B,C\n5;A,C,D\n"


def test_greedy_skips_and_threshold_excludes() -> None:
    assert count(election("rule;greedy\n", PROJECTS, VOTES)) == ["A", "C", "D"]
    text = election("rule;greedy-threshold\nmin_project_score_threshold;2\n", PROJECTS, VOTES)
    result = tally_from_file(parse_pb(text))
    assert sorted(result.selected) == ["A", "C"]  # D fits but has 1 vote < 2
    assert result.explanation.projects["D"].reason == "below-threshold"
    assert "1 stem is minder dan het minimum van 2" in explain_text(result)
    assert "at least 2 votes" in explain_text(result, language="en")


def test_threshold_is_inclusive() -> None:
    text = election("rule;greedy-threshold\nmin_project_score_threshold;1\n", PROJECTS, VOTES)
    assert count(text) == ["A", "C", "D"]


def test_greedy_threshold_needs_its_threshold() -> None:
    with pytest.raises(RuleError, match="needs min_project_score_threshold"):
        count(election("rule;greedy-threshold\n", PROJECTS, VOTES))


def test_no_skip_stops_at_the_first_project_that_does_not_fit() -> None:
    result = tally_from_file(parse_pb(election("rule;greedy-no-skip\n", PROJECTS, VOTES)))
    assert result.selected == ["A"]  # B (50) does not fit in 40: stop; C and D are never reached
    reasons = {pid: p.reason for pid, p in result.explanation.projects.items()}
    assert reasons == {"A": "greedy-funded", "B": "no-skip-stop", "C": "not-reached", "D": "not-reached"}
    assert "Hier stopte de telling" in explain_text(result)


def test_a_withdrawn_project_does_not_stop_no_skip() -> None:
    projects = "A;60;Speeltuin\nB;999999999;Ingetrokken\nC;30;Bomen\nD;10;Bloemen\n"
    result = tally_from_file(parse_pb(election("rule;greedy-no-skip\n", projects, VOTES)))
    assert result.selected == ["A", "C", "D"]
    assert result.explanation.projects["B"].reason == "withdrawn"


def test_ordinal_ballots_are_scored_by_rank() -> None:
    # 3 voters rank X first and Y last; 4 rank Y second: approvals favour Y (7), ranks favour X.
    projects = "X;60;X\nY;60;Y\nZ;60;Z\n"
    votes = "1;X,Z,Y\n2;X,Z,Y\n3;X,Z,Y\n4;Z,Y\n5;Z,Y\n6;Z,Y\n7;Z,Y\n"
    text = election("rule;greedy\nmax_length;3\n", projects, votes, vote_type="ordinal")
    result = tally_from_file(parse_pb(text))
    assert result.selected == ["Z"]  # Z: 3*2 + 4*3 = 18 points, X: 9, Y: 3*1 + 4*2 = 11
    assert result.explanation.projects["Y"].score == 11
    assert result.explanation.projects["X"].score == 9
    # The reference composition counts ranks as approvals: Z (7), then Y (7) by id... only one fits.
    assert tally(parse_pb(text), rule="greedy").selected == ["Y"]


def test_ordinal_points_column_wins_over_ranks() -> None:
    projects = "X;60;X\nY;60;Y\n"
    votes = "1;X,Y;1,5\n2;X,Y;1,5\n"
    text = election(
        "rule;greedy\nmax_length;2\n",
        projects,
        votes,
        vote_type="ordinal",
        vote_header="voter_id;vote;points",
    )
    assert count(text) == ["Y"]


def test_cumulative_points_decide() -> None:
    projects = "X;60;X\nY;60;Y\n"
    votes = "1;X;1\n2;X;1\n3;Y;3\n"
    text = election(
        "rule;greedy\n", projects, votes, vote_type="cumulative", vote_header="voter_id;vote;points"
    )
    assert count(text) == ["Y"]


CATEGORIES = (
    "rule;greedy\ncategories;Groen,Sport\nbudget_per_category;50,50\n",
    "A;40;A;Groen\nB;30;B;Groen\nC;20;C;Sport\nD;25;D;Sport\n",
    "1;A,B,C,D\n2;A,B,C,D\n3;A,B,C\n4;A,B\n",
)


def test_category_budgets_bound_each_category() -> None:
    meta, projects, votes = CATEGORIES
    text = election(meta, projects, votes, project_header="project_id;cost;name;category")
    result = tally_from_file(parse_pb(text))
    # A (40) fits Groen; B (30) does not fit the 10 left in Groen although 100 - 40 - 20 = 40 is left.
    assert sorted(result.selected) == ["A", "C", "D"]
    b = result.explanation.projects["B"]
    assert b.reason == "group-full" and b.group_left == (("category:Groen", 10),)
    assert "budget van de eigen groep: Groen (€ 10,00)" in explain_text(result)


def test_leftover_budget_funds_more_after_the_categories() -> None:
    meta, projects, votes = CATEGORIES
    meta = meta.replace("50,50", "50,45") + "leftover_budget;Fund additional projects ordered by score\n"
    text = election(meta, projects, votes, project_header="project_id;cost;name;category")
    result = tally_from_file(parse_pb(text))
    # Groen: A (40); Sport: C (20), D (25); 15 left overall: B (30) still does not fit.
    assert sorted(result.selected) == ["A", "C", "D"]
    assert result.explanation.projects["B"].reason == "leftover-no-fit"
    text = text.replace("budget;100", "budget;130")
    result = tally_from_file(parse_pb(text))
    assert sorted(result.selected) == ["A", "B", "C", "D"]
    assert result.explanation.projects["B"].reason == "leftover-funded"


def test_neighbourhood_budgets() -> None:
    meta = "rule;greedy\nneighborhoods;Noord,Zuid\nbudget_per_neighborhood;60,40\n"
    projects = "A;60;A;Noord\nB;40;B;Noord\nC;40;C;Zuid\n"
    votes = "1;A,B,C\n2;A,B\n3;A\n"
    text = election(meta, projects, votes, project_header="project_id;cost;name;neighborhood")
    assert count(text) == ["A", "C"]  # B has more votes than C but Noord's 60 is spent


def test_group_budgets_must_match_their_names() -> None:
    meta = "rule;greedy\ncategories;Groen\nbudget_per_category;50,50\n"
    with pytest.raises(RuleError, match="2 amounts but categories names 1"):
        count(election(meta, PROJECTS, VOTES))


def test_exclusive_groups() -> None:
    projects = "A;30;A;plein\nB;30;B;plein\nC;30;C;\n"
    votes = "1;A,B\n2;A,B\n3;A,C\n"
    text = election(
        "rule;greedy-exclusive\n", projects, votes, project_header="project_id;cost;name;exclusive_group"
    )
    result = tally_from_file(parse_pb(text))
    assert sorted(result.selected) == ["A", "C"]
    assert result.explanation.projects["B"].rival == "A"


# Equal shares with Add1: 6 voters want X (100), 4 want Y and Z (50 each). Add1 stops at 16 per voter
# with {Y}: at 17, X and Y together cost 150. Greedy funds X, which 6 voters prefer to 4.
EQUAL = ("X;100;X\nY;50;Y\nZ;50;Z\n", "1;X\n2;X\n3;X\n4;X\n5;X\n6;X\n7;Y,Z\n8;Y,Z\n9;Y,Z\n10;Y,Z\n")


def test_equalshares_add1_has_no_completion() -> None:
    result = tally_from_file(parse_pb(election("rule;equalshares/add1\n", *EQUAL)))
    assert result.selected == ["Y"]
    assert result.explanation.voter_share == 16
    assert result.completion == "add1-whole"
    assert "tot € 16,00" in explain_text(result)


def test_completion_and_plain_equalshares() -> None:
    assert count(election("rule;equalshares/add1\ncompletion;greedy\n", *EQUAL)) == ["Y", "Z"]
    assert count(election("rule;equalshares\n", *EQUAL)) == []  # 10 per voter buys nothing


@pytest.mark.parametrize("measure", ["satisfaction", "exclusion"])
def test_comparison_switches_when_more_voters_prefer_greedy(measure: str) -> None:
    text = election(f"rule;equalshares/add1-comparison\ncomparison_measure;{measure}\n", *EQUAL)
    result = tally_from_file(parse_pb(text))
    assert result.selected == ["X"]
    c = result.comparison
    assert c is not None and (c.prefers_mes, c.prefers_greedy, c.switched) == (4, 6, True)
    assert "Daarom geldt de uitkomst met de meeste stemmen" in explain_text(result)


def test_comparison_keeps_equal_shares_on_a_tie_or_when_it_is_preferred() -> None:
    projects, votes = EQUAL
    votes += "11;Y,Z\n12;Y,Z\n"  # 6 against 6: no strict preference for greedy
    result = tally_from_file(parse_pb(election("rule;equalshares-comparison\n", projects, votes)))
    c = result.comparison
    assert c is not None and not c.switched
    assert (
        result.selected == tally_from_file(parse_pb(election("rule;equalshares\n", projects, votes))).selected
    )


def test_add1_exhaustive_stops_earlier() -> None:
    # At 13..16 per voter {Y} leaves 50: Z (50) would fit, so not exhaustive; both forms agree here.
    assert count(election("rule;equalshares/add1\nadd1_exhaustive;true\n", *EQUAL)) == ["Y"]
    with pytest.raises(RuleError, match="add1_exhaustive must be true or false"):
        count(election("rule;equalshares/add1\nadd1_exhaustive;soms\n", *EQUAL))


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("", "has no 'rule'"),
        ("rule;unknown\n", "does not say which rule was used"),
        ("rule;greedy-custom\ncomment;#1: by hand\n", "its own procedure.*by hand"),
        ("rule;borda-magic\n", "'borda-magic' is not one Wijkgeld knows"),
        ("rule;equalshares-comparison\ncomparison_measure;happiness\n", "comparison_measure must be one of"),
        ("rule;equalshares\ncompletion;phragmen\n", "completion must be 'none' or 'greedy'"),
        ("rule;greedy-threshold\nmin_project_score_threshold;veel\n", "not a number"),
    ],
)
def test_rules_that_cannot_be_counted_are_refused(meta: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        tally_from_file(parse_pb(election(meta, PROJECTS, VOTES)))


def test_agreement_with_the_selected_column() -> None:
    projects = "A;60;Speeltuin;1\nB;50;Bankjes;1\nC;30;Bomen;0\nD;10;Bloemen;2\n"
    text = election("rule;greedy\n", projects, VOTES, project_header="project_id;cost;name;selected")
    agrees = agreement(tally_from_file(parse_pb(text)))
    assert agrees is not None
    assert (agrees.agree, agrees.compared, agrees.differ, agrees.ambiguous) == (1, 3, ("B", "C"), ("D",))
    assert not agrees.reproduced
    assert agreement(tally_from_file(parse_pb(election("rule;greedy\n", PROJECTS, VOTES)))) is None


@pytest.fixture
def selected_file(tmp_path: Path) -> Path:
    projects = "A;60;Speeltuin;1\nB;50;Bankjes;0\nC;30;Bomen;1\nD;10;Bloemen;0\n"
    meta = "rule;greedy-threshold\nmin_project_score_threshold;2\n"
    path = tmp_path / "stad.pb"
    path.write_text(election(meta, projects, VOTES, project_header="project_id;cost;name;selected"), "utf-8")
    return path


def test_cli_json_reports_agreement(selected_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tally", str(selected_file), "--rule", "from-file", "--json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "greedy-threshold"
    ff = data["from_file"]
    assert ff["parameters"] == {"min_project_score_threshold": "2"}
    assert ff["agreement"]["reproduced"] is True
    assert (ff["agreement"]["agree"], ff["agreement"]["compared"]) == (4, 4)
    assert ff["agreement"]["projects"]["D"] == {"selected_in_file": False, "funded": False, "agrees": True}
    assert data["explanation"]["projects"]["D"]["reason"] == "below-threshold"


def test_cli_text_summary_line(selected_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = selected_file.read_text("utf-8").replace("C;30;Bomen;1", "C;30;Bomen;0")
    selected_file.write_text(text, "utf-8")
    assert main(["tally", str(selected_file), "--rule", "from-file"]) == 0
    out = capsys.readouterr().out
    assert "C  0  1  NO" in out
    assert "agrees with the file's selected column on 3 of 4 projects; differ: C (NOT reproduced)" in out


def test_cli_refuses_unknown_rules_and_options(
    selected_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tally", str(selected_file), "--rule", "from-file", "--completion", "add1"]) == 2
    assert "the file's META decides" in capsys.readouterr().err
    selected_file.write_text(selected_file.read_text("utf-8").replace("greedy-threshold", "mystery"), "utf-8")
    assert main(["tally", str(selected_file), "--rule", "from-file"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wijkgeld: the file's rule 'mystery' is not one Wijkgeld knows")
