"""The fast reader of VOTES gives exactly what the reader gave before it, and fails exactly as the
row-by-row reader does, also deep inside a large file.

``read_digests.json`` holds, per shared file, a digest of everything ``read_pb`` returned before the
fast path was rewritten (meta, projects, ballots, header rows, with the exact type of every number).
Regenerate it only from a reader known to be right: ``python -m tests.pb.test_read_fast --write``.
Every test runs on both paths: with the compiled kernel (it splits the rows and makes the ballots)
and in pure Python.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from wijkgeld.pb import Election, PbParseError, parse_pb, pbfile, read_pb
from wijkgeld.pb.rules import kernel

from .conftest import DATA
from .test_pbfile import _row_by_row


@pytest.fixture(autouse=True, params=["compiled", "pure"])
def reader_kernel(request: pytest.FixtureRequest) -> Any:
    if request.param == "compiled" and kernel.compiled is None:
        pytest.skip("the compiled kernel is not built")
    before = kernel.active
    kernel.use(pure=request.param == "pure")
    try:
        yield request.param
    finally:
        kernel.active = before


DIGESTS = Path(__file__).with_name("read_digests.json")
LARGEST = [
    "Poland_Wroclaw_2015_150_-_500",
    "Poland_Lodz_2022",
    "Poland_Wroclaw_2017",
    "Poland_Lodz_2020",
    "Poland_Krakow_2019",
    "Hungary_Budapest_2024",
    "Netherlands_Amsterdam_252",
]


def election_digest(election: Election) -> str:
    """SHA-256 over the election's content in file order; ``repr`` keeps ``5`` and ``Fraction(5, 1)``
    apart, so a number read as another type changes the digest too."""
    h = hashlib.sha256()

    def feed(value: Any) -> None:
        h.update(repr(value).encode())
        h.update(b"\n")

    feed(list(election.meta.items()))
    feed(election.project_columns)
    feed(election.vote_columns)
    for key, project in election.projects.items():
        feed((key, project.project_id, project.cost, sorted(project.extra.items())))
    for ballot in election.ballots:
        feed((ballot.voter_id, ballot.projects, ballot.points, sorted(ballot.extra.items())))
    return h.hexdigest()


def test_every_shared_file_reads_as_before(pb_path: Path) -> None:
    expected = json.loads(DIGESTS.read_text())
    assert election_digest(read_pb(pb_path)) == expected[pb_path.name]


def test_digests_cover_every_shared_file() -> None:
    if not DATA.is_dir():
        pytest.skip("shared data absent")
    assert sorted(json.loads(DIGESTS.read_text())) == sorted(p.name for p in DATA.glob("*.pb"))


@pytest.mark.parametrize("name", LARGEST)
def test_large_files_take_the_fast_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The large files are read in whole-column operations: the row-by-row path is never entered."""
    path = DATA / f"{name}.pb"
    if not path.is_file():
        pytest.skip(f"{path} absent")

    def no_rows(self: object, cells: list[str]) -> None:
        raise AssertionError("read row by row")

    monkeypatch.setattr(pbfile._Parser, "add_ballot", no_rows)
    assert read_pb(path).ballots


def test_ballots_share_project_ids_and_equal_cells() -> None:
    e = parse_pb(HEAD + "1;a,b;30;Noord\n2;a,b;30;Noord\n3;b;none;Oost\n")
    first, second, third = e.ballots
    assert first.projects is second.projects and first.extra is second.extra
    assert first.projects[0] is e.projects["a"].project_id
    assert third.extra == {"district": "Oost"} and third.points is None


HEAD = """META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost
a;10
b;20
c;5
VOTES
voter_id;vote;age;district
"""
ROWS = 30_000  # large enough that a bad row sits far from both ends
BAD_AT = 21_234  # the row (0-based) that gets spoiled
FIRST_ROW_LINE = HEAD.count("\n") + 1


def _large() -> list[str]:
    votes = ["a", "b", "a,b", "b,c,a", "none", "", "c"]
    districts = ["Noord", "Oost", "none", "", "Zuid-West"]
    return [f"{i + 1};{votes[i % 7]};{18 + i % 70};{districts[i % 5]}" for i in range(ROWS)]


def _text(rows: list[str], newline: str = "\n", final_newline: bool = True) -> str:
    body = newline.join(rows) + (newline if final_newline else "")
    return HEAD.replace("\n", newline) + body


def _outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "ok", election_digest(parse(text))
    except PbParseError as exc:
        return "error", str(exc)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_large_plain_section_reads_as_row_by_row(newline: str, final_newline: bool) -> None:
    text = _text(_large(), newline, final_newline)
    fast = parse_pb(text, filename="big.pb")
    assert len(fast.ballots) == ROWS
    assert election_digest(fast) == election_digest(_row_by_row(text))


