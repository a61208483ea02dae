"""What the words of a lookup found (candidates.hits), kept under the site-wide
content version (core.content_version), which changes whenever a published item
does: in this process (Kept), and in the cache for the other processes (Shared)."""

import hashlib
from collections.abc import Iterable

from django.core.cache import cache

from search.synonyms import Phrase

# How long what the words found is kept in the cache, at most, and how many words'
# findings a process keeps.
HITS_SECONDS = 600
MAX_KEPT = 5_000


class Shared:
    """What the words of one lookup found, kept under the site-wide content version
    `version` (core.content_version), which changes whenever a published item does:
    in this process (Kept), and in the cache for the other processes. The cache is
    asked once for every key a lookup may need (prefetch: its words, and the pairs of
    words it may look up), and written once, when the lookup is done (save): each
    round trip to Redis cost 2-5 ms at 100,000 items."""

    def __init__(self, version: int | None) -> None:
        self.version = version
        # What the cache answered (or did not hold) for the keys asked.
        self.asked: dict[str, list[int] | None] = {}
        self.unsaved: dict[str, list[int]] = {}

    def key(self, kind: str, phrases: list[tuple[Phrase, ...]]) -> str:
        digest = hashlib.blake2b(repr(phrases).encode(), digest_size=16).hexdigest()
        return f"synergies-hits:{self.version}:{kind}:{digest}"

    def prefetch(self, keys: Iterable[str]) -> None:
        """Ask the cache for `keys` that neither the process holds nor it was asked
        for, in one round trip."""
        if self.version is None:
            return
        keys = [key for key in dict.fromkeys(keys) if key not in self.asked]
        kept = _kept_hits.get_many(self.version, keys)
        wanted = [key for key in keys if key not in kept]
        answered = cache.get_many(wanted) if wanted else {}
        _kept_hits.set_many(self.version, answered)
        self.asked.update(dict.fromkeys(wanted))
        self.asked.update(kept)
        self.asked.update(answered)

    def get_many(self, keys: Iterable[str]) -> dict[str, list[int]]:
        keys = list(keys)
        self.prefetch(keys)
        return {key: self.asked[key] for key in keys if self.asked.get(key) is not None}

    def found(self, entries: dict[str, list[int]]) -> None:
        """What the database answered: kept in the process now, in the cache at save."""
        if self.version is None or not entries:
            return
        _kept_hits.set_many(self.version, entries)
        self.asked.update(entries)
        self.unsaved.update(entries)

    def save(self) -> None:
        if self.unsaved:
            cache.set_many(self.unsaved, HITS_SECONDS)
            self.unsaved = {}


class Kept:
    """What the words found, kept in this process for one content version: most
    words of a lookup were found by earlier ones, and asking the cache for them
    costs a round trip. At most MAX_KEPT entries; dropped when the version changes."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.entries: dict[str, list[int]] = {}

    def get_many(self, version: int | None, keys) -> dict[str, list[int]]:
        if version is None or version != self.version:
            return {}
        return {key: self.entries[key] for key in keys if key in self.entries}

    def set_many(self, version: int | None, entries: dict[str, list[int]]) -> None:
        if version is None:
            return
        if version != self.version or len(self.entries) + len(entries) > MAX_KEPT:
            self.version, self.entries = version, {}
        self.entries.update(entries)


_kept_hits = Kept()
