"""Retention of account holders' personal data: while a role lasts, plus one year (docs/privacy.md).

An account whose holder has had no role, appointment or builder's registration for a year, and has not
logged in for a year, keeps its row (the audit log and the ledger point at it: who did what stays
traceable as "verwijderd-12") but loses everything personal: username, names, e-mail, password and
two-step devices. Site administrators are never cleared by this step; their accounts are managed by hand.
Run by `manage.py retention` (wijkgeld.core.retention).
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Q

from wijkgeld.accounts.models import Role, User
from wijkgeld.core.retention import register_purge_step

RETENTION = dt.timedelta(days=365)
PREFIX = "verwijderd-"


def _still_needed(cutoff: dt.datetime) -> Q:
    """Accounts with a reason to keep their data: a role, appointment or builder's entry within the year."""
    day = cutoff.date()
    roles = Role.objects.filter(Q(until__isnull=True) | Q(until__gte=day)).values("user_id")
    appointments = (
        apps.get_model("people", "Appointment")
        .objects.filter(Q(ended_at__isnull=True) | Q(ended_at__gte=cutoff))
        .values("user_id")
    )
    builders = (
        apps.get_model("people", "CommunityBuilder")
        .objects.filter(Q(left_on__isnull=True) | Q(left_on__gte=day), user__isnull=False)
        .values("user_id")
    )
    return Q(pk__in=roles) | Q(pk__in=appointments) | Q(pk__in=builders)


def due(*, now: dt.datetime):
    cutoff = now - RETENTION
    quiet = Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)
    return (
        User.objects.filter(quiet, is_superuser=False)
        .exclude(username__startswith=PREFIX)
        .exclude(_still_needed(cutoff))
    )


def purge(*, now: dt.datetime) -> dict[str, int]:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    count = 0
    for user in due(now=now).only("pk"):
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        user.username = f"{PREFIX}{user.pk}"
        user.first_name = user.last_name = user.display_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(
            update_fields=[
                "username",
                "first_name",
                "last_name",
                "display_name",
                "email",
                "is_active",
                "password",
            ]
        )
        count += 1
    return {"accounts.inactive": count}


def purge_login_attempts(*, now: dt.datetime) -> dict[str, int]:
    """Failed logins (username, IP address, browser) once their lockout is over."""
    from axes.models import AccessAttempt, AccessFailureLog
    from django.conf import settings

    cutoff = now - dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()
    return {"accounts.login_attempts": attempts + failures}


@register_purge_step("accounts.logins", "Failed login attempts, once their lockout period is over.")
def _logins(now: dt.datetime) -> dict[str, int]:
    return purge_login_attempts(now=now)


@register_purge_step(
    "accounts",
    "Account holders' names, e-mail, username, password and two-step devices, one year after their last "
    "role ended and their last login.",
)
def _accounts(now: dt.datetime) -> dict[str, int]:
    return purge(now=now)
