from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wijkgeld.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from wijkgeld.accounts import audit_texts  # noqa: F401
        from wijkgeld.public.registry import AreaLink, register_area_link

        user_logged_in.connect(_start_session_clocks, dispatch_uid="wijkgeld_session_clocks")

        register_area_link(AreaLink(_("Roles in this area"), "accounts:area_roles", "area.manage_roles", 90))
        register_area_link(
            AreaLink(
                _("Who chose the delegates: every change of roles"),
                "accounts:area_role_history",
                "area.view_roles",
                91,
            )
        )


def _start_session_clocks(sender, request, user, **kwargs):
    from wijkgeld.accounts.middleware import session_started

    if request is not None and hasattr(request, "session"):
        session_started(request=request)
