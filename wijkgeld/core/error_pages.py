"""Our own 404 and 500 pages also while DEBUG is on (the demo runs with DEBUG).

Django shows its technical pages when DEBUG is on: a list of URL patterns for a 404 and a traceback
for an error. Residents trying the demo should see the pages they would see in production. With
FRIENDLY_ERROR_PAGES=0 a developer gets Django's pages back. With DEBUG off this does nothing: Django
then uses the handlers in config/urls.py, which render the same templates.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404

from wijkgeld.core.views import not_found, server_error

logger = logging.getLogger("django.request")
# Django answers these with its own (non-technical) 400 and 403 handlers, also in DEBUG.
_LEFT_TO_DJANGO = (PermissionDenied, SuspiciousOperation, BadRequest)


def _active() -> bool:
    return settings.DEBUG and getattr(settings, "FRIENDLY_ERROR_PAGES", True)


class FriendlyErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # An address that matches no URL pattern never reaches a view (so not process_exception).
        if response.status_code == 404 and _active() and getattr(request, "resolver_match", None) is None:
            return not_found(request)
        return response

    def process_exception(self, request, exception):
        if not _active() or isinstance(exception, _LEFT_TO_DJANGO):
            return None
        if isinstance(exception, Http404):
            return not_found(request)
        logger.exception("Server error on %s", request.path, exc_info=exception)
        return server_error(request)
