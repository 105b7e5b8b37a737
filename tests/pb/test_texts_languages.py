"""The engine's sentences in five languages: every table complete, no number lost, real files explained."""

from __future__ import annotations

import importlib
from fractions import Fraction

import pytest

from tests.pb.conftest import DATA, DATA_MISSING
from wijkgeld.pb import Ballot, Project, RuleError, build_election, explain_text, money, read_pb, tally
from wijkgeld.pb.cli import main
from wijkgeld.pb.fromfile import tally_from_file
from wijkgeld.pb.texts import (
    LANGUAGES,
    PLURAL_BY,
    TABLES,
    fields,
    plural_index,
    project_text,
    summary_text,
    voter_text,
)

TRANSLATED = ("tr", "ar", "pl")
# How many plural forms a tuple has in each language (CLDR): Polish one/few/many, Arabic six.
FORMS = {"nl": 2, "en": 2, "tr": 2, "ar": 6, "pl": 3}


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def test_the_engine_speaks_the_five_resident_languages() -> None:
    assert LANGUAGES == ("nl", "en", "tr", "ar", "pl")
    assert set(TABLES) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_exists_in_every_language(language: str) -> None:
    assert set(TABLES[language]) == set(TABLES["en"])
    assert all(_forms(v) and all(_forms(v)) for v in TABLES[language].values())  # nothing empty


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_placeholder_of_the_english_is_kept(language: str) -> None:
    """So that no amount, number or name is lost (or invented) in a translation."""
    for key, english in TABLES["en"].items():
        expected = set().union(*(fields(f) for f in _forms(english)))
        for form in _forms(TABLES[language][key]):
            assert fields(form) == expected, (language, key, form)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(language: str) -> None:
    for key, value in TABLES[language].items():
        if isinstance(value, tuple):
            assert key in PLURAL_BY and len(value) == FORMS[language], (language, key)


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, 2), (1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (14, 2), (22, 1), (25, 2), (112, 2)],
)
def test_polish_plural_forms(n: int, form: int) -> None:
    assert plural_index("pl", n) == form


def test_arabic_plural_forms_follow_cldr() -> None:
    assert [plural_index("ar", n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 103, 111)] == [
        0,
        1,
        2,
        3,
        3,
        4,
        4,
        5,
        3,
        4,
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "€ 1.234,50"),
        ("en", "€1,234.50"),
        ("tr", "€1.234,50"),
        ("pl", "1\u00a0234,50\u00a0€"),
        ("ar", "\u2066€\u00a01.234,50\u2069"),  # digits 0-9, isolated left to right as on the Arabic pages
    ],
)
def test_amounts_per_language_as_on_the_site(language: str, text: str) -> None:
    assert money(Fraction(2469, 2), language=language) == text


def test_amounts_keep_their_engine_form_in_dutch_and_english() -> None:
    assert money(-5, language="nl") == "€ -5,00" and money(-5, language="en") == "€-5.00"
    assert money(-5, language="tr") == "-€5,00" and money(7, "PLN", "pl") == "7,00 PLN"


def test_an_unknown_language_is_refused() -> None:
    ex = tally(_election(), rule="greedy").explanation
    with pytest.raises(RuleError, match="nl, en, tr, ar, pl"):
        summary_text(ex, "de")


def _election():  # type: ignore[no-untyped-def]
    """Every reason of the engine: bought, ran out, no support, too expensive, fill-up."""
    return build_election(
        budget=100,
        vote_type="approval",
        projects=[
            Project("A", 60, {"name": "Speeltuin"}),
            Project("B", 50, {"name": "Bankjes"}),
            Project("C", 10, {"name": "Bloembak"}),
            Project("D", 200, {"name": "Buurthuis"}),
            Project("E", 0, {"name": "Gratis"}),
        ],
        ballots=[
            Ballot("v1", ("A", "E")),
            Ballot("v2", ("A", "B")),
            Ballot("v3", ("A", "B", "D")),
            Ballot("v4", ("C",)),
        ],
        meta={"currency": "EUR"},
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("rule", "completion"), [("mes", "none"), ("mes", "add1"), ("greedy", None), ("phragmen", None)]
)
def test_every_reason_reads_in_every_language(language: str, rule: str, completion: str | None) -> None:
    ex = tally(_election(), rule=rule, completion=completion, tie_break="lottery:7").explanation
    text = explain_text(ex, language=language)
    assert "{" not in text and "}" not in text
    summary = text.split("\n\n")[0]
    assert money(ex.budget, language=language) in summary and "7" in summary.splitlines()[-1]  # the seed
    for p in ex.projects.values():
        line = project_text(ex, p, language)
        assert p.name in line and money(p.cost, language=language) in line
    for v in ex.voters.values():
        assert money(v.spent_on_supported, language=language) in voter_text(ex, v, language)


