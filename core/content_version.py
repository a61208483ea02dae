"""The site-wide content version: one number that changes whenever anything a public
page shows changes.

Cached pages and fragments are keyed on it (core/pagecache.py), so a change makes
every one of them a miss at once: invalidation is exact without knowing which page
shows what. The version is the time of the last change in nanoseconds, which also
gives pages their Last-Modified.

Which models count is a setting, PUBLIC_CONTENT_MODELS: app labels (every model of
the app) or "app.Model" labels, as Django names them. A model may narrow it with a
method `affects_public_pages()`: a resource still in draft is seen by nobody but its
organisation, so editing it leaves the version alone. Lower layers cannot import the
apps that hold the content, so the receivers listen to every model and look at the
sender's label: one set lookup per save.

Changes that send no signal (QuerySet.update, bulk_create, raw SQL) do not bump the
version; whoever makes them calls bump() (bulk loaders do), and cached pages expire
after PAGE_CACHE_SECONDS whatever happens.

Once a change is committed (at once outside a transaction), `changed` is sent, once
per transaction: what is worked out once per content version can be built then, by a
task, rather than by the next request (contributions/facet_index.py).

`kept(name, build)` keeps a small result worked out from the public content (stage
counts, the taxonomies a page lists) in the process for the current version: read
by every view of a page, worked out once per change.
"""

import threading
import time
from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from django.dispatch import Signal

KEY = "content-version"

# Sent once a change of the public content is committed (no arguments).
changed = Signal()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current() -> int | None:
    """The content version, or None while the cache is unreachable (then nothing is
    cached and every page is rendered)."""
    store = page_cache()
    version = store.get(KEY)
    if version is None:
        # Evicted, flushed or never set: start from now, never from a number that
        # pages may already be cached under.
        store.add(KEY, time.time_ns(), timeout=None)
        version = store.get(KEY)
    return version


# {name: (content version, value)}: what kept() worked out, for one version per name.
_kept: dict[str, tuple[int, object]] = {}
# kept()'s default version: read it then.
NOT_READ: Any = object()
_kept_lock = threading.Lock()


def kept[T](name: str, build: Callable[[], T], version: int | None = NOT_READ) -> T:
    """`build()`'s value for the current content version, worked out once per version
    by this process (and every time while the cache is unreachable). The value is
    shared by the requests of that version: it must not be changed by its readers.
    A caller that has read the version already passes it (one cache read less)."""
    if version is NOT_READ:
        version = current()
    if version is None:
        return build()
    with _kept_lock:
        found = _kept.get(name)
    if found is not None and found[0] == version:
        return found[1]
    value = build()
    with _kept_lock:
        _kept[name] = (version, value)
    return value


def forget_kept() -> None:
    """Drop what kept() holds in this process (benchmarks timing a first view)."""
    with _kept_lock:
        _kept.clear()


def _set_new_version() -> None:
    store = page_cache()
    previous = store.get(KEY) or 0
    store.set(KEY, max(time.time_ns(), previous + 1), timeout=None)


def _committed() -> None:
    _set_new_version()
    changed.send(sender=bump)


def bump() -> None:
    """Mark the public content as changed, now and again when the transaction commits.

    Now, so that the rest of this request (and a test) sees the change; after the
    commit, so that a page rendered by another request between the two, from the
    data before the commit, is not kept under the new version. Once per transaction:
    a callback dropped with a rolled-back savepoint is registered again.
    """
    _set_new_version()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        changed.send(sender=bump)
    elif not any(func == _committed for _savepoints, func, _robust in connection.run_on_commit):
        transaction.on_commit(_committed)


@cache
def watched_labels() -> frozenset[str]:
    return frozenset(settings.PUBLIC_CONTENT_MODELS)


def is_watched(model) -> bool:
    meta = model._meta
    labels = watched_labels()
    return meta.app_label in labels or meta.label in labels


def affects_public_pages(instance) -> bool:
    check = getattr(instance, "affects_public_pages", None)
    return check() if callable(check) else True


def saved_or_deleted(sender, instance, **kwargs) -> None:
    if is_watched(sender) and affects_public_pages(instance):
        bump()


def links_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not (is_watched(type(instance)) or is_watched(sender)):
        return
    # From the item's side the item says whether anyone sees it; from the other side
    # (a stage's items changed) the changed items are many, and may be public.
    if not reverse and not affects_public_pages(instance):
        return
    bump()


# Set while `migrate` runs: its data migrations change content before the tables the
# work done after a change reads exist (facet indexes, common words), and the first
# request builds that work afterwards anyway. One flag for every such receiver.
_migrating = threading.Event()


def migrating() -> bool:
    """Whether `migrate` is running in this process."""
    return _migrating.is_set()


def migration_started(**kwargs) -> None:
    _migrating.set()


def migration_finished(**kwargs) -> None:
    _migrating.clear()


def connect_signals() -> None:
    """Called from CoreConfig.ready()."""
    pre_migrate.connect(migration_started, dispatch_uid="content-version-migrate")
    post_migrate.connect(migration_finished, dispatch_uid="content-version-migrated")
    post_save.connect(saved_or_deleted, dispatch_uid="content-version-saved")
    post_delete.connect(saved_or_deleted, dispatch_uid="content-version-deleted")
    m2m_changed.connect(links_changed, dispatch_uid="content-version-links")
