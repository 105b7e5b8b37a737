"""Remove personal data past its retention period (docs/privacy.md). Run daily (docs/operations.md).

Each app registers its steps in its `retention` module (wijkgeld.core.retention); each step runs in its
own transaction, so one failing step does not undo the others; the counts go to the audit log.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from wijkgeld.core.audit import audit_record
from wijkgeld.core.retention import run_purge_steps


def run_retention(*, now: dt.datetime) -> dict[str, int]:
    counts = run_purge_steps(now=now)
    audit_record(actor=None, action="core.retention.purged", data=counts, now=now)
    return counts


class Command(BaseCommand):
    help = "Remove personal data past its retention period (see docs/privacy.md). Run daily."

    def handle(self, *args, **options):
        counts = run_retention(now=timezone.now())
        for key, count in sorted(counts.items()):
            self.stdout.write(f"{key}: {count}")
