"""The site's URLs plus one view that fails, for the error page tests."""

from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401 (Django reads them)
from config.urls import urlpatterns as site_patterns


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [*site_patterns, path("boom/", boom), path("api/v1/boom/", boom)]
