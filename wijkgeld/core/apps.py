from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkgeld.core"
    label = "core"
    verbose_name = "Wijkgeld core"
