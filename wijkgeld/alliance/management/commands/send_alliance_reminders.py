from __future__ import annotations

from django.core.management.base import BaseCommand

from wijkgeld.alliance.services.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail alliance members about newly shared documents and meetings tomorrow. "
        "Safe to run often (for example every 15 minutes from cron): nothing is ever sent twice."
    )

    def handle(self, *args, **options):
        counts = reminders_send()
        self.stdout.write(
            f"documents: {counts['documents']} e-mail(s), day before: {counts['day_before']} e-mail(s)"
        )
