"""Two-step login is compulsory for the roles that move money or manage an area."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

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
