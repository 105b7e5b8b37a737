"""Counting, the greedy comparison, publication (frozen), verifiability and receipts."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys

import pytest

from tests.conftest import login
from tests.fund.conftest import NOW, cast
from wijkgeld.core.errors import DomainError
from wijkgeld.fund import counting
from wijkgeld.fund.models import Round, RoundResult
from wijkgeld.fund.services.results import result_count, result_publish
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db

# 6 voters want the playground (1, €4000) and the party (3, €5000); 4 want the garden (2, €3000).
SELECTIONS = [("1", "3")] * 6 + [("2",)] * 4


@pytest.fixture
def counted(voting_round, committee):
    receipts = cast(voting_round, committee, SELECTIONS)
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result = result_count(actor=committee, round=round_, now=NOW)
    return round_, result, receipts


def test_mes_funds_both_groups_where_greedy_leaves_four_voters_out(counted):
    round_, result, _ = counted
    assert result.selected == ["1", "2"]
    assert result.num_ballots == 10
    c = result.comparison
    assert c["greedy"]["selected"] == ["1", "3"]
    assert c["only_rule"] == ["2"] and c["only_greedy"] == ["3"]
    assert c["rule"]["voters_with_a_project"] == 10 and c["greedy"]["voters_with_a_project"] == 6
    assert c["rule"]["spent"] == "7000" and c["greedy"]["spent"] == "9000"
    assert result.published_at is None


def test_committee_sees_the_comparison_before_publishing(client, counted, committee):
    round_, _result, _ = counted
    login(client, committee)
    page = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitslag/")
    comparison = page.context["comparison"]
    assert comparison["rule"]["percent"] == 100 and comparison["greedy"]["percent"] == 60
    # Not public yet.
    client.logout()
    public = client.get(f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/")
    assert public.status_code == 200 and "result" not in public.context
    assert (
        client.get(
            f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/stemmen.pb"
        ).status_code
        == 404
    )


def test_publishing_freezes_the_result(counted, committee):
    round_, result, _ = counted
    result_publish(actor=committee, round=round_, now=NOW)
    round_.refresh_from_db()
    assert round_.published_at == NOW
    frozen = RoundResult.objects.get(round=round_)
    assert frozen.sha256 == hashlib.sha256(frozen.pb_text.encode()).hexdigest()
    assert len(frozen.receipt_codes) == 10
    with pytest.raises(DomainError):
        result_count(actor=committee, round=round_)
    with pytest.raises(DomainError):
        result_publish(actor=committee, round=round_)
    assert RoundResult.objects.get(round=round_).pb_text == frozen.pb_text


def test_a_late_paper_ballot_makes_the_count_stale(counted, committee, make_user, area):
    from wijkgeld.voting.services import codes_generate, paper_ballot_enter

    round_, _result, _ = counted
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING)
    round_.refresh_from_db()
    [code] = codes_generate(actor=committee, round=round_, count=1, now=NOW)
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.RESULTS)
    round_.refresh_from_db()
    second = make_user("fund_committee", area)
    paper_ballot_enter(actor=committee, round=round_, code=code, approvals=["3"], now=NOW)
    paper_ballot_enter(actor=second, round=round_, code=code, approvals=["3"], now=NOW)
    with pytest.raises(DomainError) as exc:
        result_publish(actor=committee, round=round_)
    assert exc.value.code == "stale"
    assert result_count(actor=committee, round=round_).num_ballots == 11


def test_counting_only_in_the_results_phase(voting_round, committee):
    with pytest.raises(DomainError):
        result_count(actor=committee, round=voting_round)


def _published(client, counted, committee):
    round_, _result, receipts = counted
    result_publish(actor=committee, round=round_, now=NOW)
    base = f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/"
    return round_, receipts, base


def test_public_results_page_explains_every_project(client, counted, committee):
    round_, _receipts, base = _published(client, counted, committee)
    page = client.get(base)
    rows = page.context["rows"]
    assert [r["number"] for r in rows if r["selected"]] == ["1", "2"]
    assert all(r["text"] for r in rows)
    text = page.content.decode()
    assert page.context["result"].sha256 in text
    assert "wijkgeld tally wijkgeld-testwijk-zuid-ronde-" in text
    assert "--rule mes --completion add1 --tie-break cost-then-votes" in text


def test_downloaded_file_recounts_to_the_published_winners(client, counted, committee, tmp_path):
    round_, _receipts, base = _published(client, counted, committee)
    response = client.get(base + "stemmen.pb")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    result = RoundResult.objects.get(round=round_)
    assert hashlib.sha256(body).hexdigest() == result.sha256
    election = counting.parse(body.decode())
    again = counting.count(election, rule="mes", completion="add1", tie_break="cost-then-votes")
    assert again.selected == result.selected
    receipts = client.get(base + "bonnen.txt").content.decode().split()
    assert len(receipts) == len(election.ballots) == result.num_ballots
    assert receipts == sorted(receipts)


def test_published_ballots_cannot_be_matched_to_receipts(client, counted, committee):
    """Receipt-freeness: no receipt code in the file, voter ids in content order, not receipt order."""
    round_, receipts, base = _published(client, counted, committee)
    text = client.get(base + "stemmen.pb").content.decode()
    plain = {r.replace("-", "") for r in receipts}
    assert not any(r in text or f in text for r, f in zip(plain, receipts, strict=True))
    election = counting.parse(text)
    ids = [b.voter_id for b in election.ballots]
    assert sorted(ids, key=int) == [str(i).zfill(len(ids[0])) for i in range(1, len(ids) + 1)]
    contents = [b.projects for b in sorted(election.ballots, key=lambda b: int(b.voter_id))]
    assert contents == sorted(contents, key=lambda p: json.dumps([sorted(p), []]))


@pytest.mark.skipif(
    importlib.util.find_spec("wijkgeld.pb.cli") is None, reason="wijkgeld tally (pb CLI) not merged yet"
)
def test_wijkgeld_tally_command_reproduces_the_winners(client, counted, committee, tmp_path):
    round_, _receipts, base = _published(client, counted, committee)
    result = RoundResult.objects.get(round=round_)
    path = tmp_path / f"wijkgeld-{round_.area.slug}-ronde-{round_.pk}.pb"
    path.write_bytes(client.get(base + "stemmen.pb").content)
    command = client.get(base).context["command"].split()
    assert command[:2] == ["wijkgeld", "tally"]
    args = [str(path) if a == path.name else a for a in command[2:]]
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from wijkgeld.pb.cli import main; sys.exit(main())",
            "tally",
            *args,
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(run.stdout)
    selected = data.get("selected") or data.get("winners") or data.get("outcome")
    assert sorted(map(str, selected)) == sorted(result.selected)


def test_receipt_confirms_the_ballot_is_counted_without_showing_it(client, counted, committee):
    round_, receipts, base = _published(client, counted, committee)
    response = client.post(base + "bon/", {"receipt": receipts[0].lower().replace("-", " ")})
    assert response.status_code == 200 and response.context["included"] is True
    html = response.content.decode()
    assert "Speeltuin" not in html and "Buurtfeest" not in html  # the choice is not shown
    assert "story" not in response.context


@pytest.mark.parametrize("bad", ["", "AAAAA-BBBBB", "x" * 80, "'; DROP TABLE"])
def test_unknown_receipt_gives_a_clear_message(client, counted, committee, bad):
    _round, _receipts, base = _published(client, counted, committee)
    response = client.post(base + "bon/", {"receipt": bad})
    assert response.status_code == 200
    assert response.context["included"] is False
    assert response.context["form"].errors


def test_api_lists_rounds_with_result_and_file(client, counted, committee):
    round_, _receipts, _base = _published(client, counted, committee)
    data = client.get("/api/v1/rounds/").json()
    [item] = [r for r in data if r["id"] == round_.pk]
    assert item["selected_projects"] == ["1", "2"]
    assert item["rule"] == "mes" and item["completion"] == "add1" and item["tie_break"] == "cost-then-votes"
    assert item["budget"] == "10000.00"
    assert item["pb_sha256"] == RoundResult.objects.get(round=round_).sha256
    assert client.get(item["pb_file_url"]).status_code == 200
    detail = client.get(f"/api/v1/rounds/{round_.pk}/").json()
    assert [p["id"] for p in detail["projects"]] == ["1", "2", "3"]
    assert "contact_email" not in json.dumps(detail)
    assert client.get("/api/v1/rounds/999999/").status_code == 404
    assert client.post("/api/v1/rounds/").status_code == 405


def test_api_hides_results_before_publication_and_preparation_rounds(client, voting_round, make_round, area):
    hidden = make_round(area, phase=Round.Phase.PREPARATION, title="Nog niet")
    data = client.get("/api/v1/rounds/").json()
    assert [r["id"] for r in data] == [voting_round.pk]
    assert data[0]["selected_projects"] is None and data[0]["pb_file_url"] is None
    assert client.get(f"/api/v1/rounds/{hidden.pk}/").status_code == 404


def test_openapi_documents_the_rounds(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/rounds/" in doc["paths"] and "/api/v1/rounds/{id}/" in doc["paths"]
    assert "pb_sha256" in doc["components"]["schemas"]["FundRound"]["properties"]


def test_published_result_row_refuses_changes(counted, committee):
    round_, _result, _ = counted
    result_publish(actor=committee, round=round_, now=NOW)
    frozen = RoundResult.objects.get(round=round_)
    frozen.selected = ["3"]
    with pytest.raises(ValueError):
        frozen.save()
    with pytest.raises(ValueError):
        frozen.delete()
    assert RoundResult.objects.get(round=round_).selected == ["1", "2"]


def test_points_ballots_count_with_point_utilities_and_say_so_in_the_command():
    from wijkgeld.fund.integrations import CountedBallot

    projects = [counting.ProjectInput("1", "A", 300_000), counting.ProjectInput("2", "B", 300_000)]
    ballots = [CountedBallot(f"v{i}", (), {"1": 7, "2": 3}) for i in range(3)] + [
        CountedBallot("w", (), {"2": 10})
    ]
    election = counting.build(
        budget_cents=500_000, vote_type="cumulative", projects=projects, ballots=ballots
    )
    outcome = counting.count(
        counting.parse(counting.pb_text(election)), rule="mes", completion="add1", tie_break="cost-then-votes"
    )
    assert outcome.explanation["utility"] == "points"
    assert outcome.selected
    command = counting.tally_command(
        filename="x.pb", rule="mes", completion="add1", tie_break="cost-then-votes", vote_type="cumulative"
    )
    assert "--utility points" in command


def test_receipt_parts_add_up_to_the_share(counted, committee):
    """Every voter's payments and what is left add up to their share, in whole cents as shown."""
    round_, result, _ = counted
    election = counting.parse(result.pb_text)
    assert len(election.ballots) == 10
    for ballot in election.ballots:
        story = counting.voter_story(
            result.pb_text,
            result.sha256,
            rule=result.rule,
            completion=result.completion,
            tie_break=result.tie_break,
            voter_id=ballot.voter_id,
        )
        paid = sum(p["cents"] for p in story["payments"])
        assert paid + story["left_cents"] == story["voter_budget_cents"]


