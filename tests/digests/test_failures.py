"""Digests when the mail server says no, against a real SMTP server (aiosmtpd):
4xx replies are temporary and tried again after a back-off, 5xx replies permanent
and recorded, per recipient, and the batch always goes on to the next recipient.
A batch whose worker died is taken up again within 15 minutes."""

from datetime import timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from digests import fanout, sending
from digests.digest import current_period
from digests.fanout import RECLAIM_AFTER, due_subscription_ids
from digests.mailing import MAX_ATTEMPTS, RETRY_BACKOFF
from digests.models import DigestDelivery, Subscription
from digests.sending import send_batch
from ft3portal.settings import mailer_from_url

from .conftest import PERIOD, subscribers
from .smtp import free_port

pytestmark = pytest.mark.django_db

Status = DigestDelivery.Status


@pytest.fixture
def content(publish):
    return publish("Biomarker testing in Germany", stages=["testing-decision"], countries=["DE"])


def delivery(subscription: Subscription) -> DigestDelivery:
    return DigestDelivery.objects.get(subscription=subscription, period_start=PERIOD)


def received_by(smtp_server) -> list[str]:
    return [message.to for message in smtp_server.received]


def time_passes(subscription: Subscription) -> None:
    """The delivery's back-off is over."""
    DigestDelivery.objects.filter(subscription=subscription).update(
        retry_at=timezone.now() - timedelta(seconds=1)
    )


def test_a_greylisted_recipient_is_tried_again_after_its_back_off_and_the_batch_goes_on(
    smtp_server, make_subscription, content
):
    first, grey, last = subscribers(make_subscription, "first", "grey", "last")
    smtp_server.handler.rcpt_replies["grey@example.org"] = ["450 4.7.1 Greylisted, try later"]
    before = timezone.now()

    result = send_batch("weekly", PERIOD, [first.pk, grey.pk, last.pk])

    assert (result.sent, result.deferred) == (2, 1)
    assert received_by(smtp_server) == ["first@example.org", "last@example.org"]
    waiting = delivery(grey)
    assert waiting.status == Status.FAILED
    assert waiting.attempts == 1
    assert "450" in waiting.last_error
    assert before + RETRY_BACKOFF[0] <= waiting.retry_at <= timezone.now() + RETRY_BACKOFF[0]
    # Not before its time, whoever runs: the catch-up, or the same batch again.
    assert due_subscription_ids("weekly", PERIOD) == []
    assert send_batch("weekly", PERIOD, [grey.pk]).sent == 0
    assert due_subscription_ids("weekly", PERIOD, now=waiting.retry_at + timedelta(seconds=1)) == [
        grey.pk
    ]

    time_passes(grey)
    assert send_batch("weekly", PERIOD, [first.pk, grey.pk, last.pk]).sent == 1

    assert sorted(received_by(smtp_server)) == [
        "first@example.org",
        "grey@example.org",
        "last@example.org",
    ]
    assert delivery(grey).status == Status.SENT
    assert delivery(grey).attempts == 2
    assert delivery(grey).retry_at is None
    assert Subscription.objects.get(pk=grey.pk).refused_at is None


def test_a_message_refused_at_data_is_marked_for_good_and_the_batch_goes_on(
    smtp_server, make_subscription, content
):
    first, spam, last = subscribers(make_subscription, "first", "filtered", "last")
    smtp_server.handler.data_replies["filtered@example.org"] = ["554 5.7.1 Message rejected"]

    result = send_batch("weekly", PERIOD, [first.pk, spam.pk, last.pk])

    assert (result.sent, result.refused) == (2, 1)
    assert received_by(smtp_server) == ["first@example.org", "last@example.org"]
    refused = delivery(spam)
    assert refused.status == Status.REFUSED
    assert "554" in refused.last_error
    assert refused.retry_at is None
    # Never tried again, but the subscriber still gets the next period's digest:
    # the address was not refused, this message was.
    assert due_subscription_ids("weekly", PERIOD, now=timezone.now() + timedelta(days=3)) == []
    assert Subscription.objects.get(pk=spam.pk).refused_at is None
    next_week = PERIOD + timedelta(days=7)
    assert spam.pk in due_subscription_ids("weekly", next_week)


def test_an_address_refused_for_good_is_flagged_until_it_is_confirmed_again(
    smtp_server, make_subscription, content, client
):
    gone, fine = subscribers(make_subscription, "gone", "fine")
    smtp_server.handler.rcpt_replies["gone@example.org"] = ["550 5.1.1 No such user here"]

    result = send_batch("weekly", PERIOD, [gone.pk, fine.pk])

    assert (result.sent, result.refused) == (1, 1)
    assert received_by(smtp_server) == ["fine@example.org"]
    assert delivery(gone).status == Status.REFUSED
    assert "550" in delivery(gone).last_error
    gone.refresh_from_db()
    assert gone.refused_at is not None
    next_week = PERIOD + timedelta(days=7)
    assert due_subscription_ids("weekly", next_week) == [fine.pk]

    # Its owner subscribes again: a new confirmation link, and confirming it
    # lets digests go to the address again.
    Subscription.objects.subscribe("gone@example.org", {"frequency": "weekly", "query": ""})
    gone.refresh_from_db()
    assert gone.refused_at is not None
    response = client.post(gone.confirm_url())
    assert response.status_code == 302
    gone.refresh_from_db()
    assert gone.refused_at is None
    # (confirmed now: due from the next period on)
    assert gone.pk in due_subscription_ids("weekly", current_period("weekly") + timedelta(days=7))


