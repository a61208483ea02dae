"""The abuse limits hold when the requests come all at once (issue 16).

The counting itself (core.ratelimit) is checked on every cache, threads hitting one
limit together. The pages' limits are checked with real concurrent requests on
PostgreSQL, each thread with its own connection, as gunicorn's workers have: the
embedded SQLite test database is one in-memory database shared by the threads,
which serialises them anyway and says nothing about production.
"""

import os
import threading
import uuid
from collections.abc import Callable

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client
from rest_framework.test import APIClient

from contributions.models import Resource
from contributions.submission import SUBMISSIONS_PER_HOUR
from core.ratelimit import Limit
from digests.views import SUBSCRIBE_PER_CLIENT
from outbox.models import OutgoingEmail

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
needs_postgres = [
    pytest.mark.postgres,
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL)"),
    # Committed rows, so that every thread's connection sees them; the reference
    # content is restored for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def all_at_once(count: int, work: Callable[[int], object]) -> list:
    """Run work(0..count-1) in `count` threads released together; their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(number: int) -> None:
        try:
            barrier.wait()
            results[number] = work(number)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_attempts_at_one_limit_let_exactly_its_count_through():
    limit = Limit(f"test-{uuid.uuid4().hex}", count=10, period=60)
    waits = all_at_once(40, lambda _n: limit.hit("one client"))
    assert waits.count(None) == 10
    assert all(wait is not None and 0 < wait <= 60 for wait in waits if wait is not None)
    # Another key has its own count.
    assert limit.hit("another client") is None


def on_postgres(test):
    for mark in reversed(needs_postgres):
        test = mark(test)
    return test


@on_postgres
def test_concurrent_subscribes_from_one_client_send_at_most_its_limit():
    def subscribe(number: int) -> int:
        response = Client(REMOTE_ADDR="203.0.113.77").post(
            "/digest/subscribe/",
            {"email": f"reader{number}@example.org", "frequency": "weekly", "kinds": ["resources"]},
        )
        return response.status_code

    statuses = all_at_once(2 * SUBSCRIBE_PER_CLIENT.count, subscribe)
    assert statuses.count(302) == SUBSCRIBE_PER_CLIENT.count
    assert statuses.count(429) == SUBSCRIBE_PER_CLIENT.count
    assert OutgoingEmail.objects.count() == SUBSCRIBE_PER_CLIENT.count


@on_postgres
def test_concurrent_submissions_never_pass_the_hourly_limit(partner, make_resource):
    for number in range(SUBMISSIONS_PER_HOUR - 3):
        make_resource(f"Earlier {number}")
    Resource.objects.update(submitted_by=partner)
    body = {"title": "At once", "summary": "S", "resource_type": "report", "url": "https://e.org"}

    def create(_number: int) -> int:
        client = APIClient()
        client.force_authenticate(partner)
        return client.post("/api/v1/resources/", body, format="json").status_code

    statuses = all_at_once(10, create)
    assert statuses.count(201) == 3
    assert statuses.count(429) == 7
    assert Resource.objects.filter(submitted_by=partner).count() == SUBMISSIONS_PER_HOUR


@on_postgres
def test_a_request_waiting_past_its_budget_answers_503_not_500(settings, make_resource):
    make_resource("Published", "published")
    usual = settings.REQUEST_DB_TIMEOUT
    settings.REQUEST_DB_TIMEOUT = 0.3
    # Someone else holds the table (a migration, a long report): the page's query waits.
    holder = connections.create_connection("default")
    holder.set_autocommit(False)
    with holder.cursor() as cursor:
        cursor.execute("LOCK TABLE contributions_resource IN ACCESS EXCLUSIVE MODE")
    try:
        connection.close()  # the next connection is a web request's, under the budget
        page = Client(raise_request_exception=False).get("/resources/")
        assert page.status_code == 503
        assert page["Retry-After"]
        assert "The portal is busy" in page.content.decode()
        api = APIClient(raise_request_exception=False).get("/api/v1/resources/")
        assert api.status_code == 503
        assert api.json()["error"]["code"] == "unavailable"
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "300ms"
        holder.rollback()
        assert Client().get("/resources/").status_code == 200
    finally:
        holder.rollback()
        holder.close()
        settings.REQUEST_DB_TIMEOUT = usual
        connection.close()  # what follows gets a connection with the usual budget


def test_over_budget_recognises_only_cancelled_statements():
    from core.middleware import over_budget

    assert not over_budget(OperationalError("database is locked"))
    assert not over_budget(ValueError("interrupted"))


def test_a_limit_fails_open_when_the_cache_cannot_count(monkeypatch):
    # core.cache answers as an empty cache while Redis is unreachable: add() claims
    # to store, incr() finds nothing. The attempt then goes ahead, uncounted.
    limit = Limit(f"test-{uuid.uuid4().hex}", count=1, period=60)
    assert limit.hit("client") is None
    assert limit.hit("client") is not None

    def unreachable(*args, **kwargs):
        raise ValueError("Key not found")

    monkeypatch.setattr("core.ratelimit.cache.incr", unreachable)
    assert limit.hit("client") is None
