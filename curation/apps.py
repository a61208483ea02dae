from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = _("Curation")

    def ready(self) -> None:
        from .permissions import grant_curator_permissions

        # post_migrate is sent once per app with models, after django.contrib.auth has
        # created that app's permissions. This app has no models of its own, so the
        # grant listens to every app's signal; it only adds what exists and is missing.
        post_migrate.connect(grant_curator_permissions, dispatch_uid="curation.grant_permissions")
