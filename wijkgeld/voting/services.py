"""Voting services: letter codes, casting, paper ballots and what the count and the receipts need.

All functions are keyword-only, run in one transaction and raise `DomainError` (a plain message) or
`PermissionDenied`. Nothing here stores a plaintext code, an IP address or the time a ballot was cast,
and the audit log gets counts and numbers only, never a code or a selection.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.fastcast import first_cast
from wijkgeld.voting.models import INVALID_ENTRY, Ballot, Channel, HelpDeskTally, PaperBallot, VotingCode
from wijkgeld.voting.selection import Selection, project_costs, sub_area_projects, validate
from wijkgeld.voting.writelock import sqlite_writer

MAX_CODES_PER_CALL = 50_000
# What decides whether a round is open, read again inside the cast transaction (not from a copy).
ROUND_FIELDS = ("phase", "locked_at", "voting_start", "voting_end")
ROUND_STATE = tuple(f"round__{name}" for name in ROUND_FIELDS)
CODE_PHASES = (Round.Phase.PREPARATION, Round.Phase.ASSESSMENT, Round.Phase.VOTING)


@dataclass(frozen=True)
class CountedBallot:
    voter_id: str  # an anonymous number in the published file: never the receipt, never the code
    approvals: tuple[str, ...]
    points: dict[str, int] | None
    neighborhood: str = ""  # the sub-area of the code, in a round with a budget per neighbourhood


# --- helpers ---------------------------------------------------------------------------------------


def _require(actor, action: str, round_: Round) -> None:
    if not can(actor, action, round_.fund.area_id):
        raise PermissionDenied(action)


def voting_state(round_: Round, now: dt.datetime | None = None) -> str:
    """ "open", "not_started", "closed" or "not_voting" (the round is in another phase)."""
    now = now or timezone.now()
    if round_.phase != Round.Phase.VOTING or not round_.is_locked:
        if round_.phase in (Round.Phase.RESULTS, Round.Phase.EXECUTION, Round.Phase.CLOSED):
            return "closed"
        return "not_voting"
    if round_.voting_start and now < round_.voting_start:
        return "not_started"
    if round_.voting_end and now >= round_.voting_end:
        return "closed"
    return "open"


def _require_open(round_: Round, now: dt.datetime | None) -> None:
    state = voting_state(round_, now)
    if state == "open":
        return
    if state == "closed":
        raise DomainError(_("Voting has closed. Your vote can no longer be counted."), code="closed")
    if state == "not_started":
        raise DomainError(_("Voting has not started yet. Try again when voting is open."), code="not_open")
    raise DomainError(_("Voting is not open for this round."), code="not_open")


def code_error(reason: str) -> DomainError:
    """The message for a code that cannot be used; `reason` is also the error code."""
    messages = {
        "length": _("A code has 16 letters and numbers. Check the code on your letter and try again."),
        "character": _(
            "This code has a letter or number that we never use in codes. Check the code on your letter."
        ),
        "check": _("There is a typing error in this code. Check the code on your letter and try again."),
        "unknown": _("We do not know this code. Check the code on your letter and try again."),
        "revoked": _("This code is no longer valid. Use the code from your new letter."),
        "paper": _("This code was already used on a paper ballot. You cannot also vote online with it."),
    }
    return DomainError(messages[reason], field="code", code=reason)


def code_lookup(code: str, *, round_id: int | None = None, for_update: bool = False) -> VotingCode:
    """The stored code for what a person typed, or DomainError (format, unknown, other round)."""
    try:
        normalised = codelib.parse(code)
    except codelib.CodeFormatError as exc:
        raise code_error(exc.reason) from None
    qs = VotingCode.objects.all()
    if for_update:
        qs = qs.select_for_update()
    vc = qs.filter(code_hash=codelib.code_hash(normalised)).first()
    if vc is None or (round_id is not None and vc.round_id != round_id):
        raise code_error("unknown")
    return vc


def _new_codes(round_: Round, count: int, sub_area=None) -> list[str]:
    return store_codes(round_, [codelib.generate_code() for _ in range(count)], sub_area=sub_area)


def require_sub_area(round_: Round, sub_area) -> None:
    """In a round with a budget per neighbourhood every code belongs to one of its neighbourhoods."""
    if round_.by_neighbourhood and (sub_area is None or sub_area.round_id != round_.pk):
        raise DomainError(
            _("This round has a budget per neighbourhood. Choose the neighbourhood of these letters."),
            field="sub_area",
            code="sub_area",
        )
    if not round_.by_neighbourhood and sub_area is not None:
        raise DomainError(
            _("This round has one budget for the whole area."), field="sub_area", code="sub_area"
        )


def store_codes(
    round_: Round, plain: list[str], *, sub_area=None, first_letter: int | None = None
) -> list[str]:
    """Store the HMACs of these new codes; returns them formatted. The caller holds the round's lock.

    With `first_letter`, the codes get the letter numbers first_letter, first_letter + 1, … (kept as
    HMACs too, see `VotingCode.letter_hash`)."""

    def letter(i: int) -> str:
        return "" if first_letter is None else codelib.letter_hash(round_.pk, first_letter + i)

    VotingCode.objects.bulk_create(
        [
            VotingCode(round=round_, code_hash=codelib.code_hash(c), sub_area=sub_area, letter_hash=letter(i))
            for i, c in enumerate(plain)
        ],
        batch_size=2000,
    )
    return [codelib.format_code(c) for c in plain]


def code_for_letter(*, round_id: int, number: int, for_update: bool = False) -> VotingCode:
    """The code that was printed on letter `number` of this round, or DomainError."""
    qs = VotingCode.objects.select_for_update() if for_update else VotingCode.objects.all()
    vc = qs.filter(round_id=round_id, letter_hash=codelib.letter_hash(round_id, number)).first()
    if vc is None:
        raise DomainError(
            _("There is no letter with this number in this round. Check the number on the address list."),
            field="letter",
            code="unknown_letter",
        )
    return vc


def require_code_phase(round_: Round, now: dt.datetime | None) -> None:
    if round_.phase not in CODE_PHASES or voting_state(round_, now) == "closed":
        raise DomainError(
            _("Codes can only be made or replaced before voting closes."), field="count", code="phase"
        )


# --- codes -----------------------------------------------------------------------------------------


def codes_generate(  # noqa: A002
    *, actor, round: Round, count: int, sub_area=None, now: dt.datetime | None = None
) -> list[str]:
    """Make `count` new letter codes; returns the plaintext codes once (only their HMAC is kept)."""
    _require(actor, "voting.manage_codes", round)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_CODES_PER_CALL:
        raise DomainError(
            _("Choose a number of codes from 1 to %(max)d.") % {"max": MAX_CODES_PER_CALL},
            field="count",
            code="count",
        )
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round.pk)
        require_code_phase(round_, now)
        require_sub_area(round_, sub_area)
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    plain = _new_codes(round_, count, sub_area)
                break
            except IntegrityError:  # a hash collision: astronomically unlikely, so simply try again
                continue
        else:  # pragma: no cover
            raise DomainError(_("Something went wrong. Please try again."), code="retry")
        audit_record(
            actor=actor,
            action="voting.codes.generated",
            area=round_.fund.area,
            obj=round_,
            data={"count": count},
            now=now,
        )
    return plain


def require_revocable(vc: VotingCode) -> None:
    """Refuse to revoke a code that was revoked or used: revoking it would throw away a vote."""
    if vc.revoked:
        raise DomainError(_("This code was already revoked."), field="code", code="revoked")
    if vc.used_channel or PaperBallot.objects.filter(code=vc).exists():
        raise DomainError(
            _(
                "This code was already used to vote. It cannot be revoked: the vote stays valid. "
                "Do not give this person a new code."
            ),
            field="code",
            code="used",
        )


def code_revoke_and_replace(*, actor, round: Round, code: str, now: dt.datetime | None = None) -> str:  # noqa: A002
    """Revoke a code (damaged letter, seen by others) and return one new code.

    A code that was already used (online or on paper) cannot be revoked: that would silently throw
    away a vote. The committee gets a clear refusal; the vote stays.
    """
    _require(actor, "voting.manage_codes", round)
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round.pk)
        require_code_phase(round_, now)
        vc = code_lookup(code, round_id=round_.pk, for_update=True)
        require_revocable(vc)
        vc.revoked = True
        vc.save(update_fields=["revoked"])
        [new] = _new_codes(round_, 1, vc.sub_area)
        audit_record(
            actor=actor,
            action="voting.code.replaced",
            area=round_.fund.area,
            obj=round_,
            data={"count": 1},
            now=now,
        )
    return new


# --- casting ---------------------------------------------------------------------------------------


def ballot_cast(
    *,
    round: Round,  # noqa: A002
    code: str,
    approvals: list[str] | None = None,
    points: dict[str, int] | None = None,
    now: dt.datetime | None = None,
    assisted: bool = False,
) -> str:
    """Store an online ballot; returns the receipt code (formatted, e.g. "ABCDE-FGHJK").

    Voting again with the same code replaces the selection (the last one counts) and keeps the same
    receipt, so a voter who checks their receipt always sees the ballot that counts.

    `assisted=True` (only the help-desk device sets it, docs/voting.md "Help desk"): a new ballot also
    adds one to the round's help-desk count, in the same transaction. Nothing on the ballot says so.
    """
    now = now or timezone.now()
    _require_open(round, now)
    try:
        normalised = codelib.parse(code)
    except codelib.CodeFormatError as exc:
        raise code_error(exc.reason) from None
    # Check the selection before the transaction: on SQLite the transaction holds the write lock.
    selection = validate(round, project_costs(round), approvals=approvals, points=points)
    digest = codelib.code_hash(normalised)
    # PostgreSQL: a first ballot for a fresh code in one statement (fastcast.py); anything else
    # (a change of vote, or any reason to refuse) comes back as None and takes the path below.
    # A round with a budget per neighbourhood checks the code's neighbourhood there, so it skips this;
    # so does a ballot cast with help (its counter is added in the same transaction).
    receipt = None
    if not round.by_neighbourhood and not assisted:
        receipt = first_cast(
            round_id=round.pk,
            code_hash=digest,
            receipt=codelib.generate_receipt(),
            approvals=selection.approvals,
            points=selection.points,
            now=now,
        )
    if receipt is not None:
        return codelib.format_receipt(receipt)
    with sqlite_writer(), transaction.atomic():
        # One query: the code (locked on PostgreSQL), its ballot's receipt, and the round's state now.
        rows = list(
            VotingCode.objects.select_for_update(of=("self",))
            .filter(code_hash=digest)
            .values_list(
                "pk", "round_id", "revoked", "used_channel", "ballot__receipt", "sub_area_id", *ROUND_STATE
            )[:1]
        )
        if not rows or rows[0][1] != round.pk:
            raise code_error("unknown")
        code_id, _round_id, revoked, used_channel, receipt, sub_area_id, *state = rows[0]
        require_own_sub_area(round, sub_area_id, selection)
        _require_open(Round(**dict(zip(ROUND_FIELDS, state, strict=True))), now)
        if revoked:
            raise code_error("revoked")
        if used_channel == Channel.PAPER:
            raise code_error("paper")
        if used_channel == Channel.ONLINE:
            if receipt is None:
                # PostgreSQL re-reads the locked code row after waiting for the lock, but not the
                # joined ballot row: a ballot stored by the transaction we waited for is read here.
                receipt = Ballot.objects.filter(code_id=code_id).values_list("receipt", flat=True).get()
            Ballot.objects.filter(code_id=code_id).update(
                approvals=list(selection.approvals), points=selection.points
            )
        else:
            receipt = codelib.generate_receipt()
            Ballot.objects.create(
                round_id=round.pk,
                code_id=code_id,
                receipt=receipt,
                channel=Channel.ONLINE,
                approvals=list(selection.approvals),
                points=selection.points,
            )
            VotingCode.objects.filter(pk=code_id).update(used_channel=Channel.ONLINE)
            if assisted:
                _count_assisted(round.pk)
    return codelib.format_receipt(receipt)


def require_own_sub_area(round_: Round, sub_area_id: int | None, selection: Selection) -> None:
    """In a round with a budget per neighbourhood a code chooses among its own neighbourhood's ideas only."""
    if not round_.by_neighbourhood:
        return
    chosen = set(selection.approvals) | set((selection.points or {}).keys())
    if chosen - set(sub_area_projects(round_, sub_area_id)):
        raise DomainError(
            _(
                "You can only vote on the ideas of your own neighbourhood. Choose from the ideas on your ballot."
            ),
            code="sub_area",
        )
    if round_.limit_to_budget and sub_area_id:
        from wijkgeld.fund.models import SubArea

        budget = SubArea.objects.values_list("budget_cents", flat=True).get(pk=sub_area_id)
        costs = project_costs(round_)
        if sum(costs.get(pid, 0) for pid in selection.approvals) > budget:
            raise DomainError(
                _("Your choice costs more than the budget of your neighbourhood. Remove an idea."),
                code="over_budget",
            )


