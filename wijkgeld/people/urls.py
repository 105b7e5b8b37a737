from django.urls import path

from wijkgeld.people.views import builders, coordinator, members, public

app_name = "people"
P = "gebieden/<slug:slug>/mensen/"
C = f"{P}begeleiding/"
urlpatterns = [
    path(P, public.overview, name="overview"),
    path(f"{P}rollen/<int:pk>/", public.role_detail, name="role"),
    path(f"{P}cijfers-<int:year>.csv", public.figures_csv, name="figures_csv"),
    # Coordinators at a bewonersbedrijf and municipal contacts.
    path(C, coordinator.home, name="coordinator"),
    path(f"{C}rollen/nieuw/", coordinator.role_create, name="role_create"),
    path(f"{C}rollen/<int:pk>/open-dicht/", coordinator.role_toggle, name="role_toggle"),
    path(f"{C}interesse/<int:pk>/verwijderen/", coordinator.interest_delete, name="interest_delete"),
    path(f"{C}deelnemers/nieuw/", coordinator.placement_create, name="placement_create"),
    path(f"{C}deelnemers/<int:pk>/", coordinator.placement_detail, name="placement"),
    path(f"{C}deelnemers/<int:pk>/stap/", coordinator.step_add, name="step_add"),
    path(f"{C}deelnemers/<int:pk>/uren/", coordinator.hours_record, name="hours"),
    path(f"{C}deelnemers/<int:pk>/mijlpaal/", coordinator.milestone_record, name="milestone"),
    path(f"{C}deelnemers/<int:pk>/toestemming-intrekken/", coordinator.consent_withdraw, name="withdraw"),
    # Delegates, committee, staff and finance.
    path(f"{P}plaatsingen/", members.placements, name="placements"),
    path(f"{P}plaatsingen/<int:pk>/vergoeding/", members.fee, name="fee"),
    path(f"{P}taken/", members.appointments, name="appointments"),
    path(f"{P}taken/beeindigen/", members.appointment_end, name="appointment_end"),
    # Community builders.
    path(f"{P}wijkbouwers/", builders.register, name="builders"),
    path(f"{P}wijkbouwers/<int:pk>/", builders.builder_detail, name="builder"),
    path(f"{P}wijkbouwers/<int:pk>/profiel/", builders.builder_profile, name="builder_profile"),
    path(f"{P}wijkbouwers/<int:pk>/training/", builders.builder_training, name="builder_training"),
    path(f"{P}wijkbouwers/<int:pk>/vertrek/", builders.builder_leave, name="builder_leave"),
    path(f"{P}opdrachten/nieuw/", builders.commission_create, name="commission_create"),
    path(f"{P}opdrachten/<int:pk>/", builders.commission_detail, name="commission"),
    path(f"{P}opdrachten/<int:pk>/stem/", builders.commission_vote, name="commission_vote"),
    path(f"{P}opdrachten/<int:pk>/vastleggen/", builders.commission_commit, name="commission_commit"),
    path(f"{P}opdrachten/<int:pk>/verslag/", builders.report_submit, name="report_submit"),
    path(
        f"{P}opdrachten/<int:pk>/verslagen/<int:report_pk>/besluit/",
        builders.report_decide,
        name="report_decide",
    ),
    path(
        f"{P}opdrachten/<int:pk>/verslagen/<int:report_pk>/betalen/", builders.report_pay, name="report_pay"
    ),
]
