"""Voting services: codes, casting, last one counts, bad input, paper double entry, counting, privacy."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from tests.voting.conftest import DURING, END, START
from wijkgeld.core.errors import DomainError
from wijkgeld.core.models import AuditEntry
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.models import Ballot, PaperBallot, VotingCode
from wijkgeld.voting.services import (
    CountedBallot,
    ballot_cast,
    ballots_for_count,
    code_revoke_and_replace,
    codes_generate,
    paper_ballot_enter,
    paper_ballot_resolve,
    receipt_codes,
    receipt_included,
    turnout,
)

pytestmark = pytest.mark.django_db
BEFORE = START - dt.timedelta(days=1)


def snapshot(round_):
    return (
        list(
            Ballot.objects.filter(round=round_).values_list(
                "code_id", "approvals", "points", "receipt", "channel"
            )
        ),
        list(VotingCode.objects.filter(round=round_).values_list("pk", "revoked", "used_channel")),
        list(PaperBallot.objects.filter(round=round_).values_list("number", "status")),
        AuditEntry.objects.count(),
    )


# --- codes ---------------------------------------------------------------------------------------


def test_generate_returns_codes_once_and_stores_only_keyed_hashes(round_, committee):
    plain = codes_generate(actor=committee, round=round_, count=25, now=BEFORE)
    assert len(plain) == len(set(plain)) == 25
    stored = set(VotingCode.objects.filter(round=round_).values_list("code_hash", flat=True))
    assert stored == {codelib.code_hash(c) for c in plain}
    # No plaintext code (in any spelling) anywhere in the database.
    with connection.cursor() as cur:
        for table in connection.introspection.table_names():
            cur.execute(f'SELECT * FROM "{table}"')
            dump = repr(cur.fetchall())
            for code in plain[:5]:
                assert code not in dump and code.replace("-", "") not in dump, table
    entry = AuditEntry.objects.get(action="voting.codes.generated")
    assert entry.data == {"count": 25}


@pytest.mark.parametrize("phase", ["preparation", "assessment", "voting"])
def test_codes_may_be_made_before_voting_closes(area, make_round, committee, phase):
    round_ = make_round(area, phase=phase)
    assert len(codes_generate(actor=committee, round=round_, count=2, now=BEFORE)) == 2


@pytest.mark.parametrize("phase", ["ideas", "results", "execution", "closed"])
def test_codes_cannot_be_made_in_other_phases(area, make_round, committee, phase):
    round_ = make_round(area, phase=phase)
    with pytest.raises(DomainError):
        codes_generate(actor=committee, round=round_, count=2, now=BEFORE)
    assert not VotingCode.objects.exists()


def test_codes_cannot_be_made_after_voting_closed(round_, committee):
    with pytest.raises(DomainError):
        codes_generate(actor=committee, round=round_, count=2, now=END)


@pytest.mark.parametrize("count", [0, -1, 50_001, "5", True])
def test_code_count_is_checked(round_, committee, count):
    with pytest.raises(DomainError):
        codes_generate(actor=committee, round=round_, count=count, now=BEFORE)


@pytest.mark.parametrize("role", ["resident", "resident_delegate", "programme_staff", "finance", "observer"])
def test_only_the_committee_makes_codes(round_, make_user, area, role):
    with pytest.raises(PermissionDenied):
        codes_generate(actor=make_user(role, area), round=round_, count=1, now=BEFORE)


def test_committee_of_another_area_may_not_make_codes(round_, make_user, other_area):
    with pytest.raises(PermissionDenied):
        codes_generate(actor=make_user("fund_committee", other_area), round=round_, count=1, now=BEFORE)
    with pytest.raises(PermissionDenied):
        codes_generate(actor=None, round=round_, count=1, now=BEFORE)


def test_revoke_and_replace(round_, committee, codes, now):
    new = code_revoke_and_replace(actor=committee, round=round_, code=codes[0], now=now)
    assert new not in codes
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)
    assert exc.value.code == "revoked"
    assert ballot_cast(round=round_, code=new, approvals=["1"], now=now)
    with pytest.raises(DomainError) as exc:
        code_revoke_and_replace(actor=committee, round=round_, code=codes[0], now=now)
    assert exc.value.code == "revoked"
    assert AuditEntry.objects.filter(action="voting.code.replaced").get().data == {"count": 1}


def test_a_used_code_cannot_be_revoked(round_, committee, codes, now):
    ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)
    before = snapshot(round_)
    with pytest.raises(DomainError) as exc:
        code_revoke_and_replace(actor=committee, round=round_, code=codes[0], now=now)
    assert exc.value.code == "used"
    assert snapshot(round_) == before


def test_revoke_needs_the_committee_of_the_area(round_, codes, make_user, other_area, now):
    with pytest.raises(PermissionDenied):
        code_revoke_and_replace(
            actor=make_user("fund_committee", other_area), round=round_, code=codes[0], now=now
        )


# --- casting -------------------------------------------------------------------------------------


def test_cast_returns_a_receipt_and_stores_no_identity(round_, codes, now):
    receipt = ballot_cast(round=round_, code=codes[0], approvals=["2", "1"], now=now)
    assert len(codelib.normalise(receipt)) == codelib.RECEIPT_LENGTH
    ballot = Ballot.objects.get()
    assert ballot.approvals == ["1", "2"] and ballot.points is None and ballot.channel == "online"
    field_names = {f.name for f in Ballot._meta.get_fields()}
    assert field_names == {"id", "round", "code", "receipt", "channel", "approvals", "points"}
    assert receipt_included(round=round_, receipt=receipt)
    assert receipt_included(round=round_, receipt=receipt.lower().replace("-", " "))
    assert not receipt_included(round=round_, receipt="AAAAA-BBBBB")
    assert receipt_codes(round=round_) == [receipt]
    # Casting is not audit-logged: an entry would put a time next to the ballot.
    assert not AuditEntry.objects.filter(action__startswith="voting.ballot").exists()


def test_last_one_counts_and_the_receipt_stays(round_, codes, now):
    first = ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)
    second = ballot_cast(
        round=round_, code=codelib.format_code(codes[0]).lower(), approvals=["3", "4"], now=now
    )
    assert first == second
    assert Ballot.objects.count() == 1
    assert ballots_for_count(round=round_) == [CountedBallot("1", ("3", "4"), None)]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"approvals": []}, "too_few"),
        ({"approvals": ["1", "2", "3", "4"]}, "too_many"),
        ({"approvals": ["3", "4"], "max": None, "limit": True}, "over_budget"),
        ({"approvals": ["9"]}, "unknown_project"),
        ({"approvals": ["1", "1"]}, "duplicate"),
        ({"approvals": ["1"], "points": {"1": 3}}, "wrong_type"),
        ({"approvals": ["<script>"]}, "unknown_project"),
    ],
)
def test_bad_approval_ballots_change_nothing(round_, codes, now, kwargs, code):
    if kwargs.pop("limit", False):
        round_.limit_to_budget = True
    if "max" in kwargs:
        round_.max_projects = kwargs.pop("max")
    round_.save()
    ballot_cast(round=round_, code=codes[1], approvals=["1"], now=now)
    before = snapshot(round_)
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[0], now=now, **kwargs)
    assert exc.value.code == code
    assert str(exc.value)
    # Nor does a bad change to an existing ballot.
    with pytest.raises(DomainError):
        ballot_cast(round=round_, code=codes[1], now=now, **kwargs)
    assert snapshot(round_) == before


def test_project_of_another_round_or_not_admitted_is_unknown(round_, area, make_round, codes, now):
    from wijkgeld.fund.models import Proposal

    other = make_round(area, proposals=(1_00,) * 6)
    assert other.proposals.filter(number=6).exists()
    Proposal.objects.filter(round=round_, number=2).update(status=Proposal.Status.NOT_ADMITTED)
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[0], approvals=["6"], now=now)
    assert exc.value.code == "unknown_project"
    with pytest.raises(DomainError):
        ballot_cast(round=round_, code=codes[0], approvals=["2"], now=now)
    assert not Ballot.objects.exists()


def test_code_of_another_round_is_unknown(round_, area, make_round, committee, now):
    other = make_round(area)
    [code] = codes_generate(actor=committee, round=other, count=1, now=BEFORE)
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=code, approvals=["1"], now=now)
    assert exc.value.code == "unknown"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "length"),
        ("ABCD-EFGH", "length"),
        ("ABCD-EFGH-JKMN-PQR0", "character"),
        ("2345-6789-ABCD-EFG2", "check"),
    ],
)
def test_bad_codes_get_clear_messages(round_, codes, now, typed, code):
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=typed, approvals=["1"], now=now)
    assert exc.value.code == code and exc.value.field == "code"


def test_unknown_well_formed_code(round_, codes, now):
    body = "23456789ABCDEFG"
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=body + codelib.check_char(body), approvals=["1"], now=now)
    assert exc.value.code == "unknown"


@pytest.mark.parametrize(
    ("when", "code"),
    [(START - dt.timedelta(seconds=1), "not_open"), (END, "closed"), (END + dt.timedelta(days=3), "closed")],
)
def test_voting_only_between_start_and_end(round_, codes, when, code):
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[0], approvals=["1"], now=when)
    assert exc.value.code == code
    assert ballot_cast(round=round_, code=codes[0], approvals=["1"], now=START)
    assert ballot_cast(round=round_, code=codes[0], approvals=["1"], now=END - dt.timedelta(seconds=1))


@pytest.mark.parametrize("phase", ["preparation", "ideas", "assessment", "results", "execution", "closed"])
def test_voting_only_in_the_voting_phase(area, make_round, committee, phase):
    round_ = make_round(area, phase="voting")
    [code] = codes_generate(actor=committee, round=round_, count=1, now=BEFORE)
    round_.phase = phase
    round_.save()
    with pytest.raises(DomainError):
        ballot_cast(round=round_, code=code, approvals=["1"], now=DURING)
    assert not Ballot.objects.exists()


def test_voting_needs_locked_rules(round_, codes, now):
    round_.locked_at = None
    round_.save()
    with pytest.raises(DomainError):
        ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)


def test_cumulative_ballots(area, make_round, committee, now):
    round_ = make_round(area, ballot_type="cumulative", points_total=10, min_projects=2, max_projects=None)
    codes = codes_generate(actor=committee, round=round_, count=2, now=BEFORE)
    receipt = ballot_cast(round=round_, code=codes[0], points={"1": 6, "3": 4, "2": 0}, now=now)
    assert receipt_included(round=round_, receipt=receipt)
    assert ballots_for_count(round=round_) == [CountedBallot("1", ("1", "3"), {"1": 6, "3": 4})]
    for bad, code in [
        ({"1": 6, "3": 5}, "points_over"),
        ({"1": 10}, "too_few"),
        ({"1": -1, "2": 3}, "points_invalid"),
        ({"1": "3", "2": 3}, "points_invalid"),
        ({"1": 3, "99": 3}, "unknown_project"),
    ]:
        with pytest.raises(DomainError) as exc:
            ballot_cast(round=round_, code=codes[1], points=bad, now=now)
        assert exc.value.code == code
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[1], approvals=["1", "2"], now=now)
    assert exc.value.code == "wrong_type"
    assert Ballot.objects.count() == 1


# --- paper ballots -------------------------------------------------------------------------------


def test_paper_double_entry_that_matches_counts(round_, codes, committee, committee2, now):
    paper = paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1", "2"], now=now)
    assert paper.number == 1 and paper.status == "first"
    assert ballots_for_count(round=round_) == []
    assert turnout(round=round_).paper_waiting == 1
    assert VotingCode.objects.get(code_hash=codelib.code_hash(codes[0])).used_channel == ""
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["2", "1"], now=now)
    assert paper.status == "matched"
    [counted] = ballots_for_count(round=round_)
    assert counted.approvals == ("1", "2")
    assert Ballot.objects.get().channel == "paper"
    # The confirmed paper ballot counts: no online vote with the code any more.
    with pytest.raises(DomainError) as exc:
        ballot_cast(round=round_, code=codes[0], approvals=["3"], now=now)
    assert exc.value.code == "paper"
    assert list(
        AuditEntry.objects.filter(action__startswith="voting.paper")
        .order_by("pk")
        .values_list("action", "data")
    ) == [
        ("voting.paper.first", {"number": 1}),
        ("voting.paper.matched", {"number": 1}),
    ]
    with pytest.raises(DomainError) as exc:
        paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1"], now=now)
    assert exc.value.code == "done"


def test_same_member_cannot_enter_a_paper_ballot_twice(round_, codes, committee, now):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    before = snapshot(round_)
    with pytest.raises(DomainError) as exc:
        paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    assert exc.value.code == "same_member"
    assert snapshot(round_) == before


def test_paper_mismatch_is_flagged_and_not_counted_until_resolved(
    round_, codes, committee, committee2, make_user, area, now
):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    paper_ballot_enter(actor=committee, round=round_, code=codes[1], approvals=["2"], now=now)
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1", "3"], now=now)
    assert paper.status == "mismatch"
    assert ballots_for_count(round=round_) == []
    assert turnout(round=round_).paper_mismatch == 1
    third = make_user("fund_committee", area)
    with pytest.raises(DomainError) as exc:  # the code must be the one on paper ballot 1
        paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[1], approvals=["1"], now=now)
    assert exc.value.code == "other_code"
    with pytest.raises(DomainError):  # number 2 has no mismatch
        paper_ballot_resolve(actor=third, round=round_, number=2, code=codes[1], approvals=["2"], now=now)
    paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[0], approvals=["1", "3"], now=now)
    assert [b.approvals for b in ballots_for_count(round=round_)] == [("1", "3")]
    with pytest.raises(DomainError):
        paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[0], approvals=["1"], now=now)


def test_one_paper_entry_does_not_take_the_code_away(round_, codes, committee, committee2, now):
    """One committee member alone cannot burn a resident's code with a (false) first entry."""
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    receipt = ballot_cast(round=round_, code=codes[0], approvals=["2"], now=now)
    assert receipt
    assert [b.approvals for b in ballots_for_count(round=round_)] == [("2",)]
    # The second entry, even matching, comes too late: the online vote was the first to count.
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1"], now=now)
    assert paper.status == "aside"
    assert [(b.approvals, b.channel) for b in Ballot.objects.all()] == [(["2"], "online")]
    assert turnout(round=round_).paper_set_aside == 1
    assert AuditEntry.objects.filter(action="voting.paper.set_aside").get().data == {"number": 1}
    # The resident can still change their online vote.
    ballot_cast(round=round_, code=codes[0], approvals=["3"], now=now)
    assert [b.approvals for b in ballots_for_count(round=round_)] == [("3",)]


