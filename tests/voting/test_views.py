"""Resident voting pages: code entry, ballot steps, receipt, errors that change nothing, throttling."""

import re

import pytest
from django.core.cache import cache

from wijkgeld.voting import codes as codelib
from wijkgeld.voting.models import Ballot, VotingCode
from wijkgeld.voting.services import ballot_cast, paper_ballot_enter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def state():
    return (
        list(Ballot.objects.values_list("code_id", "approvals", "points", "receipt")),
        list(VotingCode.objects.values_list("pk", "revoked", "used_channel")),
    )


def test_entry_page_prefills_code_from_qr_link(client, codes, timezone_now):
    response = client.get(f"/stemmen/?code={codes[0]}")
    assert response.status_code == 200
    assert f'value="{codes[0]}"' in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")


def test_area_entry_page(client, area, round_, timezone_now):
    response = client.get(f"/gebieden/{area.slug}/stemmen/")
    assert response.status_code == 200
    assert client.get("/gebieden/nergens/stemmen/").status_code == 404


def test_full_vote_change_and_receipt(client, round_, codes, timezone_now):
    code = codes[0]
    page = client.post("/stemmen/", {"code": code.lower().replace("-", " ")}, follow=True)
    assert page.redirect_chain == [(f"/stemmen/ronde/{round_.pk}/", 303)] and page.status_code == 200
    html = page.content.decode()
    assert "Project 1" in html and "Samenvatting 1" in html
    url = f"/stemmen/ronde/{round_.pk}/"
    assert f'action="{url}"' in html
    check = client.post(url, {"code": code, "projects": ["1", "2"], "action": "check"}, follow=True)
    assert check.status_code == 200 and check.redirect_chain == [(f"{url}?stap=controle", 303)]
    assert "€300.00" in check.content.decode()  # running total computed on the server
    confirm = client.post(url, {"code": code, "projects": ["1", "2"], "action": "confirm"}, follow=True)
    assert confirm.status_code == 200 and 'value="cast"' in confirm.content.decode()
    assert not Ballot.objects.exists()  # nothing stored before the last step
    cast = client.post(url, {"code": code, "projects": ["1", "2"], "action": "cast"})
    assert cast.status_code == 302 and cast["Location"] == "/stemmen/bewijs/"
    receipt = Ballot.objects.get().receipt
    assert receipt not in cast["Location"]
    page = client.get("/stemmen/bewijs/")
    assert codelib.format_receipt(receipt) in page.content.decode()
    # Change the vote: a fresh code page (the old pages expired with the vote); the last choice counts.
    step = re.search(r'name="step" value="([^"]+)"', client.get("/stemmen/").content.decode()).group(1)
    again = client.post("/stemmen/", {"code": code, "step": step}, follow=True)
    assert "already voted with this code" in again.content.decode()
    assert "checked" not in again.content.decode()  # the earlier choice only when asked for
    client.post(url, {"code": code, "step": step, "projects": ["3"], "action": "cast"})
    assert Ballot.objects.get().approvals == ["3"]
    assert Ballot.objects.get().receipt == receipt


def test_receipt_page_shows_the_choice_only_from_the_voters_own_cookie(client, round_, codes, timezone_now):
    from django.test import Client

    from wijkgeld.voting.views import RECEIPT_COOKIE

    url = f"/stemmen/ronde/{round_.pk}/"
    client.post(url, {"code": codes[0], "projects": ["1", "2"], "action": "cast"})
    page = client.get("/stemmen/bewijs/")
    assert [p.title for p, _points in page.context["chosen"]] == ["Project 1", "Project 2"]
    client.post(url, {"code": codes[0], "projects": ["3"], "action": "cast", "step": _step(client)})
    assert [p.title for p, _ in client.get("/stemmen/bewijs/").context["chosen"]] == ["Project 3"]
    # Another device with only the receipt code learns nothing: there is no lookup by receipt.
    receipt = codelib.format_receipt(Ballot.objects.get().receipt)
    other = Client()  # an unsigned (forged) cookie with a real receipt
    other.cookies[RECEIPT_COOKIE] = f"{round_.pk}:{receipt}:a:3"
    page = other.get("/stemmen/bewijs/")
    assert page.context["receipt"] is None and "Project 3" not in page.content.decode()


