"""Redis down or frozen: the site keeps answering, and no email is lost.

Each test starts a private `redis-server` on a free port (never the shared one) and
points the cache and the Celery broker at it, then stops it (connections refused)
or freezes it with SIGSTOP (connections accepted, nothing answered: a hung process
or a half-open path). Reads, writes, the schema and log-in must answer as usual,
within the timeouts of settings.REDIS_TIMEOUT, and an email queued while the broker
is frozen must go out exactly once after it thaws, through a real Celery worker.
"""

import os
import shutil
import signal
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import APIToken
from digests.models import Subscription
from ft3portal.celery import app as celery_app
from outbox.models import OutgoingEmail
from outbox.tasks import send_pending_emails
from tests.conftest import PASSWORD
from tests.digests.smtp import SMTPServer, free_port
from tests.digests.worker import Worker, wait_until

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL") or not shutil.which("redis-server"),
        reason="needs Redis (REDIS_URL set, redis-server installed)",
    ),
]

# What a frozen Redis may add to any page, over the same page with Redis answering:
# a few timeouts of REDIS_TIMEOUT (0.5 s) at most. Compared with the page's own time
# just before, not with a fixed figure, so that a busy machine (parallel test workers,
# other work) slows both alike and only the wait on Redis counts.
PATIENCE = 2.0


class PrivateRedis:
    """A redis-server of the test's own, on a free loopback port."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process: subprocess.Popen | None = None

    def start(self) -> "PrivateRedis":
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.answers, timeout=10, what="the private redis-server")
        return self

    def answers(self) -> bool:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, check=False
        )
        return result.stdout.strip() == b"PONG"

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis(settings, monkeypatch, tmp_path):
    """A private Redis as the cache and the broker of this process (and of any
    worker started in the test)."""
    server = PrivateRedis(tmp_path).start()
    monkeypatch.setenv("REDIS_URL", server.url)
    settings.REDIS_URL = server.url
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": server.url, "KEY_PREFIX": "outage"}
    }
    monkeypatch.setitem(celery_app.conf, "broker_url", server.url)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    # Connection pools remember the broker they were made for (restored afterwards).
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield server
    server.stop()


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


@pytest.mark.django_db
def test_with_redis_stopped_the_api_schema_writes_and_log_in_answer(
    redis, partner, organisation, client, caplog
):
    EmailAddress.objects.create(user=partner, email=partner.email, primary=True, verified=True)
    _token, key = APIToken.issue(partner, "outage")
    writer = APIClient()
    writer.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    redis.stop()

    assert APIClient().get("/api/v1/stages/").status_code == 200
    assert APIClient().get("/api/v1/resources/").status_code == 200
    assert APIClient().get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200
    created = writer.post(
        "/api/v1/resources/",
        {
            "title": "Written while Redis is down",
            "summary": "A draft.",
            "organisation": organisation.slug,
            "resource_type": "report",
            "url": "https://example.org/down",
        },
        format="json",
    )
    assert created.status_code == 201, created.content

    response = client.post("/accounts/login/", {"login": partner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200
    # Throttles and rate limits went uncounted, and the log says so.
    assert "Cache unreachable" in caplog.text


@pytest.mark.django_db
def test_with_redis_frozen_reads_and_log_in_do_not_wait_on_it(redis, partner, client):
    EmailAddress.objects.create(user=partner, email=partner.email, primary=True, verified=True)
    paths = ("/api/v1/stages/", "/api/v1/resources/", "/api/v1/schema/")
    answering = {path: timed(lambda path=path: APIClient().get(path))[1] for path in paths}
    log_in = {"login": partner.email, "password": PASSWORD}
    _response, answering["log in"] = timed(lambda: Client().post("/accounts/login/", log_in))
    redis.freeze()

    for path in paths:
        response, took = timed(lambda path=path: APIClient().get(path))
        assert (response.status_code, path) == (200, path)
        assert took - answering[path] < PATIENCE, (
            f"{path} took {took:.1f} s, {answering[path]:.1f} s with Redis answering"
        )

    response, took = timed(lambda: client.post("/accounts/login/", log_in))
    assert response.status_code == 302
    assert took - answering["log in"] < PATIENCE


@pytest.mark.postgres
@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="the worker shares the test's PostgreSQL database",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_email_queued_while_the_broker_is_frozen_goes_out_once_after(redis, tmp_path, client):
    smtp = SMTPServer().start()
    worker = Worker(smtp.url, tmp_path).start()
    try:
        redis.freeze()
        response, took = timed(
            lambda: client.post(
                "/digest/subscribe/",
                {"email": "ana@example.org", "frequency": "weekly", "kinds": ["resources"]},
            )
        )
        assert response.status_code == 302
        assert took < PATIENCE, f"subscribing took {took:.1f} s"
        assert Subscription.objects.filter(email="ana@example.org").exists()
        row = OutgoingEmail.objects.get(to="ana@example.org")
        assert row.status == OutgoingEmail.Status.PENDING  # the row is the promise

        redis.thaw()
        # The broker never got the task: the sweep sends the row once it is due.
        OutgoingEmail.objects.filter(pk=row.pk).update(
            created_at=row.created_at - timedelta(minutes=3)
        )
        send_pending_emails.delay()
        wait_until(lambda: smtp.to("ana@example.org"), what="the confirmation email")
        # A second sweep, and the worker having had time to redeliver: still one.
        send_pending_emails.delay()
        time.sleep(2)
        (confirmation,) = smtp.to("ana@example.org")
        assert confirmation.subject == "Confirm your FT3 Pathway Portal digest"
        row.refresh_from_db()
        assert (row.status, row.attempts) == (OutgoingEmail.Status.SENT, 1)
    finally:
        worker.stop()
        smtp.stop()
