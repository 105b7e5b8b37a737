"""The site's URLs plus one view that fails, for the error page tests."""

from django.urls import path

from config.urls import urlpatterns as site_patterns


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [*site_patterns, path("boom/", boom)]
