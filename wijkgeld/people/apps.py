from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "wijkgeld.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from wijkgeld.people import audit_texts, openapi, permissions, registry, retention  # noqa: F401
