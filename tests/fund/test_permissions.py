"""Permission matrix: role × area × action on the committee pages and write paths."""

from __future__ import annotations

import pytest

from tests.conftest import login
from wijkgeld.accounts.permissions import ALL_ROLES, can
from wijkgeld.core.models import AuditEntry
from wijkgeld.fund.models import Round

pytestmark = pytest.mark.django_db

VIEWERS = {"fund_committee", "programme_staff", "finance", "observer", "site_admin"}
MANAGERS = {"fund_committee", "site_admin"}
GLOBAL_ONLY = {"site_admin", "observer"}


def _user(make_user, role, area, other_area, where):
    """A user with the role in this area, or in another area; global roles hold everywhere."""
    if role in GLOBAL_ONLY:
        return make_user(role, None)
    return make_user(role, area if where == "own" else other_area)


@pytest.fixture
def setup(area, make_round, make_idea):
    round_ = make_round(area, phase=Round.Phase.IDEAS)
    idea = make_idea(round_)
    base = f"/gebieden/{area.slug}/bewonersfonds/beheer/"
    return round_, {
        "home": base,
        "round": f"{base}ronde/{round_.pk}/",
        "assess": f"{base}ronde/{round_.pk}/ideeen/{idea.number}/",
        "results": f"{base}ronde/{round_.pk}/uitslag/",
        "execution": f"{base}ronde/{round_.pk}/uitvoering/",
    }


CASES = [
    (role, where)
    for role in ALL_ROLES
    for where in ("own", "other")
    if not (role in GLOBAL_ONLY and where == "other")
]


@pytest.mark.parametrize(("role", "where"), CASES)
def test_committee_pages(client, make_user, area, other_area, setup, role, where):
    user = _user(make_user, role, area, other_area, where)
    login(client, user)
    _round, urls = setup
    expected = 200 if where == "own" and role in VIEWERS else 403
    for name, url in urls.items():
        assert client.get(url).status_code == expected, (name, role, where)


@pytest.mark.parametrize(("role", "where"), CASES)
def test_moving_a_phase(client, make_user, area, other_area, setup, role, where):
    user = _user(make_user, role, area, other_area, where)
    login(client, user)
    round_, urls = setup
    response = client.post(urls["round"] + "fase/", {"to_phase": "assessment"})
    round_.refresh_from_db()
    if where == "own" and role in MANAGERS:
        assert response.status_code == 302 and round_.phase == "assessment"
        assert AuditEntry.objects.filter(action="fund.round.phase_changed", actor=user).exists()
    else:
        assert response.status_code == 403 and round_.phase == "ideas"


@pytest.mark.parametrize("role", ["programme_staff", "finance", "resident", "resident_delegate"])
def test_only_the_committee_writes(client, make_user, area, setup, role):
    login(client, make_user(role, area))
    round_, urls = setup
    for url, data in [
        (urls["round"], {"title": "Gekaapt"}),
        (urls["assess"], {"action": "conflict", "conflict-explanation": "x"}),
        (urls["results"] + "tellen/", {}),
        (urls["results"] + "publiceren/", {}),
        (urls["execution"] + "1/toekennen/", {}),
        (urls["execution"] + "1/afronden/", {}),
        (urls["home"], {"title": "Nieuw"}),
    ]:
        assert client.post(url, data).status_code == 403, url
    round_.refresh_from_db()
    assert round_.title != "Gekaapt" and Round.objects.count() == 1


def test_anonymous_is_sent_to_login(client, setup):
    _round, urls = setup
    response = client.get(urls["round"])
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_finance_may_pay(make_user, area, other_area):
    assert can(make_user("finance", area), "fund.pay", area)
    assert not can(make_user("finance", other_area), "fund.pay", area)
    assert not can(make_user("fund_committee", area), "fund.pay", area)


def test_round_of_another_area_is_not_found_under_this_area(client, make_user, area, other_area, make_round):
    other = make_round(other_area, phase=Round.Phase.IDEAS)
    login(client, make_user("fund_committee", area))
    assert client.get(f"/gebieden/{area.slug}/bewonersfonds/beheer/ronde/{other.pk}/").status_code == 404
