"""Dutch first: the site speaks Dutch unless the visitor chose another language.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so a resident with an
English-language phone would land on English pages. Here only an explicit choice counts: the language cookie set
by the switch, or ``?lang=tr`` in a link (the voting letter prints one per language), which is then kept in the
cookie. Turkish, Arabic and Polish cover the resident pages; other pages fall back to English
(wijkgeld/core/languages.py, docs/languages.md).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from wijkgeld.core import languages


class DutchFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from_link = request.GET.get("lang", "") if request.method == "GET" else ""
        from_link = from_link if from_link in languages.supported() else ""
        chosen = from_link or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = languages.page_language(chosen, request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if from_link and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != from_link:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                from_link,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


logger = logging.getLogger(__name__)

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_UTF8 = {"", "utf-8"}  # exactly what Django itself accepts for urlencoded bodies


class BadInputMiddleware:
    """Bad input from a client gets a 400 page and changes nothing, never a 500.

    - A form body in another character set than UTF-8 (every page of ours sends UTF-8): Django would decode it
      with that codec and fail (utf-16) or not know it at all. Refused before anything reads the form.
    - A number too large for the database (``themes=99999999999999999999`` on SQLite raises OverflowError in
      the query of a choice field): the view's transaction has rolled back by the time it arrives here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.META.get("CONTENT_TYPE", "")
        kind, _sep, params = content_type.partition(";")
        if kind.strip().lower() in _FORM_TYPES and _charset(params) not in _UTF8:
            logger.info("Refused a form body in charset %r", _charset(params))
            return _bad_request(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            logger.info("Refused a request with a number out of range: %s", exception)
            return _bad_request(request)
        return None


def _charset(params: str) -> str:
    for param in params.split(";"):
        name, _sep, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return ""


def _bad_request(request):
    from wijkgeld.core.views import bad_request

    return bad_request(request)
