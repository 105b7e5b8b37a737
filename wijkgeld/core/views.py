"""Error pages in the site's own style. They never touch the database, so they render even when it fails."""

import posixpath

from django.http import JsonResponse
from django.shortcuts import render

# Under /api/ an error is JSON in the API's documented shape ({"error": ...}, see openapi.json), so that a
# program reading the API never has to parse an HTML page; everywhere else it is the site's own page.
API_ERRORS = {
    400: "bad request",
    403: "forbidden",
    404: "not found",
    500: "server error",
}


def _error(request, template: str, status: int):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": API_ERRORS[status]}, status=status)
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400)


def not_found(request, exception=None):
    return _error(request, "404.html", 404)


def forbidden(request, exception=None):
    return _error(request, "403.html", 403)


def server_error(request):
    return _error(request, "500.html", 500)


def favicon(request):
    """Browsers ask for /favicon.ico on pages without a <link rel="icon"> (PDFs, downloads)."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.http import HttpResponsePermanentRedirect

    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def healthz(request):
    """For load balancers and monitoring: the app answers and the database responds."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def public_media(request, path: str, document_root):
    """Development only: serve a public upload. Files under private/ are only ever served by views that
    check rights, so they are refused here however the path is written ('//private/…', 'x/../private/…',
    'Private/…'): the path is normalised first, and only the normalised path is served."""
    from django.http import Http404
    from django.views.static import serve

    if "\x00" in path or "\\" in path:
        raise Http404
    parts = [p for p in posixpath.normpath("/" + path).split("/") if p]
    if not parts or parts[0].lower() == "private":
        raise Http404
    return serve(request, "/".join(parts), document_root=document_root)


def debug_media_patterns():
    from django.conf import settings
    from django.urls import re_path

    return [
        re_path(r"^media/(?P<path>.*)$", public_media, {"document_root": settings.MEDIA_ROOT}, name="media")
    ]