def test_a_mismatch_resolved_after_an_online_vote_is_set_aside(
    round_, codes, committee, committee2, make_user, area, now
):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["2"], now=now)
    ballot_cast(round=round_, code=codes[0], approvals=["3"], now=now)
    third = make_user("fund_committee", area)
    paper = paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[0], approvals=["1"], now=now)
    assert paper.status == "aside"
    assert [(b.approvals, b.channel) for b in Ballot.objects.all()] == [(["3"], "online")]


def test_a_code_with_a_waiting_paper_ballot_cannot_be_revoked(round_, codes, committee, now):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    with pytest.raises(DomainError) as exc:
        code_revoke_and_replace(actor=committee, round=round_, code=codes[0], now=now)
    assert exc.value.code == "used"


def test_online_first_refuses_paper(round_, codes, committee, now):
    ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)
    before = snapshot(round_)
    with pytest.raises(DomainError) as exc:
        paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["2"], now=now)
    assert exc.value.code == "online"
    assert snapshot(round_) == before


def test_invalid_paper_ballot_is_refused(round_, codes, committee, now):
    with pytest.raises(DomainError) as exc:
        paper_ballot_enter(
            actor=committee, round=round_, code=codes[0], approvals=["1", "2", "3", "4"], now=now
        )
    assert exc.value.code == "too_many"
    assert not PaperBallot.objects.exists() and not VotingCode.objects.exclude(used_channel="").exists()