BAD_ROWS = {
    # spoiled row -> message the row-by-row path gives (None: the file is fine, read the same)
    "one cell too many": ("{v};a;30;Noord;x", "wrong column count in VOTES: 5 cells, header has 4"),
    "one cell too few": ("{v};a;30", "wrong column count in VOTES: 3 cells, header has 4"),
    "unknown project": ("{v};a,zz;30;Noord", "vote for unknown project 'zz'"),
    "empty name in vote": ("{v};a,,b;30;Noord", None),
    "duplicate voter": ("17;a;30;Noord", "duplicate voter id '17'"),
    "no voter": (";a;30;Noord", "vote without a voter_id"),
    "voter none": ("None;a;30;Noord", "vote without a voter_id"),
    "voter with spaces": (" {v} ;a;30;Noord", None),
    "voter named like a section": ("Votes;a;30;Noord", None),
    "vote with spaces": ("{v}; a , b ;30;Noord", None),
    "extra cell with spaces": ("{v};a; 30;Noord ", None),
    "quoted cell": ('{v};"a,b";30;"Noord; Oost"', None),
    "unclosed quote": ('{v};"a,b;30;Noord', "bad CSV (an unclosed quote?)"),
    "blank line": ("", None),
    "blank cells line": (";;;", None),
    "section marker": ("VOTES", "section VOTES appears twice"),
    "lone carriage return": ("{v};a;30\r;Noord", "wrong column count in VOTES: 3 cells, header has 4"),
    "tab cell": ("{v};a\t;30;Noord", None),
    "vote nOnE": ("{v};nOnE;30;Noord", None),
    "vote NONE": ("{v};NONE;30;Noord", None),
    "extra NONE": ("{v};a;NONE;Noord", None),
    "project id with a space": ("{v};a b;30;Noord", "vote for unknown project 'a b'"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_odd_row_deep_in_a_large_file(case: str, newline: str) -> None:
    """One odd row among 30,000 sends the section back to the row-by-row path, which reports the
    first problem with its line number, or reads the file the same as it always did."""
    template, message = BAD_ROWS[case]
    rows = _large()
    rows[BAD_AT] = template.format(v=BAD_AT + 1)
    text = _text(rows, newline)
    fast, slow = _outcome(parse_pb, text), _outcome(_row_by_row, text)
    assert fast == slow
    if message is None:
        assert fast[0] == "ok"
    else:
        line = FIRST_ROW_LINE + BAD_AT
        assert fast[0] == "error" and fast[1].startswith(f"<string>:{line}: {message}")


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        ("voter_id;vote", "{v};a;b", "wrong column count in VOTES: 3 cells, header has 2"),
        ("voter_id;vote", "{v}", "wrong column count in VOTES: 1 cells, header has 2"),
        ("vote;voter_id", "a;{v};x", "wrong column count in VOTES: 3 cells, header has 2"),
        ("vote;voter_id", "a;{v}", None),
        ("age;voter_id;vote", "30;{v};zz", "vote for unknown project 'zz'"),
        ("age;voter_id;vote", "30;{v};a", None),
    ],
)
def test_other_layouts_read_as_row_by_row(header: str, row: str, message: str | None) -> None:
    """Two columns only, vote before voter_id, voter_id not first: fast where it applies, and
    always the row-by-row outcome."""
    head = HEAD.replace("voter_id;vote;age;district", header)
    layout = header.split(";")
    rows = []
    for i in range(5_000):
        cells = {"voter_id": str(i + 1), "vote": ["a", "b,c", ""][i % 3], "age": str(20 + i % 50)}
        rows.append(";".join(cells[name] for name in layout))
    rows[3_210] = row.format(v=3_211)
    text = head + "\n".join(rows) + "\n"
    fast, slow = _outcome(parse_pb, text), _outcome(_row_by_row, text)
    assert fast == slow
    if message is None:
        assert fast[0] == "ok"
    else:
        assert fast[1].startswith(f"<string>:{FIRST_ROW_LINE + 3_210}: {message}")


def test_error_names_the_first_bad_row_of_several() -> None:
    rows = _large()
    rows[25_000] = "25001;zz;30;Noord"
    rows[BAD_AT] = f"{BAD_AT + 1};a;30"
    with pytest.raises(PbParseError) as info:
        parse_pb(_text(rows), filename="big.pb")
    assert info.value.line == FIRST_ROW_LINE + BAD_AT
    assert "wrong column count" in info.value.message


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    digests = {p.name: election_digest(read_pb(p)) for p in sorted(DATA.glob("*.pb"))}
    DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(digests)} digests to {DIGESTS}")