def test_results_page_uses_names_steps_and_the_fixed_summary(client, counted, committee):
    round_, _receipts, base = _published(client, counted, committee)
    client.cookies["django_language"] = "nl"
    html = client.get(base).content.decode()
    assert "gekozen in stap 1" in html and "ronde 1" not in html  # "stap" for a step of the count
    assert "Goedkope projecten" not in html
    assert "hoe meer stemmers een idee heeft" in html
    assert "1. Speeltuin" not in html  # names, not numbers
    assert "pip install" in html and "--language nl" in html
    assert '<figure class="result-chart">' in html and 'aria-hidden="true"' in html
    assert html.count("badge--chosen") >= 2


def test_round_page_marks_ideas_chosen_after_the_result(client, counted, committee):
    round_, _receipts, _base = _published(client, counted, committee)
    client.cookies["django_language"] = "nl"
    html = client.get(round_.get_absolute_url()).content.decode()
    assert html.count("badge--chosen") == 2 and html.count("badge--not-chosen") == 1
    assert "Toegelaten tot de stemming" not in html


def test_invalid_paper_ballots_are_shown_with_the_result_but_not_counted(
    client, voting_round, committee, make_user, area
):
    from wijkgeld.voting.services import codes_generate, paper_ballot_enter

    cast(voting_round, committee, SELECTIONS)
    second = make_user("fund_committee", area)
    for code in codes_generate(actor=committee, round=voting_round, count=2, now=NOW):
        for member in (committee, second):  # two entries agree: invalid
            paper_ballot_enter(actor=member, round=voting_round, code=code, invalid=True, now=NOW)
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result = result_count(actor=committee, round=round_, now=NOW)
    assert result.num_ballots == 10  # the invalid papers are not in the .pb ballots
    result_publish(actor=committee, round=round_, now=NOW)
    base = f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/"
    client.cookies["django_language"] = "en"
    assert "2 paper ballots were invalid" in client.get(base).content.decode()
    assert "num_votes;10" in client.get(base + "stemmen.pb").content.decode()
    client.cookies["django_language"] = "nl"
    assert "2 papieren stembiljetten waren ongeldig" in client.get(base).content.decode()
    login(client, committee)
    manage = f"/gebieden/{round_.area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitslag/"
    assert "2 papieren stembiljetten waren ongeldig" in client.get(manage).content.decode()


