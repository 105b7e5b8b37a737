from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijkgeld.core.money import cents_to_str
from wijkgeld.money.imports import COLUMNS, ImportFailed, import_grants


class Command(BaseCommand):
    help = (
        "Load grants from a CSV file with the columns "
        + ", ".join(COLUMNS)
        + " (and optionally reference). All or nothing: if any row is wrong, nothing is loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, help="Refuse rows for any other year.")
        parser.add_argument("--user", help="Username to record as the actor in the audit log.")

    def handle(self, *args, file: Path, year: int | None = None, user: str | None = None, **options):
        actor = None
        if user:
            from wijkgeld.accounts.models import User

            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"unknown user {user!r}")
        try:
            grants = import_grants(file, actor=actor, year=year)
        except ImportFailed as exc:
            raise CommandError("Nothing was loaded:\n" + "\n".join(f"  {e}" for e in exc.errors)) from exc
        total = sum(g.amount_cents for g in grants)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {len(grants)} grants, total {cents_to_str(total)} euro.")
        )
