"""A worker's batch on PostgreSQL, where each message's transaction is chained to
the next (digests/ledger.py): one round trip to the database per message, every
outcome recorded and committed, nothing left in an open transaction, and a failed
statement undoing only the message in hand."""

import os
import smtplib
from datetime import timedelta

import psycopg2.extensions
import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from digests import ledger, sending
from digests.mailing import Sender
from digests.models import DigestDelivery, Subscription
from digests.sending import send_batch
from ft3portal.settings import mailer_from_url

from .conftest import PERIOD, subscribers
from .smtp import SMTPServer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL)",
    ),
    # Outside a test transaction, as in a worker: the chained ledger only runs there.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = DigestDelivery.Status


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server with PIPELINING, as Postfix has it, and the default
    mailer pointed at it (conftest's runs each test twice, with and without;
    these tests reload the reference content each time, so once is enough)."""
    server = SMTPServer(pipelining=True).start()
    settings.MAILERS = {"default": mailer_from_url(server.url + "?timeout=5")}
    yield server
    server.stop()


@pytest.fixture
def content(publish):
    """Something new for everyone."""
    return publish("Liquid biopsy in Poland", stages=["testing-decision"], countries=["PL"])


def statuses(subscriptions: list[Subscription]) -> list[tuple[str, int]]:
    rows = {
        row.subscription_id: (row.status, row.attempts)
        for row in DigestDelivery.objects.filter(period_start=PERIOD)
    }
    return [rows.get(subscription.pk) for subscription in subscriptions]


def no_open_transaction() -> bool:
    status = connection.connection.info.transaction_status
    return status == psycopg2.extensions.TRANSACTION_STATUS_IDLE


def test_a_worker_batch_takes_one_round_trip_to_the_database_per_message(
    smtp_server, make_subscription, content
):
    def queries_for(n: int, prefix: str) -> list[str]:
        ids = [make_subscription(f"{prefix}{i}@example.org").pk for i in range(n)]
        sending.WINDOW_CACHE.clear()
        with CaptureQueriesContext(connection) as queries:
            assert send_batch("weekly", PERIOD, ids).sent == n
        return [query["sql"] for query in queries]

    # The first batch on a connection prepares the ledger's statements; the next
    # ones find them prepared.
    first = queries_for(1, "first")
    assert sum(sql.startswith("PREPARE ") for sql in first) == len(ledger.PREPARED)
    small = queries_for(2, "small")
    large = queries_for(12, "large")

    # Per message: the previous one's mark and COMMIT with this one's BEGIN and
    # take, in one query string (ledger.py), each statement a prepared one.
    assert len(large) - len(small) == 10
    assert not any(sql.startswith("PREPARE ") for sql in small + large)
    assert sum("EXECUTE digest_take(" in sql for sql in large) == 12
    assert sum("EXECUTE digest_mark(" in sql for sql in large) == 12
    assert len(smtp_server.received) == 15
    assert DigestDelivery.objects.filter(status=Status.SENT, attempts=1).count() == 15
    assert no_open_transaction()


def test_a_new_connection_gets_the_statements_prepared_again(
    smtp_server, make_subscription, content
):
    first = make_subscription("first@example.org")
    assert send_batch("weekly", PERIOD, [first.pk]).sent == 1
    # Celery closes a worker's connection between tasks when it is too old.
    connection.close()

    second = make_subscription("second@example.org")
    assert send_batch("weekly", PERIOD, [second.pk]).sent == 1

    assert statuses([first, second]) == [(Status.SENT, 1), (Status.SENT, 1)]
    assert no_open_transaction()


def test_every_outcome_of_a_chained_batch_is_committed(smtp_server, make_subscription, content):
    people = subscribers(make_subscription, "first", "grey", "gone", "filtered", "last")
    smtp_server.handler.rcpt_replies["grey@example.org"] = ["450 4.7.1 Greylisted"]
    smtp_server.handler.rcpt_replies["gone@example.org"] = ["550 5.1.1 No such user"]
    smtp_server.handler.data_replies["filtered@example.org"] = ["554 5.7.1 Rejected"]

    result = send_batch("weekly", PERIOD, [person.pk for person in people])

    assert (result.sent, result.deferred, result.refused) == (2, 1, 2)
    assert statuses(people) == [
        (Status.SENT, 1),
        (Status.FAILED, 1),
        (Status.REFUSED, 1),
        (Status.REFUSED, 1),
        (Status.SENT, 1),
    ]
    refused = Subscription.objects.filter(refused_at__isnull=False)
    assert list(refused.values_list("email", flat=True)) == ["gone@example.org"]
    assert no_open_transaction()


def test_a_mail_server_lost_mid_batch_leaves_what_was_sent_marked_and_defers_the_rest(
    smtp_server, make_subscription, content, monkeypatch
):
    people = subscribers(make_subscription, "one", "two", "three", "four")
    send = Sender.send
    calls = []

    def lost_at_the_third(self, prepared, recipient, message_id):
        calls.append(recipient.email)
        if len(calls) == 3:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        send(self, prepared, recipient, message_id)

    monkeypatch.setattr(Sender, "send", lost_at_the_third)

    result = send_batch("weekly", PERIOD, [person.pk for person in people])

    # The third counts its attempt in its own transaction, the fourth in the defer
    # (which the result counts).
    assert (result.sent, result.deferred) == (2, 1)
    assert statuses(people) == [
        (Status.SENT, 1),
        (Status.SENT, 1),
        (Status.FAILED, 1),
        (Status.FAILED, 1),
    ]
    assert no_open_transaction()


def test_a_failed_statement_undoes_only_the_message_in_hand(
    smtp_server, make_subscription, content, monkeypatch
):
    people = subscribers(make_subscription, "one", "two", "three")
    mark_statements = ledger.mark_statements

    def broken_for_two(delivery_id, subscription_id, *args, **kwargs):
        found = mark_statements(delivery_id, subscription_id, *args, **kwargs)
        if subscription_id == people[1].pk:
            found.append(("SELECT 1 / 0", []))
        return found

    monkeypatch.setattr(ledger, "mark_statements", broken_for_two)

    with pytest.raises(DatabaseError):
        send_batch("weekly", PERIOD, [person.pk for person in people])

    # The first is committed; the second was received but its transaction rolled
    # back: still claimed, as after a crash between "250 OK" and COMMIT, so that
    # it goes out again after its lease (the duplicate sending.py accepts).
    assert [message.to for message in smtp_server.received] == [
        "one@example.org",
        "two@example.org",
    ]
    assert statuses(people) == [(Status.SENT, 1), (Status.CLAIMED, 0), (Status.CLAIMED, 0)]
    assert no_open_transaction()


def test_claims_are_renewed_outside_any_message_transaction(
    smtp_server, make_subscription, content, monkeypatch
):
    people = subscribers(make_subscription, "one", "two", "three")
    renew_claims = sending.renew_claims
    renewals = []

    def recorded(delivery_ids):
        # The previous message's mark is committed first: the renewal is its own.
        renewals.append((sorted(delivery_ids), no_open_transaction()))
        renew_claims(delivery_ids)

    monkeypatch.setattr(sending, "RENEW_CLAIMS_EVERY", timedelta(seconds=-1))
    monkeypatch.setattr(sending, "renew_claims", recorded)

    assert send_batch("weekly", PERIOD, [person.pk for person in people]).sent == 3

    ids = sorted(DigestDelivery.objects.values_list("pk", flat=True))
    assert renewals == [(ids, True), (ids[1:], True), (ids[2:], True)]
    assert statuses(people) == [(Status.SENT, 1)] * 3
    assert no_open_transaction()