def _count_assisted(round_id: int) -> None:
    """One more ballot cast with help: a counter on the round, never a mark on the ballot."""
    from django.db.models import F

    # The row is made when a desk opens; get_or_create (in a savepoint) covers a race without one.
    HelpDeskTally.objects.get_or_create(round_id=round_id)
    HelpDeskTally.objects.filter(round_id=round_id).update(ballots=F("ballots") + 1)


def _store_paper_ballot(round_: Round, vc: VotingCode, selection: Selection) -> str:
    """The paper ballot now counts: store it and mark the code used (the caller holds its row lock)."""
    receipt = codelib.generate_receipt()
    Ballot.objects.create(
        round=round_,
        code=vc,
        receipt=receipt,
        channel=Channel.PAPER,
        approvals=list(selection.approvals),
        points=selection.points,
    )
    VotingCode.objects.filter(pk=vc.pk).update(used_channel=Channel.PAPER)
    return receipt


def ballot_current(*, round: Round, code: str) -> Selection | None:  # noqa: A002
    """The selection that counts now for this code (to prefill the ballot when a voter changes it)."""
    vc = code_lookup(code, round_id=round.pk)
    row = Ballot.objects.filter(code_id=vc.pk).values_list("approvals", "points").first()
    if row is None:
        return None
    return Selection(tuple(row[0]), row[1])