def test_paper_entry_after_close_until_published(round_, codes, committee, committee2):
    after = END + dt.timedelta(days=1)
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=after)
    round_.phase = "results"
    round_.save()
    paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1"], now=after)
    round_.published_at = after
    round_.save()
    with pytest.raises(DomainError):
        paper_ballot_enter(actor=committee, round=round_, code=codes[1], approvals=["1"], now=after)
    with pytest.raises(DomainError):
        paper_ballot_enter(
            actor=committee, round=round_, code=codes[2], approvals=["1"], now=START - dt.timedelta(1)
        )


@pytest.mark.parametrize("role", ["resident", "resident_delegate", "programme_staff", "finance", "observer"])
def test_only_the_committee_enters_paper(round_, codes, make_user, area, other_area, role, now):
    with pytest.raises(PermissionDenied):
        paper_ballot_enter(actor=make_user(role, area), round=round_, code=codes[0], approvals=["1"], now=now)
    with pytest.raises(PermissionDenied):
        paper_ballot_enter(
            actor=make_user("fund_committee", other_area),
            round=round_,
            code=codes[0],
            approvals=["1"],
            now=now,
        )


# --- counting ------------------------------------------------------------------------------------


def _paper_receipt(round_):
    return codelib.format_receipt(Ballot.objects.get(round=round_, channel="paper").receipt)


