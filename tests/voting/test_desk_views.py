"""Help-desk pages: the device forgets each voter, the helper is logged out, who may open a desk, give the
role or ask for a replacement, and bad input that changes nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import login
from wijkgeld.accounts.models import Role
from wijkgeld.core.models import AuditEntry
from wijkgeld.voting.models import Ballot, CodeBatch, HelpDesk, HelpDeskTally

pytestmark = pytest.mark.django_db
ROLES = [
    "resident",
    "resident_delegate",
    "fund_committee",
    "programme_staff",
    "finance",
    "observer",
    "help_desk",
]
DESK_ROLES = {"fund_committee", "help_desk"}


def _step(html: str) -> str:
    return re.search(r'name="step" value="([^"]+)"', html).group(1)


def _open_desk(client, user, area, round_):
    client.cookies["django_language"] = "en"  # Client.logout() empties the cookie jar
    login(client, user)
    response = client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/openen/")
    assert response.status_code == 302 and response["Location"] == "/stemmen/balie/"
    return response


def _vote(client, round_, code, projects):
    page = client.get("/stemmen/balie/").content.decode()
    step = _step(page)
    ballot = client.post("/stemmen/balie/", {"code": code, "step": step}, follow=True)
    assert ballot.status_code == 200 and 'name="projects"' in ballot.content.decode()
    data = {"code": code, "step": step, "projects": projects, "action": "cast"}
    cast = client.post(f"/stemmen/ronde/{round_.pk}/", data)
    assert cast.status_code == 302 and cast["Location"] == "/stemmen/bewijs/"
    return data


def test_two_residents_in_a_row_do_not_see_each_other(client, make_user, area, round_, codes, timezone_now):
    helper = make_user("help_desk", area)
    _open_desk(client, helper, area, round_)
    assert client.get("/account/").status_code == 302  # the helper is logged out of this device
    assert "wg_desk" in client.cookies and "sessionid" not in {
        k for k, v in client.cookies.items() if v.value
    }
    first = _vote(client, round_, codes[0], ["1", "2"])
    receipt = client.get("/stemmen/bewijs/")
    html = receipt.content.decode()
    assert "Project 1" in html and "Done, next resident" in html
    assert receipt.cookies["wg_receipt"].value == ""  # shown once: deleted with this very response
    assert "no-store" in receipt["Cache-Control"]
    again = client.get("/stemmen/bewijs/").content.decode()  # Back or reload: nothing of voter 1
    assert "Project 1" not in again and codes[0] not in again
    nxt = client.post("/stemmen/balie/volgende/")
    assert nxt.status_code == 302 and nxt["Clear-Site-Data"] == '"cache"'
    start = client.get("/stemmen/balie/").content.decode()
    assert codes[0] not in start and "Project 1" not in start and 'value=""' in start
    # Voter 1's pages sent again (Back, resend) are refused and show nothing of them.
    resend = client.post(f"/stemmen/ronde/{round_.pk}/", first | {"action": "confirm"})
    assert resend.status_code == 400 and codes[0] not in resend.content.decode()
    assert "Project 1" not in resend.content.decode()
    _vote(client, round_, codes[1], ["3"])
    html = client.get("/stemmen/bewijs/").content.decode()
    assert "Project 3" in html and "Project 1" not in html and "Project 2" not in html
    assert HelpDeskTally.objects.get(round=round_).ballots == 2
    assert Ballot.objects.count() == 2


def test_the_helper_is_not_linked_to_the_ballot(client, make_user, area, round_, codes, timezone_now):
    helper = make_user("help_desk", area, username="helper-anna")
    _open_desk(client, helper, area, round_)
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    _vote(client, round_, codes[0], ["2"])
    new_entries = AuditEntry.objects.exclude(pk__in=before)
    assert not new_entries.exists()  # casting writes nothing that names the desk or its helper
    ballot = Ballot.objects.get()
    row = {f.attname: getattr(ballot, f.attname) for f in Ballot._meta.concrete_fields}
    assert set(row) == {"id", "round_id", "code_id", "receipt", "channel", "approvals", "points"}
    assert "helper-anna" not in str(row)


def test_a_replaced_code_cannot_vote_at_the_desk(
    client, make_user, area, round_, committee, committee2, timezone_now
):
    from wijkgeld.voting.batches import code_batch_issue, code_batch_request
    from wijkgeld.voting.services import code_lookup

    batch = code_batch_request(actor=committee, round=round_, count=2, now=round_.voting_start)
    import io
    import zipfile

    data = code_batch_issue(actor=committee2, batch=batch, now=round_.voting_start).data
    rows = zipfile.ZipFile(io.BytesIO(data)).read("codes.csv").decode().splitlines()[1:]
    letter1 = rows[0].split(",")[0]
    helper = make_user("help_desk", area)
    login(client, helper)
    asked = client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/vervangen/", {"letter": "1"})
    assert asked.status_code == 302
    client.logout()
    login(client, committee)
    issued = client.post(
        f"/gebieden/{area.slug}/stemmen/beheer/{round_.pk}/codes/{CodeBatch.objects.get(kind='replace').pk}/uitgeven/"
    )
    assert issued.status_code == 200 and issued["Content-Type"] == "application/pdf"
    assert code_lookup(letter1).revoked
    client.logout()
    _open_desk(client, helper, area, round_)
    step = _step(client.get("/stemmen/balie/").content.decode())
    refused = client.post("/stemmen/balie/", {"code": letter1, "step": step})
    assert refused.status_code == 400 and "no longer valid" in refused.content.decode()
    cast = client.post(
        f"/stemmen/ronde/{round_.pk}/", {"code": letter1, "step": step, "projects": ["1"], "action": "cast"}
    )
    assert cast.status_code == 400 and not Ballot.objects.exists()


def test_a_device_without_a_valid_desk_cookie_is_no_desk(client, round_, codes, timezone_now):
    assert "not a help desk" in client.get("/stemmen/balie/").content.decode()
    client.cookies["wg_desk"] = "forged"
    response = client.post("/stemmen/balie/", {"code": codes[0]})
    assert response.status_code == 400 and not Ballot.objects.exists()
    # A cast on a device that is no desk does not count as helped.
    client.post(f"/stemmen/ronde/{round_.pk}/", {"code": codes[0], "projects": ["1"], "action": "cast"})
    assert Ballot.objects.count() == 1 and not HelpDeskTally.objects.filter(ballots__gt=0).exists()


def test_closing_the_desk_on_the_device(client, make_user, area, round_, codes, timezone_now):
    _open_desk(client, make_user("help_desk", area), area, round_)
    response = client.post("/stemmen/balie/sluiten/")
    assert response.status_code == 302 and client.cookies["wg_desk"].value == ""
    assert HelpDesk.objects.get().closed_at is not None
    assert "not a help desk" in client.get("/stemmen/balie/").content.decode()


def test_a_desk_code_of_another_round_is_refused(client, make_user, area, round_, make_round, timezone_now):
    from wijkgeld.voting.services import codes_generate

    other = make_round(area, title="Andere ronde")
    committee = make_user("fund_committee", area)
    [other_code] = codes_generate(actor=committee, round=other, count=1, now=round_.voting_start)
    _open_desk(client, make_user("help_desk", area), area, round_)
    step = _step(client.get("/stemmen/balie/").content.decode())
    response = client.post("/stemmen/balie/", {"code": other_code, "step": step})
    assert response.status_code == 400 and "We do not know this code" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_help_desk_pages_by_role(client, make_user, area, other_area, round_, role, timezone_now):
    login(client, make_user(role, area))
    home = client.get(f"/gebieden/{area.slug}/stemmen/balie/")
    assert (home.status_code == 200) is (role in DESK_ROLES), (role, home.status_code)
    volunteers = client.get(f"/gebieden/{area.slug}/stemmen/balie/vrijwilligers/")
    assert (volunteers.status_code == 200) is (role == "fund_committee"), (role, volunteers.status_code)
    opened = client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/openen/")
    assert (opened.status_code == 302) is (role in DESK_ROLES)
    assert HelpDesk.objects.exists() is (role in DESK_ROLES)
    client.logout()
    login(client, make_user(role, other_area))
    assert client.get(f"/gebieden/{area.slug}/stemmen/balie/").status_code == 403
    assert (
        client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/vervangen/", {"letter": 1}).status_code
        == 403
    )


@pytest.mark.parametrize("bad", ["", "abc", "0", "-3", "99999999999"])
def test_a_bad_letter_number_changes_nothing(client, make_user, area, round_, bad, timezone_now):
    login(client, make_user("help_desk", area))
    response = client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/vervangen/", {"letter": bad})
    assert response.status_code == 400 and not CodeBatch.objects.exists()


def test_an_unknown_letter_number_is_shown_next_to_the_field(client, make_user, area, round_, timezone_now):
    login(client, make_user("help_desk", area))
    response = client.post(f"/gebieden/{area.slug}/stemmen/balie/{round_.pk}/vervangen/", {"letter": "7"})
    assert response.status_code == 400 and "no letter with this number" in response.content.decode()


def test_the_committee_gives_and_takes_the_volunteer_role(client, make_user, area):
    committee = make_user("fund_committee", area)
    person = make_user(None, None, username="buurvrouw")
    login(client, committee)
    url = f"/gebieden/{area.slug}/stemmen/balie/vrijwilligers/"
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert client.post(url, {"username": "buurvrouw", "until": until}).status_code == 302
    role = Role.objects.get(user=person, name="help_desk", area=area)
    assert AuditEntry.objects.filter(action="accounts.role.granted", actor=committee).exists()
    # Not to themselves.
    response = client.post(url, {"username": committee.username, "until": until})
    assert response.status_code == 400 and not Role.objects.filter(user=committee, name="help_desk").exists()
    assert client.post(f"{url}{role.pk}/intrekken/").status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(action="accounts.role.revoked", actor=committee).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"username": "", "until": "2030-01-01"},
        {"username": "x", "until": ""},
        {"username": "x", "until": "2001-01-01"},
        {"username": "x", "until": "2999-01-01"},
        {"username": "nieuw", "until": "", "email": "geen-adres"},
        {"username": "nieuw"},
    ],
)
def test_bad_volunteer_input_changes_nothing(client, make_user, area, data):
    login(client, make_user("fund_committee", area))
    response = client.post(f"/gebieden/{area.slug}/stemmen/balie/vrijwilligers/", data)
    assert response.status_code == 400 and not Role.objects.filter(name="help_desk").exists()


def test_a_new_volunteer_account_needs_an_email_address(client, make_user, area):
    login(client, make_user("fund_committee", area))
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    response = client.post(
        f"/gebieden/{area.slug}/stemmen/balie/vrijwilligers/", {"username": "nieuw", "until": until}
    )
    assert response.status_code == 400 and not Role.objects.filter(name="help_desk").exists()


def test_the_desk_page_speaks_the_residents_language(client, make_user, area, round_, timezone_now):
    from django.conf import settings
    from django.utils import translation

    helper = make_user("help_desk", area)
    _open_desk(client, helper, area, round_)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    page = client.get("/stemmen/balie/")
    with translation.override("tr"):
        heading = translation.gettext("Vote with your code")
    assert '<html lang="tr"' in page.content.decode() and heading in page.content.decode()
