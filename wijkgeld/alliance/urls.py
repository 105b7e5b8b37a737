from django.urls import path

from wijkgeld.alliance.views import documents, manage, members, public

app_name = "alliance"
A = "gebieden/<slug:slug>/alliantie/"
urlpatterns = [
    # Public (members see more on the same pages)
    path(A, public.alliance_page, name="public"),
    path(A + "besluiten/", public.decisions_page, name="decisions"),
    path(A + "agenda.ics", public.calendar_feed, name="calendar"),
    path(A + "overleg/<int:pk>/", public.meeting_page, name="meeting"),
    path(A + "documenten/", documents.documents_page, name="documents"),
    path(A + "documenten/nieuw/", documents.document_add, name="document_add"),
    path(A + "documenten/advies/", documents.advice_add, name="advice_add"),
    path(A + "documenten/<int:pk>/", members.document_page, name="document"),
    path(A + "documenten/<int:pk>/bestand/", members.document_download, name="download"),
    # Members
    path(A + "agendapunten/", members.agenda_page, name="agenda"),
    path(A + "agendapunten/voorstellen/", members.propose_item, name="propose"),
    path(A + "agendapunten/<int:pk>/besluiten/", members.decide_item, name="decide_item"),
    path(A + "vragen/<int:pk>/antwoord/", members.question_answer, name="answer"),
    # Programme staff
    path(A + "beheer/", manage.manage_page, name="manage"),
    path(A + "beheer/nieuw/", manage.alliance_new, name="alliance_new"),
    path(A + "beheer/instellingen/", manage.settings_edit, name="settings"),
    path(A + "beheer/partners/nieuw/", manage.partner_add, name="partner_add"),
    path(A + "beheer/vertegenwoordigers/nieuw/", manage.representative_add, name="representative_add"),
    path(A + "beheer/afgevaardigden/nieuw/", manage.delegate_add, name="delegate_add"),
    path(A + "beheer/overleg/nieuw/", manage.meeting_create, name="meeting_create"),
    path(A + "overleg/<int:pk>/wijzigen/", manage.meeting_edit, name="meeting_edit"),
    path(A + "overleg/<int:pk>/agendapunt/", manage.agenda_item_add, name="agenda_item_add"),
    path(A + "overleg/<int:pk>/document/", manage.document_upload, name="document_upload"),
    path(A + "documenten/<int:pk>/delen/", manage.document_share, name="document_share"),
    path(A + "overleg/<int:pk>/verslag/", manage.minutes_edit, name="minutes"),
    path(A + "overleg/<int:pk>/besluit/", manage.decision_add, name="decision_add"),
]