def test_ballots_for_count_and_turnout(round_, codes, committee, committee2, now):
    receipts = {ballot_cast(round=round_, code=c, approvals=["1"], now=now) for c in codes[:3]}
    ballot_cast(round=round_, code=codes[0], approvals=["2"], now=now)
    paper_ballot_enter(actor=committee, round=round_, code=codes[3], approvals=["4"], now=now)
    paper_ballot_enter(actor=committee2, round=round_, code=codes[3], approvals=["4"], now=now)
    code_revoke_and_replace(actor=committee, round=round_, code=codes[4], now=now)
    counted = ballots_for_count(round=round_)
    assert len(counted) == 4
    # Receipt-freeness: anonymous voter ids in the order of the ballots' content, no receipts.
    assert [b.voter_id for b in counted] == ["1", "2", "3", "4"]
    assert [b.approvals for b in counted] == [("1",), ("1",), ("2",), ("4",)]
    assert not receipts & {b.voter_id for b in counted}
    assert receipt_codes(round=round_) == sorted(receipts | {_paper_receipt(round_)})
    t = turnout(round=round_)
    assert (t.codes_valid, t.codes_revoked, t.online, t.paper_counted, t.counted) == (5, 1, 3, 1, 4)


def test_audit_entries_read_as_sentences_without_codes(round_, codes, committee, committee2, now):
    from wijkgeld.core.audit import audit_text

    paper_ballot_enter(actor=committee, round=round_, code=codes[0], approvals=["1"], now=now)
    paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["2"], now=now)
    code_revoke_and_replace(actor=committee, round=round_, code=codes[1], now=now)
    texts = [audit_text(e) for e in AuditEntry.objects.filter(action__startswith="voting.").order_by("pk")]
    assert len(texts) == 4
    assert all("…" not in t for t in texts)
    for entry in AuditEntry.objects.filter(action__startswith="voting."):
        dump = repr(entry.data) + entry.object_label
        assert all(c not in dump and c.replace("-", "") not in dump for c in codes)
        assert "approvals" not in dump