def test_translations_say_how_many_were_funded() -> None:
    ex = tally(_election(), rule="greedy").explanation
    n = len(ex.selected)
    assert f"Wybrano {n} pomysły" in summary_text(ex, "pl")  # 2-4: "pomysły"
    assert f"Seçilen: {n} fikir" in summary_text(ex, "tr")
    assert f"عدد الأفكار المختارة: {n}" in summary_text(ex, "ar")


def test_one_vote_is_singular_in_dutch_and_english() -> None:
    ex = tally(_election(), rule="greedy").explanation
    one, three = ex.projects["C"], ex.projects["A"]  # C has one vote, A three
    assert "1 stem)" in project_text(ex, one, "nl") and "1 vote)" in project_text(ex, one, "en")
    assert "3 stemmen)" in project_text(ex, three, "nl") and "3 votes)" in project_text(ex, three, "en")


REAL = "Poland_Warszawa_2018_Pole_Mokotowskie.pb"


@pytest.mark.skipif(not (DATA / REAL).is_file(), reason=DATA_MISSING)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("count", ["mes", "greedy", "file"])
def test_a_real_election_is_explained_in_every_language(language: str, count: str) -> None:
    election = read_pb(DATA / REAL)
    if count == "file":  # the city's own rule (a minimum number of votes), with its own sentences
        result = tally_from_file(election, tie_break="id")
    else:
        result = tally(election, rule=count, completion="add1" if count == "mes" else None)
    ex = result.explanation
    summary = summary_text(ex, language)
    assert money(ex.budget, ex.currency, language) in summary
    assert money(ex.total_cost, ex.currency, language) in summary
    assert str(ex.num_voters) in summary
    for p in ex.projects.values():
        line = project_text(ex, p, language)
        assert money(p.cost, ex.currency, language) in line and str(p.votes) in line
    for v in ex.voters.values():
        assert money(v.spent_on_supported, ex.currency, language) in voter_text(ex, v, language)


@pytest.mark.skipif(not (DATA / REAL).is_file(), reason=DATA_MISSING)
@pytest.mark.parametrize(
    ("language", "words"),
    [("tr", "Sayım kuralı"), ("ar", "العدّ بقاعدة"), ("pl", "Liczenie według zasady"), ("en", "Count with")],
)
def test_the_command_explains_in_every_language(
    language: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tally", str(DATA / REAL), "--explain", "--language", language]) == 0
    assert words in capsys.readouterr().out


def test_the_command_refuses_another_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tally", "x.pb", "--explain", "--language", "de"])
    assert "invalid choice: 'de'" in capsys.readouterr().err


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_translation_says_how_it_was_made_and_what_awaits_review(language: str) -> None:
    doc = importlib.import_module(f"wijkgeld.pb.texts_{language}").__doc__ or ""
    assert (
        "Made: machine-assisted" in doc and "Review: every sentence awaits review by a native speaker" in doc
    )


def test_arabic_isolates_names_so_that_a_latin_name_keeps_the_sentence_right_to_left() -> None:
    ex = tally(_election(), rule="mes", completion="none").explanation
    line = project_text(ex, ex.projects["A"], "ar")
    assert line.startswith("\u2068Speeltuin\u2069 (")
    assert project_text(ex, ex.projects["A"], "nl").startswith("Speeltuin (")  # Dutch as before
    went_to = project_text(ex, ex.projects["B"], "ar")
    assert "\u2068Speeltuin\u2069 (\u2066€" in went_to  # "their money went mostly to ..." names isolated too
