"""One flag, set by `migrate` (pre_migrate / post_migrate), keeps the work queued after
a committed change (the facet indexes, the common words) from being queued while the
tables it reads may not exist yet."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_migrate, pre_migrate

from contributions import facet_index
from contributions.tasks import build_facet_indexes
from core import content_version
from synergies import common
from synergies.tasks import count_common_words

pytestmark = pytest.mark.django_db


def send(signal) -> None:
    """As `migrate` sends it, for an app (core, which has no models)."""
    core = apps.get_app_config("core")
    signal.send(
        sender=core,
        app_config=core,
        verbosity=0,
        interactive=False,
        using="default",
        plan=[],
        apps=apps,
    )


def test_nothing_is_queued_while_migrate_runs_and_both_are_queued_after(monkeypatch):
    queued = []
    monkeypatch.setattr(build_facet_indexes, "delay", lambda: queued.append("facets"))
    monkeypatch.setattr(count_common_words, "delay", lambda: queued.append("words"))
    store = content_version.page_cache()
    store.delete(facet_index.QUEUED)
    cache.delete(common.QUEUED)
    send(pre_migrate)
    try:
        assert content_version.migrating()
        facet_index.schedule_build()
        common.schedule()
        assert queued == []
    finally:
        send(post_migrate)
    assert not content_version.migrating()
    facet_index.schedule_build()
    common.schedule()
    assert sorted(queued) == ["facets", "words"]