def test_change_button_returns_to_ballot_with_choice(client, round_, codes, timezone_now):
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "projects": ["2"], "action": "change"}, follow=True
    )
    assert response.status_code == 200 and response.content.decode().count(" checked>") == 1
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"projects": ["1", "2", "3", "4"]}, "at most 3"),
        ({"projects": []}, "at least 1"),
        ({"projects": ["77"]}, "not on this ballot"),
        ({"projects": ["1", "1"]}, "same project twice"),
        ({"projects": ["1"], "code": "ABCD-EFGH-JKMN-PQRS"}, "typing error"),
        ({"projects": ["1"], "code": ""}, "16 letters"),
    ],
)
@pytest.mark.parametrize("action", ["check", "confirm", "cast"])
def test_bad_input_gives_a_message_and_changes_nothing(
    client, round_, codes, timezone_now, post, message, action
):
    ballot_cast(round=round_, code=codes[1], approvals=["1"])
    before = state()
    data = {"code": codes[0], "action": action} | post
    response = client.post(f"/stemmen/ronde/{round_.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state() == before


def test_tampered_points_on_approval_ballot(client, round_, codes, timezone_now):
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/",
        {"code": codes[0], "points-1": "5", "projects": ["1"], "action": "cast"},
    )
    # Approval rounds ignore points fields entirely; the ticked project counts.
    assert response.status_code == 302


def test_cumulative_ballot_tampered_points(client, area, make_round, committee, timezone_now):
    from wijkgeld.voting.services import codes_generate

    round_ = make_round(area, ballot_type="cumulative", points_total=10, max_projects=None)
    [code] = codes_generate(actor=committee, round=round_, count=1)
    url = f"/stemmen/ronde/{round_.pk}/"
    for bad in ({"points-1": "abc"}, {"points-1": "-3"}, {"points-1": "11"}, {"points-99": "2"}):
        response = client.post(url, {"code": code, "action": "cast"} | bad)
        assert response.status_code == 400, bad
    assert not Ballot.objects.exists()
    check = client.post(url, {"code": code, "action": "check", "points-1": "4", "points-2": "3"}, follow=True)
    assert "7 of 10 points given, 3 left" in check.content.decode()
    assert (
        client.post(url, {"code": code, "action": "cast", "points-1": "4", "points-2": "3"}).status_code
        == 302
    )
    assert Ballot.objects.get().points == {"1": 4, "2": 3}


def test_code_of_another_round_in_the_form_is_refused(
    client, round_, area, make_round, committee, timezone_now
):
    from wijkgeld.voting.services import codes_generate

    other = make_round(area)
    [code] = codes_generate(actor=committee, round=other, count=1)
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": code, "projects": ["1"], "action": "cast"}
    )
    assert response.status_code == 400
    assert "do not know this code" in response.content.decode()
    assert not Ballot.objects.exists()


def test_revoked_and_paper_codes_get_clear_messages(
    client, round_, codes, committee, committee2, timezone_now
):
    from wijkgeld.voting.services import code_revoke_and_replace

    code_revoke_and_replace(actor=committee, round=round_, code=codes[0])
    assert "no longer valid" in client.post("/stemmen/", {"code": codes[0]}).content.decode()
    paper_ballot_enter(actor=committee, round=round_, code=codes[1], approvals=["1"])
    # One entry takes nothing away: the ballot still opens.
    assert "Project 1" in client.post("/stemmen/", {"code": codes[1]}, follow=True).content.decode()
    paper_ballot_enter(actor=committee2, round=round_, code=codes[1], approvals=["1"])
    assert "paper ballot" in client.post("/stemmen/", {"code": codes[1]}).content.decode()
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": codes[1], "projects": ["2"], "action": "cast"}
    )
    assert response.status_code == 400 and "paper ballot" in response.content.decode()


def test_voting_not_open(client, round_, codes):
    # No frozen clock: today is long after the round's voting end.
    response = client.post("/stemmen/", {"code": codes[0]})
    assert "Voting has closed" in response.content.decode()
    response = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "projects": ["1"], "action": "cast"}
    )
    assert response.status_code == 400 and "Voting has closed" in response.content.decode()
    assert not Ballot.objects.exists()


def test_get_on_ballot_url_goes_to_the_start(client, round_):
    assert client.get(f"/stemmen/ronde/{round_.pk}/")["Location"] == "/stemmen/"


def test_receipt_page_without_cookie(client):
    assert "only just after you vote" in client.get("/stemmen/bewijs/").content.decode()


WRONG = "ABCD-EFGH-JKMN-PQRS"


def _step(client, **extra) -> str:
    """A fresh step stamp from the code page: after a vote the older pages of this browser have expired."""
    page = client.get("/stemmen/", **extra).content.decode()
    return re.search(r'name="step" value="([^"]+)"', page).group(1)


