from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, pre_migrate

        from core import content_version

        from . import (
            facet_index,
            search,  # noqa: F401  (registers the items with the search index)
        )

        content_version.changed.connect(
            facet_index.schedule_build, dispatch_uid="facet-index-build"
        )
        pre_migrate.connect(facet_index.migration_started, dispatch_uid="facet-index-migrate")
        post_migrate.connect(facet_index.migration_finished, dispatch_uid="facet-index-migrated")
