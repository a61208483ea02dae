"""Sending digests: fan-out in batches, and exactly once.

Fan-out (after Zulip's digest). `due_subscription_ids` selects everyone due in one
query; batches of BATCH_SIZE ids go to `send_batch` in Celery tasks. Subscribers
with the same library query and kinds share the matching (run once per distinct
query, window and worker process), and subscribers whose digests hold the same
items share one rendering: the personal parts (address, manage and unsubscribe
links) are filled into the shared rendering last (rendering.py).

Exactly once. Every (subscription, period) has one DigestDelivery row, unique, so
a second run, a duplicate beat or a retried task cannot create a second one. Rows
are claimed (inserted) before anything is sent. Each message is then sent inside
its own database transaction that first locks the row — re-checking that it is
still unsent and the subscriber still subscribed — and marks it sent in the same
commit. So:

- two workers holding the same row never both send: the second waits for the
  lock, then sees "sent" and skips;
- a worker killed mid-SMTP dies with its transaction: the row is still "claimed"
  and nothing was delivered (an SMTP server discards a transaction whose data
  never ended), so a later run sends it. Rows claimed longer than RECLAIM_AFTER
  ago and not sent are taken up again by the next run, which the hourly beat
  entry provides;
- the one window left is the instant between the SMTP server's "250 OK" and our
  COMMIT. We accept a possible duplicate there rather than a possibly lost digest
  for every kill during the far longer SMTP conversation. The Message-ID is fixed
  per delivery, so a repeat carries the same Message-ID as the first copy.

SMTP failures end the batch: the task retries it with backoff (see tasks.py) and
after the last retry marks the rest failed; later runs take failed rows up again
until MAX_ATTEMPTS. An address the server refuses outright is marked refused.
"""

import functools
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection, transaction
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language

from contributions.models import Initiative, Resource
from pathway.models import Stage

from .digest import (
    Digest,
    Item,
    Window,
    candidates,
    digest_for,
    matching,
    new_items,
    previous_period_start,
)
from .models import DigestDelivery, Subscription, kinds_wanted
from .rendering import Prepared, Renderer, message_id, personalise

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Sends tried per delivery, over all runs, before it is left as failed for good.
MAX_ATTEMPTS = 8
# A row claimed this long ago and still not sent was claimed by a worker that died
# (or a task that was lost); the next run takes it up again. Much longer than a
# batch takes, so that a normal run is never doubled.
RECLAIM_AFTER = timedelta(minutes=15)

SENDABLE = (DigestDelivery.Status.CLAIMED, DigestDelivery.Status.FAILED)
FINISHED = (
    DigestDelivery.Status.SENT,
    DigestDelivery.Status.SKIPPED_EMPTY,
    DigestDelivery.Status.REFUSED,
)


# Fan-out ---------------------------------------------------------------------


def due_subscription_ids(frequency: str, period: date, now: datetime | None = None) -> list[int]:
    """Everyone whose digest for the period is still to send, in one query: no
    delivery yet, or one that failed, or one claimed so long ago that its worker
    must have died."""
    now = now or timezone.now()
    settled = DigestDelivery.objects.filter(
        subscription=OuterRef("pk"), period_start=period
    ).filter(
        Q(status__in=FINISHED)
        | Q(attempts__gte=MAX_ATTEMPTS)
        | Q(status=DigestDelivery.Status.CLAIMED, claimed_at__gt=now - RECLAIM_AFTER)
    )
    return list(
        Subscription.objects.receiving(frequency, period)
        .filter(~Exists(settled))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def batches(ids: list[int], size: int = BATCH_SIZE) -> Iterable[list[int]]:
    for offset in range(0, len(ids), size):
        yield ids[offset : offset + size]


# Sending a batch -----------------------------------------------------------------


class DeliveryInterrupted(Exception):
    """The mail server could not be reached or failed mid-batch; retry later."""


@dataclass
class Recipient:
    subscription_id: int
    email: str
    token: str
    query: str
    kinds: tuple[str, ...]
    window: Window
    delivery_id: int = 0


@dataclass
class BatchResult:
    sent: int = 0
    skipped_empty: int = 0
    refused: int = 0
    already_done: int = 0


def claim(frequency: str, period: date, subscription_ids: list[int]) -> list[Recipient]:
    """Claim the period's delivery row of each subscription still due, and return
    the recipients whose rows are still to send."""
    subscriptions = list(
        Subscription.objects.receiving(frequency, period)
        .filter(pk__in=subscription_ids)
        .annotate(
            last_period=Max(
                "deliveries__period_start",
                filter=Q(deliveries__status__in=FINISHED, deliveries__period_start__lt=period),
            )
        )
        .values(
            "pk",
            "email",
            "token",
            "query",
            "include_resources",
            "include_initiatives",
            "last_period",
        )
        .order_by("pk")
    )
    if not subscriptions:
        return []
    ids = [row["pk"] for row in subscriptions]
    now = timezone.now()
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(subscription_id=pk, period_start=period, claimed_at=now) for pk in ids],
        ignore_conflicts=True,
    )
    deliveries = dict(
        DigestDelivery.objects.filter(
            period_start=period,
            subscription_id__in=ids,
            status__in=SENDABLE,
            attempts__lt=MAX_ATTEMPTS,
        ).values_list("subscription_id", "pk")
    )
    natural_start = previous_period_start(frequency, period)
    recipients = []
    for row in subscriptions:
        if row["pk"] not in deliveries:
            continue
        start = max(natural_start, row["last_period"] or natural_start)
        recipients.append(
            Recipient(
                subscription_id=row["pk"],
                email=row["email"],
                token=row["token"],
                query=row["query"],
                kinds=kinds_wanted(row["include_resources"], row["include_initiatives"]),
                window=Window(frequency, period, start),
                delivery_id=deliveries[row["pk"]],
            )
        )
    return recipients


