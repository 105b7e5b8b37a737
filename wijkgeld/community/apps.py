from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "wijkgeld.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from wijkgeld.community import audit_texts, permissions, registry  # noqa: F401