# --- paper ballots ---------------------------------------------------------------------------------


def _require_paper_phase(round_: Round, now: dt.datetime | None) -> None:
    now = now or timezone.now()
    in_voting = round_.phase == Round.Phase.VOTING and round_.is_locked
    started = round_.voting_start is None or now >= round_.voting_start
    results_open = round_.phase == Round.Phase.RESULTS and round_.published_at is None
    if not ((in_voting and started) or results_open):
        raise DomainError(
            _("Paper ballots can be entered from the start of voting until the results are published."),
            code="phase",
        )


def paper_ballot_enter(
    *,
    actor,
    round: Round,  # noqa: A002
    code: str,
    approvals: list[str] | None = None,
    points: dict[str, int] | None = None,
    invalid: bool = False,
    now: dt.datetime | None = None,
) -> PaperBallot:
    """Enter one paper ballot. Two different members enter each ballot; the second entry decides.

    `invalid=True` records the paper as invalid (too many crosses, unreadable) instead of a choice;
    `approvals`/`points` are then ignored. Two entries that both say invalid make an invalid ballot:
    it uses the code and is counted as invalid, but is not a `Ballot` and not in the .pb file.

    A single entry takes nothing away from the resident: the code can still vote online until the
    paper ballot counts. The first ballot that counts wins: an online ballot counts when it is cast,
    a paper ballot when two entries agree (or a difference is resolved). A first entry for a code that
    already voted online is refused; a second entry for such a code sets the paper ballot aside.
    Different entries are flagged as a mismatch and do not count until resolved.
    """
    _require(actor, "voting.enter_paper", round)
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round.pk)
        _require_paper_phase(round_, now)
        vc = code_lookup(code, round_id=round_.pk, for_update=True)
        if vc.revoked:
            raise code_error("revoked")
        entry = _paper_entry(round_, approvals=approvals, points=points, invalid=invalid)
        if entry != INVALID_ENTRY:
            require_own_sub_area(
                round_, vc.sub_area_id, Selection(tuple(entry["approvals"]), entry["points"])
            )
        paper = PaperBallot.objects.filter(code=vc).first()
        area = round_.fund.area
        if paper is None:
            if vc.used_channel == Channel.ONLINE:
                raise DomainError(
                    _(
                        "This code was already used to vote online. The online vote counts. "
                        "Put this paper ballot aside as not valid."
                    ),
                    field="code",
                    code="online",
                )
            last = (
                PaperBallot.objects.filter(round=round_).order_by("-number").values_list("number", flat=True)
            )
            paper = PaperBallot.objects.create(
                round=round_,
                number=(last.first() or 0) + 1,
                code=vc,
                first_by=actor,
                first_selection=entry,
            )
            audit_record(
                actor=actor,
                action="voting.paper.first",
                area=area,
                obj=paper,
                data=_paper_audit_data(paper.number, entry),
                now=now,
            )
            return paper
        if paper.status != PaperBallot.Status.FIRST:
            raise DomainError(_("This paper ballot was already entered twice."), field="code", code="done")
        if paper.first_by_id == actor.pk:
            raise DomainError(
                _(
                    "You entered this paper ballot already. Another committee member must enter it a second time."
                ),
                field="code",
                code="same_member",
            )
        paper.second_by = actor
        paper.second_selection = entry
        if paper.first_selection == paper.second_selection:
            paper.status, action = _paper_confirm(round_, vc, entry, matched=True)
        else:
            paper.status = PaperBallot.Status.MISMATCH
            action = "voting.paper.mismatch"
        paper.save(update_fields=["second_by", "second_selection", "status"])
        audit_record(
            actor=actor,
            action=action,
            area=area,
            obj=paper,
            data=_paper_audit_data(paper.number, entry),
            now=now,
        )
    return paper


