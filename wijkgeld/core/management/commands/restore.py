from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from wijkgeld.core.backup import BackupError, engine_of, kind_of_file, pg_restore, sqlite_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into a fresh database (the configured one, or "
        "--database-url). Refuses a database that already holds data unless --replace. Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (.sqlite3 or .dump).")
        parser.add_argument(
            "--database-url", help="Restore into this database instead of the configured one."
        )
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite a database that already holds data."
        )

    def handle(self, *args, file: str, database_url: str | None = None, replace: bool = False, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{source} does not exist.")
        db = dj_database_url.parse(database_url) if database_url else connections["default"].settings_dict
        try:
            engine = engine_of(db)
            kind = kind_of_file(source)
            if kind != engine:
                raise BackupError(f"{source} is a {kind} backup; the target database is {engine}.")
            if database_url is None:
                connections.close_all()  # the site's own database is replaced underneath Django
            if engine == "sqlite":
                sqlite_restore(source, Path(db["NAME"]), replace=replace)
            else:
                pg_restore(db, source, replace=replace)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {source} into {db['NAME']}. If the backup is from an older version, run manage.py migrate."
        )
