"""Retention of proposers' contact details (docs/privacy.md), run by `manage.py retention` (wijkgeld.core.retention).

- An idea that was not funded: its proposer's name, e-mail address and phone number are removed one
  year after voting closed (nobody needs to reach them any more).
- A funded idea: seven years after the committee accepted the final account (Dutch fiscal retention).

The idea itself (title, summary, cost, votes) is public and stays.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from wijkgeld.core.retention import register_purge_step
from wijkgeld.fund.models import ProgressUpdate, Proposal

NOT_FUNDED = dt.timedelta(days=365)
FUNDED = dt.timedelta(days=7 * 365 + 2)  # seven calendar years, leap days included
ERASED = {"contact_name": "", "contact_email": "", "contact_phone": "", "edit_token_hash": ""}


def purge(*, now: dt.datetime) -> dict[str, int]:
    has_contact = ~Q(contact_name="") | ~Q(contact_email="") | ~Q(contact_phone="")
    not_funded = Proposal.objects.filter(
        has_contact, award__isnull=True, round__voting_end__lt=now - NOT_FUNDED
    )
    accounted = ProgressUpdate.objects.filter(
        kind=ProgressUpdate.Kind.FINAL, accepted_at__lt=now - FUNDED
    ).values_list("proposal_id", flat=True)
    funded = Proposal.objects.filter(has_contact, award__isnull=False, pk__in=accounted)
    return {
        "fund.proposer_contacts_not_funded": not_funded.update(**ERASED),
        "fund.proposer_contacts_funded": funded.update(**ERASED),
    }


@register_purge_step(
    "fund",
    "Proposers' contact details: one year after an unfunded round, seven years after a funded idea's final account.",
)
def _registered(now: dt.datetime) -> dict[str, int]:
    return purge(now=now)
