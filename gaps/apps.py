from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GapsConfig(AppConfig):
    name = "gaps"
    verbose_name = _("Gaps")

    def ready(self) -> None:
        from .entries import connect_signals

        # The gap map's per-item entries follow every change of status and tags.
        connect_signals()
