"""Error pages in the site's own style. They never touch the database, so they render even when it fails."""

from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    return render(request, "500.html", status=500)


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
    from django.http import JsonResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def debug_media_patterns():
    """Development only: serve public uploads. Files under private/ are only ever served by views that
    check rights, so this route refuses them."""
    from django.conf import settings
    from django.urls import re_path
    from django.views.static import serve

    return [
        re_path(
            r"^media/(?P<path>(?!private/).*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]
