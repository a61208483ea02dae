from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from .coverage import connect_signals
        from .curator_permissions import grant_curator_permissions

        # The gap map's per-item entries follow every change of status and tags.
        connect_signals()

        # Sent for this app after django.contrib.auth has created its permissions
        # and those of every app listed before it in INSTALLED_APPS, which are all
        # the apps whose models curators work on.
        post_migrate.connect(
            grant_curator_permissions,
            sender=self,
            dispatch_uid="contributions.grant_curator_permissions",
        )
