"""Remove personal data past its retention period (docs/privacy.md). Run daily (docs/operations.md).

Each app exposes `purge(*, now) -> dict[str, int]` in its `retention` module; the list of steps comes
from the setting WIJKGELD_RETENTION_STEPS (dotted paths) or the default below. Each step runs in its own
transaction, so one failing step does not undo the others; the counts go to the audit log.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from wijkgeld.core.audit import audit_record

DEFAULT_STEPS = (
    "wijkgeld.fund.retention.purge",
    "wijkgeld.money.retention.purge",
    "wijkgeld.community.retention.purge",
)


def retention_steps() -> list:
    return [import_string(path) for path in getattr(settings, "WIJKGELD_RETENTION_STEPS", DEFAULT_STEPS)]


def run_retention(*, now: dt.datetime) -> dict[str, int]:
    counts: dict[str, int] = {}
    for step in retention_steps():
        with transaction.atomic():
            counts.update(step(now=now))
    audit_record(actor=None, action="core.retention.purged", data=counts, now=now)
    return counts


class Command(BaseCommand):
    help = "Remove personal data past its retention period (see docs/privacy.md). Run daily."

    def handle(self, *args, **options):
        counts = run_retention(now=timezone.now())
        for key, count in sorted(counts.items()):
            self.stdout.write(f"{key}: {count}")
