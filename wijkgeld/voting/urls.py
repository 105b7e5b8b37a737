from django.urls import path

from wijkgeld.voting import committee, views

app_name = "voting"
urlpatterns = [
    path("stemmen/", views.start, name="start"),
    path("stemmen/ronde/<int:round_id>/", views.ballot, name="ballot"),
    path("stemmen/bewijs/", views.receipt, name="receipt"),
    path("stemmen/bewijs/klaar/", views.receipt_done, name="receipt_done"),
    path("gebieden/<slug:slug>/stemmen/", views.start, name="area_start"),
    path("gebieden/<slug:slug>/stemmen/beheer/", committee.rounds, name="committee_rounds"),
    path("gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/", committee.overview, name="committee"),
    path("gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/codes/", committee.generate, name="generate"),
    path("gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/vervangen/", committee.replace, name="replace"),
    path(
        "gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/codes/<int:batch_id>/uitgeven/",
        committee.issue,
        name="issue",
    ),
    path(
        "gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/codes/<int:batch_id>/intrekken/",
        committee.cancel,
        name="cancel",
    ),
    path("gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/papier/", committee.paper, name="paper"),
    path(
        "gebieden/<slug:slug>/stemmen/beheer/<int:round_id>/verschillen/",
        committee.mismatches,
        name="mismatches",
    ),
]
