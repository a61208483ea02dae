"""Celery tasks of synergies: keep the stored related work up to date
(synergies/related.py). Tasks take a kind and a primary key, re-read the item and
may run any number of times."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from contributions.models import KINDS

from . import common, partner_index, related, stored
from .models import RelatedWork


@shared_task
def refresh_related_work(kind: str, pk: int, cascade: bool = True) -> int:
    """Refresh one item's related work and, with `cascade`, that of the items whose
    lists it changes (those without cascading further). Returns how many it queued."""
    affected = related.refresh(kind, pk)
    if not cascade:
        return 0
    for other_kind, other_pk in affected:
        refresh_related_work.delay(other_kind, other_pk, cascade=False)
    return len(affected)


@shared_task
def refresh_stale_related_work(limit: int = 500) -> int:
    """Refresh published items with nothing stored, then the oldest stored lists,
    at most `limit` of them (the hourly beat)."""
    done = 0
    cutoff = timezone.now() - timedelta(seconds=settings.RELATED_WORK_MAX_AGE)
    for kind, model in KINDS.items():
        missing = (
            model.objects.published()
            .filter(Q(related_work__isnull=True) | Q(related_work__computed_at__lt=cutoff))
            .order_by("related_work__computed_at", "pk")
            .values_list("pk", flat=True)[: limit - done]
        )
        for pk in missing:
            related.refresh(kind, pk)
            done += 1
    RelatedWork.objects.filter(
        Q(resource__isnull=False) & ~Q(resource__status="published")
        | Q(initiative__isnull=False) & ~Q(initiative__status="published")
    ).delete()
    return done


@shared_task
def refresh_stale_similarity_profiles(limit: int | None = None) -> int:
    """Refresh the stored similarity profiles made with another synonym table or
    code, or missing (synergies/stored.py), at most `limit`. Returns how many it
    stored."""
    return stored.refresh_stale(limit)


@shared_task
def count_common_words() -> int | None:
    """Count the index's common words for the current content version (common.py),
    and who works on which barrier where (partner_index.py); queued after each
    committed change. Returns the version."""
    version = common.build()
    partner_index.build(version)
    return version
