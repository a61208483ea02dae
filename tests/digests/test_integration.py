"""Digests end to end with the real services: Redis as the broker, a real
`celery worker` process, PostgreSQL shared between the test and the worker, and a
real SMTP server (aiosmtpd) receiving the mail.

Subscribe through the form, confirm through the emailed link, publish matching
and non-matching content, run the digest: exactly one message per due subscriber
with exactly their items. Kill the worker mid-batch and start another: still
exactly one each. Unsubscribe with a one-click POST: no further digest.
"""

import os
import re
import time
from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.db.models import F
from django.test import Client

from contributions.models import Resource
from digests.digest import current_period, previous_period_start
from digests.fanout import RECLAIM_AFTER
from digests.models import DigestDelivery, Subscription, start_of_day
from digests.tasks import send_digests

from .smtp import SMTPServer
from .worker import wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)",
    ),
    # Committed rows, so that the worker process sees them; the reference content
    # (stages, countries, ...) is restored for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = DigestDelivery.Status


def digests_to(smtp: SMTPServer, address: str) -> list:
    return [m for m in smtp.to(address) if "digest:" in m.subject]


def backdate(model, pk: int, moment: datetime, field: str = "published_at") -> None:
    model.objects.filter(pk=pk).update(**{field: moment})


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_subscribe_confirm_digest_and_one_click_unsubscribe(
    start_worker, smtp, make_resource, make_initiative
):
    start_worker()
    period = current_period("weekly")
    last_period = previous_period_start("weekly", period)
    in_last_window = start_of_day(previous_period_start("weekly", last_period)) + timedelta(days=2)
    in_this_window = start_of_day(last_period) + timedelta(days=2)

    # Two people subscribe through the form and confirm through the emailed link.
    visitor = Client()
    for email, interests in (
        ("ana@example.org", {"stages": ["testing-decision"], "countries": ["DE"]}),
        ("ben@example.org", {"barriers": ["test-not-reimbursed"], "kinds": ["resources"]}),
    ):
        response = visitor.post(
            "/digest/subscribe/",
            {"email": email, "frequency": "weekly", "kinds": ["resources", "initiatives"]}
            | interests,
        )
        assert response.status_code == 302
    for email in ("ana@example.org", "ben@example.org"):
        [confirmation] = wait_until(lambda e=email: smtp.to(e), what=f"confirmation to {email}")
        assert confirmation.subject == "Confirm your FT3 Pathway Portal digest"
        link = re.search(r"https?://\S+/digest/confirm/\S+/", confirmation.text).group(0)
        assert f'href="{link}"' in confirmation.html
        assert visitor.get(path_of(link)).status_code == 200
        assert visitor.post(path_of(link)).status_code == 302
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 2
    # They confirmed weeks ago, as far as the periods below are concerned.
    Subscription.objects.update(confirmed_at=start_of_day(last_period) - timedelta(days=14))

    # Content: some for Ana, some for Ben, some for nobody, some not published.
    for title, kind, tags, moment in (
        (
            "NGS testing in Germany",
            "resource",
            {"stages": ["testing-decision"], "countries": ["DE"]},
            in_last_window,
        ),
        (
            "Reimbursement toolkit",
            "resource",
            {"barriers": ["test-not-reimbursed"], "countries": ["FR"]},
            in_last_window,
        ),
        (
            "Reimbursement campaign",
            "initiative",
            {"barriers": ["test-not-reimbursed"]},
            in_last_window,
        ),
        (
            "Monitoring in Japan",
            "resource",
            {"stages": ["monitoring"], "countries": ["JP"]},
            in_last_window,
        ),
        (
            "Liquid biopsy in Germany",
            "resource",
            {"stages": ["testing-decision"], "countries": ["DE"]},
            in_this_window,
        ),
        (
            "Coverage laws explained",
            "resource",
            {"barriers": ["test-not-reimbursed"]},
            in_this_window,
        ),
    ):
        factory = make_resource if kind == "resource" else make_initiative
        item = factory(title, "published", **tags)
        backdate(type(item), item.pk, moment)
    make_resource("Draft for everyone", "draft", stages=["testing-decision"], countries=["DE"])

    send_digests.delay(frequency="weekly", period=last_period.isoformat())

    wait_until(
        lambda: (
            DigestDelivery.objects.filter(period_start=last_period, status=Status.SENT).count() == 2
        ),
        what="the first digests",
    )
    [to_ana] = wait_until(lambda: digests_to(smtp, "ana@example.org"), what="Ana's digest")
    [to_ben] = wait_until(lambda: digests_to(smtp, "ben@example.org"), what="Ben's digest")
    for message, expected in (
        (to_ana, {"NGS testing in Germany"}),
        (to_ben, {"Reimbursement toolkit"}),
    ):
        titles = {
            title
            for title in (
                "NGS testing in Germany",
                "Reimbursement toolkit",
                "Reimbursement campaign",
                "Monitoring in Japan",
                "Liquid biopsy in Germany",
                "Coverage laws explained",
                "Draft for everyone",
            )
            if title in message.text
        }
        assert titles == expected
        assert all(title in message.html for title in expected)
        assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Ben unsubscribes from his mail client: a POST without cookies or CSRF token.
    unsubscribe = re.search(r"<(https?://[^>]+)>", to_ben.message["List-Unsubscribe"]).group(1)
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path_of(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200

    # The next week: Ana gets her digest, Ben nothing.
    send_digests.delay(frequency="weekly")

    wait_until(
        lambda: DigestDelivery.objects.filter(period_start=period, status=Status.SENT).exists(),
        what="the second digest",
    )
    wait_until(lambda: len(digests_to(smtp, "ana@example.org")) == 2, what="Ana's second digest")
    time.sleep(1)  # room for anything that should not come
    second = digests_to(smtp, "ana@example.org")[1]
    assert "Liquid biopsy in Germany" in second.text
    assert "NGS testing in Germany" not in second.text
    assert len(digests_to(smtp, "ana@example.org")) == 2
    assert len(digests_to(smtp, "ben@example.org")) == 1
    assert not DigestDelivery.objects.filter(
        subscription__email="ben@example.org", period_start=period
    ).exists()


def test_a_worker_killed_mid_batch_leaves_exactly_one_digest_each(
    start_worker, smtp, make_resource
):
    subscribers = 30
    period = current_period("weekly")
    confirmed = start_of_day(period) - timedelta(days=30)
    Subscription.objects.bulk_create(
        Subscription(email=f"reader{n:02d}@kill.example.org", confirmed_at=confirmed)
        for n in range(subscribers)
    )
    item = make_resource("Something for everyone", "published")
    backdate(Resource, item.pk, start_of_day(period) - timedelta(days=3))
    # The SMTP server holds the 10th digest's conversation open; the worker is
    # killed while it waits.
    smtp.handler.hold_for = "@kill.example.org"
    smtp.handler.hold_at = 10

    first = start_worker()
    send_digests.delay(frequency="weekly")
    assert smtp.handler.holding.wait(timeout=60), "the batch never reached the 10th digest"
    first.kill()
    smtp.handler.release.set()

    deliveries = DigestDelivery.objects.filter(period_start=period)
    assert deliveries.filter(status=Status.SENT).count() == 9
    assert deliveries.filter(status=Status.CLAIMED).count() == subscribers - 9
    assert len(smtp.received) == 9

    # The next run comes at least RECLAIM_AFTER later, on a new worker.
    deliveries.filter(status=Status.CLAIMED).update(
        claimed_at=F("claimed_at") - RECLAIM_AFTER - timedelta(minutes=1)
    )
    start_worker()
    send_digests.delay(frequency="weekly")

    wait_until(
        lambda: deliveries.filter(status=Status.SENT).count() == subscribers,
        what="every digest sent",
    )
    wait_until(lambda: len(smtp.received) >= subscribers, what="every digest received")
    # A second run finds nothing to do, and nothing arrives late.
    send_digests.delay(frequency="weekly")
    time.sleep(2)
    counts = Counter(message.to for message in smtp.received)
    assert counts == {f"reader{n:02d}@kill.example.org": 1 for n in range(subscribers)}
    # The killed attempt died with its transaction: every row shows one attempt.
    assert set(deliveries.values_list("attempts", flat=True)) == {1}
