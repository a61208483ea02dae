"""Keeping the synergy finder's stored profiles in step with the items: one
SimilarityProfile per published item, holding the keys of its title and summary and
its tags as the finder compares them (profile.stored_reading, candidates.load_tags),
so that a lookup reads them instead of reading every candidate's text.

Refreshed once per transaction, after it commits, for the items it changed:

- an item saved (published, archived, its text or language edited);
- its tags changed, from either side of the link (an item's barriers, a barrier's
  items);
- a country moved to another region, or an area under another broader one (the
  stored `country_regions` and `area_parents`);
- a tag deleted with its links, which sends no signal about the links.

A synonym table change makes every stored key stale (their `version` no longer
matches, so lookups read the texts again, with the same results); the
refresh_stale_similarity_profiles task then refreshes them in the background.
Bulk loads that send no signals call rebuild_profiles() (manage.py
rebuild_similarity_profiles).
"""

import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Q

from contributions.models import KINDS, TAG_FIELDS, Contribution, Status

from .bounds import reach
from .models import SimilarityProfile
from .profile import keys_version, source_of, stored_keys
from .rows import read_tags
from .wording import Concepts

logger = logging.getLogger(__name__)

BATCH = 1000


def profiles_for(
    model: type[Contribution], pks: list[int], concepts: Concepts
) -> list[SimilarityProfile]:
    """The profiles of the published items among `pks` (three queries)."""
    kind = model._meta.model_name
    rows = list(
        model.objects.filter(pk__in=pks, status=Status.PUBLISHED).values_list(
            "pk", "title", "summary", "language"
        )
    )
    tags = read_tags({kind: [pk for pk, *_text in rows]})
    version = keys_version(concepts)
    profiles = []
    for pk, title, summary, language in rows:
        reading = concepts.reading(title, summary, language)
        profiles.append(
            SimilarityProfile(
                **{f"{kind}_id": pk},
                version=version,
                source=source_of(title, summary, language),
                keys=stored_keys(reading),
                reach=" ".join(sorted(reach(reading))),
                tags={name: sorted(ids) for name, ids in tags[(kind, pk)].items() if ids},
            )
        )
    return profiles


def refresh_profiles(model: type[Contribution], pks: Iterable[int]) -> int:
    """Make the stored profiles of these items match them: one for each that is
    published, none for the others. Returns how many are stored."""
    kind = model._meta.model_name
    pks = sorted(set(pks))
    if not pks:
        return 0
    concepts = Concepts.load()
    stored = 0
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        profiles = profiles_for(model, batch, concepts)
        published = [getattr(p, f"{kind}_id") for p in profiles]
        with transaction.atomic():
            SimilarityProfile.objects.filter(**{f"{kind}__in": batch}).exclude(
                **{f"{kind}__in": published}
            ).delete()
            # Written over in place: deleting first would read every row back to
            # send the delete signals.
            SimilarityProfile.objects.bulk_create(
                profiles,
                update_conflicts=True,
                unique_fields=[kind],
                update_fields=["version", "source", "keys", "reach", "tags"],
            )
        stored += len(profiles)
    return stored


def rebuild_profiles(log: Callable[[str], None] | None = None) -> int:
    """Every stored profile from scratch: after bulk changes that send no signals."""
    stored = 0
    for kind, model in KINDS.items():
        SimilarityProfile.objects.filter(**{f"{kind}__isnull": False}).exclude(
            **{f"{kind}__status": Status.PUBLISHED}
        ).delete()
        pks = list(model.objects.published().order_by("pk").values_list("pk", flat=True))
        step = BATCH * 10
        for start in range(0, len(pks), step):
            stored += refresh_profiles(model, pks[start : start + step])
            if log:
                log(f"  similarity profiles: {kind} {min(start + step, len(pks))} of {len(pks)}")
    return stored


