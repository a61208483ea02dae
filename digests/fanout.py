"""The fan-out: who is due for a period's digest, and their claims (leases).

`due_subscription_ids` selects everyone due in one query; `claim_due` claims their
rows before the batches are queued (on PostgreSQL one statement for a whole run),
`lease` and `insert_claims` claim a batch's. The rules of exactly once that these
claims serve are in sending.py's docstring.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.sql import id_list

from .mailing import MAX_ATTEMPTS
from .models import DigestDelivery, Subscription

BATCH_SIZE = 500
# A row claimed (or its claim renewed) this long ago and still not sent was claimed
# by a worker that died (or a task that was lost); the next catch-up takes it up
# again. A live batch renews its claims every RENEW_CLAIMS_EVERY, so that a normal
# run is never doubled however long its mail server takes. The catch-up runs every
# 5 minutes (CELERY_BEAT_SCHEDULE): a dead batch is resumed within 15 minutes.
RECLAIM_AFTER = timedelta(minutes=10)


def due_subscription_ids(frequency: str, period: date, now: datetime | None = None) -> list[int]:
    """Everyone whose digest for the period is still to send, in one query: no
    delivery yet, or one that failed and whose time to try again has come, or one
    claimed so long ago that its worker must have died."""
    now = now or timezone.now()
    settled = DigestDelivery.objects.filter(
        subscription=OuterRef("pk"), period_start=period
    ).filter(~sendable_at(now))
    return list(
        Subscription.objects.receiving(frequency, period)
        .filter(~Exists(settled))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def sendable_at(now: datetime) -> Q:
    """Delivery rows that may be (re)started now: failed and due for another try,
    or claimed by a batch whose lease ran out."""
    return Q(attempts__lt=MAX_ATTEMPTS) & (
        Q(status=DigestDelivery.Status.FAILED) & (Q(retry_at__isnull=True) | Q(retry_at__lte=now))
        | Q(status=DigestDelivery.Status.CLAIMED, claimed_at__lte=now - RECLAIM_AFTER)
    )


def lease(period: date, subscription_ids: list[int], now: datetime | None = None) -> None:
    """Claim the period's rows of these subscriptions for a batch about to be queued,
    so that another fan-out in the meantime (a double beat, the catch-up) does not
    queue them again: new rows are inserted claimed, due ones claimed afresh."""
    now = now or timezone.now()
    DigestDelivery.objects.filter(
        sendable_at(now),
        period_start=period,
        subscription_id__in=id_list(subscription_ids, DigestDelivery),
    ).update(status=DigestDelivery.Status.CLAIMED, claimed_at=now)
    insert_claims(period, subscription_ids, now)


def insert_claims(period: date, subscription_ids: list[int], now: datetime) -> None:
    """Insert the period's rows of these subscriptions, claimed now, where there are
    none yet. On PostgreSQL one statement over an array: bulk_create compiles every
    field of every row, about 0.1 s of CPU for a batch, 200 times a run."""
    if not subscription_ids:
        return
    if connection.vendor != "postgresql":
        DigestDelivery.objects.bulk_create(
            [
                DigestDelivery(subscription_id=pk, period_start=period, claimed_at=now)
                for pk in subscription_ids
            ],
            ignore_conflicts=True,
        )
        return
    table = connection.ops.quote_name(DigestDelivery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # The table name from the model, every value a parameter.
            f"INSERT INTO {table} (subscription_id, period_start, status, attempts, "  # noqa: S608
            "last_error, claimed_at) SELECT subscription, %s, %s, 0, '', %s "
            "FROM unnest(%s::bigint[]) AS subscription ON CONFLICT DO NOTHING",
            [period, DigestDelivery.Status.CLAIMED, now, list(subscription_ids)],
        )


def claim_due(frequency: str, period: date, now: datetime | None = None) -> list[int]:
    """Claim the period's rows of everyone due (due_subscription_ids) and return
    their subscriptions, in order: the fan-out's selection and leases. On
    PostgreSQL one `INSERT … SELECT … ON CONFLICT DO UPDATE … RETURNING`, one
    transaction and one commit for a whole run, where a lease per batch cost two
    statements and two commits waiting for the disk (12–20 s for 100,000
    subscribers). A row is claimed afresh only where `sendable_at` says so, the
    same rule as the lease's, and only the rows this statement claimed come back:
    a second fan-out at the same moment (a duplicate beat) queues nothing twice."""
    now = now or timezone.now()
    if connection.vendor != "postgresql":
        ids = due_subscription_ids(frequency, period, now)
        for batch in batches(ids):
            lease(period, batch, now)
        return ids
    due_sql, due_parameters = (
        Subscription.objects.receiving(frequency, period).order_by().values("pk").query
    ).sql_with_params()
    # The rows that may be claimed afresh, as the ORM writes `sendable_at`: one rule.
    sendable = DigestDelivery.objects.filter(sendable_at(now)).query
    sendable_sql, sendable_parameters = sendable.get_compiler(connection=connection).compile(
        sendable.where
    )
    table = connection.ops.quote_name(DigestDelivery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # Table and column names from the models, every value a parameter.
            f"INSERT INTO {table} (subscription_id, period_start, status, attempts, "  # noqa: S608
            "last_error, claimed_at) SELECT due.id, %s, %s, 0, '', %s "
            f"FROM ({due_sql}) AS due (id) "
            "ON CONFLICT (subscription_id, period_start) DO UPDATE SET "
            f"status = EXCLUDED.status, claimed_at = EXCLUDED.claimed_at WHERE {sendable_sql} "
            "RETURNING subscription_id",
            [
                period,
                DigestDelivery.Status.CLAIMED,
                now,
                *due_parameters,
                *sendable_parameters,
            ],
        )
        return sorted(pk for (pk,) in cursor.fetchall())


def batches(ids: list[int], size: int = BATCH_SIZE) -> Iterable[list[int]]:
    for offset in range(0, len(ids), size):
        yield ids[offset : offset + size]
