"""Two-person release of letter codes: one committee member asks, a different member issues, once.

Whoever holds plain codes can vote with them, so no single person may make them: the committee page
only asks for a batch (`code_batch_request`); another member of the same area's committee issues it
(`code_batch_issue`), which makes the codes and returns the print files in that one response. Only
the SHA-256 hashes of those files are kept, so the committee can later show which files were printed,
but nobody (not even the two members) can download the codes again. Every step is audit-logged.

Letters get numbers (1, 2, … per round, printed on the letter and in codes.csv). A resident who lost
their letter gets a replacement at the help desk: the committee checks outside Wijkgeld that they may
vote and finds their letter number on its own address list; a help-desk volunteer or committee member
asks for the replacement by that number, and a committee member who did not ask issues it (the old
code stops working; one that already voted is refused). Nobody can make a working code alone.

The files are built *before* the transaction that stores the codes (building 1,000 letters takes
seconds; on SQLite a transaction holds the write lock): if anything fails, nothing is stored and the
files are thrown away with the error response.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.accounts.role_rules import same_person
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting import codes as codelib
from wijkgeld.voting.letters import letters_pdf, letters_zip
from wijkgeld.voting.models import CodeBatch, VotingCode
from wijkgeld.voting.services import (
    MAX_CODES_PER_CALL,
    code_for_letter,
    code_lookup,
    require_code_phase,
    require_revocable,
    require_sub_area,
    store_codes,
)


@dataclass(frozen=True)
class IssuedFile:
    filename: str
    content_type: str
    data: bytes


def _require(actor, round_: Round, action: str = "voting.manage_codes") -> None:
    if not can(actor, action, round_.fund.area_id):
        raise PermissionDenied(action)


def next_letter_number(round_: Round) -> int:
    """The number for the next letter of this round (the caller holds the round's lock)."""
    issued = CodeBatch.objects.filter(round=round_, first_letter__isnull=False).values_list(
        "first_letter", "count"
    )
    return max((first + count for first, count in issued), default=1)


def code_batch_request(
    *,
    actor,
    round: Round,  # noqa: A002
    count: int | None = None,
    replace_code: str | None = None,
    sub_area=None,
    replace_letter: int | None = None,
    now: dt.datetime | None = None,
) -> CodeBatch:
    """Ask for `count` new codes, or for a replacement of `replace_code` or of letter `replace_letter`.

    Makes no code yet. New codes: a committee member asks. A replacement may also be asked for by a
    help-desk volunteer (`voting.request_replacement`); it is issued by a committee member only.
    In a round with a budget per neighbourhood, new letters are for one `sub_area` (its postcodes are
    printed on them); a replacement keeps the neighbourhood of the code it replaces.
    """
    replacing = replace_code is not None or replace_letter is not None
    _require(actor, round, "voting.request_replacement" if replacing else "voting.manage_codes")
    moment = now or timezone.now()
    with transaction.atomic():
        round_ = Round.objects.select_for_update().select_related("fund__area").get(pk=round.pk)
        require_code_phase(round_, now)
        if replacing:
            if replace_letter is not None:
                vc = code_for_letter(round_id=round_.pk, number=replace_letter)
            else:
                vc = code_lookup(replace_code or "", round_id=round_.pk)
            require_revocable(vc)
            if CodeBatch.objects.filter(replaces=vc, status=CodeBatch.Status.REQUESTED).exists():
                raise DomainError(
                    _("A replacement for this code was already asked for."), field="code", code="pending"
                )
            kind, count, replaces = CodeBatch.Kind.REPLACEMENT, 1, vc
            sub_area = vc.sub_area
        else:
            require_sub_area(round_, sub_area)
            if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_CODES_PER_CALL:
                raise DomainError(
                    _("Choose a number of codes from 1 to %(max)d.") % {"max": MAX_CODES_PER_CALL},
                    field="count",
                    code="count",
                )
            kind, replaces = CodeBatch.Kind.LETTERS, None
        batch = CodeBatch.objects.create(
            round=round_,
            kind=kind,
            count=count,
            replaces=replaces,
            sub_area=sub_area,
            replaces_letter=replace_letter,
            requested_by=actor,
            requested_at=moment,
        )
        # The letter number, never the code: the number alone cannot vote.
        letter = {"letter": replace_letter} if replace_letter is not None else {}
        audit_record(
            actor=actor,
            action="voting.batch.requested",
            area=round_.fund.area,
            obj=round_,
            data={"batch": batch.pk, "count": count, "kind": kind} | letter,
            now=moment,
        )
    return batch


def _locked_batch(batch: CodeBatch) -> CodeBatch:
    return CodeBatch.objects.select_for_update().get(pk=batch.pk)


def _check_open(batch: CodeBatch, actor) -> None:
    if batch.status != CodeBatch.Status.REQUESTED:
        raise DomainError(
            _("This batch was already issued or cancelled. Its codes cannot be downloaded again."),
            code="done",
        )
    if batch.requested_by_id in same_person(actor):  # also a second account with the same e-mail
        raise DomainError(
            _("You asked for this batch yourself. Another committee member must issue it."),
            code="same_member",
        )


def _files(
    round_: Round, batch: CodeBatch, plain: list[str], first_letter: int, language: str = "nl"
) -> tuple[IssuedFile, dict[str, str]]:
    """The download and the hashes of every file in it (letters link to SITE_URL, never the Host header)."""
    base_url = settings.SITE_URL
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    sub_area = batch.sub_area
    if batch.kind == CodeBatch.Kind.REPLACEMENT:
        pdf = letters_pdf(
            round=round_,
            codes=plain,
            base_url=base_url,
            sub_area=sub_area,
            language=language,
            first_letter=first_letter,
        )
        name = f"nieuwe-stemcode-ronde-{round_.pk}-{batch.pk}.pdf"
        return IssuedFile(name, "application/pdf", pdf), {name: hashlib.sha256(pdf).hexdigest()}
    data = letters_zip(
        round=round_,
        codes=plain,
        base_url=base_url,
        sub_area=sub_area,
        language=language,
        first_letter=first_letter,
    )
    name = f"stemcodes-ronde-{round_.pk}-{batch.pk}-{stamp}.zip"
    hashes = {name: hashlib.sha256(data).hexdigest()}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for member in zf.namelist():
            hashes[member] = hashlib.sha256(zf.read(member)).hexdigest()
    return IssuedFile(name, "application/zip", data), hashes


def code_batch_issue(
    *, actor, batch: CodeBatch, language: str = "nl", now: dt.datetime | None = None
) -> IssuedFile:
    """Make the batch's codes and return the print file, once; only the files' hashes are kept.

    `language`: the language the member issuing the batch prints the letters in (Dutch by default)."""
    round_ = Round.objects.select_related("fund__area").get(pk=batch.round_id)
    _require(actor, round_)
    moment = now or timezone.now()
    current = CodeBatch.objects.get(pk=batch.pk)
    _check_open(current, actor)  # cheap checks first: building the files takes a while
    require_code_phase(round_, now)
    plain = [codelib.generate_code() for _ in range(current.count)]
    first_letter = next_letter_number(round_)
    issued, hashes = _files(round_, current, plain, first_letter, language)
    try:
        with transaction.atomic():
            round_ = Round.objects.select_for_update().select_related("fund__area").get(pk=round_.pk)
            current = _locked_batch(current)
            _check_open(current, actor)
            require_code_phase(round_, now)
            if next_letter_number(round_) != first_letter:  # another batch was issued meanwhile
                raise DomainError(_("Something went wrong. Please try again."), code="retry")
            if current.replaces_id is not None:
                vc = VotingCode.objects.select_for_update().get(pk=current.replaces_id)
                require_revocable(vc)
                vc.revoked = True
                vc.save(update_fields=["revoked"])
            store_codes(round_, plain, sub_area=current.sub_area, first_letter=first_letter)
            current.status = CodeBatch.Status.ISSUED
            current.decided_by = actor
            current.decided_at = moment
            current.file_hashes = hashes
            current.first_letter = first_letter
            current.save(update_fields=["status", "decided_by", "decided_at", "file_hashes", "first_letter"])
            audit_record(
                actor=actor,
                action="voting.batch.issued",
                area=round_.fund.area,
                obj=round_,
                data={"batch": current.pk, "count": current.count, "kind": current.kind, "sha256": hashes},
                now=moment,
            )
    except IntegrityError:  # a hash collision: astronomically unlikely; nothing was stored
        raise DomainError(_("Something went wrong. Please try again."), code="retry") from None
    return issued


def code_batch_cancel(*, actor, batch: CodeBatch, now: dt.datetime | None = None) -> CodeBatch:
    """Withdraw a request that was not issued (any committee member of the area)."""
    round_ = Round.objects.select_related("fund__area").get(pk=batch.round_id)
    _require(actor, round_)
    moment = now or timezone.now()
    with transaction.atomic():
        current = _locked_batch(batch)
        if current.status != CodeBatch.Status.REQUESTED:
            raise DomainError(_("This batch was already issued or cancelled."), code="done")
        current.status = CodeBatch.Status.CANCELLED
        current.decided_by = actor
        current.decided_at = moment
        current.save(update_fields=["status", "decided_by", "decided_at"])
        audit_record(
            actor=actor,
            action="voting.batch.cancelled",
            area=round_.fund.area,
            obj=round_,
            data={"batch": current.pk, "count": current.count},
            now=moment,
        )
    return current
