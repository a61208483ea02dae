from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from core import content_version

        from . import (
            facet_index,
            search,  # noqa: F401  (registers the items with the search index)
        )

        content_version.changed.connect(
            facet_index.schedule_build, dispatch_uid="facet-index-build"
        )
