"""The wijkgeld command: output, JSON, explanations, and exit code 2 with one line on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wijkgeld.pb.cli import main

ELECTION = """META
key;value
budget;100
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name
1;60;Speeltuin
2;50;Bankjes
3;40;Bomen
VOTES
voter_id;vote
a;1,2
b;1
c;2,3
d;3
"""


@pytest.fixture
def pb_file(tmp_path: Path) -> Path:
    path = tmp_path / "buurt.pb"
    path.write_text(ELECTION, encoding="utf-8")
    return path


def test_default_is_mes_add1_by_id(pb_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tally", str(pb_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rule"], data["completion"], data["tie_break"], data["utility"]) == (
        "mes",
        "add1",
        "id",
        "cost",
    )
    assert data["budget"] == 100 and data["voters"] == 4
    assert all(isinstance(p, str) for p in data["selected"])
    assert data["total_cost"] == sum({"1": 60, "2": 50, "3": 40}[p] for p in data["selected"])
    assert "explanation" not in data


@pytest.mark.parametrize(
    "options",
    [
        ["--rule", "greedy"],
        ["--rule", "greedy-ratio"],
        ["--rule", "phragmen"],
        ["--completion", "none"],
        ["--completion", "budget-increase"],
        ["--tie-break", "cost-then-votes"],
        ["--tie-break", "lottery:12345"],
    ],
)
def test_options_and_explanation(
    pb_file: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tally", str(pb_file), "--json", "--explain", *options]) == 0
    data = json.loads(capsys.readouterr().out)
    ex = data["explanation"]
    assert set(ex["projects"]) == {"1", "2", "3"}
    assert set(ex["voters"]) == {"a", "b", "c", "d"}
    for pid, p in ex["projects"].items():
        assert p["funded"] == (pid in data["selected"])
    assert ex["summary"]["nl"] and ex["summary"]["en"]


def test_text_output_in_both_languages(pb_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tally", str(pb_file), "--explain", "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "Every voter had an equal share" in out and "Speeltuin" in out
    assert main(["tally", str(pb_file), "--explain"]) == 0
    assert "Elke stemmer kreeg een gelijk deel" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "buurt.pb:1: file is empty"),
        (ELECTION.replace("1,2", "1,9"), "buurt.pb:13: vote for unknown project '9'"),
        (
            ELECTION.replace("3;40;Bomen", "3;veertig;Bomen"),
            "buurt.pb:10: cost of project '3' is not a number",
        ),
    ],
)
def test_bad_file_exits_2_with_one_line(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "buurt.pb"
    path.write_text(content, encoding="utf-8")
    assert main(["tally", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "options",
    [["--tie-break", "coin"], ["--rule", "greedy", "--completion", "add1"], ["--utility", "points"]],
)
def test_bad_combinations_exit_2(
    pb_file: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tally", str(pb_file), *options]) == 2
    assert capsys.readouterr().err.startswith("wijkgeld: ")


def test_usage_errors_exit_2(pb_file: Path) -> None:
    for argv in (["tally", str(pb_file), "--rule", "borda"], ["tally"], []):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2


def test_installed_console_script_runs(pb_file: Path) -> None:
    script = Path(sys.executable).with_name("wijkgeld")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    done = subprocess.run(
        [str(script), "tally", str(pb_file), "--json"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rule"] == "mes"
    missing = subprocess.run(
        [str(script), "tally", "/nonexistent.pb"], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 2 and "cannot read file" in missing.stderr
