from django.urls import path

from wijkgeld.money.views import budget, documents, ledger, line_changes, overview, register, support

app_name = "money"
A = "gebieden/<slug:slug>/geld/"
urlpatterns = [
    path(A, overview.overview_current, name="overview_current"),
    path(f"{A}<int:year>/", overview.overview, name="overview"),
    path(f"{A}verantwoording.csv", overview.accountability_csv, name="accountability_csv"),
    path(f"{A}register/", register.register_page, name="register"),
    path(f"{A}register.csv", register.register_csv, name="register_csv"),
    path(f"{A}<int:year>/grootboek.csv", ledger.ledger_csv, name="ledger_csv"),
    path(f"{A}<int:year>/subsidie/", budget.grant_create, name="grant_create"),
    path(f"{A}<int:year>/begrotingspost/", budget.line_create, name="line_create"),
    path(f"{A}posten/<int:pk>/", budget.line_detail, name="line"),
    path(f"{A}posten/<int:pk>/aanvullen/", budget.line_fund, name="line_fund"),
    path(f"{A}posten/<int:pk>/doorschuiven/", budget.line_carry_over, name="line_carry_over"),
    path(f"{A}posten/<int:pk>/verplichting/", ledger.commitment_create, name="commitment_create"),
    path(f"{A}verplichtingen/<int:pk>/", ledger.commitment_detail, name="commitment"),
    path(f"{A}verplichtingen/<int:pk>/betalen/", ledger.payment_create, name="payment_create"),
    path(f"{A}verplichtingen/<int:pk>/vrijgeven/", ledger.commitment_release, name="commitment_release"),
    path(f"{A}betalingen/<int:pk>/", ledger.payment_decide, name="payment_decide"),
    path(f"{A}boekingen/<int:pk>/corrigeren/", ledger.transaction_reverse, name="transaction_reverse"),
    path(f"{A}documenten/<slug:kind>/<int:pk>/", documents.document_download, name="document"),
    path("gebieden/<slug:slug>/ondersteuning/", support.support_list, name="support_list"),
    path("gebieden/<slug:slug>/ondersteuning/nieuw/", support.support_create, name="support_create"),
    path("gebieden/<slug:slug>/ondersteuning/<int:pk>/", support.support_detail, name="support_detail"),
    path(
        "gebieden/<slug:slug>/ondersteuning/posten/<int:line_pk>/wijziging/",
        line_changes.line_change_create,
        name="line_change_create",
    ),
    path(
        "gebieden/<slug:slug>/ondersteuning/wijzigingen/<int:pk>/",
        line_changes.line_change_detail,
        name="line_change",
    ),
    path(f"{A}posten/<int:line_pk>/besluit/", line_changes.line_size_decision, name="line_size_decision"),
]
