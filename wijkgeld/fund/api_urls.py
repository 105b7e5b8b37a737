from django.urls import path

from wijkgeld.fund import api

app_name = "fund_api"
urlpatterns = [
    path("rounds/", api.rounds, name="rounds"),
    path("rounds/<int:round_id>/", api.round_detail, name="round"),
]
