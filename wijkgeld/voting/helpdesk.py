"""Help desk: residents vote one after another on a tablet at a buurthuis table, with help.

A committee member or help-desk volunteer opens the desk for a round that is open for voting
(`help_desk_open`). The device is then logged out of their account and carries only a random token
in a cookie; the database keeps the token's HMAC, who opened the desk and when. Each resident types
their own code and votes as anywhere else; `ballot_cast(assisted=True)` adds one to the round's
help-desk count. After the receipt the device forgets that voter and starts again for the next one
(views in `wijkgeld.voting.desk`).

What is *not* stored: which ballots were cast at a desk, or by whose desk. A ballot row does not say
it was cast with help, and no audit entry is written per cast (its time would, together with the
desk's opening entry, narrow a ballot down to a helper). The round has one number: how many ballots
were cast with help (docs/voting.md, "Help desk").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import can
from wijkgeld.core.audit import audit_record
from wijkgeld.core.errors import DomainError
from wijkgeld.fund.models import Round
from wijkgeld.voting.codes import code_key
from wijkgeld.voting.models import HelpDesk, HelpDeskTally
from wijkgeld.voting.services import voting_state

# A desk is for one day at the table: after this it closes by itself (and at the end of voting).
DESK_HOURS = 12


def _token_hash(token: str) -> str:
    return hmac.new(code_key(), f"help-desk:{token}".encode(), hashlib.sha256).hexdigest()


def help_desk_open(*, actor, round: Round, now: dt.datetime | None = None) -> tuple[HelpDesk, str]:  # noqa: A002
    """Open a help desk on this device; returns the desk and its token (for the device's cookie only)."""
    if not can(actor, "voting.help_desk", round.fund.area_id):
        raise PermissionDenied("voting.help_desk")
    moment = now or timezone.now()
    with transaction.atomic():
        round_ = Round.objects.select_for_update().select_related("fund__area").get(pk=round.pk)
        if voting_state(round_, moment) != "open":
            raise DomainError(_("A help desk can only be opened while voting is open."), code="not_open")
        token = secrets.token_urlsafe(32)
        expires = moment + dt.timedelta(hours=DESK_HOURS)
        if round_.voting_end and round_.voting_end < expires:
            expires = round_.voting_end
        desk = HelpDesk.objects.create(
            round=round_, opened_by=actor, opened_at=moment, expires_at=expires, token_hash=_token_hash(token)
        )
        HelpDeskTally.objects.get_or_create(round=round_)
        audit_record(
            actor=actor,
            action="voting.desk.opened",
            area=round_.fund.area,
            obj=round_,
            data={"desk": desk.pk},
            now=moment,
        )
    return desk, token


def help_desk_for_token(token: str | None, *, now: dt.datetime | None = None) -> HelpDesk | None:
    """The open desk this device's token belongs to, or None (unknown, closed, expired, voting over)."""
    if not token or len(token) > 100:
        return None
    moment = now or timezone.now()
    desk = (
        HelpDesk.objects.select_related("round__fund__area")
        .filter(token_hash=_token_hash(token), closed_at__isnull=True, expires_at__gt=moment)
        .first()
    )
    if desk is None or voting_state(desk.round, moment) != "open":
        return None
    return desk


def help_desk_close(*, actor, desk: HelpDesk, now: dt.datetime | None = None) -> HelpDesk:
    """Close a desk. `actor` None: closed on the desk device itself (its token is the right to close it).

    From an account: the person who opened it, or any committee member of the area (a lost tablet)."""
    moment = now or timezone.now()
    with transaction.atomic():
        current = HelpDesk.objects.select_for_update().select_related("round__fund__area").get(pk=desk.pk)
        area = current.round.fund.area
        if actor is not None and not (
            current.opened_by_id == actor.pk
            and can(actor, "voting.help_desk", area)
            or can(actor, "voting.manage_codes", area)
        ):
            raise PermissionDenied("voting.help_desk")
        if current.closed_at is not None:
            return current
        current.closed_at = moment
        current.save(update_fields=["closed_at"])
        audit_record(
            actor=actor,
            action="voting.desk.closed",
            actor_label=None if actor is not None else "help-desk device",
            area=area,
            obj=current.round,
            data={"desk": current.pk},
            now=moment,
        )
    return current


def open_desks(*, round: Round, now: dt.datetime | None = None):  # noqa: A002
    moment = now or timezone.now()
    return HelpDesk.objects.filter(round=round, closed_at__isnull=True, expires_at__gt=moment).select_related(
        "opened_by"
    )
