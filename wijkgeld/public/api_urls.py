from django.urls import path

from wijkgeld.public import views
from wijkgeld.public.national.api import api as national_api

app_name = "api"
urlpatterns = [
    path("openapi.json", views.api_openapi, name="openapi"),
    # /areas/ and the national open-data endpoints (django-ninja); their schema is merged into openapi.json.
    path("", national_api.urls),
]
