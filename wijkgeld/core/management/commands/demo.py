from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from wijkgeld.core.demo import DemoContext, demo_loaders


class Command(BaseCommand):
    help = "Load the demo: the 20 NPLV areas, and people, money and rounds in two of them (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the demo accounts.")

    def handle(self, *args, quiet: bool = False, **options):
        autodiscover_modules("demo")
        ctx = DemoContext()
        for _order, name, loader in demo_loaders():
            with transaction.atomic():
                loader(ctx)
            if options.get("verbosity", 1) > 1:
                self.stdout.write(f"loaded {name}")
        if quiet:
            return
        self.stdout.write(self.style.SUCCESS("Demo loaded. Accounts (password for all: see below):"))
        width = max((len(u) for u, _r, _a in ctx.accounts), default=10)
        for username, role, area in ctx.accounts:
            self.stdout.write(f"  {username.ljust(width)}  {role}  ({area})")
        for note in ctx.notes:
            self.stdout.write(note)
