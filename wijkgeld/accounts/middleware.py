"""Two-step login is compulsory for the roles that move money or manage an area; finance and site
administrators also get short sessions."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkgeld.accounts.permissions import roles_held

_EXEMPT_PREFIXES = ("/static/", "/media/", "/i18n/", "/api/")


def needs_two_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.roles.filter(name__in=settings.TWO_FACTOR_ROLES).exists()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            path = request.path_info
            exempt = {reverse("accounts:two_factor"), reverse("accounts:logout")}
            if path not in exempt and not path.startswith(_EXEMPT_PREFIXES) and needs_two_factor(user):
                return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)


# Session timestamps (seconds since the epoch) for the roles with short sessions.
SESSION_STARTED_KEY = "_wijkgeld_session_started"
SESSION_SEEN_KEY = "_wijkgeld_session_seen"


def has_short_session(user) -> bool:
    """Finance and site administrators move money or rights: their sessions are short."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(roles_held(user) & set(settings.SHORT_SESSION_ROLES))


def session_started(*, request) -> None:
    """Start the clocks at login (called from the `user_logged_in` signal)."""
    now = int(time.time())
    request.session[SESSION_STARTED_KEY] = now
    request.session[SESSION_SEEN_KEY] = now


class ShortSessionMiddleware:
    """Log finance and site administrators out after SHORT_SESSION_IDLE_SECONDS without a request,
    or SHORT_SESSION_MAX_SECONDS after login, whichever comes first. Others keep Django's session age.

    Checked on the server from times kept in the session, so a stolen cookie stops working too; the
    cookie itself also expires when idle (`set_expiry`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and has_short_session(user):
            now = int(time.time())
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            seen = session.get(SESSION_SEEN_KEY, now)
            idle = settings.SHORT_SESSION_IDLE_SECONDS
            if now - seen > idle or now - started > settings.SHORT_SESSION_MAX_SECONDS:
                path = request.get_full_path()
                logout(request)
                messages.info(
                    request, _("You have been logged out because your session ended. Log in again.")
                )
                return redirect_to_login(path)
            session[SESSION_SEEN_KEY] = now
            session.set_expiry(idle)
        return self.get_response(request)
