from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wijkgeld.core import task_views
from wijkgeld.core import views as core_views
from wijkgeld.core.views import debug_media_patterns

handler400 = "wijkgeld.core.views.bad_request"
handler404 = "wijkgeld.core.views.not_found"
handler403 = "wijkgeld.core.views.forbidden"
handler500 = "wijkgeld.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # The vote first: Django tries the patterns in order, and casting a ballot is the busiest request
    # (docs/voting.md, bench/ballots.py). No other app's path starts with stemmen/ or gebieden/<slug>/stemmen/.
    path("", include("wijkgeld.voting.urls")),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("account/taken-mail/", task_views.task_mail, name="task_mail"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("", include("wijkgeld.accounts.urls")),
    path("api/v1/", include("wijkgeld.public.api_urls")),
    path("api/v1/", include("wijkgeld.money.api_urls")),
    path("api/v1/", include("wijkgeld.alliance.api_urls")),
    path("api/v1/", include("wijkgeld.fund.api_urls")),
    path("api/v1/", include("wijkgeld.people.api_urls")),
    path("", include("wijkgeld.community.urls")),
    path("", include("wijkgeld.money.urls")),
    path("", include("wijkgeld.alliance.urls")),
    path("", include("wijkgeld.fund.urls")),
    path("", include("wijkgeld.people.urls")),
    path("", include("wijkgeld.public.urls")),
]

if settings.DEBUG:
    urlpatterns += debug_media_patterns()
