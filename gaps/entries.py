"""Keeping the gap map's coverage entries in step with the items: one CoverageEntry
per published item, with its stages, barrier categories, barriers and regions as bit
sets and its organisation, refreshed by signal receivers (connected in apps.py)
whenever an item is published, saved or unpublished, its stages, barriers or regions
change, or a barrier moves to another category."""

import functools
from collections import defaultdict

from django.db import transaction
from django.db.models import Count

from barriers.models import Barrier
from contributions.models import KINDS, Contribution, Status
from pathway.models import Region, Stage

from .models import CoverageEntry

# are a curated handful, so ids beyond that mean something went very wrong.
MAX_BIT = 62
REFRESH_BATCH = 2000


@functools.lru_cache(maxsize=4096)
def bit_numbers(bits: int) -> tuple[int, ...]:
    return tuple(n for n in range(bits.bit_length()) if bits >> n & 1)


def as_bits(ids) -> int:
    """The set of ids as bits. Ids beyond MAX_BIT are left out: with such a row in the
    taxonomy, coverage() counts from the links instead (see fits_in_bits)."""
    bits = 0
    for pk in ids:
        if 0 <= pk <= MAX_BIT:
            bits |= 1 << pk
    return bits


def refresh_entries(model: type[Contribution], pks) -> None:
    """Make the coverage entries of these items match them: one for each that is
    published, with its current tags and organisation, none for the others."""
    kind = model._meta.model_name
    pks = list(pks)
    for start in range(0, len(pks), REFRESH_BATCH):
        batch = pks[start : start + REFRESH_BATCH]
        with transaction.atomic():
            CoverageEntry.objects.filter(**{f"{kind}__in": batch}).delete()
            published = dict(
                model.objects.filter(pk__in=batch, status=Status.PUBLISHED).values_list(
                    "pk", "organisation"
                )
            )
            if published:
                CoverageEntry.objects.bulk_create(entries_for(model, list(published), published))


def entries_for(
    model: type[Contribution], pks: list[int], organisations: dict[int, int] | None = None
) -> list[CoverageEntry]:
    """The entries of these published items; `organisations` ({item id: its
    organisation's}) if the caller read them already."""
    item = f"{model._meta.model_name}_id"
    if organisations is None:
        organisations = dict(
            model._default_manager.filter(pk__in=pks).values_list("pk", "organisation")
        )
    stages, categories, barriers = defaultdict(set), defaultdict(set), defaultdict(set)
    regions = defaultdict(set)
    region_links = model.regions.through.objects.filter(**{f"{item}__in": pks})
    for pk, region in region_links.values_list(item, "region_id"):
        regions[pk].add(region)
    stage_links = model.stages.through.objects.filter(**{f"{item}__in": pks})
    for pk, stage in stage_links.values_list(item, "stage_id"):
        stages[pk].add(stage)
    barrier_links = model.barriers.through.objects.filter(**{f"{item}__in": pks})
    for pk, barrier, category in barrier_links.values_list(
        item, "barrier_id", "barrier__category_id"
    ):
        barriers[pk].add(barrier)
        categories[pk].add(category)
    return [
        CoverageEntry(
            **{item: pk},
            stage_bits=as_bits(stages[pk]),
            category_bits=as_bits(categories[pk]),
            barrier_bits=as_bits(barriers[pk]),
            region_bits=as_bits(regions[pk]),
            organisation_id=organisations.get(pk),
        )
        for pk in pks
    ]


def published_per_tag(tags: str, ids: list[int]) -> dict[tuple[str, int], int]:
    """{(kind, stage or barrier id): number of published items tagged with it}, for
    `tags` "stages" or "barriers", in one pass over the coverage entries (grouped by
    their bit sets), or from the links if an id does not fit in the bits."""
    tag = tags.removesuffix("s")
    counts: dict[tuple[str, int], int] = defaultdict(int)
    if max(ids, default=0) > MAX_BIT:
        for kind, model in KINDS.items():
            links = getattr(model, tags).through.objects.filter(
                **{f"{kind}__status": Status.PUBLISHED}
            )
            for pk, n in links.order_by().values_list(tag).annotate(n=Count("pk")):
                counts[(kind, pk)] = n
        return counts
    groups = (
        CoverageEntry.objects.order_by()
        .values_list(f"{tag}_bits")
        .annotate(**{kind: Count(kind) for kind in KINDS})
    )
    for bits, *per_kind in groups:
        for pk in bit_numbers(bits):
            for kind, n in zip(KINDS, per_kind, strict=True):
                counts[(kind, pk)] += n
    return counts


def rebuild_entries() -> None:
    """Every entry from scratch: after bulk changes that bypass the signals."""
    for kind, model in KINDS.items():
        CoverageEntry.objects.filter(**{f"{kind}__isnull": False}).delete()
        refresh_entries(model, model.objects.published().values_list("pk", flat=True))


def item_saved(sender, instance: Contribution, update_fields=None, **kwargs) -> None:
    if instance.status == Status.PUBLISHED:
        refresh_entries(sender, [instance.pk])
    elif update_fields is None or "status" in update_fields:
        CoverageEntry.objects.filter(**{instance.kind: instance}).delete()


def links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """Stages, barriers or regions of items changed, from either side of the link."""
    model, target = LINKS[sender]
    if reverse and action == "pre_clear":
        # A stage or barrier losing all its items: remember which, to refresh them after.
        instance._coverage_items = list(
            sender.objects.filter(**{target: instance.pk}).values_list(
                f"{model._meta.model_name}_id", flat=True
            )
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        if instance.status == Status.PUBLISHED:
            refresh_entries(model, [instance.pk])
        return
    pks = pk_set if action != "post_clear" else getattr(instance, "_coverage_items", [])
    if pks:
        refresh_entries(model, pks)


def barrier_saved(sender, instance: Barrier, created: bool, **kwargs) -> None:
    """A barrier may have moved to another category: its items count elsewhere now."""
    if created:
        return
    for model in KINDS.values():
        refresh_entries(
            model, model.objects.published().filter(barriers=instance).values_list("pk", flat=True)
        )


def taxonomy_deleted(sender, instance, **kwargs) -> None:
    """A stage, barrier or region was deleted with its links, which sends no m2m signal."""
    rebuild_entries()


# through model -> (item model, the link's column naming the stage or barrier)
LINKS: dict = {}


def connect_signals() -> None:
    """Called from ContributionsConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in KINDS.values():
        post_save.connect(item_saved, sender=model, dispatch_uid=f"coverage-{model.__name__}")
        for name in ("stages", "barriers", "regions"):
            field = getattr(model, name).field
            through = getattr(model, name).through
            LINKS[through] = (model, f"{field.m2m_reverse_field_name()}_id")
            m2m_changed.connect(
                links_changed, sender=through, dispatch_uid=f"coverage-{through.__name__}"
            )
    post_save.connect(barrier_saved, sender=Barrier, dispatch_uid="coverage-barrier-saved")
    for taxonomy in (Barrier, Stage, Region):
        post_delete.connect(
            taxonomy_deleted, sender=taxonomy, dispatch_uid=f"coverage-{taxonomy.__name__}-deleted"
        )
