from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynergiesConfig(AppConfig):
    name = "synergies"
    verbose_name = _("Synergies")

    def ready(self) -> None:
        from core import content_version

        from . import common, related, stored

        related.connect_signals()
        stored.connect_signals()
        content_version.changed.connect(
            common.content_changed, dispatch_uid="synergies-common-words"
        )
