from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wijkgeld.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from wijkgeld.accounts import audit_texts  # noqa: F401
        from wijkgeld.public.registry import AreaLink, register_area_link

        register_area_link(AreaLink(_("Roles in this area"), "accounts:area_roles", "area.manage_roles", 90))
        register_area_link(
            AreaLink(
                _("Who chose the delegates: every change of roles"),
                "accounts:area_role_history",
                "area.view_roles",
                91,
            )
        )
