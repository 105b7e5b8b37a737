"""Retention of residents' names in the ledger (docs/privacy.md), run by `manage.py retention` (wijkgeld.core.retention).

A commitment to a resident names them so that finance can pay. Seven years after the commitment
(Dutch fiscal retention) the name is removed from the commitment and from the descriptions of its
ledger entries; amounts, dates, purpose and tier stay, so every euro remains traceable.

The ledger is append-only for corrections of money; removing a name past its retention period is not a
correction of money but the AVG's storage limitation, so it is done with a queryset update here.
"""

from __future__ import annotations

import datetime as dt

from wijkgeld.core.retention import register_purge_step
from wijkgeld.money.models import Commitment, Transaction

RETENTION = dt.timedelta(days=7 * 365 + 2)
REMOVED = "—"


def purge(*, now: dt.datetime) -> dict[str, int]:
    due = Commitment.objects.filter(recipient_is_resident=True, created_at__lt=now - RETENTION).exclude(
        recipient_name=REMOVED
    )
    count = 0
    for commitment in due.only("pk", "description", "transaction_id"):
        tx_ids = [
            commitment.transaction_id,
            *commitment.payments.exclude(transaction=None).values_list("transaction_id", flat=True),
        ]
        Transaction.objects.filter(pk__in=tx_ids).update(description=commitment.description[:500])
        Commitment.objects.filter(pk=commitment.pk).update(recipient_name=REMOVED)
        count += 1
    return {"money.resident_recipient_names": count}


@register_purge_step(
    "money", "Residents' names on ledger commitments, seven years after booking (amounts stay)."
)
def _registered(now: dt.datetime) -> dict[str, int]:
    return purge(now=now)