def _cast(client, round_, code, **extra):
    data = {"code": code, "projects": ["1"], "action": "cast", "step": _step(client, **extra)}
    return client.post(f"/stemmen/ronde/{round_.pk}/", data, **extra)


def test_throttle_per_client_slows_wrong_codes_but_never_a_right_one(
    client, round_, codes, timezone_now, settings
):
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 3
    for _ in range(2):
        assert client.post("/stemmen/", {"code": WRONG}).status_code == 200
    blocked = client.post("/stemmen/", {"code": WRONG})
    assert blocked.status_code == 429
    assert "wait" in blocked.content.decode().lower() and int(blocked["Retry-After"]) > 0
    assert _cast(client, round_, WRONG).status_code == 429
    # The same (throttled) client with a right code: the ballot opens and the vote is stored.
    assert client.post("/stemmen/", {"code": codes[0]}).status_code == 303  # to the ballot
    assert _cast(client, round_, codes[0]).status_code == 302
    assert Ballot.objects.count() == 1
    # Another client's wrong code is answered normally.
    fresh = {"code": WRONG, "step": _step(client, REMOTE_ADDR="10.0.0.9")}
    assert client.post("/stemmen/", fresh, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_flood_of_wrong_codes_from_many_addresses_never_blocks_a_valid_code(
    client, round_, codes, timezone_now
):
    # 100 addresses × 12 wrong codes (default limit: 10 per client): the old site-wide limit of 600
    # per minute refused everyone after this.
    for i in range(100):
        for _ in range(12):
            client.post("/stemmen/", {"code": WRONG}, REMOTE_ADDR=f"198.51.100.{i}")
    # The last flooding address (its count is surely within the throttle window, also on a slow machine
    # where the loop takes longer than the window).
    assert client.post("/stemmen/", {"code": WRONG}, REMOTE_ADDR="198.51.100.99").status_code == 429
    # A fresh resident, and a resident behind one of the flooding addresses, both vote.
    assert client.post("/stemmen/", {"code": codes[0]}, REMOTE_ADDR="192.0.2.10").status_code == 303
    assert _cast(client, round_, codes[0], REMOTE_ADDR="192.0.2.10").status_code == 302
    assert _cast(client, round_, codes[1], REMOTE_ADDR="198.51.100.99").status_code == 302
    assert Ballot.objects.count() == 2
    # And a fresh address trying a wrong code is not refused either.
    fresh = {"code": WRONG, "step": _step(client, REMOTE_ADDR="192.0.2.11")}
    assert client.post("/stemmen/", fresh, REMOTE_ADDR="192.0.2.11").status_code == 200


def test_ipv6_clients_are_counted_per_64_network(client, round_, timezone_now, settings):
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 3
    for i in range(3):  # three addresses of one /64 share the bucket
        response = client.post("/stemmen/", {"code": WRONG}, REMOTE_ADDR=f"2001:db8:1:2::{i + 1}")
    assert response.status_code == 429
    assert client.post("/stemmen/", {"code": WRONG}, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert client.post("/stemmen/", {"code": WRONG}, REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_the_wait_doubles_for_a_client_that_keeps_guessing(
    client, round_, timezone_now, settings, monkeypatch
):
    from wijkgeld.voting import throttle

    settings.VOTING_THROTTLE_CLIENT_FAILURES = 2
    settings.VOTING_THROTTLE_CLIENT_WINDOW = 60
    clock = [1_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: clock[0])
    client.post("/stemmen/", {"code": WRONG})
    first = client.post("/stemmen/", {"code": WRONG})
    assert first.status_code == 429 and int(first["Retry-After"]) == 60
    clock[0] += 61
    assert client.post("/stemmen/", {"code": WRONG}).status_code == 200
    second = client.post("/stemmen/", {"code": WRONG})
    assert second.status_code == 429 and int(second["Retry-After"]) == 120


def test_right_codes_do_not_count_towards_the_throttle(client, round_, codes, timezone_now, settings):
    settings.VOTING_THROTTLE_CLIENT_FAILURES = 2
    for _ in range(5):
        assert client.post("/stemmen/", {"code": codes[0]}).status_code == 303


def test_throttle_keeps_no_ip_address(client, round_, timezone_now, settings):
    from django.db import connection

    client.post("/stemmen/", {"code": "ABCD-EFGH-JKMN-PQRS"}, REMOTE_ADDR="203.0.113.77")
    with connection.cursor() as cur:
        for table in connection.introspection.table_names():
            cur.execute(f'SELECT * FROM "{table}"')
            assert "203.0.113.77" not in repr(cur.fetchall()), table


def test_pages_are_dutch_by_default(client, round_, codes, timezone_now):
    from django.conf import settings

    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    page = client.post("/stemmen/", {"code": "ABCD"}).content.decode()
    assert "Een code heeft 16 letters en cijfers" in page
    assert 'lang="nl"' in page


def test_every_step_is_a_get_page_and_back_after_the_vote_shows_nothing(client, round_, codes, timezone_now):
    from wijkgeld.voting.ballot_state import STATE_COOKIE

    url = f"/stemmen/ronde/{round_.pk}/"
    assert client.post("/stemmen/", {"code": codes[0]})["Location"] == url
    confirm = client.post(url, {"code": codes[0], "projects": ["1", "2"], "action": "confirm"})
    assert confirm.status_code == 303 and confirm["Location"] == f"{url}?stap=bevestigen"
    state = client.cookies[STATE_COOKIE]
    assert state["httponly"] and codes[0] not in state.value  # signed and compressed, not in the URL
    for _ in range(2):  # reload: the same page again, nothing stored
        page = client.get(confirm["Location"])
        assert page.status_code == 200 and 'value="cast"' in page.content.decode()
        assert [p.title for p in page.context["summary"]["chosen"]] == ["Project 1", "Project 2"]
    assert not Ballot.objects.exists()
    client.post(url, {"code": codes[0], "projects": ["1", "2"], "action": "cast"})
    assert client.cookies[STATE_COOKIE].value == ""
    for stage in ("?stap=bevestigen", "?stap=controle", ""):  # Back after the receipt
        back = client.get(url + stage)
        assert back.status_code == 302 and back["Location"] == "/stemmen/"
    assert Ballot.objects.count() == 1


def test_a_forged_or_another_rounds_ballot_state_shows_nothing(
    client, round_, area, make_round, committee, codes, timezone_now
):
    from wijkgeld.voting.ballot_state import STATE_COOKIE

    client.cookies[STATE_COOKIE] = "forged"
    assert client.get(f"/stemmen/ronde/{round_.pk}/")["Location"] == "/stemmen/"
    client.post("/stemmen/", {"code": codes[0]})
    assert client.get(f"/stemmen/ronde/{round_.pk}/").status_code == 200
    other = make_round(area)
    assert client.get(f"/stemmen/ronde/{other.pk}/")["Location"] == "/stemmen/"


def test_done_ends_the_ballot_state_of_a_voter_who_walked_away(client, round_, codes, timezone_now):
    url = f"/stemmen/ronde/{round_.pk}/"
    step = _step(client)
    client.post("/stemmen/", {"code": codes[0], "step": step})
    client.post(url, {"code": codes[0], "step": step, "projects": ["1"], "action": "check"})
    assert client.get(f"{url}?stap=controle").status_code == 200
    client.post("/stemmen/bewijs/klaar/")
    assert client.get(f"{url}?stap=controle")["Location"] == "/stemmen/"


def test_a_cast_just_after_voting_closed_is_refused_though_the_worker_kept_the_round(
    client, round_, codes, timezone_now
):
    from wijkgeld.fund.models import Round
    from wijkgeld.voting.selection import round_for_ballot

    url = f"/stemmen/ronde/{round_.pk}/"
    assert client.post(url, {"code": codes[0], "projects": ["1"], "action": "cast"}).status_code == 302
    kept = round_for_ballot(round_.pk)
    Round.objects.filter(pk=round_.pk).update(voting_end=timezone_now)  # closed now, in the database
    assert round_for_ballot(round_.pk) is kept  # the worker's copy still says "open" ...
    data = {"code": codes[1], "projects": ["1"], "action": "cast", "step": _step(client)}
    response = client.post(url, data)
    assert (
        response.status_code == 400 and "Voting has closed" in response.content.decode()
    )  # ... the cast does not
    assert Ballot.objects.count() == 1


def test_a_page_opened_in_the_millisecond_of_the_vote_is_not_expired(
    client, round_, codes, timezone_now, monkeypatch
):
    """The done stamp and a new page's stamp can fall in one millisecond on a fast machine: that page
    came after the vote and still works (CI once saw "expired" for it)."""
    from wijkgeld.voting import views

    monkeypatch.setattr(views, "_now_ms", lambda: 1_800_000_000_000)  # one frozen millisecond
    assert client.post("/stemmen/", {"code": codes[0]}).status_code == 303
    assert _cast(client, round_, codes[0]).status_code == 302
    assert _cast(client, round_, codes[1]).status_code == 302
    assert Ballot.objects.count() == 2
