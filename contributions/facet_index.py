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
public change bumps, so a change makes the next request rebuild it: invalidation is
exact. Each process also keeps the last index it used, so a request only reads the
cache when the version changed.

Whenever the index cannot answer exactly, counts() returns None and the caller counts
in SQL: the cache is unreachable (no version), or the matched items include one the
index does not hold (a draft that its organisation sees in the library; drafts change
without bumping the version, so they are never indexed).
"""

import logging
import threading
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from django.db import models

from core import content_version

from .tag_filters import EVERYWHERE, ChoicesFilter, FacetPart, facet_pairs

logger = logging.getLogger(__name__)

# How long a built index stays in the cache; a new content version replaces it sooner.
CACHE_SECONDS = 24 * 3600
# How long other requests count in SQL while one builds the index.
BUILD_SECONDS = 60

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


def load(filterset) -> FacetIndex | None:
    """The index for the current content version: this process's, the cache's, or
    built now (and stored). None when the cache is unreachable."""
    version = content_version.current()
    if version is None:
        return None
    name = index_name(filterset)
    with _local_lock:
        kept = _local.get(name)
    if kept is not None and kept[0] == version:
        return kept[1]
    store = content_version.page_cache()
    key = f"{name}:{version}"
    try:
        index = store.get(key)
    except Exception:  # a cache failure must only cost the fast path
        logger.warning("Facet index: cache read failed", exc_info=True)
        return None
    if not isinstance(index, FacetIndex):
        # One request builds it; the others count in SQL meanwhile.
        if not store.add(f"{key}:building", 1, timeout=BUILD_SECONDS):
            return None
        index = build(filterset)
        try:
            store.set(key, index, timeout=CACHE_SECONDS)
        except Exception:
            logger.warning("Facet index: cache write failed", exc_info=True)
    with _local_lock:
        _local[name] = (version, index)
    return index


def counts(filterset) -> tuple[dict[str, dict[str, dict[str, int]]], int] | None:
    """The facet counts of `filterset`'s matching items and their number, or None
    when the index cannot give them exactly (then count in SQL). For a search of a
    very common word, those of its best matches only (search.facet_ids sets
    `filterset.count_capped`)."""
    index = load(filterset)
    if index is None:
        return None
    from .search import facet_ids  # registers with the search app

    ids, filterset.count_capped = facet_ids(filterset)
    matched = index.bits(ids)
    if matched is None:
        return None
    return index.counts(matched), len(ids)


def forget() -> None:
    """Drop this process's kept indexes (tests)."""
    with _local_lock:
        _local.clear()