# --- the cast path reads the round's state from the database ----------------------------------


def test_cast_checks_the_round_state_in_the_database_not_the_callers_copy(round_, codes, now):
    from wijkgeld.fund.models import Round

    stale = Round.objects.get(pk=round_.pk)
    ballot_cast(round=stale, code=codes[1], approvals=["1"], now=now)  # a change of vote, later
    Round.objects.filter(pk=round_.pk).update(phase="results")
    for code in (codes[0], codes[1]):  # a first ballot and a change: both refused
        with pytest.raises(DomainError) as exc:
            ballot_cast(round=stale, code=code, approvals=["2"], now=now)
        assert exc.value.code == "closed"
    assert [(b.approvals, b.code.code_hash) for b in Ballot.objects.all()] == [
        (["1"], codelib.code_hash(codes[1]))
    ]


def test_a_first_cast_on_postgresql_is_one_statement(round_, codes, now):
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("the one-statement cast is PostgreSQL only")
    ballot_cast(round=round_, code=codes[0], approvals=["1"], now=now)  # warms the cost cache
    with CaptureQueriesContext(connection) as queries:
        ballot_cast(round=round_, code=codes[1], approvals=["2"], now=now)
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1 and "INSERT INTO" in statements[0]
    with CaptureQueriesContext(connection) as queries:  # a change of vote takes the general path
        ballot_cast(round=round_, code=codes[1], approvals=["3"], now=now)
    assert any("FOR UPDATE" in q["sql"] for q in queries.captured_queries)
    assert sorted(b.approvals for b in Ballot.objects.all()) == [["1"], ["3"]]


