"""After a backup is restored, `manage.py mark_digests_sent` keeps the digests sent
since the backup from going out again."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from digests.digest import current_period
from digests.fanout import due_subscription_ids
from digests.models import DigestDelivery

pytestmark = pytest.mark.django_db
Status = DigestDelivery.Status


def mark() -> str:
    output = StringIO()
    call_command("mark_digests_sent", stdout=output)
    return output.getvalue()


def test_nothing_due_now_is_sent_again_after_a_restore(make_subscription):
    weekly, monthly = current_period("weekly"), current_period("monthly")
    never_started = make_subscription("ana@example.org")
    claimed = make_subscription("ben@example.org")
    sent = make_subscription("cy@example.org")
    reader_monthly = make_subscription("dee@example.org", frequency="monthly")
    just_confirmed = make_subscription("eve@example.org", confirmed_at=timezone.now())
    sent_at = timezone.now() - timedelta(hours=1)
    # Claimed before the backup was taken, by a worker that sent it afterwards.
    DigestDelivery.objects.create(
        subscription=claimed, period_start=weekly, attempts=1, claimed_at=sent_at
    )
    DigestDelivery.objects.create(
        subscription=sent, period_start=weekly, status=Status.SENT, sent_at=sent_at
    )
    assert due_subscription_ids("weekly", weekly) == [never_started.pk, claimed.pk]

    output = mark()

    assert "weekly digests of the period starting" in output
    assert "2 marked sent (1 were claimed or failed, 1 not yet started)" in output
    assert due_subscription_ids("weekly", weekly) == []
    assert due_subscription_ids("monthly", monthly) == []
    deliveries = {d.subscription_id: d for d in DigestDelivery.objects.all()}
    assert deliveries[never_started.pk].status == Status.SENT
    assert deliveries[never_started.pk].sent_at is None  # marked, not sent
    assert deliveries[claimed.pk].status == Status.SENT
    assert deliveries[sent.pk].sent_at == sent_at
    assert deliveries[reader_monthly.pk].period_start == monthly
    # Confirmed after the period began: not due, nothing to mark.
    assert just_confirmed.pk not in deliveries


def test_marking_twice_changes_nothing(make_subscription):
    make_subscription("ana@example.org")
    mark()
    before = list(DigestDelivery.objects.values_list("pk", "status", "sent_at"))
    assert "0 marked sent" in mark()
    assert list(DigestDelivery.objects.values_list("pk", "status", "sent_at")) == before
