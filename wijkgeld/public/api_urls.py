from django.urls import path

from wijkgeld.public import views

app_name = "api"
urlpatterns = [
    path("areas/", views.api_areas, name="areas"),
    path("openapi.json", views.api_openapi, name="openapi"),
]
