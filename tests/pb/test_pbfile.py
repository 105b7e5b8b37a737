"""Reading and writing Pabulib files: real files, valid variants, every malformed case, and fuzzing."""

from __future__ import annotations

import contextlib
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkgeld.pb import (
    Ballot,
    Election,
    PbParseError,
    Project,
    build_election,
    parse_pb,
    parse_pb_bytes,
    read_pb,
    write_pb,
)
from wijkgeld.pb.errors import ElectionError

GOOD = """META
key;value
description;Test
num_projects;3
num_votes;3
budget;100.50
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name;category
1;50;Bankjes;groen
L010;25.25;"Plein; met bomen";none
10;200;Te duur;none
VOTES
voter_id;vote;age
v1;1,L010;34
v2;;none
v3;10;71
"""


def test_reads_sections_numbers_quotes_and_none() -> None:
    e = parse_pb(GOOD, filename="good.pb")
    assert e.budget == Fraction(201, 2)
    assert e.vote_type == "approval"
    assert list(e.projects) == ["1", "L010", "10"]
    assert e.projects["L010"].cost == Fraction(2525, 100)
    assert e.projects["L010"].name == "Plein; met bomen"
    assert "category" not in e.projects["L010"].extra  # "none" means missing
    assert [b.projects for b in e.ballots] == [("1", "L010"), (), ("10",)]
    assert e.ballots[1].extra == {}
    assert e.meta["currency"] == "EUR"


@pytest.mark.parametrize("variant", ["crlf", "bom", "both", "blank-lines", "lowercase-sections"])
def test_valid_variants_read_the_same(variant: str) -> None:
    text = GOOD
    if variant in ("crlf", "both"):
        text = text.replace("\n", "\r\n")
    if variant == "blank-lines":
        text = text.replace("PROJECTS\n", "\nPROJECTS\n\n")
    if variant == "lowercase-sections":
        text = text.replace("META\n", "meta\n").replace("VOTES\n", "votes\n")
    data = text.encode()
    if variant in ("bom", "both"):
        data = b"\xef\xbb\xbf" + data
    expected = parse_pb(GOOD)
    got = parse_pb_bytes(data)
    assert (got.meta, got.projects, got.ballots) == (expected.meta, expected.projects, expected.ballots)


def test_round_trip_keeps_everything() -> None:
    e = parse_pb(GOOD)
    again = parse_pb(write_pb(e))
    assert (again.meta, again.projects, again.ballots) == (e.meta, e.projects, e.ballots)
    assert again.project_columns == e.project_columns and again.vote_columns == e.vote_columns


def test_every_shared_file_loads_and_round_trips(pb_path: Path) -> None:
    e = read_pb(pb_path)
    assert e.projects and e.ballots
    assert len(e.ballots) == int(e.meta["num_votes"])
    assert len(e.projects) == int(e.meta["num_projects"])
    again = parse_pb(write_pb(e))
    assert (again.meta, again.projects, again.ballots) == (e.meta, e.projects, e.ballots)


