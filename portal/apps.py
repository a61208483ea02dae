from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal pages")

    def ready(self) -> None:
        # Registers the reference content (stages, barriers, ...) with the search index.
        from . import search  # noqa: F401