def refresh_stale(limit: int | None = None) -> int:
    """Refresh the published items whose stored keys were made with another synonym
    table or code, or that have none; at most `limit` of them."""
    version = keys_version(Concepts.load())
    done = 0
    for model in KINDS.values():
        stale = (
            model.objects.published()
            .filter(Q(similarity_profile__isnull=True) | ~Q(similarity_profile__version=version))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if limit is not None:
            stale = stale[: max(0, limit - done)]
        done += refresh_profiles(model, list(stale))
    return done


# Scheduling: the items changed in one transaction, refreshed once after it commits.


class Batch:
    def __init__(self) -> None:
        self.items: dict[str, set[int]] = defaultdict(set)
        self.done = False

    def run(self) -> None:
        self.done = True
        for kind, pks in sorted(self.items.items()):
            refresh_profiles(KINDS[kind], pks)


_current = threading.local()


def schedule(kind: str, pks: Iterable[int]) -> None:
    """Refresh these items' stored profiles once the transaction commits (now, if
    there is none)."""
    pks = set(pks)
    if not pks:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh_profiles(KINDS[kind], pks)
        return
    batch = getattr(_current, "batch", None)
    # A batch whose transaction committed or rolled back is no longer waiting.
    waiting = (
        batch is not None
        and not batch.done
        and any(func == batch.run for _s, func, _r in connection.run_on_commit)
    )
    if not waiting:
        batch = _current.batch = Batch()
        transaction.on_commit(batch.run)
    batch.items[kind] |= pks


def item_saved(sender, instance: Contribution, raw: bool = False, **kwargs) -> None:
    if not raw and instance.affects_public_pages():
        schedule(instance.kind, [instance.pk])


def tags_changed(sender, instance, action: str, reverse: bool, model, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        if instance.affects_public_pages():
            schedule(instance.kind, [instance.pk])
    elif action == "post_clear":
        schedule(model._meta.model_name, getattr(instance, "_similarity_items", {}).get(sender, ()))
    else:
        schedule(model._meta.model_name, pk_set or ())


def tagged_items(tag) -> dict[str, set[int]]:
    """{kind: ids of the published items tagged with `tag`}."""
    found: dict[str, set[int]] = {}
    for kind, model in KINDS.items():
        for name in TAG_FIELDS:
            field = getattr(model, name).field
            if isinstance(tag, field.related_model):
                found.setdefault(kind, set()).update(
                    model.objects.published().filter(**{name: tag}).values_list("pk", flat=True)
                )
    return found


def tag_clearing(sender, instance, action: str, reverse: bool, model, **kwargs) -> None:
    """A tag losing all its items: remember which, to refresh them after."""
    if reverse and action == "pre_clear":
        items = getattr(instance, "_similarity_items", {})
        items[sender] = set(
            sender.objects.filter(**{sender_column(sender, instance): instance.pk}).values_list(
                f"{model._meta.model_name}_id", flat=True
            )
        )
        instance._similarity_items = items


def sender_column(through, tag) -> str:
    """The column of a tag link naming the tag."""
    for field in through._meta.fields:
        if field.is_relation and isinstance(tag, field.related_model):
            return field.attname
    raise LookupError(through)


def place_saved(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    """A country's region or an area's broader area may have changed."""
    if not created and not raw:
        for kind, pks in tagged_items(instance).items():
            schedule(kind, pks)


def tag_deleting(sender, instance, **kwargs) -> None:
    instance._similarity_tagged = tagged_items(instance)


def tag_deleted(sender, instance, **kwargs) -> None:
    for kind, pks in getattr(instance, "_similarity_tagged", {}).items():
        schedule(kind, pks)


def synonyms_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """Every stored key is stale now: lookups read texts until they are refreshed."""
    if raw:
        return
    from .tasks import refresh_stale_similarity_profiles

    def send() -> None:
        try:
            refresh_stale_similarity_profiles.delay()
        except Exception:
            logger.exception("Could not enqueue the refresh of stale similarity profiles")

    transaction.on_commit(send)


def connect_signals() -> None:
    """Called from SynergiesConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    from pathway.models import Country, TherapeuticArea
    from search.models import Synonym

    tag_models = set()
    for model in KINDS.values():
        post_save.connect(item_saved, sender=model, dispatch_uid=f"similarity-{model.__name__}")
        for name in TAG_FIELDS:
            field = getattr(model, name).field
            tag_models.add(field.related_model)
            through = field.remote_field.through
            uid = f"similarity-{model.__name__}-{name}"
            m2m_changed.connect(tags_changed, sender=through, dispatch_uid=uid)
            m2m_changed.connect(tag_clearing, sender=through, dispatch_uid=f"{uid}-clearing")
    for place in (Country, TherapeuticArea):
        post_save.connect(place_saved, sender=place, dispatch_uid=f"similarity-{place.__name__}")
    for tag in tag_models:
        uid = f"similarity-{tag.__name__}-deleted"
        pre_delete.connect(tag_deleting, sender=tag, dispatch_uid=f"{uid}-before")
        post_delete.connect(tag_deleted, sender=tag, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(
            synonyms_changed, sender=Synonym, dispatch_uid=f"similarity-synonyms-{signal}"
        )
