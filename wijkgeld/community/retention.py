"""Retention of contact details of registrations that were not accepted (docs/privacy.md).

A collective that was not accepted is not public; its contact person's name, e-mail address and phone
number are removed one year after the decision. Run by `manage.py retention` (wijkgeld.core.retention).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from wijkgeld.community.models import CollectiveProfile
from wijkgeld.core.retention import register_purge_step

RETENTION = dt.timedelta(days=365)


def purge(*, now: dt.datetime) -> dict[str, int]:
    due = CollectiveProfile.objects.filter(
        ~Q(contact_name="") | ~Q(contact_email="") | ~Q(contact_phone=""),
        status=CollectiveProfile.Status.REJECTED,
        verified_at__lt=now - RETENTION,
    )
    return {
        "community.rejected_contacts": due.update(
            contact_name="", contact_email="", contact_phone="", contact_consent=False
        )
    }


@register_purge_step(
    "community", "Contact details of rejected collective registrations, one year after the decision."
)
def _registered(now: dt.datetime) -> dict[str, int]:
    return purge(now=now)
