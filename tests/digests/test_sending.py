"""Sending digests: who is due, one message each with text and HTML parts and
one-click unsubscribe headers, nothing when nothing is new, and never twice —
whatever runs again, retries or fails."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digests import digest, fanout, rendering, sending
from digests.fanout import RECLAIM_AFTER, due_subscription_ids
from digests.matcher import WindowMatcher
from digests.models import DigestDelivery, Subscription
from digests.sending import send_batch
from digests.tasks import send_digests

from .conftest import IN_WINDOW, PERIOD

pytestmark = pytest.mark.django_db

Status = DigestDelivery.Status


def run(period: date = PERIOD, frequency: str = "weekly") -> None:
    send_digests.delay(frequency=frequency, period=period.isoformat())


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message) -> str:
    return message.alternatives[0].content


@pytest.fixture
def content(publish):
    """One item for the testing stage in Germany, one for monitoring in Japan."""
    return {
        "testing": publish(
            "Biomarker testing in Germany",
            stages=["testing-decision"],
            countries=["DE"],
            summary="How German labs report NGS results.",
        ),
        "monitoring": publish(
            "Living with lung cancer in Japan",
            "initiative",
            stages=["monitoring"],
            countries=["JP"],
            summary="Peer support after diagnosis.",
        ),
    }


def test_each_due_subscriber_gets_one_digest_with_exactly_their_items(
    eager_celery, make_subscription, content
):
    make_subscription("testing@example.org", query="stage=testing-decision")
    make_subscription("japan@example.org", query="country=JP")
    make_subscription("everything@example.org")

    run()

    assert len(mail.outbox) == 3
    [testing] = sent_to("testing@example.org")
    [japan] = sent_to("japan@example.org")
    [everything] = sent_to("everything@example.org")
    for message in (testing, japan, everything):
        assert message.body.count("Biomarker testing in Germany") == (message is not japan)
        assert message.body.count("Living with lung cancer in Japan") == (message is not testing)
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_a_digest_has_text_and_html_parts_with_absolute_links(
    eager_celery, settings, make_subscription, content
):
    settings.SITE_URL = "https://ft3.example.org"
    subscription = make_subscription(query="stage=testing-decision")

    run()

    [message] = mail.outbox
    item_url = "https://ft3.example.org" + content["testing"].get_absolute_url()
    manage_url = "https://ft3.example.org" + subscription.manage_url()
    assert message.subject == "Your weekly digest: 1 new item on the pathway"
    assert "3. Testing decision" in message.body
    assert "How German labs report NGS results." in message.body
    assert "By Lung Patients Network · Germany" in message.body
    assert item_url in message.body
    assert manage_url in message.body
    assert "from 2 June 2025 to 8 June 2025" in message.body
    html = html_of(message)
    assert f'href="{item_url}"' in html
    assert f'href="{manage_url}"' in html
    assert "How German labs report NGS results." in html
    assert "Lung Patients Network" in html
    assert 'name="viewport"' in html


def test_a_digest_carries_one_click_unsubscribe_headers(
    eager_celery, settings, make_subscription, content
):
    settings.SITE_URL = "https://ft3.example.org"
    subscription = make_subscription()

    run()

    [message] = mail.outbox
    unsubscribe_url = "https://ft3.example.org" + subscription.unsubscribe_url()
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in message.body
    assert f'href="{unsubscribe_url}"' in html_of(message)
    delivery = DigestDelivery.objects.get()
    assert message.extra_headers["Message-ID"] == f"<digest.20250609.{delivery.pk}@ft3.example.org>"


def test_subscribers_get_their_own_links_in_a_shared_rendering(
    eager_celery, make_subscription, content
):
    first = make_subscription("first@example.org")
    second = make_subscription("second@example.org")

    run()

    [to_first] = sent_to("first@example.org")
    [to_second] = sent_to("second@example.org")
    assert first.manage_url() in to_first.body
    assert first.manage_url() not in to_second.body
    assert second.unsubscribe_url() in html_of(to_second)
    assert first.unsubscribe_url() not in html_of(to_second)
    assert rendering.TOKEN_PLACEHOLDER not in to_first.body + html_of(to_first)


def test_subscribers_whose_digests_hold_the_same_items_share_one_rendering(
    eager_celery, make_subscription, content
):
    make_subscription("a@example.org", query="stage=testing-decision")
    make_subscription("b@example.org", query="stage=testing-decision")
    make_subscription("c@example.org", query="country=DE")  # another query, same items
    make_subscription("d@example.org", query="country=JP")

    with mock.patch.object(
        rendering.Renderer, "render", autospec=True, side_effect=rendering.Renderer.render
    ) as render:
        run()

    assert len(mail.outbox) == 4
    assert render.call_count == 2


def test_each_distinct_query_is_matched_once_per_kind_not_once_per_subscriber(
    make_subscription, content
):
    queries = ["stage=testing-decision", "country=JP", ""]
    for n in range(9):
        make_subscription(f"r{n}@example.org", query=queries[n % 3])
    make_subscription("initiatives@example.org", query="country=JP", include_resources=False)
    ids = list(Subscription.objects.order_by("pk").values_list("pk", flat=True))

    listed = mock.patch.object(
        WindowMatcher, "listed", autospec=True, side_effect=WindowMatcher.listed
    )
    part = mock.patch.object(WindowMatcher, "part", autospec=True, side_effect=WindowMatcher.part)
    with listed as matching, part as parts:
        # Two batches on one worker: the second reuses the first's matching.
        assert send_batch("weekly", PERIOD, ids[:5]).sent == 5
        assert send_batch("weekly", PERIOD, ids[5:]).sent == 5

    # Each part of a query (one parameter's value) is matched by its kind's FilterSet
    # once, whatever the number of queries holding it.
    assert sorted(call.args[1:] for call in parts.call_args_list) == [
        ("initiative", (), "country", ("JP",)),
        ("initiative", (), "stage", ("testing-decision",)),
        ("resource", (), "country", ("JP",)),
        ("resource", (), "stage", ("testing-decision",)),
    ]
    # Each query once per kind; "initiatives near you" for country=JP is the
    # directory's country=JP, already matched.
    assert sorted(call.args[1:] for call in matching.call_args_list) == [
        ("initiative", ""),
        ("initiative", "country=JP"),
        ("initiative", "stage=testing-decision"),
        ("resource", ""),
        ("resource", "country=JP"),
        ("resource", "stage=testing-decision"),
    ]


def test_nothing_is_sent_when_nothing_is_new_and_the_skip_is_recorded(
    eager_celery, make_subscription, content
):
    subscription = make_subscription(query="stage=sample-analysis")

    run()

    assert mail.outbox == []
    assert DigestDelivery.objects.get(subscription=subscription).status == Status.SKIPPED_EMPTY
    assert due_subscription_ids("weekly", PERIOD) == []


def test_running_again_or_a_duplicate_beat_sends_nothing_twice(
    eager_celery, make_subscription, content
):
    make_subscription("a@example.org")
    make_subscription("b@example.org")

    run()
    run()
    send_digests.delay(frequency="weekly", period=PERIOD.isoformat())

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert DigestDelivery.objects.count() == 2


def test_a_batch_run_twice_sends_only_what_is_still_unsent(make_subscription, content):
    ids = [make_subscription(f"r{n}@example.org").pk for n in range(3)]

    first = send_batch("weekly", PERIOD, ids)
    again = send_batch("weekly", PERIOD, ids)

    assert first.sent == 3
    assert again.sent == 0
    assert len(mail.outbox) == 3


def test_only_confirmed_active_subscribers_at_that_frequency_are_due(make_subscription):
    due = make_subscription("due@example.org")
    make_subscription("unconfirmed@example.org", confirmed_at=None)
    make_subscription("paused@example.org", paused=True)
    make_subscription("gone@example.org", unsubscribed_at=timezone.now())
    make_subscription("monthly@example.org", frequency="monthly")
    # Confirmed after the period began: their first digest is the next one.
    make_subscription("late@example.org", confirmed_at=datetime(2025, 6, 9, 0, 0, tzinfo=UTC))
    just_in_time = make_subscription(
        "early@example.org", confirmed_at=datetime(2025, 6, 8, 23, 59, tzinfo=UTC)
    )

    assert due_subscription_ids("weekly", PERIOD) == [due.pk, just_in_time.pk]


@pytest.mark.parametrize("subscribers", [3, 30])
def test_the_fan_out_selects_everyone_due_in_one_query(
    make_subscription, django_assert_num_queries, subscribers
):
    for n in range(subscribers):
        make_subscription(f"reader{n}@example.org")
    done = make_subscription("done@example.org")
    DigestDelivery.objects.create(subscription=done, period_start=PERIOD, status=Status.SENT)

    with django_assert_num_queries(1):
        due = due_subscription_ids("weekly", PERIOD)

    assert len(due) == subscribers


def test_the_fan_out_claims_exactly_who_is_due_and_only_once(make_subscription):
    now = timezone.now()
    rows = {
        "new": None,
        "sent": {"status": Status.SENT},
        "retry due": {"status": Status.FAILED, "attempts": 1, "retry_at": now},
        "retry later": {"status": Status.FAILED, "attempts": 1, "retry_at": now + RECLAIM_AFTER},
        "given up": {"status": Status.FAILED, "attempts": sending.MAX_ATTEMPTS},
        "claimed": {"claimed_at": now},
        "dead claim": {"claimed_at": now - RECLAIM_AFTER - timedelta(seconds=1)},
    }
    for n, (name, fields) in enumerate(rows.items()):
        subscription = make_subscription(f"reader{n}@example.org")
        if fields is not None:
            DigestDelivery.objects.create(subscription=subscription, period_start=PERIOD, **fields)
        rows[name] = subscription.pk
    due = due_subscription_ids("weekly", PERIOD, now=now)

    claimed = fanout.claim_due("weekly", PERIOD, now=now)

    assert claimed == due == [rows["new"], rows["retry due"], rows["dead claim"]]
    assert set(
        DigestDelivery.objects.filter(subscription__in=claimed).values_list("status", "claimed_at")
    ) == {(Status.CLAIMED, now)}
    # A second fan-out at the same moment (a duplicate beat) finds nothing to queue.
    assert fanout.claim_due("weekly", PERIOD, now=now) == []
    assert due_subscription_ids("weekly", PERIOD, now=now) == []


def test_the_fan_out_is_one_statement_on_postgresql(make_subscription, django_assert_num_queries):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite claims with due_subscription_ids and a lease per batch")
    for n in range(30):
        make_subscription(f"reader{n}@example.org")

    with django_assert_num_queries(1):
        assert len(fanout.claim_due("weekly", PERIOD)) == 30


def count_batch_queries(make_subscription, n: int, prefix: str) -> int:
    ids = [make_subscription(f"{prefix}{i}@example.org").pk for i in range(n)]
    sending.WINDOW_CACHE.clear()  # Both counts include reading the window's items.
    with CaptureQueriesContext(connection) as queries:
        assert send_batch("weekly", PERIOD, ids).sent == n
    return len(queries)


def test_a_batch_needs_a_fixed_number_of_queries_plus_a_few_per_message(make_subscription, content):
    small = count_batch_queries(make_subscription, 2, "small")
    DigestDelivery.objects.all().delete()
    Subscription.objects.all().delete()
    large = count_batch_queries(make_subscription, 12, "large")

    # Per message: take the row (UPDATE), mark it sent (UPDATE), inside a savepoint
    # (SAVEPOINT, RELEASE) since the test runs in a transaction: 4 each.
    assert large - small == 10 * 4


def test_an_address_unsubscribed_after_the_claim_gets_nothing(make_subscription, content):
    subscription = make_subscription()
    recipients = sending.claim("weekly", PERIOD, [subscription.pk])
    Subscription.objects.filter(pk=subscription.pk).update(unsubscribed_at=timezone.now())

    result = sending.send_batch("weekly", PERIOD, [subscription.pk])

    assert len(recipients) == 1
    assert result.sent == 0
    assert mail.outbox == []


def test_a_claim_left_by_a_dead_worker_is_taken_up_after_a_while(make_subscription, content):
    subscription = make_subscription()
    now = timezone.now()
    claim = DigestDelivery.objects.create(
        subscription=subscription, period_start=PERIOD, claimed_at=now
    )

    assert due_subscription_ids("weekly", PERIOD, now=now + RECLAIM_AFTER / 2) == []
    later = now + RECLAIM_AFTER + timedelta(seconds=1)
    assert due_subscription_ids("weekly", PERIOD, now=later) == [subscription.pk]

    send_batch("weekly", PERIOD, [subscription.pk])

    claim.refresh_from_db()
    assert claim.status == Status.SENT
    assert claim.attempts == 1
    assert len(mail.outbox) == 1


def test_the_window_starts_at_the_previous_digest_when_that_was_later(make_subscription, publish):
    # Weekly until late June, monthly since: the July digest starts where the last
    # weekly one ended instead of repeating June.
    subscription = make_subscription(frequency="monthly")
    DigestDelivery.objects.create(
        subscription=subscription, period_start=date(2025, 6, 23), status=Status.SENT
    )
    publish("Already in the weekly digest", at=datetime(2025, 6, 18, tzinfo=UTC))
    publish("New since", at=datetime(2025, 6, 25, tzinfo=UTC))

    send_batch("monthly", date(2025, 7, 1), [subscription.pk])

    [message] = mail.outbox
    assert "New since" in message.body
    assert "Already in the weekly digest" not in message.body
    assert message.subject == "Your monthly digest: 1 new item on the pathway"


def test_a_real_smtp_message_has_both_parts_and_the_headers(
    smtp_server, make_subscription, content
):
    subscription = make_subscription("reader@example.org", query="stage=testing-decision")

    send_batch("weekly", PERIOD, [subscription.pk])

    [received] = smtp_server.received
    unsubscribe_url = "http://127.0.0.1:8000" + subscription.unsubscribe_url()
    # Written as is, on one line: not split into RFC 2047 encoded words.
    assert f"\nList-Unsubscribe: <{unsubscribe_url}>\r\n".encode() in received.raw
    assert b"\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in received.raw
    assert "Biomarker testing in Germany" in received.text
    assert "Biomarker testing in Germany" in received.html


@pytest.mark.parametrize(
    ("frequency", "period", "problem"),
    [
        ("weekly", "2025-06-10", "does not start"),
        ("monthly", "2025-06-09", "does not start"),
        ("weekly", "2999-01-07", "not due yet"),
        ("daily", None, "Unknown digest frequency"),
    ],
)
def test_a_run_for_a_period_that_is_not_one_is_refused(frequency, period, problem):
    with pytest.raises(ValueError, match=problem):
        send_digests(frequency=frequency, period=period)


def test_items_published_during_the_run_wait_for_the_next_period(
    eager_celery, make_subscription, publish
):
    make_subscription()
    publish("Published after the period ended", at=datetime(2025, 6, 9, 5, tzinfo=UTC))

    run()

    assert mail.outbox == []


def test_content_of_the_window_is_sent_with_the_period_it_belongs_to(
    eager_celery, make_subscription, publish
):
    make_subscription()
    publish("Exactly on time", at=IN_WINDOW)

    run()

    [message] = mail.outbox
    assert "Exactly on time" in message.body


def decoded(received) -> tuple:
    return (
        received.subject,
        received.text,
        received.html,
        received.message["List-Unsubscribe"],
        received.message["Message-ID"],
    )


def test_prepared_bytes_and_a_message_built_in_full_are_the_same_digest(
    smtp_server, monkeypatch, make_subscription, publish
):
    publish("Ärzte erklären Biomarker", stages=["testing-decision"], summary="Über “NGS” · Tests.")
    subscription = make_subscription("reader@example.org")

    send_batch("weekly", PERIOD, [subscription.pk])
    DigestDelivery.objects.all().delete()
    # Lines that may not exceed 60 bytes rule out the prepared bytes.
    monkeypatch.setattr(rendering, "MAX_LINE", 60)
    send_batch("weekly", PERIOD, [subscription.pk])

    fast, full = smtp_server.received
    assert b"Content-Transfer-Encoding: 8bit" in fast.raw
    assert b"Content-Transfer-Encoding: 8bit" not in full.raw
    fast_fields, full_fields = decoded(fast), decoded(full)
    assert fast_fields[:4] == full_fields[:4]
    assert "Über “NGS” · Tests." in fast.text
    assert max(len(line) for line in fast.raw.split(b"\r\n")) <= 998


def test_an_address_with_an_international_domain_gets_its_digest(
    smtp_server, make_subscription, content
):
    subscription = make_subscription("leser@bücher.example")

    send_batch("weekly", PERIOD, [subscription.pk])

    [received] = smtp_server.received
    assert received.recipients == ["leser@xn--bcher-kva.example"]
    assert subscription.manage_url() in received.text
    assert DigestDelivery.objects.get().status == Status.SENT


def test_batches_of_one_window_reuse_its_renderings_until_its_content_changes(publish):
    window = digest.Window("weekly", PERIOD, date(2025, 6, 2))
    item = publish("Biomarker testing in Germany", countries=["DE"])
    sending.WINDOW_CACHE.clear()

    content = sending.window_content(window)
    assert sending.window_content(window) is content
    assert [found.title for found in content.items] == ["Biomarker testing in Germany"]

    item.title = "Biomarker testing in Germany, revised"
    item.save()
    changed = sending.window_content(window)
    assert changed.renderer is not content.renderer
    assert [found.title for found in changed.items] == ["Biomarker testing in Germany, revised"]

    publish("Living with lung cancer in Japan", "initiative", countries=["JP"])
    assert len(sending.window_content(window).items) == 2
