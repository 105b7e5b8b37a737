"""Committee pages and the permission matrix (role × area × action) for voting."""

import datetime as dt
import hashlib
import io
import zipfile

import pytest

from tests.conftest import login
from tests.voting.conftest import START
from wijkgeld.accounts.permissions import can
from wijkgeld.core.models import AuditEntry
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.batches import code_batch_request
from wijkgeld.voting.models import Ballot, CodeBatch, PaperBallot, VotingCode

pytestmark = pytest.mark.django_db
ROLES = ["resident", "resident_delegate", "fund_committee", "programme_staff", "finance", "observer"]
EXPECTED = {
    "voting.manage_codes": {"fund_committee"},
    "voting.enter_paper": {"fund_committee"},
    "voting.view_turnout": {"fund_committee", "programme_staff", "resident_delegate", "observer"},
}


def _pending_batch(round_):
    """A request by some committee member of the round's area (so the test user is a second person)."""
    from wijkgeld.accounts.models import Role, User
    from wijkgeld.voting.models import CodeBatch

    existing = CodeBatch.objects.filter(round=round_, status="requested").first()
    if existing:
        return existing
    asker = User.objects.create_user(username=f"asker{round_.pk}", password="correct horse battery")
    Role.objects.create(user=asker, area=round_.fund.area, name="fund_committee")
    return code_batch_request(actor=asker, round=round_, count=2, now=START - dt.timedelta(days=1))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_permission_matrix(role, action, area, other_area, make_user):
    user = make_user(role, area)
    assert can(user, action, area) is (role in EXPECTED[action])
    assert can(user, action, other_area) is False
    assert can(make_user("site_admin", None), action, area) is True


def urls(area, round_):
    base = f"/gebieden/{area.slug}/stemmen/beheer/"
    batch = _pending_batch(round_)
    return {
        "issue": (f"{base}{round_.pk}/codes/{batch.pk}/uitgeven/", "voting.manage_codes", "post"),
        "cancel": (f"{base}{round_.pk}/codes/{batch.pk}/intrekken/", "voting.manage_codes", "post"),
        "rounds": (base, "voting.view_turnout", "get"),
        "overview": (f"{base}{round_.pk}/", "voting.view_turnout", "get"),
        "generate": (f"{base}{round_.pk}/codes/", "voting.manage_codes", "post"),
        "replace": (f"{base}{round_.pk}/vervangen/", "voting.manage_codes", "post"),
        "paper": (f"{base}{round_.pk}/papier/", "voting.enter_paper", "get"),
        "mismatches": (f"{base}{round_.pk}/verschillen/", "voting.enter_paper", "get"),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name", ["rounds", "overview", "generate", "replace", "issue", "cancel", "paper", "mismatches"]
)
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


def _zip_codes(content: bytes) -> list[str]:
    zf = zipfile.ZipFile(io.BytesIO(content))
    assert zf.read("brieven.pdf").startswith(b"%PDF")
    return [line.split(",")[0] for line in zf.read("codes.csv").decode().splitlines()[1:]]


def test_codes_need_two_members_and_download_only_once(client, make_user, area, make_round, settings):
    settings.SITE_URL = "https://wijkgeld.example.nl"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]  # e.g. a too wide ALLOWED_HOSTS
    round_ = make_round(area, phase="preparation")
    anna, bram = make_user("fund_committee", area), make_user("fund_committee", area)
    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"
    login(client, anna)
    response = client.post(base + "codes/", {"count": "3"})
    assert response.status_code == 302
    assert not VotingCode.objects.exists()  # asking makes no code
    batch = CodeBatch.objects.get()
    # Anna cannot issue her own request: no codes, no file.
    own = client.post(f"{base}codes/{batch.pk}/uitgeven/")
    assert own.status_code == 400 and "Another committee member" in own.content.decode()
    assert not VotingCode.objects.exists()
    client.logout()
    login(client, bram)
    response = client.post(f"{base}codes/{batch.pk}/uitgeven/", HTTP_HOST="evil.example")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    plain = _zip_codes(response.content)
    assert len(plain) == 3
    assert {codelib.code_hash(c) for c in plain} == set(
        VotingCode.objects.values_list("code_hash", flat=True)
    )
    # Letters link to SITE_URL, never to the Host header of the request.
    csv_text = zipfile.ZipFile(io.BytesIO(response.content)).read("codes.csv").decode()
    assert "https://wijkgeld.example.nl/stemmen/?code=" in csv_text and "evil.example" not in csv_text
    # Only the files' hashes remain, and they match what was downloaded.
    batch.refresh_from_db()
    assert batch.status == "issued" and batch.decided_by == bram
    [zip_name] = [n for n in batch.file_hashes if n.endswith(".zip")]
    assert batch.file_hashes[zip_name] == hashlib.sha256(response.content).hexdigest()
    assert set(batch.file_hashes) == {zip_name, "brieven.pdf", "stembiljet.pdf", "codes.csv", "LEESMIJ.txt"}
    # A second download is refused, for both members; the page never shows a code.
    again = client.post(f"{base}codes/{batch.pk}/uitgeven/")
    assert again.status_code == 400 and VotingCode.objects.count() == 3
    page = client.get(base).content.decode()
    assert all(c not in page for c in plain) and batch.file_hashes[zip_name] in page
    actions = list(
        AuditEntry.objects.filter(action__startswith="voting.batch").values_list("action", flat=True)
    )
    assert sorted(actions) == ["voting.batch.issued", "voting.batch.requested"]