# --- a third member resolves; invalid paper ballots ---------------------------------------------------


def _mismatch(round_, code, first, second):
    paper_ballot_enter(actor=first, round=round_, code=code, approvals=["1"], now=DURING)
    return paper_ballot_enter(actor=second, round=round_, code=code, approvals=["2"], now=DURING)


@pytest.mark.parametrize("who", ["first", "second"])
def test_neither_entrant_may_resolve_the_difference(round_, codes, committee, committee2, who):
    _mismatch(round_, codes[0], committee, committee2)
    entrant = committee if who == "first" else committee2
    before = snapshot(round_)
    for kwargs in ({"approvals": ["1"]}, {"approvals": ["2"]}, {"invalid": True}):
        with pytest.raises(DomainError) as exc:
            paper_ballot_resolve(actor=entrant, round=round_, number=1, code=codes[0], now=DURING, **kwargs)
        assert exc.value.code == "entrant"
    assert snapshot(round_) == before
    assert ballots_for_count(round=round_) == []


def test_a_third_member_resolves_and_it_is_audited(round_, codes, committee, committee2, make_user, area):
    _mismatch(round_, codes[0], committee, committee2)
    third = make_user("fund_committee", area)
    paper = paper_ballot_resolve(
        actor=third, round=round_, number=1, code=codes[0], approvals=["2"], now=DURING
    )
    assert paper.status == "resolved" and paper.resolved_by == third
    assert [b.approvals for b in ballots_for_count(round=round_)] == [("2",)]
    entry = AuditEntry.objects.get(action="voting.paper.resolved")
    assert entry.actor == third and entry.data == {"number": 1, "resolved": True}


def test_the_database_refuses_an_entrant_as_resolver(round_, codes, committee, committee2):
    from django.db import IntegrityError, transaction

    paper = _mismatch(round_, codes[0], committee, committee2)
    for entrant in (committee, committee2):
        with pytest.raises(IntegrityError), transaction.atomic():
            PaperBallot.objects.filter(pk=paper.pk).update(resolved_by=entrant)


@pytest.mark.parametrize("role", ["resident", "resident_delegate", "programme_staff", "finance", "observer"])
def test_only_a_committee_member_of_the_area_resolves(
    round_, codes, committee, committee2, make_user, area, other_area, role
):
    _mismatch(round_, codes[0], committee, committee2)
    for actor in (make_user(role, area), make_user("fund_committee", other_area)):
        for kwargs in ({"approvals": ["1"]}, {"invalid": True}):
            with pytest.raises(PermissionDenied):
                paper_ballot_resolve(actor=actor, round=round_, number=1, code=codes[0], now=DURING, **kwargs)
    assert PaperBallot.objects.get().status == "mismatch"


