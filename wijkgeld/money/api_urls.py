from django.urls import path

from wijkgeld.money.views import api

app_name = "money_api"
urlpatterns = [
    path("areas/<slug:slug>/finance/<int:year>/", api.area_finance, name="area_finance"),
]
