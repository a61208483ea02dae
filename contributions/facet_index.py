"""Library facet counts from bitsets: the same numbers as the SQL count
(ContributionFilterSet.sql_facet_counts), at a cost that does not grow with the
number of matching items.

Every published item of a collection has a bit (its position among the published
ids, in order). For each part of each facet (TagFilter.facet_parts) and each value,
the index holds the bitset of the items the tag tables pair with that value, and for
the place facets the bitset of the items every place selects (global work). Counting
is then, per value, `(matched & value).bit_count()`, with the matched items read as
one list of ids: the facets' counts cost one query and a few milliseconds of
integer arithmetic whether 10 or 100,000 items match.

The index is built from the tag tables (one query per part, set-based), kept in the
cache under the site-wide content version (core/content_version.py), which every
public change bumps: invalidation is exact. Each process also keeps the last index it
used, so a request only reads the cache when the version changed.

Building takes seconds at 100,000 items, so it is not left to a visitor: once a
change is committed, a Celery task builds every library index for the new version
(build_all; in-process on the embedded default, so there it is done before the
changing request answers). One task is queued at a time (QUEUED): a change made
while one waits is built by it, since it reads the version when it starts; a change
made once it started queues the next. While that build is queued or running, and for
at most STALE_SECONDS after the change, the library pages (`stale_allowed`) count
with the index of the version before: the matching items and their number are always
read afresh, so only the changed items' facet counts lag (a new item is not counted
yet, a retagged one under its old tags, a removed one is gone at once), and those
pages are not kept in the page cache. Otherwise, with no build under way (a task
lost, or a change that sent no signal), the first request builds the index as
before and the others count in SQL meanwhile: other callers, and any request past
the bound, get exact counts.

Whenever the index cannot answer exactly, counts() returns None and the caller counts
in SQL: the cache is unreachable (no version), or the matched items include one the
index does not hold (a draft that its organisation sees in the library; drafts change
without bumping the version, so they are never indexed).
"""

import logging
import threading
import time
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db import models

from core import content_version

from .tag_filters import EVERYWHERE, ChoicesFilter, FacetPart, facet_pairs

logger = logging.getLogger(__name__)

# How long a built index stays in the cache; a new content version replaces it sooner.
CACHE_SECONDS = 24 * 3600
# How long other requests count in SQL while one builds the index.
BUILD_SECONDS = 60
# How long after a change library pages may count with the previous index while a
# task builds the new one; also how long a queued build keeps others from queueing.
STALE_SECONDS = 120
QUEUED = "facet-index:queued"
BUILDING = "facet-index:building"

# {index name: (content version, index)}: the last index this process used.
_local: dict[str, tuple[int, "FacetIndex"]] = {}
_local_lock = threading.Lock()


