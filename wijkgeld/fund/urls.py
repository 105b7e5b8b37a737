from django.urls import path

from wijkgeld.fund import views

app_name = "fund"
urlpatterns = [
    path("gebieden/<slug:slug>/bewonersfonds/ronde/<int:round_id>/", views.round_detail, name="round"),
]
