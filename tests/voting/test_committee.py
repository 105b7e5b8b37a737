"""Committee pages and the permission matrix (role × area × action) for voting."""

import io
import zipfile

import pytest

from tests.conftest import login
from wijkgeld.accounts.permissions import can
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.models import Ballot, PaperBallot, VotingCode

pytestmark = pytest.mark.django_db
ROLES = ["resident", "resident_delegate", "fund_committee", "programme_staff", "finance", "observer"]
EXPECTED = {
    "voting.manage_codes": {"fund_committee"},
    "voting.enter_paper": {"fund_committee"},
    "voting.view_turnout": {"fund_committee", "programme_staff", "resident_delegate", "observer"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_permission_matrix(role, action, area, other_area, make_user):
    user = make_user(role, area)
    assert can(user, action, area) is (role in EXPECTED[action])
    assert can(user, action, other_area) is False
    assert can(make_user("site_admin", None), action, area) is True


def urls(area, round_):
    base = f"/gebieden/{area.slug}/stemmen/beheer/"
    return {
        "rounds": (base, "voting.view_turnout", "get"),
        "overview": (f"{base}{round_.pk}/", "voting.view_turnout", "get"),
        "generate": (f"{base}{round_.pk}/codes/", "voting.manage_codes", "post"),
        "replace": (f"{base}{round_.pk}/vervangen/", "voting.manage_codes", "post"),
        "paper": (f"{base}{round_.pk}/papier/", "voting.enter_paper", "get"),
        "mismatches": (f"{base}{round_.pk}/verschillen/", "voting.enter_paper", "get"),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["rounds", "overview", "generate", "replace", "paper", "mismatches"])
def test_committee_urls_by_role(client, make_user, area, other_area, round_, role, name):
    url, action, method = urls(area, round_)[name]
    login(client, make_user(role, area))
    response = getattr(client, method)(url, {"count": "1"} if name == "generate" else {})
    allowed = role in EXPECTED[action]
    assert (response.status_code != 403) is allowed, (role, name, response.status_code)
    # Same role in another area: never.
    client.logout()
    login(client, make_user(role, other_area))
    assert getattr(client, method)(url).status_code == 403


def test_anonymous_is_sent_to_login(client, area, round_):
    for url, _action, method in urls(area, round_).values():
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_round_of_another_area_is_404(client, make_user, area, other_area, make_round):
    other_round = make_round(other_area)
    login(client, make_user("fund_committee", area))
    assert client.get(f"/gebieden/{area.slug}/stemmen/beheer/{other_round.pk}/").status_code == 404


def test_generate_downloads_letters_once(client, committee, area, make_round):
    round_ = make_round(area, phase="preparation")
    login(client, committee)
    response = client.post(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/", {"count": "3"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    zf = zipfile.ZipFile(io.BytesIO(response.content))
    csv_text = zf.read("codes.csv").decode()
    plain = [line.split(",")[0] for line in csv_text.splitlines()[1:]]
    assert len(plain) == 3
    assert {codelib.code_hash(c) for c in plain} == set(
        VotingCode.objects.values_list("code_hash", flat=True)
    )
    assert zf.read("brieven.pdf").startswith(b"%PDF")
    # The page offers no way to see these codes again.
    page = client.get(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/").content.decode()
    assert all(c not in page for c in plain)


@pytest.mark.parametrize("count", ["0", "1001", "abc", ""])
def test_generate_bad_count(client, committee, area, round_, count):
    login(client, committee)
    response = client.post(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/", {"count": count})
    assert response.status_code == 400
    assert not VotingCode.objects.exists()


def test_replace_gives_a_letter_and_refuses_used_codes(client, committee, area, round_, codes, timezone_now):
    from wijkgeld.voting.services import ballot_cast

    login(client, committee)
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/vervangen/"
    response = client.post(url, {"code": codes[0]})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert VotingCode.objects.filter(revoked=True).count() == 1
    ballot_cast(round=round_, code=codes[1], approvals=["1"])
    response = client.post(url, {"code": codes[1]})
    assert response.status_code == 400 and "already used" in response.content.decode()
    assert VotingCode.objects.filter(revoked=True).count() == 1


def test_paper_double_entry_through_the_pages(client, make_user, area, round_, codes, timezone_now):
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/papier/"
    anna, bram = make_user("fund_committee", area), make_user("fund_committee", area)
    login(client, anna)
    response = client.post(url, {"code": codes[0], "projects": ["1", "2"]}, follow=True)
    assert "entered once" in response.content.decode()
    again = client.post(url, {"code": codes[0], "projects": ["1", "2"]})
    assert again.status_code == 400 and "Another committee member" in again.content.decode()
    client.post(url, {"code": codes[1], "projects": ["1"]})
    client.logout()  # also drops the language cookie
    client.cookies["django_language"] = "en"
    login(client, bram)
    response = client.post(url, {"code": codes[0], "projects": ["2", "1"]}, follow=True)
    assert "Both match" in response.content.decode()
    response = client.post(url, {"code": codes[1], "projects": ["3"]}, follow=True)
    assert "differ" in response.content.decode()
    assert Ballot.objects.count() == 1
    mismatch_url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/verschillen/"
    page = client.get(mismatch_url).content.decode()
    assert "Project 3" in page and codes[1] not in page
    bad = client.post(mismatch_url, {"number": "2", "code": codes[0], "projects": ["1"]})
    assert bad.status_code == 400
    ok = client.post(mismatch_url, {"number": "2", "code": codes[1], "projects": ["1"]}, follow=True)
    assert "now counts" in ok.content.decode()
    assert Ballot.objects.count() == 2
    assert PaperBallot.objects.get(number=2).status == "resolved"


def test_overview_shows_turnout_numbers_only(client, committee, area, round_, codes, timezone_now):
    from wijkgeld.voting.services import ballot_cast

    ballot_cast(round=round_, code=codes[0], approvals=["1"])
    login(client, committee)
    page = client.get(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/").content.decode()
    assert "20.0%" in page
    assert Ballot.objects.get().receipt not in page


def test_area_page_links(client, area, committee):
    page = client.get(f"/gebieden/{area.slug}/").content.decode()
    assert f"/gebieden/{area.slug}/stemmen/" in page
    assert "/stemmen/beheer/" not in page
    login(client, committee)
    assert "/stemmen/beheer/" in client.get(f"/gebieden/{area.slug}/").content.decode()