@dataclass
class FacetIndex:
    # The published items' ids, ascending: bit n stands for ids[n].
    ids: array
    # {facet: {part: {value: bitset}}}, as TagFilter.facet_parts names them.
    parts: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    # {facet: bitset of the items every row of the facet selects}.
    wide: dict[str, int] = field(default_factory=dict)

    def __getstate__(self) -> dict:
        return {"ids": self.ids, "parts": self.parts, "wide": self.wide}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    @cached_property
    def everything(self) -> int:
        """The bitset of every item the index holds."""
        return (1 << len(self.ids)) - 1

    @cached_property
    def position(self) -> dict[int, int]:
        return {pk: n for n, pk in enumerate(self.ids)}

    def bits(self, ids, *, all_held: bool = True) -> int | None:
        """The bitset of `ids`; None if one is not in the index and `all_held`, else
        the bitset of those it holds."""
        position = self.position
        buffer = bytearray(len(self.ids) // 8 + 1)
        for pk in ids:
            n = position.get(pk)
            if n is None:
                if all_held:
                    return None
                continue
            buffer[n >> 3] |= 1 << (n & 7)
        return int.from_bytes(buffer, "little")

    def counts(self, matched: int) -> dict[str, dict[str, dict[str, int]]]:
        """{facet: {part: {value: n}}} as the SQL count gives them (no zeros)."""
        counts: dict[str, dict[str, dict[str, int]]] = {}
        if not matched:
            return counts
        for name, parts in self.parts.items():
            wide = self.wide.get(name)
            local = matched if wide is None else matched & ~wide
            found: dict[str, dict[str, int]] = {}
            for part_name, values in parts.items():
                part_counts = {}
                for value, bits in values.items():
                    n = (local & bits).bit_count()
                    if n:
                        part_counts[value] = n
                if part_counts:
                    found[part_name] = part_counts
            if wide is not None and (n := (matched & wide).bit_count()):
                found[EVERYWHERE] = {EVERYWHERE: n}
            if found:
                counts[name] = found
        return counts


def published_items(model) -> models.QuerySet:
    return model._default_manager.published()


def build(filterset) -> FacetIndex:
    """The index of `filterset`'s facets, read from the tag tables: one query for the
    ids, one per facet part and one per place facet's global work."""
    model = filterset.queryset.model
    universe = published_items(model)
    index = FacetIndex(ids=array("q", universe.order_by("pk").values_list("pk", flat=True)))
    everyone = universe.values("pk")
    for name in filterset.facet_fields:
        filter_ = filterset.filters[name]
        if isinstance(filter_, ChoicesFilter):
            facet_parts = {"": FacetPart([facet_pairs(model, filter_.field_name, everyone)])}
        else:
            everywhere = filter_.everywhere_ids(model)
            if everywhere is not None:
                index.wide[name] = index.bits(
                    (pk for row in everywhere.iterator() for pk in row.values()),
                    all_held=False,
                )
            facet_parts = filter_.facet_parts(model, everyone, None)
        index.parts[name] = {
            part_name: value_bits(index, part) for part_name, part in facet_parts.items()
        }
    return index


def value_bits(index: FacetIndex, part: FacetPart) -> dict[str, int]:
    """{value: bitset of its items} over the pairs (k, i) of one facet part."""
    position = index.position
    size = len(index.ids) // 8 + 1
    buffers: dict[str, bytearray] = {}
    for pairs in part.pairs:
        for key, pk in pairs.values_list("k", "i").iterator(chunk_size=10_000):
            n = position.get(pk)
            if n is None:
                continue
            key = str(key)  # as the SQL count reads it, None (an untagged item) too
            buffer = buffers.get(key)
            if buffer is None:
                buffer = buffers[key] = bytearray(size)
            buffer[n >> 3] |= 1 << (n & 7)
    return {key: int.from_bytes(buffer, "little") for key, buffer in buffers.items()}


def index_name(filterset) -> str:
    model = filterset.queryset.model
    scope = "exact" if filterset.exact_scope else "wide"
    return f"facet-index:{model._meta.label}:{type(filterset).__name__}:{scope}"


def latest_key(name: str) -> str:
    return f"{name}:latest"


def load(filterset, stale_allowed: bool = False) -> tuple[FacetIndex, bool] | None:
    """The index for the current content version: this process's, the cache's, or
    built now (and stored), with False; with `stale_allowed`, the previous version's
    while a task builds this one, with True (see the module's docstring). None when
    the cache is unreachable, or while another request builds it."""
    version = content_version.current()
    if version is None:
        return None
    name = index_name(filterset)
    with _local_lock:
        kept = _local.get(name)
    if kept is not None and kept[0] == version:
        return kept[1], False
    store = content_version.page_cache()
    key = f"{name}:{version}"
    try:
        index = store.get(key)
        if not isinstance(index, FacetIndex) and stale_allowed and is_being_built(version):
            previous = kept[1] if kept is not None else cached_latest(name)
            if previous is not None:
                return previous, True
    except Exception:  # a cache failure must only cost the fast path
        logger.warning("Facet index: cache read failed", exc_info=True)
        return None
    if not isinstance(index, FacetIndex):
        # One request builds it; the others count in SQL meanwhile.
        if not store.add(f"{key}:building", 1, timeout=BUILD_SECONDS):
            return None
        index = build(filterset)
        keep(name, version, index)
    with _local_lock:
        _local[name] = (version, index)
    return index, False


def is_being_built(version: int) -> bool:
    """Whether a task is due to build `version`'s indexes, and the change is recent."""
    store = content_version.page_cache()
    recent = time.time_ns() - version < STALE_SECONDS * 1_000_000_000
    return recent and bool(store.get_many([QUEUED, BUILDING]))


def cached_latest(name: str) -> FacetIndex | None:
    store = content_version.page_cache()
    version = store.get(latest_key(name))
    index = store.get(f"{name}:{version}") if version is not None else None
    return index if isinstance(index, FacetIndex) else None


def keep(name: str, version: int, index: FacetIndex) -> None:
    """Store `index` as `version`'s, and as the latest built."""
    store = content_version.page_cache()
    try:
        store.set(f"{name}:{version}", index, timeout=CACHE_SECONDS)
        latest = store.get(latest_key(name))
        if latest is None or latest < version:
            store.set(latest_key(name), version, timeout=CACHE_SECONDS)
    except Exception:
        logger.warning("Facet index: cache write failed", exc_info=True)


def counts(
    filterset, stale_allowed: bool = False
) -> tuple[dict[str, dict[str, dict[str, int]]], int, bool] | None:
    """The facet counts of `filterset`'s matching items, their number, and whether
    the counts come from the previous version's index (`stale_allowed`); None when
    the index cannot give them (then count in SQL). For a search of a very common
    word, those of its best matches only (search.facet_ids sets
    `filterset.count_capped`)."""
    loaded = load(filterset, stale_allowed)
    if loaded is None:
        return None
    index, stale = loaded
    if not stale and selects_every_published_item(filterset):
        # The library with no filter: the index holds exactly the matching items.
        filterset.count_capped = False
        return index.counts(index.everything), len(index.ids), False
    from .search import facet_ids  # registers with the search app

    ids, filterset.count_capped = facet_ids(filterset)
    # A stale index lacks the items published since: they are not counted yet.
    matched = index.bits(ids, all_held=not stale)
    if matched is None:
        return None
    return index.counts(matched), len(ids), stale


def selects_every_published_item(filterset) -> bool:
    """Whether `filterset` selects the published items and nothing else (no filter, no
    words, no drafts of the visitor's organisation): the same SQL as the index's
    universe. Saves reading every published id (92,000 at 100k) to count them."""
    universe = published_items(filterset.queryset.model)
    try:
        return str(filterset.qs.order_by().values("pk").query) == str(
            universe.order_by().values("pk").query
        )
    except EmptyResultSet:
        return False


def schedule_build(**kwargs) -> None:
    """After a committed change (core.content_version.changed): queue the task that
    builds the indexes for the new version, unless one is queued already."""
    from .tasks import build_facet_indexes

    # While `migrate` runs nothing is queued: the first library request builds it.
    if content_version.migrating():
        return
    store = content_version.page_cache()
    try:
        if not store.add(QUEUED, 1, timeout=STALE_SECONDS):
            return
    except Exception:
        logger.warning("Facet index: cache unreachable, no build queued", exc_info=True)
        return
    try:
        build_facet_indexes.delay()
    except Exception:
        # The broker is down: the next library request builds the index itself.
        store.delete(QUEUED)
        logger.exception("Could not queue the facet index build")


def build_all(filtersets) -> int | None:
    """Build and store the index of each filter set for the current content version
    (those not stored yet); returns the version, or None with the cache unreachable."""
    store = content_version.page_cache()
    # From now on a change queues another build: this one may read its version too
    # early to include it.
    store.delete(QUEUED)
    store.set(BUILDING, 1, timeout=STALE_SECONDS)
    try:
        version = content_version.current()
        if version is None:
            return None
        for filterset in filtersets:
            name = index_name(filterset)
            if not store.has_key(f"{name}:{version}"):
                keep(name, version, build(filterset))
        return version
    finally:
        store.delete(BUILDING)


def forget() -> None:
    """Drop this process's kept indexes (tests)."""
    with _local_lock:
        _local.clear()
