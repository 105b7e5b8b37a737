"""E-mail each person the tasks waiting for them (run it daily, e.g. from cron).

A person gets a mail only when they have tasks, have an e-mail address, did not opt out on "Mijn
pagina", and the list changed since the last mail. The mail is in the person's language (the one
they used when they last changed the setting; Dutch otherwise).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkgeld.core.models import TaskMailSettings
from wijkgeld.core.tasks import tasks_for


class Command(BaseCommand):
    help = "E-mail people the tasks that wait for them (payments, questions, ideas, paper ballots ...)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would get a mail; send nothing")

    def handle(self, *args, dry_run: bool = False, **options):
        sent = skipped = 0
        users = get_user_model().objects.filter(is_active=True).exclude(email="")
        for user in users.iterator():
            prefs = TaskMailSettings.objects.filter(user=user).first()
            if prefs and prefs.opted_out:
                skipped += 1
                continue
            language = prefs.language if prefs else settings.LANGUAGE_CODE
            with translation.override(language):
                tasks = tasks_for(user)
                if not tasks:
                    continue
                lines = [
                    f"- {t.area}: {t.text}\n  {settings.SITE_URL}{t.url}"
                    if t.area
                    else f"- {t.text}\n  {settings.SITE_URL}{t.url}"
                    for t in tasks
                ]
                digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
                if prefs and prefs.last_digest == digest:
                    continue  # nothing new since the last mail
                body = "\n".join(
                    [
                        _("These tasks are waiting for you in Wijkgeld:"),
                        "",
                        *lines,
                        "",
                        _("Do not want these e-mails? Turn them off on your page: %(url)s")
                        % {"url": settings.SITE_URL + reverse("accounts:dashboard")},
                    ]
                )
                subject = ngettext(
                    "Wijkgeld: %(n)d task waiting for you",
                    "Wijkgeld: %(n)d tasks waiting for you",
                    len(tasks),
                ) % {"n": len(tasks)}
            if dry_run:
                self.stdout.write(f"{user.username}: {len(tasks)}")
                continue
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            TaskMailSettings.objects.update_or_create(
                user=user,
                defaults={"last_digest": digest, "last_sent_at": timezone.now(), "language": language},
            )
            sent += 1
        self.stdout.write(f"task mails sent: {sent}; opted out: {skipped}")
