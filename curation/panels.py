"""Panels on resource and initiative pages (see contributions.extensions)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from contributions.models import Contribution, Status


def review_link(request: HttpRequest, item: Contribution) -> str:
    """For curators: a way to the review page while the item or a change to it waits."""
    if not (request.user.is_authenticated and request.user.is_curator):
        return ""
    waiting = item.status == Status.SUBMITTED or item.revisions.pending().exists()
    if not waiting:
        return ""
    return render_to_string("curation/_review_link.html", {"item": item}, request=request)
