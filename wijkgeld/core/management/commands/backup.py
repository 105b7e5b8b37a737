from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from wijkgeld.core.backup import BackupError, engine_of, pg_backup, sqlite_backup, suffix_for


class Command(BaseCommand):
    help = (
        "Back up the whole database to one file while the site runs: SQLite through its online backup API, "
        "PostgreSQL through pg_dump (custom format). Prints the file's path. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="File or existing folder to write to (default: WIJKGELD_VAR_DIR/backups/)."
        )
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, output: str | None = None, database: str = "default", **options):
        connection = connections[database]
        db = connection.settings_dict
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        name = f"wijkgeld-{stamp}{suffix_for(db)}"
        if output is None:
            target = Path(settings.VAR_DIR) / "backups" / name
        else:
            target = Path(output)
            if target.is_dir():
                target = target / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            if engine_of(db) == "sqlite":
                connection.ensure_connection()
                sqlite_backup(connection.connection, target)
            else:
                pg_backup(db, target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        os.chmod(target, 0o600)  # personal data (contact details, roles): for the operator only
        self.stdout.write(str(target))