def test_a_batch_of_another_round_or_area_cannot_be_issued(client, make_user, area, other_area, make_round):
    round_ = make_round(area, phase="preparation")
    other_round = make_round(other_area, phase="preparation")
    batch = _pending_batch(other_round)
    login(client, make_user("fund_committee", area))
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/{batch.pk}/uitgeven/"
    assert client.post(url).status_code == 404
    url = f"/gebieden/{area.slug}/stemmen/beheer/{other_round.pk}/codes/{batch.pk}/uitgeven/"
    assert client.post(url).status_code == 404
    assert not VotingCode.objects.exists()


def test_a_cancelled_batch_cannot_be_issued(client, make_user, area, round_):
    batch = _pending_batch(round_)
    login(client, make_user("fund_committee", area))
    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/{batch.pk}/"
    assert client.post(base + "intrekken/").status_code == 302
    assert client.post(base + "uitgeven/").status_code == 400
    assert not VotingCode.objects.exists()


@pytest.mark.parametrize("count", ["0", "1001", "abc", ""])
def test_generate_bad_count(client, committee, area, round_, count):
    login(client, committee)
    response = client.post(f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/", {"count": count})
    assert response.status_code == 400
    assert not CodeBatch.objects.exists()


def test_replacement_needs_a_second_member_and_refuses_used_codes(
    client, committee, committee2, area, round_, codes, timezone_now
):
    from wijkgeld.voting.services import ballot_cast

    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"
    login(client, committee)
    assert client.post(base + "vervangen/", {"code": codes[0]}).status_code == 302
    assert not VotingCode.objects.filter(revoked=True).exists()  # still works until issued
    batch = CodeBatch.objects.get()
    assert client.post(f"{base}codes/{batch.pk}/uitgeven/").status_code == 400
    again = client.post(base + "vervangen/", {"code": codes[0]})
    assert again.status_code == 400 and "already asked for" in again.content.decode()
    ballot_cast(round=round_, code=codes[1], approvals=["1"])
    response = client.post(base + "vervangen/", {"code": codes[1]})
    assert response.status_code == 400 and "already used" in response.content.decode()
    client.logout()
    login(client, committee2)
    response = client.post(f"{base}codes/{batch.pk}/uitgeven/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert VotingCode.objects.filter(revoked=True).get().code_hash == codelib.code_hash(codes[0])
    assert VotingCode.objects.count() == 6


def test_replacement_is_refused_if_the_code_voted_in_the_meantime(
    client, committee, committee2, area, round_, codes, timezone_now
):
    from wijkgeld.voting.services import ballot_cast

    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"
    login(client, committee)
    client.post(base + "vervangen/", {"code": codes[0]})
    ballot_cast(round=round_, code=codes[0], approvals=["1"])
    client.logout()
    client.cookies["django_language"] = "en"
    login(client, committee2)
    response = client.post(f"{base}codes/{CodeBatch.objects.get().pk}/uitgeven/")
    assert response.status_code == 400 and "already used" in response.content.decode()
    assert not VotingCode.objects.filter(revoked=True).exists() and VotingCode.objects.count() == 5


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
    # Bram entered it: the page offers him nothing to resolve, and a forged post is refused.
    assert 'name="number"' not in page and "Ask another committee member" in page
    refused = client.post(mismatch_url, {"number": "2", "code": codes[1], "projects": ["1"]})
    assert refused.status_code == 400 and "third committee member" in refused.content.decode()
    assert PaperBallot.objects.get(number=2).status == "mismatch"
    client.logout()
    client.cookies["django_language"] = "en"
    login(client, make_user("fund_committee", area))
    assert '<option value="2">2</option>' in client.get(mismatch_url).content.decode()
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


def test_invalid_paper_ballot_through_the_pages(client, make_user, area, round_, codes, timezone_now):
    """Two members record an over-voted paper as invalid: counted as invalid, code used, not a ballot."""
    base = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/"
    over_voted = {"code": codes[0], "projects": ["1", "2", "3", "4"]}
    login(client, make_user("fund_committee", area))
    client.cookies["django_language"] = "en"
    page = client.get(base + "papier/").content.decode()
    assert 'name="invalid" value="1"' in page and "Record as invalid" in page
    refused = client.post(base + "papier/", over_voted)  # saved as marked: the ballot rule refuses it
    assert refused.status_code == 400 and not PaperBallot.objects.exists()
    response = client.post(base + "papier/", over_voted | {"invalid": "1"}, follow=True)
    assert "entered once as invalid" in response.content.decode()
    client.logout()
    login(client, make_user("fund_committee", area))
    client.cookies["django_language"] = "en"
    response = client.post(base + "papier/", {"code": codes[0], "invalid": "1"}, follow=True)
    assert "counts as an invalid ballot" in response.content.decode()
    assert PaperBallot.objects.get().status == "invalid" and not Ballot.objects.exists()
    overview = client.get(base).content.decode()
    assert "Invalid paper ballots" in overview


def test_a_third_member_resolves_a_difference_as_invalid(
    client, make_user, area, round_, codes, timezone_now
):
    from wijkgeld.voting.services import paper_ballot_enter, turnout

    anna, bram = make_user("fund_committee", area), make_user("fund_committee", area)
    paper_ballot_enter(actor=anna, round=round_, code=codes[0], approvals=["1"])
    paper_ballot_enter(actor=bram, round=round_, code=codes[0], invalid=True)
    url = f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/verschillen/"
    login(client, make_user("fund_committee", area))
    client.cookies["django_language"] = "en"
    page = client.get(url).content.decode()
    assert "Invalid (too many crosses or unreadable)" in page and "Resolve as invalid" in page
    response = client.post(url, {"number": "1", "code": codes[0], "invalid": "1"}, follow=True)
    assert "resolved as invalid" in response.content.decode()
    assert turnout(round=round_).paper_invalid == 1 and not Ballot.objects.exists()
