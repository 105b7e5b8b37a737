from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MoneyConfig(AppConfig):
    name = "wijkgeld.money"
    label = "money"
    verbose_name = _("Money")

    def ready(self) -> None:
        from wijkgeld.money import (  # noqa: F401
            audit_texts,
            permissions,
            registry,
            tasks,  # noqa: F401  (its tasks on "Mijn pagina")
        )
