from django.urls import path

from wijkgeld.fund.views import assessment, execution, ideas, public, results, rounds, subareas

app_name = "fund"
R = "gebieden/<slug:slug>/bewonersfonds/ronde/<int:round_id>/"
M = "gebieden/<slug:slug>/bewonersfonds/beheer/ronde/<int:round_id>/"
urlpatterns = [
    path("gebieden/<slug:slug>/bewonersfonds/", public.fund_home, name="home"),
    path(R, public.round_detail, name="round"),
    path(R + "ideeen/nieuw/", ideas.idea_new, name="idea_new"),
    path(R + "ideeen/bedankt/", ideas.idea_thanks, name="idea_thanks"),
    path(R + "ideeen/<int:number>/", public.idea_detail, name="idea"),
    path(R + "ideeen/<int:number>/prive/<str:token>/", ideas.idea_private, name="idea_private"),
    path(R + "uitslag/", public.results, name="results"),
    path(R + "uitslag/bon/", public.receipt, name="receipt"),
    path(R + "uitslag/stemmen.pb", public.download_pb, name="download_pb"),
    path(R + "uitslag/bonnen.txt", public.download_receipts, name="download_receipts"),
    path("gebieden/<slug:slug>/bewonersfonds/beheer/", rounds.manage_home, name="manage"),
    path("gebieden/<slug:slug>/bewonersfonds/beheer/contact/", rounds.contact, name="contact"),
    path(M, rounds.manage_round, name="manage_round"),
    path(M + "fase/", rounds.advance, name="advance"),
    path(M + "buurten/", subareas.manage_sub_areas, name="manage_sub_areas"),
    path(M + "buurten/idee/<int:number>/", subareas.idea_sub_area, name="idea_sub_area"),
    path(M + "themas/", subareas.manage_categories, name="manage_categories"),
    path(M + "themas/idee/<int:number>/", subareas.idea_theme, name="idea_theme"),
    path(M + "ideeen/<int:number>/", assessment.assess_idea, name="assess"),
    path(M + "uitslag/", results.manage_results, name="manage_results"),
    path(M + "uitslag/tellen/", results.count, name="count"),
    path(M + "uitslag/publiceren/", results.publish, name="publish"),
    path(M + "uitvoering/", execution.manage_execution, name="manage_execution"),
    path(M + "uitvoering/<int:number>/toekennen/", execution.award, name="award"),
    path(M + "uitvoering/<int:number>/afronden/", execution.accept, name="accept"),
    path(M + "uitvoering/bonnen/<int:photo_id>/vrijgeven/", execution.clear_receipt, name="clear_receipt"),
]
