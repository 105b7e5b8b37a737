from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wijkgeld.core import views as core_views

handler404 = "wijkgeld.core.views.not_found"
handler403 = "wijkgeld.core.views.forbidden"
handler500 = "wijkgeld.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("", include("wijkgeld.accounts.urls")),
    path("api/v1/", include("wijkgeld.public.api_urls")),
    path("api/v1/", include("wijkgeld.money.api_urls")),
    path("api/v1/", include("wijkgeld.alliance.api_urls")),
    path("api/v1/", include("wijkgeld.fund.api_urls")),
    path("", include("wijkgeld.community.urls")),
    path("", include("wijkgeld.money.urls")),
    path("", include("wijkgeld.alliance.urls")),
    path("", include("wijkgeld.fund.urls")),
    path("", include("wijkgeld.voting.urls")),
    path("", include("wijkgeld.public.urls")),
]

if settings.DEBUG:
    # Development only: serve public uploads. Files under private/ are only ever served by views
    # that check rights, so they are excluded here too.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?!private/).*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media"
        )
    ]
