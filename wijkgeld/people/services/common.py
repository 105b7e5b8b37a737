"""Small helpers shared by the people services."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from wijkgeld.core.errors import DomainError


def now_or(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def forbidden(message: str | None = None) -> DomainError:
    return DomainError(message or _("You are not allowed to do this."), code="forbidden")


def require_text(value: str, *, field: str, message: str, max_length: int | None = None) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    if max_length is not None and len(value) > max_length:
        raise DomainError(_("This text is too long."), field=field)
    return value


def check_verified(collective, area) -> None:
    if collective is None or collective.area_id != area.pk or not collective.is_verified:
        raise DomainError(_("Choose a verified collective of this area."), field="collective")