def _mutate(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


MALFORMED = {
    "empty file": ("", 1, "file is empty"),
    "only blanks": ("\n \n", 1, "file is empty"),
    "missing VOTES": (GOOD[: GOOD.index("VOTES")], 13, "missing section VOTES"),
    "missing PROJECTS": (
        GOOD[: GOOD.index("PROJECTS")] + GOOD[GOOD.index("VOTES") :],
        9,
        "section VOTES found where PROJECTS was expected",
    ),
    "data before META": ("hello;world\n" + GOOD, 1, "expected the META section first"),
    "wrong column count": (_mutate("1;50;Bankjes;groen", "1;50;Bankjes"), 11, "wrong column count"),
    "unknown project": (_mutate("v1;1,L010;34", "v1;1,L011;34"), 16, "unknown project 'L011'"),
    "duplicate project": (
        _mutate("10;200;Te duur;none", "1;200;Te duur;none"),
        13,
        "duplicate project id '1'",
    ),
    "duplicate voter": (_mutate("v3;10;71", "v1;10;71"), 18, "duplicate voter id 'v1'"),
    "non-numeric cost": (_mutate("1;50;Bankjes", "1;fifty;Bankjes"), 11, "is not a number"),
    "negative cost": (_mutate("1;50;Bankjes", "1;-50;Bankjes"), 11, "is negative"),
    "non-numeric budget": (_mutate("budget;100.50", "budget;lots"), 9, "budget is not a number"),
    "missing budget": (_mutate("budget;100.50\n", ""), 8, "META has no budget"),
    "unknown vote type": (_mutate("vote_type;approval", "vote_type;magic"), 9, "vote_type must be one of"),
    "no project_id column": (_mutate("project_id;cost", "id;cost"), 10, "no column 'project_id'"),
    "unclosed quote": (_mutate('"Plein; met bomen"', '"Plein; met bomen'), 12, "unclosed quote"),
    "section twice": (GOOD + "META\nkey;value\n", 19, "section META appears twice"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_files_give_file_line_message(case: str) -> None:
    text, line, message = MALFORMED[case]
    with pytest.raises(PbParseError) as info:
        parse_pb(text, filename="x.pb")
    assert info.value.line == line, str(info.value)
    assert message in info.value.message
    assert str(info.value).startswith(f"x.pb:{line}: ")


CUMULATIVE = """META
key;value
budget;10
vote_type;cumulative
PROJECTS
project_id;cost
a;4
b;6
VOTES
voter_id;vote;points
1;a,b;2,3
2;a;1
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("1;a,b;2,3", "1;a,b;2,x", "points is not a number"),
        ("1;a,b;2,3", "1;a,b;2", "1 points for 2 projects"),
        ("2;a;1", "2;a;-1", "points must not be negative"),
        ("2;a;1", "2;a;none", "cumulative vote without points"),
    ],
)
def test_malformed_points(old: str, new: str, message: str) -> None:
    with pytest.raises(PbParseError, match=message):
        parse_pb(CUMULATIVE.replace(old, new))


def test_points_are_read_exactly() -> None:
    e = parse_pb(CUMULATIVE.replace("2,3", "2.5,3"))
    assert e.ballots[0].points == (Fraction(5, 2), 3)


def test_equal_cells_are_read_once_and_shared() -> None:
    text = CUMULATIVE.replace("2;a;1\n", "2;a;1\n3;a,b;2,3\n4;a;1\n")
    e = parse_pb(text)
    assert [b.projects for b in e.ballots] == [("a", "b"), ("a",), ("a", "b"), ("a",)]
    assert e.ballots[0].projects is e.ballots[2].projects
    assert e.ballots[0].points is e.ballots[2].points
    # A cell seen before is still checked against the ballot's own other cells.
    with pytest.raises(PbParseError, match=r":13: 1 points for 2 projects"):
        parse_pb(text.replace("3;a,b;2,3", "3;a,b;1"))


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(PbParseError, match="cannot read file"):
        read_pb(tmp_path / "absent.pb")
    bad = tmp_path / "latin1.pb"
    bad.write_bytes(GOOD.replace("Bankjes", "Bänkjes").encode("latin-1"))
    with pytest.raises(PbParseError, match="not UTF-8") as info:
        read_pb(bad)
    assert info.value.line == 11


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_ever_raise_the_parser_error(data: bytes) -> None:
    with contextlib.suppress(PbParseError):  # anything else fails the test
        parse_pb_bytes(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GOOD.splitlines() + ["", ";", '"', "VOTES", "x;1;2"]), max_size=25))
def test_shuffled_lines_only_ever_raise_the_parser_error(lines: list[str]) -> None:
    with contextlib.suppress(PbParseError):
        parse_pb("\n".join(lines))


def test_build_election_checks_and_writes() -> None:
    e = build_election(
        budget=Fraction(1001, 10),
        vote_type="approval",
        projects=[Project("p1", 50, {"name": "Bankjes"}), Project("p2", Fraction(255, 10))],
        ballots=[Ballot("v1", ("p1", "p2")), Ballot("v2", ())],
        meta={"description": "Buurtbudget", "currency": "EUR"},
    )
    text = write_pb(e)
    again = parse_pb(text)
    assert again.budget == Fraction(1001, 10)
    assert again.meta["num_votes"] == "2" and again.meta["currency"] == "EUR"
    assert again.projects["p2"].cost == Fraction(51, 2)
    assert [b.projects for b in again.ballots] == [("p1", "p2"), ()]
    with pytest.raises(ElectionError, match="unknown project"):
        build_election(
            budget=1, vote_type="approval", projects=[Project("a", 1)], ballots=[Ballot("v", ("b",))]
        )
    with pytest.raises(ElectionError, match="duplicate voter"):
        build_election(
            budget=1,
            vote_type="approval",
            projects=[Project("a", 1)],
            ballots=[Ballot("v", ("a",)), Ballot("v", ())],
        )
    with pytest.raises(ElectionError, match="negative cost"):
        build_election(budget=1, vote_type="approval", projects=[Project("a", -1)], ballots=[])


def _row_by_row(text: str) -> Election:
    """Parse with the whole-section fast path of VOTES switched off (the reference for it)."""
    from wijkgeld.pb import pbfile

    original = pbfile._Parser.read_votes_at_once
    pbfile._Parser.read_votes_at_once = lambda self: None  # type: ignore[method-assign]
    try:
        return parse_pb(text)
    finally:
        pbfile._Parser.read_votes_at_once = original  # type: ignore[method-assign]


def _same(a: object, b: object) -> bool:
    fields = ("meta", "projects", "ballots", "project_columns", "vote_columns")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def test_fast_votes_path_reads_every_shared_file_as_row_by_row(pb_path: Path) -> None:
    text = pb_path.read_bytes().decode("utf-8-sig")
    assert _same(parse_pb(text), _row_by_row(text))


PLAIN = """META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost
a;10
b;20
VOTES
voter_id;vote;age;district
"""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1", "2", "3", "x 1", " 4", "none", "NONE", "votes", "", "5", "6", "7"]),
            st.sampled_from(["a", "b", "a,b", "b,a", "", "none", "a, b", " a", "c", "a,,b"]),
            st.sampled_from(["30", "none", "", " 41", "x"]),
            st.sampled_from(["Noord", "Oost West", "none", "", "Zuid "]),
        ),
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["", ";", ";x", "\n", '"q";a;1;2']),
)
def test_fast_votes_path_matches_row_by_row_or_fails_the_same(
    rows: list[tuple[str, str, str, str]], newline: str, odd: str
) -> None:
    # Odd lines (a missing or extra cell, a blank line, a quoted cell) anywhere must send the section
    # back to the row-by-row path, which then reports what it always did.
    lines = [";".join(row) for row in rows]
    lines.insert(len(lines) // 2, odd) if odd and lines else None
    text = (PLAIN + newline.join(lines) + newline).replace("\n", newline)
    outcomes = []
    for parse in (parse_pb, _row_by_row):
        try:
            outcomes.append(("ok", parse(text)))
        except PbParseError as exc:
            outcomes.append(("error", str(exc)))
    (kind_a, a), (kind_b, b) = outcomes
    assert kind_a == kind_b
    assert a == b if kind_a == "error" else _same(a, b)
