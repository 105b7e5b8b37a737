from django.urls import path

from wijkgeld.money.views import api, register

app_name = "money_api"
urlpatterns = [
    path("areas/<slug:slug>/finance/<int:year>/", api.area_finance, name="area_finance"),
    path("areas/<slug:slug>/commitments/", register.register_api, name="area_commitments"),
]
