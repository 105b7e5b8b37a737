from django.urls import path

from wijkgeld.voting import committee, desk, views

app_name = "voting"
urlpatterns = [
    path("stemmen/", views.start, name="start"),
    path("stemmen/ronde/<int:round_id>/", views.ballot, name="ballot"),
    path("stemmen/bewijs/", views.receipt, name="receipt"),
    path("stemmen/bewijs/klaar/", views.receipt_done, name="receipt_done"),
    path("gebieden/<slug:slug>/stemmen/", views.start, name="area_start"),
    # Help desk: the device's pages (no account) and the helper's and committee's pages.
    path("stemmen/balie/", desk.desk, name="desk"),
    path("stemmen/balie/volgende/", desk.desk_next, name="desk_next"),
    path("stemmen/balie/sluiten/", desk.desk_close, name="desk_close"),
    path("gebieden/<slug:slug>/stemmen/balie/", desk.home, name="desk_home"),
    path("gebieden/<slug:slug>/stemmen/balie/<int:round_id>/openen/", desk.open_desk, name="desk_open"),
    path(
        "gebieden/<slug:slug>/stemmen/balie/<int:round_id>/vervangen/",
        desk.request_replacement,
        name="desk_replace",
    ),
    path(
        "gebieden/<slug:slug>/stemmen/balie/apparaat/<int:desk_id>/sluiten/",
        desk.close_remote,
        name="desk_close_remote",
    ),
    path("gebieden/<slug:slug>/stemmen/balie/vrijwilligers/", desk.volunteers, name="desk_volunteers"),
    path(
        "gebieden/<slug:slug>/stemmen/balie/vrijwilligers/<int:role_id>/intrekken/",
        desk.volunteer_revoke,
        name="desk_volunteer_revoke",
    ),
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
