"""`manage.py retention` with a chosen date and a list of the steps (wijkgeld.core.retention): for tests,
catching up after downtime, and showing an auditor what runs every night."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.module_loading import autodiscover_modules

from wijkgeld.core.management.commands.retention import run_retention
from wijkgeld.core.retention import purge_steps


class Command(BaseCommand):
    help = "Delete personal data past its retention period (all registered steps; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Act as if today were this date (YYYY-MM-DD), for tests and catching up."
        )
        parser.add_argument("--list", action="store_true", help="Only list the registered steps.")

    def handle(self, *args, date: str | None = None, list: bool = False, **options):  # noqa: A002
        autodiscover_modules("retention")
        steps = purge_steps()
        if list:
            for step in steps:
                self.stdout.write(f"{step.name}: {step.description}")
            return
        now = timezone.now()
        if date:
            day = parse_date(date)
            if day is None:
                raise CommandError("--date must look like 2027-01-31.")
            now = dt.datetime.combine(day, dt.time(3, 0), tzinfo=dt.UTC)
        for key, count in sorted(run_retention(now=now).items()):
            self.stdout.write(f"{key}: {count} deleted")
