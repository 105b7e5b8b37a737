from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "wijkgeld.fund"
    label = "fund"
    verbose_name = _("Bewonersfonds")

    def ready(self) -> None:
        from wijkgeld.fund import (  # noqa: F401
            audit_texts,
            permissions,
            registry,
            tasks,  # noqa: F401  (its tasks on "Mijn pagina")
        )
