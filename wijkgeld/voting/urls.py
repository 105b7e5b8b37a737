from django.urls import path

from wijkgeld.voting import views

app_name = "voting"
urlpatterns = [
    path("stemmen/", views.start, name="start"),
]
