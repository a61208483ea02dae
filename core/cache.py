"""The Redis cache, failing open.

The portal keeps nothing in the cache that it cannot do without: DRF's throttles and
allauth's rate limits count requests there. When Redis is down or frozen, a request
should go on without those counts, not fail with a 500 or wait on a dead socket. So
every operation that cannot reach Redis logs a warning and answers as an empty cache
would (a miss, nothing stored), and for the next RETRY_AFTER seconds the same thread
does not try again: a frozen Redis then costs one socket timeout (CACHES OPTIONS)
per worker thread every RETRY_AFTER seconds, not one per cache call.

`add` answers True while Redis is unreachable ("stored"), so that a lock taken in
the cache, as allauth takes one around its counters, does not wait a second for a
cache that is not there and then refuse the request.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# Seconds a process answers without Redis after it failed to reach it.
RETRY_AFTER = 10.0


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis is unreachable."""

    unreachable_until = 0.0

    def _call(self, name: str, fallback: Callable[[], Any], *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < self.unreachable_until:
            return fallback()
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            # Django keeps one cache object per thread, so each thread backs off once.
            self.unreachable_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "Cache unreachable (%s: %s); rate limits and throttles are not counted "
                "for the next %d s",
                type(error).__name__,
                error,
                RETRY_AFTER,
            )
            return fallback()

    def is_reachable(self) -> bool:
        """Ask Redis itself, whatever the back-off (for the readiness check)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNREACHABLE:
            return False

    def add(self, key, value, timeout=None, version=None) -> bool:
        return self._call("add", lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None) -> Any:
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=None, version=None) -> None:
        self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None) -> bool:
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None) -> dict:
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None) -> bool:
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None) -> int:
        def missing() -> int:
            raise ValueError(f"Key '{key}' not found")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=None, version=None) -> list:
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None) -> None:
        self._call("delete_many", lambda: None, keys, version)

    def clear(self) -> None:
        self._call("clear", lambda: None)