# A run's batches mostly land on the same few worker processes: each keeps the
# window's items, the digest of each query and their rendered pieces between
# batches, for as long as one query says the window's content has not changed.
@dataclass
class WindowContent:
    window: Window
    items: list[Item]
    renderer: Renderer
    # {(kind, library query): what the library lists}, each matched once.
    listings: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict)
    # {(library query, kinds): its digest}.
    digests: dict[tuple[str, tuple[str, ...]], Digest] = field(default_factory=dict)

    def listed(self, kind: str, query: str) -> frozenset[int]:
        if (kind, query) not in self.listings:
            self.listings[(kind, query)] = matching(self.window, kind, query)
        return self.listings[(kind, query)]

    def digest(self, query: str, kinds: tuple[str, ...], stages: dict[int, Stage]) -> Digest:
        if (query, kinds) not in self.digests:
            self.digests[(query, kinds)] = digest_for(query, kinds, self.items, stages, self.listed)
        return self.digests[(query, kinds)]


WINDOW_CACHE: dict[tuple, WindowContent] = {}
WINDOW_CACHE_SIZE = 4


def window_content(window: Window) -> WindowContent:
    versions = tuple(
        tuple(
            candidates(model, window.start_at, window.end_at)
            .aggregate(n=Count("pk"), changed=Max("updated_at"))
            .values()
        )
        for model in (Resource, Initiative)
    )
    key = (window, settings.SITE_URL, get_language(), versions)
    if key not in WINDOW_CACHE:
        if len(WINDOW_CACHE) >= WINDOW_CACHE_SIZE:
            WINDOW_CACHE.clear()
        WINDOW_CACHE[key] = WindowContent(
            window, new_items(window.start_at, window.end_at), Renderer(window)
        )
    return WINDOW_CACHE[key]


def prepare(recipients: list[Recipient]) -> dict[int, Prepared | None]:
    """Each recipient's shared rendering (None for an empty digest), computing each
    window's items, each distinct query's digest and each digest's rendering once."""
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    windows: dict[Window, WindowContent] = {}
    renderings: dict[tuple, Prepared | None] = {}
    prepared = {}
    for recipient in recipients:
        window = recipient.window
        if window not in windows:
            windows[window] = window_content(window)
        content = windows[window]
        digest = content.digest(recipient.query, recipient.kinds, stages)
        rendering = (window, digest.key)
        if rendering not in renderings:
            renderings[rendering] = None if digest.is_empty else content.renderer.render(digest)
        prepared[recipient.delivery_id] = renderings[rendering]
    return prepared


