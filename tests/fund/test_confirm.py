"""Opening the vote (locks the rules) and publishing the result first show what cannot be undone."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.fund.conftest import NOW, cast
from wijkgeld.fund.models import Proposal, Round, RoundResult
from wijkgeld.fund.services.results import result_count
from wijkgeld.fund.services.rounds import round_advance

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(voting_round, committee):
    cast(voting_round, committee, [("1",), ("2",)])
    round_ = round_advance(actor=committee, round=voting_round, now=NOW)
    result_count(actor=committee, round=round_, now=NOW)
    return round_


def _url(round_, tail):
    return f"/gebieden/{round_.area.slug}/bewonersfonds/beheer/ronde/{round_.pk}/{tail}"


def test_publish_asks_first_and_changes_nothing(client, counted, committee):
    login(client, committee)
    client.cookies["django_language"] = "nl"
    page = client.post(_url(counted, "uitslag/publiceren/"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt" in html
    assert 'name="confirmed" value="yes"' in html and "wg-button--irreversible" in html
    assert RoundResult.objects.get(round=counted).published_at is None


def test_publish_with_confirmation(client, counted, committee):
    login(client, committee)
    response = client.post(_url(counted, "uitslag/publiceren/"), {"confirmed": "yes"})
    assert response.status_code == 302
    assert RoundResult.objects.get(round=counted).published_at is not None


def test_confirm_page_is_not_for_other_roles(client, counted, make_user, area):
    login(client, make_user("resident_delegate", area))
    assert client.post(_url(counted, "uitslag/publiceren/")).status_code == 403
    assert client.post(_url(counted, "uitslag/publiceren/"), {"confirmed": "yes"}).status_code == 403
    assert RoundResult.objects.get(round=counted).published_at is None


def test_opening_the_vote_asks_first(client, make_round, make_idea, area, committee):
    round_ = make_round(area, phase=Round.Phase.ASSESSMENT)
    make_idea(round_, status=Proposal.Status.ADMITTED)
    login(client, committee)
    client.cookies["django_language"] = "nl"
    page = client.post(_url(round_, "fase/"), {"to_phase": "voting"})
    assert page.status_code == 200 and "Het stemmen openen?" in page.content.decode()
    round_.refresh_from_db()
    assert round_.phase == "assessment" and round_.locked_at is None
    client.post(_url(round_, "fase/"), {"to_phase": "voting", "confirmed": "yes"})
    round_.refresh_from_db()
    assert round_.phase == "voting" and round_.locked_at is not None


def test_other_phase_changes_need_no_confirmation(client, make_round, area, committee):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    login(client, committee)
    assert client.post(_url(round_, "fase/"), {"to_phase": "assessment"}).status_code == 302
    round_.refresh_from_db()
    assert round_.phase == "assessment"
