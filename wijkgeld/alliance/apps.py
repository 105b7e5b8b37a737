from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "wijkgeld.alliance"
    label = "alliance"
    verbose_name = _("Alliance")

    def ready(self) -> None:
        from wijkgeld.alliance import (  # noqa: F401
            audit_texts,
            openapi,
            permissions,
            tasks,  # noqa: F401  (its tasks on "Mijn pagina")
        )
        from wijkgeld.public.registry import AreaLink, register_area_link

        register_area_link(
            AreaLink(
                label=_("Alliance: who sits at the table, meetings and decisions"),
                url_name="alliance:public",
                order=30,
            )
        )
        register_area_link(
            AreaLink(
                label=_("Alliance: agenda items, proposals and questions (members)"),
                url_name="alliance:agenda",
                action="alliance.view_members",
                order=31,
            )
        )
