"""Translations added to published items, waiting for a curator: listed on the
queue page, published or declined here. (Those added to a draft or an item in
review are published with the item, so they need no decision of their own.)"""

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import curator_required
from contributions.languages import publish_translation, remove_translation
from contributions.models import ItemTranslation, Status

# The queue page lists at most this many, oldest first.
SHOWN = 50


def waiting() -> QuerySet[ItemTranslation]:
    """Translations of published items that wait for a curator, oldest first."""
    return (
        ItemTranslation.objects.awaiting_review()
        .filter(Q(resource__status=Status.PUBLISHED) | Q(initiative__status=Status.PUBLISHED))
        .select_related("resource", "initiative", "created_by")
        .order_by("created_at", "pk")
    )


@require_POST
@curator_required
def translation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    translation = get_object_or_404(waiting(), pk=pk)
    publish_translation(translation)
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” is published.")
        % {"language": translation.get_language_display(), "title": translation.item.title},
    )
    return redirect("curation:queue")


@require_POST
@curator_required
def translation_decline(request: HttpRequest, pk: int) -> HttpResponse:
    translation = get_object_or_404(waiting(), pk=pk)
    remove_translation(translation)
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” is declined and removed.")
        % {"language": translation.get_language_display(), "title": translation.item.title},
    )
    return redirect("curation:queue")
