from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynergiesConfig(AppConfig):
    name = "synergies"
    verbose_name = _("Synergies")

    def ready(self) -> None:
        from . import related, stored

        related.connect_signals()
        stored.connect_signals()
