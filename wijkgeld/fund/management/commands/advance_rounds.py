"""Move rounds whose next phase has started (run from cron, e.g. every 10 minutes). Idempotent."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_datetime

from wijkgeld.fund.services.rounds import rounds_advance_due


class Command(BaseCommand):
    help = "Move bewonersfonds rounds to their next phase when its date has passed."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="pretend it is this moment (ISO 8601), for testing")

    def handle(self, *args, now: str | None = None, **options):
        moment = parse_datetime(now) if now else None
        if now and moment is None:
            self.stderr.write("--now must be an ISO 8601 date-time")
            return
        for round_, old, new in rounds_advance_due(now=moment):
            self.stdout.write(f"{round_.area.slug} round {round_.pk}: {old} -> {new}")
