from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "wijkgeld.voting"
    label = "voting"
    verbose_name = _("Voting")

    def ready(self) -> None:
        from wijkgeld.voting import (  # noqa: F401
            audit_texts,
            links,
            permissions,
            tasks,  # noqa: F401  (its tasks on "Mijn pagina")
        )
