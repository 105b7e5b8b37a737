"""Explanations: data that agrees with the count, and text for every reason in Dutch and English."""

from __future__ import annotations

from fractions import Fraction

import pytest

from wijkgeld.pb import Ballot, Project, build_election, explain_text, money, tally
from wijkgeld.pb.texts import project_text, voter_text


def small_election():  # type: ignore[no-untyped-def]
    # 4 voters, budget 100: share 25 each. "A" (60) is wanted by 3 voters, "B" (50) by 2, "C" (10) by
    # nobody, "D" (200) costs more than the budget.
    return build_election(
        budget=100,
        vote_type="approval",
        projects=[
            Project("A", 60, {"name": "Speeltuin"}),
            Project("B", 50),
            Project("C", 10),
            Project("D", 200),
        ],
        ballots=[Ballot("v1", ("A",)), Ballot("v2", ("A", "B")), Ballot("v3", ("A", "B")), Ballot("v4", ())],
        meta={"currency": "EUR"},
    )


def test_mes_explanation_agrees_with_the_count() -> None:
    result = tally(small_election(), rule="mes", completion="none")
    ex = result.explanation
    assert result.selected == ["A"]
    a = ex.projects["A"]
    assert (a.reason, a.round, a.price, a.funded) == ("mes-bought", 1, 20, True)  # 60 / 3 supporters
    b = ex.projects["B"]
    # After A, v2 and v3 hold 5 each: 10 < 50, so B ran out at the start of round 2; their money went to A.
    assert (b.reason, b.round, b.supporters_money) == ("mes-ran-out", 2, 10)
    assert b.went_to == (("A", 40),)
    assert ex.projects["C"].reason == "no-support"
    assert ex.projects["D"].reason == "too-expensive"
    v2 = ex.voters["v2"]
    assert (v2.share, v2.paid, v2.paid_for, v2.funded_supported, v2.spent_on_supported) == (
        25,
        20,
        (("A", 20),),
        ("A",),
        60,
    )
    assert ex.voters["v4"].paid == 0


def test_completion_and_greedy_reasons() -> None:
    result = tally(small_election(), rule="mes", completion="add1")
    ex = result.explanation
    assert ex.projects["C"].reason == "completion-funded" and ex.projects["C"].funded
    g = tally(small_election(), rule="greedy").explanation
    assert (g.projects["A"].reason, g.projects["A"].rank, g.projects["A"].budget_left) == (
        "greedy-funded",
        1,
        100,
    )
    assert (g.projects["B"].reason, g.projects["B"].budget_left) == ("greedy-no-fit", 40)


def test_phragmen_reasons() -> None:
    ex = tally(small_election(), rule="phragmen").explanation
    assert ex.projects["A"].reason == "phragmen-bought"
    assert ex.projects["B"].reason == "phragmen-stopped"
    assert ex.projects["D"].reason == "too-expensive"


def test_points_utility_explanation() -> None:
    election = build_election(
        budget=10,
        vote_type="cumulative",
        projects=[Project("a", 4), Project("b", 6), Project("free", 0)],
        ballots=[Ballot("1", ("a", "b", "free"), (2, 3, 1)), Ballot("2", ("a",), (1,))],
    )
    result = tally(election, rule="mes", completion="none", utility="points")
    ex = result.explanation
    assert ex.projects["free"].reason == "free"
    assert "per punt" in explain_text(ex, language="nl") or ex.projects["a"].reason != "mes-bought"


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("rule", "completion"), [("mes", "none"), ("mes", "add1"), ("greedy", None), ("phragmen", None)]
)
def test_text_for_every_project_and_voter(language: str, rule: str, completion: str | None) -> None:
    result = tally(small_election(), rule=rule, completion=completion)
    ex = result.explanation
    text = explain_text(ex, language=language)
    for pid, p in ex.projects.items():
        line = project_text(ex, p, language)
        assert line in text and p.name in line, pid
    for vid in ex.voters:
        assert voter_text(ex, ex.voters[vid], language)
    assert explain_text(ex, language=language, voter_id="v2") == voter_text(ex, ex.voters["v2"], language)
    assert explain_text(result, language=language) == text  # a Result works as well


def test_money_formats() -> None:
    assert money(Fraction(123456789, 100), "EUR", "nl") == "€ 1.234.567,89"
    assert money(Fraction(123456789, 100), "EUR", "en") == "€1,234,567.89"
    assert money(Fraction(1, 3), "PLN", "nl") == "0,33 PLN"
    assert money(Fraction(-5, 2), "EUR", "en") == "€-2.50"