def _paper_entry(round_: Round, *, approvals, points, invalid: bool) -> dict:
    """What one entry stores: the checked selection, or the invalid marker (the choice is then ignored)."""
    if invalid:
        return dict(INVALID_ENTRY)
    return validate(round_, project_costs(round_), approvals=approvals, points=points).as_json()


def _paper_audit_data(number: int, entry: dict) -> dict:
    # Number only, never the choice; "invalid" says what kind of entry it was, not how anyone voted.
    return {"number": number, "invalid": True} if entry == INVALID_ENTRY else {"number": number}


def _paper_confirm(round_: Round, vc: VotingCode, entry: dict, *, matched: bool) -> tuple[str, str]:
    """The paper ballot is confirmed (two equal entries, or a resolution): the first ballot to count wins.

    Returns (status, audit action). A code that voted online first keeps its online vote; otherwise the
    code is used on paper, as a valid ballot (stored for the count) or as an invalid one (counted as such).
    """
    if vc.used_channel == Channel.ONLINE:
        return PaperBallot.Status.SET_ASIDE, "voting.paper.set_aside"
    if entry == INVALID_ENTRY:
        VotingCode.objects.filter(pk=vc.pk).update(used_channel=Channel.PAPER)
        return PaperBallot.Status.INVALID, "voting.paper.invalid"
    _store_paper_ballot(round_, vc, Selection(tuple(entry["approvals"]), entry["points"]))
    if matched:
        return PaperBallot.Status.MATCHED, "voting.paper.matched"
    return PaperBallot.Status.RESOLVED, "voting.paper.resolved"


