from django.urls import path

from wijkgeld.people import api

app_name = "people_api"
urlpatterns = [
    path("areas/<slug:slug>/people/<int:year>/", api.area_people, name="area_people"),
]
