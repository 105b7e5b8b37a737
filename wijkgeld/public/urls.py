from django.urls import path

from wijkgeld.public import area_views, postcode, views

app_name = "public"
urlpatterns = [
    path("", area_views.home, name="home"),
    path("gebieden/postcode/", postcode.find_area, name="postcode"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("gebieden/<slug:slug>/", area_views.area_detail, name="area"),
    path("gebieden/<slug:slug>/logboek/", views.area_audit, name="area_audit"),
]