def paper_ballot_resolve(
    *,
    actor,
    round: Round,  # noqa: A002
    number: int,
    code: str,
    approvals: list[str] | None = None,
    points: dict[str, int] | None = None,
    invalid: bool = False,
    now: dt.datetime | None = None,
) -> PaperBallot:
    """Settle a mismatch: with the paper ballot at hand, a member enters the code and the right choice.

    Only a third member may do this, not one of the two whose entries differ: otherwise one member
    could enter a ballot, wait for a difference and then decide it alone. `invalid=True` settles it
    as an invalid ballot (too many crosses, unreadable).
    """
    _require(actor, "voting.enter_paper", round)
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round.pk)
        _require_paper_phase(round_, now)
        paper = PaperBallot.objects.select_for_update().filter(round=round_, number=number).first()
        if paper is None or paper.status != PaperBallot.Status.MISMATCH:
            raise DomainError(
                _("There is no difference to resolve for this number."), field="number", code="none"
            )
        if paper.entered_by(actor):
            raise DomainError(
                _(
                    "You entered this paper ballot yourself. A third committee member, who did not enter "
                    "it, must resolve the difference."
                ),
                field="number",
                code="entrant",
            )
        vc = code_lookup(code, round_id=round_.pk, for_update=True)
        if vc.pk != paper.code_id:
            raise DomainError(
                _("This code is not the code of paper ballot %(number)d.") % {"number": number},
                field="code",
                code="other_code",
            )
        entry = _paper_entry(round_, approvals=approvals, points=points, invalid=invalid)
        if entry != INVALID_ENTRY:
            require_own_sub_area(
                round_, vc.sub_area_id, Selection(tuple(entry["approvals"]), entry["points"])
            )
        paper.status, action = _paper_confirm(round_, vc, entry, matched=False)
        paper.resolved_by = actor
        paper.save(update_fields=["status", "resolved_by"])
        audit_record(
            actor=actor,
            action=action,
            area=round_.fund.area,
            obj=paper,
            data=_paper_audit_data(paper.number, entry) | {"resolved": True},
            now=now,
        )
    return paper


