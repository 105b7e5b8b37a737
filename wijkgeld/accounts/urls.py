from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from wijkgeld.accounts import role_views, views

app_name = "accounts"
urlpatterns = [
    path("account/login/", views.LoginView.as_view(), name="login"),
    path("account/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/two-step/", views.two_factor, name="two_factor"),
    path("account/", views.dashboard, name="dashboard"),
    path(
        "account/wachtwoord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/set_password.html",
            success_url=reverse_lazy("accounts:login"),
        ),
        name="password_reset_confirm",
    ),
    path("gebieden/<slug:slug>/rollen/", role_views.area_roles, name="area_roles"),
    path("gebieden/<slug:slug>/rollen/intrekken/", role_views.area_role_revoke, name="area_role_revoke"),
    path("gebieden/<slug:slug>/rollen/wijzigingen/", role_views.area_role_history, name="area_role_history"),
    path(
        "gebieden/<slug:slug>/rollen/link/",
        role_views.area_password_link_resend,
        name="area_password_link_resend",
    ),
]
