"""Periodic work of the contributions app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import linkcheck

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
