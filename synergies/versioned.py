"""A value worked out once per content version by a task (core/content_version.py,
which every public change bumps): kept in the cache for every process, and in this
process for the version it last used. The synergy finder's common words
(common.py) and its partner index (partner_index.py) are kept this way.
"""

import logging
import threading
from collections.abc import Callable

from django.core.cache import cache

logger = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 3600


class PerVersion[T]:
    def __init__(
        self, prefix: str, label: str, work_out: Callable[[], T], schedule: Callable[[], None]
    ):
        # `schedule` queues the task that builds the current version's value; called
        # when a lookup finds it missing. Looked up at each call by the caller's lambda.
        self.prefix, self.label, self.work_out, self.schedule = prefix, label, work_out, schedule
        # (content version, its value): the last this process used.
        self._local: list[tuple[int, T]] = []
        self._lock = threading.Lock()

    def key(self, version: int) -> str:
        return f"{self.prefix}:{version}"

    def _held(self, version: int) -> T | None:
        with self._lock:
            return self._local[0][1] if self._local and self._local[0][0] == version else None

    def load(self, version: int | None) -> T | None:
        """The value of content version `version`: this process's or the cache's;
        None if it is not built yet (a build is queued then) or the cache is
        unreachable."""
        if version is None:
            return None
        held = self._held(version)
        if held is not None:
            return held
        try:
            found = cache.get(self.key(version))
        except Exception:
            logger.warning("%s: cache unreachable", self.label, exc_info=True)
            return None
        if found is None:
            self.schedule()
            # Built already if the task ran in this process (the embedded default).
            return self._held(version)
        self._keep(version, found)
        return found

    def _keep(self, version: int, found: T) -> None:
        with self._lock:
            self._local[:] = [(version, found)]

    def forget(self) -> None:
        """Drop what this process holds (tests, benchmarks)."""
        with self._lock:
            self._local.clear()

    def build(self, version: int | None) -> int | None:
        """Work out the value of `version` unless the cache holds it already;
        returns the version."""
        if version is None or cache.get(self.key(version)) is not None:
            return version
        found = self.work_out()
        cache.set(self.key(version), found, CACHE_SECONDS)
        self._keep(version, found)
        return version