class Sender:
    """Sends digests over one mailer connection: as prepared bytes through Django's
    SMTP backend, as message objects through any other backend (the console in
    development, the outbox in tests)."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.smtp = isinstance(connection, SMTPBackend)
        self.envelope_from = (
            connection.prep_address(settings.DEFAULT_FROM_EMAIL) if self.smtp else ""
        )

    def send(self, prepared: Prepared, recipient: "Recipient", message_id: str) -> None:
        data = prepared.bytes_for(recipient.email, recipient.token, message_id)
        if self.smtp and data is not None:
            self.connection.open()
            self.connection.connection.sendmail(self.envelope_from, [recipient.email], data)
        else:
            message = personalise(prepared.message, recipient.email, recipient.token, message_id)
            self.connection.send_messages([message])


PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused,)
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def send_batch(frequency: str, period: date, subscription_ids: list[int]) -> BatchResult:
    """Claim, build and send the period's digests of these subscriptions.

    Raises DeliveryInterrupted when the mail server fails; every row not sent is
    then still claimed (or failed), ready for the retry.
    """
    result = BatchResult()
    recipients = claim(frequency, period, subscription_ids)
    if not recipients:
        return result
    prepared = prepare(recipients)
    empty = [pk for pk, message in prepared.items() if message is None]
    if empty:
        result.skipped_empty = DigestDelivery.objects.filter(
            pk__in=empty, status__in=SENDABLE
        ).update(status=DigestDelivery.Status.SKIPPED_EMPTY, last_error="")
    to_send = [r for r in recipients if prepared[r.delivery_id] is not None]
    if not to_send:
        return result
    try:
        with mailers.default as connection:
            sender = Sender(connection)
            for recipient in to_send:
                outcome = send_one(sender, recipient, prepared[recipient.delivery_id], period)
                if outcome == "sent":
                    result.sent += 1
                elif outcome == "refused":
                    result.refused += 1
                else:
                    result.already_done += 1
    except TRANSIENT_ERRORS as error:
        raise DeliveryInterrupted(f"{type(error).__name__}: {error}") from error
    return result


def send_one(sender: Sender, recipient: Recipient, shared: Prepared, period: date) -> str:
    """Send one digest in one transaction that holds its delivery row; see the
    module docstring for why."""
    take, mark = statements()
    failure = None
    with transaction.atomic(), connection.cursor() as cursor:
        # The UPDATE locks the row until COMMIT and re-checks, after any other
        # holder's COMMIT, that it is still unsent and its subscriber still wants it.
        cursor.execute(
            take,
            [
                timezone.now(),
                recipient.delivery_id,
                *SENDABLE,
                MAX_ATTEMPTS,
                recipient.subscription_id,
                False,
            ],
        )
        if cursor.rowcount != 1:
            return "done"
        try:
            sender.send(shared, recipient, message_id(recipient.delivery_id, period))
        except PERMANENT_ERRORS as error:
            outcome, status, error_text = "refused", DigestDelivery.Status.REFUSED, describe(error)
            logger.warning("Digest %s refused: %s", recipient.delivery_id, error_text)
        except TRANSIENT_ERRORS as error:
            # Commit the attempt and its reason (the row stays claimed), then stop.
            outcome, status, error_text = "", DigestDelivery.Status.CLAIMED, describe(error)
            failure = error
        else:
            outcome, status, error_text = "sent", DigestDelivery.Status.SENT, ""
        sent_at = timezone.now() if outcome == "sent" else None
        cursor.execute(mark, [status, sent_at, error_text, recipient.delivery_id])
    if failure is not None:
        raise failure
    return outcome


@functools.cache
def statements() -> tuple[str, str]:
    """The two statements run for every message, written out once: at 100,000
    messages a run, compiling them through the ORM costs more than running them."""
    quote = connection.ops.quote_name
    delivery = quote(DigestDelivery._meta.db_table)
    subscription = quote(Subscription._meta.db_table)
    # Table names from the models, every value a parameter.
    take = (
        f"UPDATE {delivery} SET attempts = attempts + 1, claimed_at = %s "  # noqa: S608
        "WHERE id = %s AND status IN (%s, %s) AND attempts < %s AND subscription_id IN "
        f"(SELECT id FROM {subscription} WHERE id = %s AND unsubscribed_at IS NULL "
        "AND paused = %s)"
    )
    mark = f"UPDATE {delivery} SET status = %s, sent_at = %s, last_error = %s WHERE id = %s"  # noqa: S608
    return take, mark


def give_up(period: date, subscription_ids: list[int], reason: str) -> int:
    """After the last retry: the batch's unsent rows become failed, for a later run."""
    return DigestDelivery.objects.filter(
        period_start=period,
        subscription_id__in=subscription_ids,
        status=DigestDelivery.Status.CLAIMED,
    ).update(status=DigestDelivery.Status.FAILED, last_error=reason[:2000])


def describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]
