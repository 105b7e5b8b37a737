from django.urls import path

from wijkgeld.community import views

app_name = "community"
B = "gebieden/<slug:slug>/bewonersinitiatieven/"
urlpatterns = [
    path(B, views.collective_list, name="list"),
    path(f"{B}aanmelden/", views.collective_register, name="register"),
    path(f"{B}controleren/", views.collective_review, name="review"),
    path(f"{B}<int:pk>/controleren/", views.collective_decide, name="decide"),
]