# --- counting, receipts, turnout -------------------------------------------------------------------


def _content_key(approvals, points) -> str:
    return json.dumps([sorted(approvals), sorted((points or {}).items())])


def ballots_for_count(*, round: Round) -> list[CountedBallot]:  # noqa: A002
    """Every ballot that counts (unresolved paper mismatches have no ballot yet), without receipts.

    Receipt-freeness: the published file must not let a receipt holder show how they voted, so the
    ballots get anonymous voter ids (1, 2, …, zero-padded) in the order of their content, which says
    nothing about receipts, codes or casting order. Receipts are published as a separate list.
    """
    rows = sorted(
        Ballot.objects.filter(round=round).values_list("approvals", "points", "code__sub_area__name"),
        key=lambda row: (row[2] or "", _content_key(row[0], row[1])),
    )
    width = len(str(len(rows)))
    return [
        CountedBallot(
            voter_id=f"{number:0{width}d}",
            approvals=tuple(approvals),
            points=dict(points) if points is not None else None,
            neighborhood=group or "",
        )
        for number, (approvals, points, group) in enumerate(rows, start=1)
    ]


def receipt_included(*, round: Round, receipt: str) -> bool:  # noqa: A002
    """Whether a ballot with this receipt counts now. Says nothing about what is on it."""
    return Ballot.objects.filter(round=round, receipt=codelib.normalise(receipt)).exists()


def receipt_codes(*, round: Round) -> list[str]:  # noqa: A002
    """The public list of receipt codes (formatted, sorted)."""
    rows = Ballot.objects.filter(round=round).order_by("receipt").values_list("receipt", flat=True)
    return [codelib.format_receipt(r) for r in rows]


@dataclass(frozen=True)
class Turnout:
    codes_valid: int
    codes_revoked: int
    online: int
    paper_counted: int
    paper_waiting: int
    paper_mismatch: int
    paper_set_aside: int = 0
    paper_invalid: int = 0  # confirmed invalid paper ballots: they used a code but are not in the count
    assisted: int = 0  # ballots cast at a help desk (a count for the round, not a mark on any ballot)

    @property
    def counted(self) -> int:
        return self.online + self.paper_counted

    @property
    def share(self) -> float | None:
        return self.counted / self.codes_valid if self.codes_valid else None


def turnout(*, round: Round) -> Turnout:  # noqa: A002
    """Numbers only, never per person."""
    from django.db.models import Count, Q

    codes = VotingCode.objects.filter(round=round).aggregate(
        valid=Count("pk", filter=Q(revoked=False)), revoked=Count("pk", filter=Q(revoked=True))
    )
    ballots = Ballot.objects.filter(round=round).aggregate(
        online=Count("pk", filter=Q(channel=Channel.ONLINE)),
        paper=Count("pk", filter=Q(channel=Channel.PAPER)),
    )
    papers = PaperBallot.objects.filter(round=round).aggregate(
        waiting=Count("pk", filter=Q(status=PaperBallot.Status.FIRST)),
        mismatch=Count("pk", filter=Q(status=PaperBallot.Status.MISMATCH)),
        aside=Count("pk", filter=Q(status=PaperBallot.Status.SET_ASIDE)),
        invalid=Count("pk", filter=Q(status=PaperBallot.Status.INVALID)),
    )
    return Turnout(
        codes_valid=codes["valid"],
        codes_revoked=codes["revoked"],
        online=ballots["online"],
        paper_counted=ballots["paper"],
        paper_waiting=papers["waiting"],
        paper_mismatch=papers["mismatch"],
        paper_set_aside=papers["aside"],
        paper_invalid=papers["invalid"],
        assisted=HelpDeskTally.objects.filter(round=round).values_list("ballots", flat=True).first() or 0,
    )
