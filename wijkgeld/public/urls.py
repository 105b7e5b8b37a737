from django.urls import path

from wijkgeld.public import area_views, postcode, views
from wijkgeld.public.national import opendata_views
from wijkgeld.public.national import views as national_views

app_name = "public"
urlpatterns = [
    path("", area_views.home, name="home"),
    path("gebieden/postcode/", postcode.find_area, name="postcode"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("gebieden/<slug:slug>/", area_views.area_detail, name="area"),
    path("gebieden/<slug:slug>/logboek/", views.area_audit, name="area_audit"),
    path("landelijk/", national_views.national, name="national"),
    path("open-data/", opendata_views.open_data, name="open_data"),
    path("open-data/woordenboek/", opendata_views.dictionary, name="dictionary"),
    path("open-data/woordenboek.json", opendata_views.dictionary_json, name="dictionary_json"),
    path("open-data/catalogus.jsonld", opendata_views.dcat, name="dcat"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata_views.download, name="download"),
    path(
        "open-data/gebieden/<slug:slug>/<slug:dataset>.<str:fmt>",
        opendata_views.download,
        name="download_area",
    ),
]