def test_two_invalid_entries_count_as_invalid_and_use_the_code(round_, codes, committee, committee2):
    # The marks are ignored: over-voted papers are what "invalid" is for.
    first = paper_ballot_enter(
        actor=committee, round=round_, code=codes[0], approvals=["1", "2", "3", "4"], invalid=True, now=DURING
    )
    assert first.status == "first" and first.first_selection == {"invalid": True}
    # One entry alone takes nothing away: the code can still vote online.
    assert VotingCode.objects.exclude(used_channel="").count() == 0
    assert turnout(round=round_).paper_invalid == 0
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[0], invalid=True, now=DURING)
    assert paper.status == "invalid"
    assert ballots_for_count(round=round_) == [] and receipt_codes(round=round_) == []
    numbers = turnout(round=round_)
    assert (numbers.paper_invalid, numbers.counted, numbers.paper_counted) == (1, 0, 0)
    with pytest.raises(DomainError) as exc:  # the code is used, like a valid paper ballot
        ballot_cast(round=round_, code=codes[0], approvals=["1"], now=DURING)
    assert exc.value.code == "paper"
    with pytest.raises(DomainError) as exc:
        code_revoke_and_replace(actor=committee, round=round_, code=codes[0], now=DURING)
    assert exc.value.code == "used"
    actions = AuditEntry.objects.filter(action__startswith="voting.paper").order_by("pk")
    assert list(actions.values_list("action", "data")) == [
        ("voting.paper.first", {"number": 1, "invalid": True}),
        ("voting.paper.invalid", {"number": 1, "invalid": True}),
    ]


def test_invalid_and_valid_entries_differ_until_a_third_member_resolves(
    round_, codes, committee, committee2, make_user, area
):
    paper_ballot_enter(actor=committee, round=round_, code=codes[0], invalid=True, now=DURING)
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[0], approvals=["1"], now=DURING)
    assert paper.status == "mismatch"
    assert (
        VotingCode.objects.exclude(used_channel="").count() == 0 and turnout(round=round_).paper_invalid == 0
    )
    with pytest.raises(DomainError) as exc:
        paper_ballot_resolve(actor=committee, round=round_, number=1, code=codes[0], invalid=True, now=DURING)
    assert exc.value.code == "entrant"
    third = make_user("fund_committee", area)
    with pytest.raises(DomainError) as exc:  # the code of another paper: nothing changes
        paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[1], invalid=True, now=DURING)
    assert exc.value.code == "other_code"
    paper = paper_ballot_resolve(actor=third, round=round_, number=1, code=codes[0], invalid=True, now=DURING)
    assert paper.status == "invalid" and turnout(round=round_).paper_invalid == 1
    assert ballots_for_count(round=round_) == []
    assert AuditEntry.objects.filter(action="voting.paper.invalid").get().data == {
        "number": 1,
        "invalid": True,
        "resolved": True,
    }


def test_invalid_paper_after_an_online_vote(round_, codes, committee, committee2):
    """The first ballot to count wins: invalid paper never overrules or burns an online vote."""
    ballot_cast(round=round_, code=codes[0], approvals=["3"], now=DURING)
    with pytest.raises(DomainError) as exc:
        paper_ballot_enter(actor=committee, round=round_, code=codes[0], invalid=True, now=DURING)
    assert exc.value.code == "online"
    paper_ballot_enter(actor=committee, round=round_, code=codes[1], invalid=True, now=DURING)
    ballot_cast(round=round_, code=codes[1], approvals=["2"], now=DURING)
    paper = paper_ballot_enter(actor=committee2, round=round_, code=codes[1], invalid=True, now=DURING)
    assert paper.status == "aside" and turnout(round=round_).paper_invalid == 0
    assert sorted(b.approvals for b in ballots_for_count(round=round_)) == [("2",), ("3",)]


def test_invalid_entry_bad_input_changes_nothing(round_, codes, committee, make_user, area, other_area, now):
    before = snapshot(round_)
    with pytest.raises(DomainError):
        paper_ballot_enter(actor=committee, round=round_, code="ABCD", invalid=True, now=now)
    with pytest.raises(DomainError):  # before voting starts
        paper_ballot_enter(
            actor=committee, round=round_, code=codes[0], invalid=True, now=START - dt.timedelta(1)
        )
    for actor in (make_user("resident", area), make_user("fund_committee", other_area)):
        with pytest.raises(PermissionDenied):
            paper_ballot_enter(actor=actor, round=round_, code=codes[0], invalid=True, now=now)
    assert snapshot(round_) == before
