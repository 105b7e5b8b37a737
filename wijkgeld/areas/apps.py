from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "wijkgeld.areas"
    label = "areas"
    verbose_name = _("Areas")

    def ready(self) -> None:
        from wijkgeld.areas import audit_texts  # noqa: F401
