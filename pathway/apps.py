from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwayConfig(AppConfig):
    name = "pathway"
    verbose_name = _("Patient pathway")
