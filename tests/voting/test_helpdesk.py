"""Help desk services: opening a desk, the count of ballots cast with help (and nothing more), and a
replacement code for a lost letter that nobody can make alone."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied

from tests.voting.conftest import DURING, END, START
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.batches import code_batch_issue, code_batch_request
from wijkgeld.voting.helpdesk import help_desk_close, help_desk_for_token, help_desk_open
from wijkgeld.voting.models import Ballot, CodeBatch, HelpDesk, HelpDeskTally, VotingCode
from wijkgeld.voting.services import ballot_cast, turnout

pytestmark = pytest.mark.django_db
BEFORE = START - dt.timedelta(days=1)


@pytest.fixture
def volunteer(make_user, area):
    return make_user("help_desk", area)


# --- opening and closing a desk ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["fund_committee", "help_desk"])
def test_committee_and_volunteers_open_a_desk(make_user, area, round_, role):
    user = make_user(role, area)
    desk, token = help_desk_open(actor=user, round=round_, now=DURING)
    assert help_desk_for_token(token, now=DURING) == desk
    assert desk.token_hash != token and token not in json.dumps(list(AuditEntry.objects.values("data")))
    entry = AuditEntry.objects.get(action="voting.desk.opened")
    assert entry.actor == user and entry.data == {"desk": desk.pk}


@pytest.mark.parametrize(
    "role", ["resident", "resident_delegate", "programme_staff", "finance", "observer", None]
)
def test_others_cannot_open_a_desk(make_user, area, round_, role):
    with pytest.raises(PermissionDenied):
        help_desk_open(actor=make_user(role, area), round=round_, now=DURING)
    assert not HelpDesk.objects.exists()


def test_a_volunteer_of_another_area_cannot_open_a_desk(make_user, other_area, round_):
    with pytest.raises(PermissionDenied):
        help_desk_open(actor=make_user("help_desk", other_area), round=round_, now=DURING)


@pytest.mark.parametrize("when", [BEFORE, END + dt.timedelta(minutes=1)])
def test_a_desk_opens_only_while_voting_is_open(volunteer, round_, when):
    with pytest.raises(DomainError) as exc:
        help_desk_open(actor=volunteer, round=round_, now=when)
    assert exc.value.code == "not_open" and not HelpDesk.objects.exists()


def test_a_desk_token_stops_working_when_closed_expired_or_voting_ends(volunteer, make_user, area, round_):
    desk, token = help_desk_open(actor=volunteer, round=round_, now=DURING)
    assert help_desk_for_token("not-the-token", now=DURING) is None
    assert help_desk_for_token("", now=DURING) is None
    assert help_desk_for_token(token, now=DURING + dt.timedelta(hours=13)) is None  # one day at the table
    # Another volunteer may not close it from their account; a committee member may (a lost tablet).
    with pytest.raises(PermissionDenied):
        help_desk_close(actor=make_user("help_desk", area), desk=desk, now=DURING)
    help_desk_close(actor=make_user("fund_committee", area), desk=desk, now=DURING)
    assert help_desk_for_token(token, now=DURING) is None
    late = DURING.replace(day=15, hour=12)
    _desk2, token2 = help_desk_open(actor=volunteer, round=round_, now=late)
    assert help_desk_for_token(token2, now=late) is not None
    assert help_desk_for_token(token2, now=END) is None  # voting is over


def test_closing_on_the_device_is_logged_without_a_person(volunteer, round_):
    desk, _token = help_desk_open(actor=volunteer, round=round_, now=DURING)
    help_desk_close(actor=None, desk=desk, now=DURING)
    entry = AuditEntry.objects.get(action="voting.desk.closed")
    assert entry.actor is None and entry.actor_label == "help-desk device"


# --- the count, and no link between helper and ballot ------------------------------------------------


def test_an_assisted_ballot_adds_to_the_count_and_carries_no_trace(volunteer, round_, codes):
    help_desk_open(actor=volunteer, round=round_, now=DURING)
    audit_before = AuditEntry.objects.count()
    receipt = ballot_cast(round=round_, code=codes[0], approvals=["1"], now=DURING, assisted=True)
    ballot_cast(round=round_, code=codes[0], approvals=["2"], now=DURING, assisted=True)  # a change
    ballot_cast(round=round_, code=codes[1], approvals=["3"], now=DURING)  # at home
    assert HelpDeskTally.objects.get(round=round_).ballots == 1
    assert turnout(round=round_).assisted == 1
    # No audit entry per cast (its time would point at the helper), and none names a receipt or code.
    assert AuditEntry.objects.count() == audit_before
    dump = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert codelib.normalise(receipt) not in dump and codelib.normalise(codes[0]) not in dump
    # The ballot row has no field that could say who helped or that it was helped.
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert fields == {"id", "round", "code", "receipt", "channel", "approvals", "points"}
    helped = Ballot.objects.get(code__code_hash=codelib.code_hash(codes[0]))
    home = Ballot.objects.get(code__code_hash=codelib.code_hash(codes[1]))
    assert helped.channel == home.channel == "online"


def test_a_failed_assisted_cast_counts_nothing(round_, codes):
    with pytest.raises(DomainError):
        ballot_cast(round=round_, code=codes[0], approvals=["1", "2", "3", "4"], now=DURING, assisted=True)
    assert not HelpDeskTally.objects.filter(ballots__gt=0).exists()


# --- replacement code for a lost letter --------------------------------------------------------------


@pytest.fixture
def lettered(round_, committee, committee2):
    """Three letters issued by two members: letter numbers 1, 2, 3 and their codes."""
    batch = code_batch_request(actor=committee, round=round_, count=3, now=BEFORE)
    issued = code_batch_issue(actor=committee2, batch=batch, now=BEFORE)
    rows = zipfile.ZipFile(io.BytesIO(issued.data)).read("codes.csv").decode().splitlines()[1:]
    return {int(row.split(",")[-1]): row.split(",")[0] for row in rows}


def test_letters_are_numbered_and_only_a_keyed_hash_of_the_number_is_kept(round_, lettered):
    assert sorted(lettered) == [1, 2, 3]
    stored = VotingCode.objects.get(code_hash=codelib.code_hash(lettered[2]))
    assert stored.letter_hash == codelib.letter_hash(round_.pk, 2) and stored.letter_hash != "2"
    assert CodeBatch.objects.get().first_letter == 1


def test_a_volunteer_asks_and_another_committee_member_issues(volunteer, committee, round_, lettered):
    batch = code_batch_request(actor=volunteer, round=round_, replace_letter=2, now=DURING)
    assert batch.replaces.code_hash == codelib.code_hash(lettered[2])
    with pytest.raises(PermissionDenied):  # a volunteer never issues codes
        code_batch_issue(actor=volunteer, batch=batch, now=DURING)
    issued = code_batch_issue(actor=committee, batch=batch, now=DURING)
    assert issued.content_type == "application/pdf"
    old = VotingCode.objects.get(code_hash=codelib.code_hash(lettered[2]))
    assert old.revoked
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=lettered[2], approvals=["1"], now=DURING)
    assert exc.value.code == "revoked"
    new = VotingCode.objects.filter(round=round_, revoked=False).exclude(
        code_hash__in=[codelib.code_hash(c) for c in lettered.values()]
    )
    assert new.count() == 1 and new.get().letter_hash == codelib.letter_hash(round_.pk, 4)
    requested = AuditEntry.objects.get(action="voting.batch.requested", actor=volunteer)
    assert requested.data["letter"] == 2
    dump = json.dumps(list(AuditEntry.objects.values("data")))
    assert lettered[2] not in dump and codelib.code_hash(lettered[2]) not in dump


def test_nobody_issues_their_own_request_not_even_with_a_second_account(make_user, area, round_, lettered):
    asker = make_user("fund_committee", area, email="lid@example.org")
    twin = make_user("fund_committee", area, email="LID@example.org")
    batch = code_batch_request(actor=asker, round=round_, replace_letter=1, now=DURING)
    for actor in (asker, twin):
        with pytest.raises(DomainError) as exc:
            code_batch_issue(actor=actor, batch=batch, now=DURING)
        assert exc.value.code == "same_member"
    assert not VotingCode.objects.filter(revoked=True).exists()


def test_a_letter_that_already_voted_gets_no_replacement(volunteer, committee, round_, lettered):
    ballot_cast(round=round_, code=lettered[1], approvals=["1"], now=DURING)
    with pytest.raises(DomainError) as exc:
        code_batch_request(actor=volunteer, round=round_, replace_letter=1, now=DURING)
    assert exc.value.code == "used"
    # Asked for first, voted before the issue: refused at issue, the vote stays.
    batch = code_batch_request(actor=volunteer, round=round_, replace_letter=3, now=DURING)
    ballot_cast(round=round_, code=lettered[3], approvals=["2"], now=DURING)
    with pytest.raises(DomainError):
        code_batch_issue(actor=committee, batch=batch, now=DURING)
    assert not VotingCode.objects.filter(revoked=True).exists() and Ballot.objects.count() == 2


@pytest.mark.parametrize("number", [0, 4, 999])
def test_an_unknown_letter_number_is_refused(volunteer, round_, lettered, number):
    with pytest.raises(DomainError) as exc:
        code_batch_request(actor=volunteer, round=round_, replace_letter=number, now=DURING)
    assert exc.value.field == "letter" and not CodeBatch.objects.filter(kind="replace").exists()


def test_a_volunteer_cannot_ask_for_new_letters_or_in_another_area(make_user, other_area, volunteer, round_):
    with pytest.raises(PermissionDenied):
        code_batch_request(actor=volunteer, round=round_, count=10, now=BEFORE)
    with pytest.raises(PermissionDenied):
        code_batch_request(
            actor=make_user("help_desk", other_area), round=round_, replace_letter=1, now=DURING
        )
