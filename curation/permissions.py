"""The Curators group's model permissions, granted after every migrate.

Django creates model permissions in a post_migrate handler, so a data migration
cannot grant them on a fresh database; this receiver runs after that handler.
It only adds what is missing: permissions an admin gave the group by hand stay.
Curators get no delete permission: contributions are archived, memberships
declined, and the rest is reference content that others link to.
"""

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

from accounts.models import CURATORS_GROUP

CURATED_MODELS = {
    "pathway": ("stage", "therapeuticarea", "region", "country"),
    "stakeholders": ("stakeholdergroup", "organisation", "membership"),
    "barriers": ("barriercategory", "barrier", "evidencelink"),
    "contributions": ("resource", "initiative"),
    "search": ("synonym",),
}
VIEWED_MODELS = {
    "contributions": ("moderationevent",),
    "synergies": ("similaritydecision",),
    "gaps": ("coverageentry",),
    "accounts": ("user",),
    "sitepages": ("contactmessage",),
}


def curator_permissions() -> set[tuple[str, str]]:
    """(app label, codename) of every permission the Curators group should have."""
    wanted = {
        (app_label, f"{action}_{model}")
        for app_label, models in CURATED_MODELS.items()
        for model in models
        for action in ("view", "add", "change")
    }
    wanted |= {
        (app_label, f"view_{model}")
        for app_label, models in VIEWED_MODELS.items()
        for model in models
    }
    return wanted


def grant_curator_permissions(
    sender: AppConfig, apps=global_apps, using: str = DEFAULT_DB_ALIAS, **kwargs
) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Without the group (accounts migrated back before 0002) there is nothing to grant.
    group = Group.objects.using(using).filter(name=CURATORS_GROUP).first()
    if group is None:
        return
    lookup = Q()
    for app_label, codename in curator_permissions():
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.using(using).filter(lookup))