def test_a_temporary_failure_at_data_delays_only_that_recipient(
    smtp_server, make_subscription, content
):
    full, fine = subscribers(make_subscription, "full", "fine")
    smtp_server.handler.data_replies["full@example.org"] = ["452 4.2.2 Mailbox full"]

    result = send_batch("weekly", PERIOD, [full.pk, fine.pk])

    assert (result.sent, result.deferred) == (1, 1)
    assert delivery(full).status == Status.FAILED
    assert "452" in delivery(full).last_error
    time_passes(full)
    send_batch("weekly", PERIOD, [full.pk, fine.pk])
    assert sorted(received_by(smtp_server)) == ["fine@example.org", "full@example.org"]


def test_a_server_that_closes_the_connection_for_one_recipient_is_reached_again_for_the_next(
    smtp_server, make_subscription, content
):
    first, busy, last = subscribers(make_subscription, "first", "busy", "last")
    # 421: the server closes the connection after its reply.
    smtp_server.handler.rcpt_replies["busy@example.org"] = ["421 4.3.2 Too busy, closing"]

    result = send_batch("weekly", PERIOD, [first.pk, busy.pk, last.pk])

    assert (result.sent, result.deferred) == (2, 1)
    assert received_by(smtp_server) == ["first@example.org", "last@example.org"]
    assert delivery(busy).status == Status.FAILED


def test_an_unreachable_mail_server_defers_the_whole_batch_with_its_attempts_counted(
    settings, make_subscription, content
):
    ids = [subscription.pk for subscription in subscribers(make_subscription, "a", "b", "c")]
    settings.MAILERS = {"default": mailer_from_url(f"smtp://127.0.0.1:{free_port()}?timeout=2")}

    result = send_batch("weekly", PERIOD, ids)

    assert (result.sent, result.deferred) == (0, 3)
    rows = DigestDelivery.objects.filter(period_start=PERIOD)
    assert {(row.status, row.attempts) for row in rows} == {(Status.FAILED, 1)}
    assert all(row.retry_at > timezone.now() for row in rows)
    assert due_subscription_ids("weekly", PERIOD) == []


def test_a_recipient_failing_every_time_is_given_up_after_the_last_attempt(
    smtp_server, make_subscription, content
):
    [grey] = subscribers(make_subscription, "grey")
    smtp_server.handler.rcpt_replies["grey@example.org"] = ["451 4.3.0 Try later"] * 50

    for _attempt in range(MAX_ATTEMPTS):
        assert due_subscription_ids("weekly", PERIOD) == [grey.pk]
        send_batch("weekly", PERIOD, [grey.pk])
        time_passes(grey)

    assert delivery(grey).attempts == MAX_ATTEMPTS
    assert delivery(grey).status == Status.FAILED
    assert due_subscription_ids("weekly", PERIOD) == []
    assert send_batch("weekly", PERIOD, [grey.pk]).deferred == 0
    assert len(smtp_server.handler.replies) == MAX_ATTEMPTS
    # The waits grow: about a day and a half from the first try to the last.
    assert sum(RETRY_BACKOFF[: MAX_ATTEMPTS - 1], timedelta()) > timedelta(days=1)


def test_rows_dispatched_once_are_not_dispatched_again_while_their_batch_is_alive(
    make_subscription,
):
    a, b = subscribers(make_subscription, "a", "b")
    then = timezone.now() - RECLAIM_AFTER - timedelta(minutes=1)

    fanout.lease(PERIOD, [a.pk, b.pk], now=then)

    assert due_subscription_ids("weekly", PERIOD, now=then + RECLAIM_AFTER / 2) == []
    # A batch that is still working renews its claims; a dead one does not.
    sending.renew_claims(list(delivery_ids(a)))
    assert due_subscription_ids("weekly", PERIOD) == [b.pk]
    # Dispatched again, b's row is claimed afresh: no third dispatch.
    fanout.lease(PERIOD, [b.pk])
    assert due_subscription_ids("weekly", PERIOD) == []


def delivery_ids(subscription: Subscription):
    return DigestDelivery.objects.filter(subscription=subscription).values_list("pk", flat=True)


def test_a_dead_batch_is_taken_up_within_15_minutes():
    """The longest wait: a claim renewed just before the worker died expires after
    RECLAIM_AFTER, and the next catch-up comes at most one beat interval later."""
    entry = settings.CELERY_BEAT_SCHEDULE["send-due-digests"]
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert entry.get("kwargs", {}) == {}  # every frequency
    minutes = sorted(schedule.minute)
    gaps = [b - a for a, b in zip(minutes, [*minutes[1:], minutes[0] + 60], strict=True)]
    assert timedelta(minutes=max(gaps)) + RECLAIM_AFTER <= timedelta(minutes=15)
    assert sending.RENEW_CLAIMS_EVERY < RECLAIM_AFTER / 2
