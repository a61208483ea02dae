"""Fixtures for digest tests: subscriptions to library queries, content published
in a chosen period, a real SMTP server, and Celery run in-process."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import models

from contributions.models import Initiative, Resource
from digests import sending
from digests.models import Subscription
from ft3portal.celery import app as celery_app
from ft3portal.settings import mailer_from_url

from .smtp import SMTPServer
from .worker import Worker

# A Monday: the weekly period starting here covers 2 to 8 June 2025 (the week before).
PERIOD = date(2025, 6, 9)
IN_WINDOW = datetime(2025, 6, 4, 10, 0, tzinfo=UTC)
BEFORE_WINDOW = datetime(2025, 5, 20, 10, 0, tzinfo=UTC)
LONG_AGO = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def forget_rendered_windows():
    """Each test starts without the renderings an earlier one left in this process."""
    sending.WINDOW_CACHE.clear()


@pytest.fixture
def make_subscription(db):
    def _make(
        email: str = "reader@example.org",
        *,
        frequency: str = "weekly",
        confirmed_at: datetime | None = LONG_AGO,
        query: str = "",
        **fields,
    ) -> Subscription:
        return Subscription.objects.create(
            email=email, frequency=frequency, confirmed_at=confirmed_at, query=query, **fields
        )

    return _make


def subscribers(make_subscription, *names: str) -> list[Subscription]:
    """Subscriptions of name@example.org for each name."""
    return [make_subscription(f"{name}@example.org") for name in names]


def published_on(item: models.Model, moment: datetime) -> models.Model:
    """Pretend the item was published at `moment` (the workflow stamps "now")."""
    type(item).objects.filter(pk=item.pk).update(published_at=moment)
    item.refresh_from_db()
    return item


@pytest.fixture
def publish(make_resource, make_initiative):
    """Publish a resource or initiative with tags at a given moment (in the window
    of PERIOD by default)."""

    def _publish(title: str, kind: str = "resource", at: datetime = IN_WINDOW, **tags):
        factory = make_resource if kind == "resource" else make_initiative
        return published_on(factory(title, "published", **tags), at)

    return _publish


@pytest.fixture(params=["pipelining", "one command at a time"])
def smtp_server(request, settings):
    """A real SMTP server, and the default mailer pointed at it; with PIPELINING
    advertised (MAIL, RCPT and DATA sent at once) and without."""
    server = SMTPServer(pipelining=request.param == "pipelining").start()
    settings.MAILERS = {"default": mailer_from_url(server.url + "?timeout=5")}
    yield server
    server.stop()


@pytest.fixture
def eager_celery():
    """Run Celery tasks in-process even when a broker is configured, so that a unit
    test sees a task's whole effect."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def eager_celery_retrying(eager_celery):
    """In-process Celery that runs a task's retries instead of raising Retry (which
    it does while eager exceptions propagate)."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous


def all_items() -> list:
    return [*Resource.objects.all(), *Initiative.objects.all()]


def days(n: int) -> timedelta:
    return timedelta(days=n)


# The real services (test_integration*.py): an SMTP server and Celery workers.


@pytest.fixture
def smtp():
    """A real SMTP server that advertises PIPELINING, as Postfix does."""
    server = SMTPServer(pipelining=True).start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(transactional_db, smtp, tmp_path):
    """Start workers on demand; each is stopped before the database is flushed."""
    # Leftovers from other tests (notifications queued without a worker) are not ours.
    celery_app.control.purge()
    workers = []

    def _start() -> Worker:
        worker = Worker(smtp.url, tmp_path).start()
        workers.append(worker)
        return worker

    yield _start
    for worker in workers:
        worker.stop()