@pytest.mark.parametrize(
    ("language", "explained_in"), [("nl", "nl"), ("en", "en"), ("tr", "tr"), ("ar", "ar"), ("pl", "pl")]
)
def test_explanations_are_marked_with_the_language_they_are_written_in(
    client, counted, committee, language, explained_in
):
    """The counting engine explains in all five resident languages; its sentences are marked with their
    language (WCAG 3.1.2), with their own direction inside a right-to-left page."""
    from django.conf import settings

    _round, _receipts, base = _published(client, counted, committee)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(base)
    assert all(row["lang"] == explained_in for row in page.context["rows"])
    direction = "rtl" if explained_in == "ar" else "ltr"
    assert f'lang="{explained_in}" dir="{direction}"' in page.content.decode()


@pytest.mark.parametrize(
    ("helped", "public", "committee_text"),
    [
        (3, "Minder dan 5 stemmen zijn met hulp uitgebracht", "3 stemmen zijn met hulp uitgebracht"),
        (6, "6 stemmen zijn met hulp uitgebracht", "6 stemmen zijn met hulp uitgebracht"),
    ],
)
def test_ballots_cast_with_help_are_a_count_under_five_withheld_in_public(
    client, voting_round, committee, helped, public, committee_text
):
    from wijkgeld.voting.models import HelpDeskTally

    cast(voting_round, committee, SELECTIONS)
    HelpDeskTally.objects.create(round=voting_round, ballots=helped)  # as the help desk counts them
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result_count(actor=committee, round=round_, now=NOW)
    result_publish(actor=committee, round=round_, now=NOW)
    client.cookies["django_language"] = "nl"
    html = client.get(
        f"/gebieden/{round_.area.slug}/bewonersfonds/ronde/{round_.pk}/uitslag/"
    ).content.decode()
    assert public in html and (helped >= 5 or f"{helped} stemmen" not in html)
    login(client, committee)
    client.cookies["django_language"] = "nl"
    manage = f"/gebieden/{round_.area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/uitslag/"
    assert committee_text in client.get(manage).content.decode()
