from django.urls import path

from wijkgeld.alliance.views import api

app_name = "alliance_api"
urlpatterns = [
    path("areas/<slug:slug>/decisions/", api.decisions, name="decisions"),
]
