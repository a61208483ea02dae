"""Background work of the contributions app: periodic (scheduled in
settings.CELERY_BEAT_SCHEDULE), and the library's facet index after each change."""

from celery import shared_task
from django.http import QueryDict

from . import facet_index, linkcheck
from .filters import InitiativeFilterSet, ResourceFilterSet

# Links checked per run: each costs up to LINK_CHECK_TIMEOUT seconds.
CHECKS_PER_RUN = 200


@shared_task
def check_resource_links(limit: int = CHECKS_PER_RUN) -> int:
    """Check the links that are due, oldest first; returns how many were checked."""
    resources = list(linkcheck.due_for_check()[:limit])
    for resource in resources:
        linkcheck.check(resource)
    return len(resources)


@shared_task
def report_resource_links() -> int:
    """Tell organisations about links to fix, once a month; returns how many were told."""
    return linkcheck.report_to_organisations()


@shared_task
def build_facet_indexes() -> int | None:
    """Build the library's facet indexes (both collections, both scopes) for the
    current content version; queued after each committed change (facet_index)."""
    filtersets = [
        filterset_class(QueryDict(scope), queryset=filterset_class._meta.model.objects.published())
        for filterset_class in (ResourceFilterSet, InitiativeFilterSet)
        for scope in ("", "scope=exact")
    ]
    return facet_index.build_all(filtersets)
