"""The facet index is built by a task after each committed change, not by the next
visitor; while that task is under way the library counts with the index before it,
for a bounded time, and such pages are not kept."""

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from contributions import facet_index
from contributions.filters import ResourceFilterSet
from contributions.models import Resource
from contributions.tasks import build_facet_indexes
from core import content_version
from pathway.models import Country
from tests.contributions.test_facets import library_items

pytestmark = pytest.mark.django_db


def filterset(data: str = "") -> ResourceFilterSet:
    return ResourceFilterSet(QueryDict(data), queryset=Resource.objects.published())


def poland_count(counts) -> int:
    return counts["country"][""].get(str(Country.objects.get(code="PL").pk), 0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_change_builds_every_library_index_in_the_task(make_resource, monkeypatch):
    # The task run in this process, as on the embedded default (no worker here); a
    # build queued for the broker while the database was set up never runs.
    monkeypatch.setattr(build_facet_indexes, "delay", lambda: build_facet_indexes.run())
    content_version.page_cache().delete(facet_index.QUEUED)
    library_items(make_resource)
    item = Resource.objects.get(title="Cancer testing in Kenya 0")
    with transaction.atomic():
        item.countries.add(Country.objects.get(code="PL"))
        item.stages.clear()
    version = content_version.current()
    store = content_version.page_cache()
    for data in ("", "scope=exact"):
        assert store.has_key(f"{facet_index.index_name(filterset(data))}:{version}")
    # A request only reads the matching ids: nothing is built, counts are current;
    # with no filter, the matching items are every item the index holds: no query.
    facet_index.forget()
    for data, expected_queries in (("", 0), ("type=report", 1)):
        fresh = filterset(data)
        with CaptureQueriesContext(connection) as queries:
            counts, matched, stale = facet_index.counts(fresh, stale_allowed=True)
        assert (len(queries), stale) == (expected_queries, False)
        assert matched == fresh.qs.count() > 0
        assert counts == fresh.sql_facet_counts()


def test_one_build_is_queued_at_a_time_and_a_change_after_it_started_queues_another(
    make_resource, monkeypatch
):
    queued = []
    monkeypatch.setattr(build_facet_indexes, "delay", lambda: queued.append(1))
    facet_index.schedule_build()
    facet_index.schedule_build()
    assert len(queued) == 1
    build_facet_indexes()  # the task started: the next change needs a build of its own
    facet_index.schedule_build()
    assert len(queued) == 2


def test_an_unreachable_broker_leaves_the_build_to_the_next_request(monkeypatch):
    def broker_down():
        raise ConnectionError("broker down")

    monkeypatch.setattr(build_facet_indexes, "delay", broker_down)
    facet_index.schedule_build()
    assert not content_version.page_cache().has_key(facet_index.QUEUED)


def change_poland_while_a_build_is_queued(make_resource) -> None:
    """Index built, then a Polish item published and a change retagged, with the
    task that rebuilds queued (it has not run yet)."""
    library_items(make_resource)
    facet_index.counts(filterset())
    content_version.page_cache().set(facet_index.QUEUED, 1)
    make_resource("New in Poland", "published", countries=["PL"])
    Resource.objects.get(title="Cancer testing in Kenya 0").countries.add(
        Country.objects.get(code="PL")
    )


def test_while_the_task_builds_the_library_counts_with_the_previous_index(make_resource):
    change_poland_while_a_build_is_queued(make_resource)
    before, matched, stale = facet_index.counts(filterset(), stale_allowed=True)
    # The items are read afresh (6 published); the changed ones' counts lag.
    assert (matched, stale) == (6, True)
    assert poland_count(before) == 2
    # Without leave (other callers), the counts are exact: built at once.
    exact, _matched, stale = facet_index.counts(filterset())
    assert stale is False
    assert exact == filterset().sql_facet_counts()
    assert poland_count(exact) == 4


def test_the_previous_index_is_used_for_a_bounded_time_only(make_resource, monkeypatch):
    change_poland_while_a_build_is_queued(make_resource)
    monkeypatch.setattr(facet_index, "STALE_SECONDS", 0)
    counts, _matched, stale = facet_index.counts(filterset(), stale_allowed=True)
    assert stale is False
    assert poland_count(counts) == 4


def test_a_page_counted_with_the_previous_index_is_not_kept(client, make_resource):
    change_poland_while_a_build_is_queued(make_resource)
    stale = client.get("/resources/?country=PL")
    assert "no-cache" in stale["Cache-Control"]
    assert "ETag" not in stale
    content_version.page_cache().delete(facet_index.QUEUED)  # the task is lost
    exact = client.get("/resources/?country=PL")
    assert "public" in exact["Cache-Control"]
