from django.urls import path

from wijkgeld.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("gebieden/<slug:slug>/", views.area_detail, name="area"),
    path("gebieden/<slug:slug>/logboek/", views.area_audit, name="area_audit"),
]
