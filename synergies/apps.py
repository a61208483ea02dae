from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynergiesConfig(AppConfig):
    name = "synergies"
    verbose_name = _("Synergies")

    def ready(self) -> None:
        from .related import connect_signals

        connect_signals()
