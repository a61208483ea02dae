"""Pages cached for anonymous visitors under the content version (core/pagecache.py,
core/content_version.py): served without queries, invalidated by every public change
and by nothing else, with validators, 304s and headers a proxy may honour."""

import re
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from barriers.models import Barrier
from core import content_version, pagecache
from pathway.models import Stage
from tests.conftest import logged_in

NONCE = re.compile(r'nonce="([^"]+)"')


@pytest.fixture
def anonymous() -> Client:
    return Client()


def test_a_repeated_anonymous_view_is_served_without_queries(
    anonymous, make_resource, django_assert_num_queries
):
    make_resource("Genomic testing toolkit", status="published", stages=["testing"])
    first = anonymous.get("/resources/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = anonymous.get("/resources/")
    assert again.status_code == 200
    assert b"Genomic testing toolkit" in again.content


def test_publishing_shows_the_item_on_the_cached_library(anonymous, make_resource, curator):
    draft = make_resource("Biomarker leaflet", status="submitted")
    assert b"Biomarker leaflet" not in anonymous.get("/resources/").content
    draft.publish(by=curator)
    assert b"Biomarker leaflet" in anonymous.get("/resources/").content


def test_editing_a_published_item_shows_the_change(anonymous, make_resource):
    item = make_resource("Old title", status="published")
    assert b"Old title" in anonymous.get(item.get_absolute_url()).content
    item.title = "New title"
    item.save()
    title = re.search(r"<title>(.*?)</title>", anonymous.get(item.get_absolute_url()).text)[1]
    assert "New title" in title


def test_archiving_takes_the_item_off_the_cached_pages(anonymous, make_resource, curator):
    item = make_resource("Soon archived", status="published")
    assert b"Soon archived" in anonymous.get("/resources/").content
    item.archive(by=curator)
    assert b"Soon archived" not in anonymous.get("/resources/").content
    assert anonymous.get(item.get_absolute_url()).status_code == 404


def test_retagging_a_published_item_moves_it_between_cached_stage_pages(anonymous, make_resource):
    item = make_resource("Moving resource", status="published", stages=["testing"])
    other = Stage.objects.exclude(slug="testing").first()
    assert b"Moving resource" not in anonymous.get(other.get_absolute_url()).content
    item.stages.add(other)
    assert b"Moving resource" in anonymous.get(other.get_absolute_url()).content


def test_a_taxonomy_change_shows_on_cached_pages(anonymous, db):
    stage = Stage.objects.order_by("position").first()
    anonymous.get("/pathway/")
    stage.name = "Renamed stage for the test"
    stage.save()
    assert b"Renamed stage for the test" in anonymous.get("/pathway/").content
    barrier = Barrier.objects.first()
    anonymous.get(barrier.get_absolute_url())
    barrier.title = "Renamed barrier for the test"
    barrier.save()
    assert b"Renamed barrier for the test" in anonymous.get(barrier.get_absolute_url()).content


def test_drafts_leave_the_content_version_alone(make_resource):
    item = make_resource("Private draft")
    before = content_version.current()
    item.title = "Still a private draft"
    item.save()
    item.stages.set(Stage.objects.all()[:2])
    assert content_version.current() == before


def test_public_changes_change_the_content_version(make_resource, curator):
    item = make_resource("Under review", status="submitted")
    before = content_version.current()
    item.publish(by=curator)
    assert content_version.current() > before


def test_a_lost_version_starts_again_from_a_new_number(db):
    before = content_version.current()
    content_version.page_cache().delete(content_version.KEY)
    assert content_version.current() > before


def test_pages_carry_validators_and_answer_304(anonymous, make_resource):
    make_resource("Validated", status="published")
    first = anonymous.get("/resources/")
    assert first["ETag"] and first["Last-Modified"]
    etag_match = anonymous.get("/resources/", headers={"If-None-Match": first["ETag"]})
    assert etag_match.status_code == 304
    assert etag_match.content == b""
    date_match = anonymous.get("/resources/", headers={"If-Modified-Since": first["Last-Modified"]})
    assert date_match.status_code == 304


def test_a_change_makes_the_old_etag_stale(anonymous, make_resource):
    item = make_resource("Before the change", status="published")
    etag = anonymous.get("/resources/")["ETag"]
    item.title = "After the change"
    item.save()
    fresh = anonymous.get("/resources/", headers={"If-None-Match": etag})
    assert fresh.status_code == 200
    assert b"After the change" in fresh.content


@pytest.mark.parametrize(
    "path",
    ["/feeds/resources/", "/sitemap.xml", "/api/v1/resources/", "/api/v1/stages/"],
)
def test_feeds_sitemaps_and_api_reads_answer_304(anonymous, make_resource, path):
    make_resource("In every listing", status="published")
    first = anonymous.get(path)
    assert first.status_code == 200
    assert first["ETag"]
    assert anonymous.get(path, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert (
        anonymous.get(path, headers={"If-Modified-Since": first["Last-Modified"]}).status_code
        == 304
    )


def test_anonymous_pages_may_be_kept_by_a_proxy_for_a_short_while(anonymous, db):
    response = anonymous.get("/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in cache_control
    assert "must-revalidate" in cache_control
    assert "Cookie" in response["Vary"]


def test_signed_in_pages_are_private_and_never_from_the_cache(anonymous, partner, db):
    anonymous.get("/")
    client = logged_in(partner)
    response = client.get("/")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert b"Log out" in response.content
    assert "ETag" not in response


def test_each_cached_answer_has_its_own_csp_nonce(anonymous, db, settings):
    settings.PAGE_CACHE_RENDERED_PATHS = []  # the API docs are the page with a script
    answers = [anonymous.get("/api/v1/docs/") for _ in range(3)]
    nonces = []
    for response in answers:
        assert response["ETag"]
        in_page = set(NONCE.findall(response.content.decode()))
        assert len(in_page) == 1
        [nonce] = in_page
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert len(set(nonces)) == 3
    # The same page, so the same validator, whatever the nonce.
    assert len({response["ETag"] for response in answers}) == 1


def test_api_reads_are_rendered_every_time_so_throttles_count_them(anonymous, db):
    first = anonymous.get("/api/v1/stages/")
    with CaptureQueriesContext(connection) as rendering:
        again = anonymous.get("/api/v1/stages/")
    assert len(rendering) > 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_pages_with_a_form_are_not_shared_and_csrf_still_works(db):
    client = Client(enforce_csrf_checks=True)
    first = client.get(reverse("digests:subscribe"))
    assert "ETag" not in first
    assert "public" not in first.get("Cache-Control", "")
    second = Client(enforce_csrf_checks=True)
    page = second.get(reverse("digests:subscribe"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    posted = second.post(
        reverse("digests:subscribe"),
        {"csrfmiddlewaretoken": token, "email": "reader@example.org", "frequency": "weekly"},
    )
    assert posted.status_code != 403


def test_a_visitor_with_messages_is_not_served_the_shared_page(anonymous, db):
    anonymous.get("/")
    anonymous.cookies["messages"] = "pending"
    response = anonymous.get("/")
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_without_a_cache_pages_are_rendered_every_time(anonymous, make_resource, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    item = make_resource("Uncached", status="published")
    assert anonymous.get("/resources/").status_code == 200
    item.title = "Uncached, renamed"
    item.save()
    response = anonymous.get("/resources/")
    assert b"Uncached, renamed" in response.content
    assert response["ETag"]


def test_a_page_due_again_is_rendered_by_one_request_while_others_get_the_copy(
    anonymous,
    make_resource,
    settings,
    django_assert_num_queries,
    django_assert_max_num_queries,
    monkeypatch,
):
    make_resource("Kept a while", status="published")
    anonymous.get("/resources/")
    later = time.time() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    key = pagecache.page_key(RequestFactory().get("/resources/"), content_version.current())
    store = content_version.page_cache()
    # Another request is rendering it again: this one gets the kept copy.
    store.add(f"{key}:renewing", 1)
    with django_assert_num_queries(0):
        assert anonymous.get("/resources/").status_code == 200
    store.delete(f"{key}:renewing")
    # Nobody is: this request renders it, and it is fresh again for the next.
    with CaptureQueriesContext(connection) as rendering:
        anonymous.get("/resources/")
    assert len(rendering) > 0
    with django_assert_num_queries(0):
        assert b"Kept a while" in anonymous.get("/resources/").content
