"""The ballot's one summary (server side, the same as the live script) and the shared-computer receipt."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from wijkgeld.voting.models import Ballot
from wijkgeld.voting.selection import Selection, admitted_projects
from wijkgeld.voting.summary import ballot_summary

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dutch(client):
    client.cookies["django_language"] = "nl"


def step_of(html: str) -> str:
    return re.search(r'name="step" value="([^"]+)"', html).group(1)


def test_summary_counts_ideas_and_money_against_the_maximum(round_):
    with translation.override("nl"):
        summary = ballot_summary(round_, admitted_projects(round_), Selection(("1", "2", "3"), None))
    assert summary["text"].replace("\xa0", " ") == "3 van 3 ideeën, € 600,00 van € 500,00"
    assert summary["meter_value"] == 500_00 and summary["meter_max"] == 500_00  # the meter stops at the end
    assert summary["warnings"] == []  # over the budget is allowed unless the round limits it


def test_summary_warns_past_the_maximum_and_the_budget(round_):
    round_.limit_to_budget = True
    with translation.override("nl"):
        summary = ballot_summary(round_, admitted_projects(round_), Selection(("1", "2", "3", "4"), None))
    assert [w.replace("\xa0", " ") for w in summary["warnings"]] == [
        "Dat zijn meer dan 3 ideeën. Haal een idee weg.",
        "Dat is meer dan het budget van € 500,00. Haal een idee weg.",
    ]


def test_without_javascript_show_my_choice_gives_the_same_summary(client, dutch, round_, codes, timezone_now):
    html = client.get("/stemmen/").content.decode()
    client.post("/stemmen/", {"code": codes[0], "step": step_of(html)})
    page = client.post(
        f"/stemmen/ronde/{round_.pk}/",
        {"code": codes[0], "step": step_of(html), "projects": ["1", "2"], "action": "check"},
        follow=True,
    ).content.decode()
    assert "2 van 3 ideeën, € 300,00 van € 500,00" in page.replace("\xa0", " ")
    assert '<meter class="ballot__meter"' in page and 'value="30000"' in page
    # The live script gets the same patterns, translated.
    assert 'data-pattern-count-of-max="%(count)s van %(max)s ideeën, %(total)s van %(budget)s"' in page
    assert not Ballot.objects.exists()


def test_receipt_cookie_ends_with_the_browser_session(client, round_, codes, timezone_now):
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "projects": ["1"], "action": "cast"}
    )
    assert response.status_code == 302 and response["Location"] == "/stemmen/bewijs/"
    cookie = response.cookies["wg_receipt"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a session cookie
    assert cookie["httponly"]


def test_done_clears_the_receipt_and_expires_older_pages(client, dutch, round_, codes, timezone_now):
    step = step_of(client.get("/stemmen/").content.decode())
    url = f"/stemmen/ronde/{round_.pk}/"
    client.post(url, {"code": codes[0], "step": step, "projects": ["1"], "action": "cast"})
    assert "Klaar, wis deze pagina" in client.get("/stemmen/bewijs/").content.decode()
    done = client.post("/stemmen/bewijs/klaar/")
    assert done.status_code == 302
    assert done.cookies["wg_receipt"].value == ""
    assert "ontvangstcode" not in client.get("/stemmen/bewijs/").content.decode().split("<main")[1][:400]
    # The next person presses Back and sends the old pages again: nothing of the vote is shown.
    for data in (
        {"code": codes[0], "step": step, "projects": ["1"], "action": "confirm"},
        {"code": codes[0], "step": step, "projects": ["2"], "action": "cast"},
    ):
        again = client.post(url, data)
        assert again.status_code == 400
        assert "deze pagina verlopen" in again.content.decode()
        assert codes[0] not in again.content.decode()
    again = client.post("/stemmen/", {"code": codes[0], "step": step})
    assert again.status_code == 400 and codes[0] not in again.content.decode()
    assert Ballot.objects.get().approvals == ["1"]


def test_a_forged_step_stamp_is_refused(client, round_, codes, timezone_now):
    client.post(f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "projects": ["1"], "action": "cast"})
    response = client.post("/stemmen/", {"code": codes[0], "step": "9999999999999"})
    assert response.status_code == 400
    assert Ballot.objects.get().approvals == ["1"]


def test_done_without_a_vote_is_harmless_and_needs_post(client):
    assert client.get("/stemmen/bewijs/klaar/").status_code == 405
    assert client.post("/stemmen/bewijs/klaar/").status_code == 302


def test_reentering_a_code_shows_the_earlier_choice_only_when_asked(
    client, dutch, round_, codes, timezone_now
):
    from wijkgeld.voting.services import ballot_cast

    ballot_cast(round=round_, code=codes[0], approvals=["2", "4"])
    step = step_of(client.get("/stemmen/").content.decode())
    page = client.post("/stemmen/", {"code": codes[0], "step": step}, follow=True).content.decode()
    assert "U hebt al gestemd met deze code" in page
    assert "vervangt uw nieuwe stem de oude" in page
    assert " checked" not in page
    earlier = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "step": step, "action": "earlier"}, follow=True
    ).content.decode()
    assert earlier.count(" checked") == 2
    assert "2 van 3 ideeën" in earlier


def test_asking_for_the_earlier_choice_needs_the_right_code(client, round_, codes, timezone_now):
    from wijkgeld.voting.services import ballot_cast

    ballot_cast(round=round_, code=codes[0], approvals=["2"])
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": "ABCD-EFGH-JKMN-PQRS", "action": "earlier"}
    )
    assert response.status_code == 400
    assert " checked" not in response.content.decode()
