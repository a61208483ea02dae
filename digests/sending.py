"""Sending digests: fan-out in batches, and exactly once.

Fan-out (after Zulip's digest; fanout.py). `due_subscription_ids` selects everyone due in one
query; batches of BATCH_SIZE ids go to `send_batch` in Celery tasks. Subscribers
with the same library query and kinds share the matching (run once per distinct
query, window and worker process), and subscribers whose digests hold the same
items share one rendering: the personal parts (address, manage and unsubscribe
links) are filled into the shared rendering last (rendering.py).

Exactly once. Every (subscription, period) has one DigestDelivery row, unique, so
a second run, a duplicate beat or a retried task cannot create a second one. The
fan-out inserts (claims) the rows of everyone it dispatches before queueing a
batch. Each message is then sent inside its own database transaction that first
locks the row — re-checking that it is still unsent and the subscriber still
subscribed — and marks it sent in the same commit (ledger.py; a worker on
PostgreSQL sends one message's COMMIT with the next one's BEGIN, one round trip a
message). So:

- two workers holding the same row never both send: the second waits for the
  lock, then sees "sent" and skips;
- a claim is a lease: the batch holding it renews it (claimed_at) while it works,
  and a claim not renewed for RECLAIM_AFTER belongs to a dead worker (or a lost
  task). The catch-up that beat runs every few minutes dispatches such rows again,
  so a killed batch is sent within RECLAIM_AFTER plus that interval;
- a worker killed mid-SMTP dies with its transaction: the row is still "claimed"
  and nothing was delivered (an SMTP server discards a transaction whose data
  never ended);
- the one window left is the instant between the SMTP server's "250 OK" and our
  COMMIT. We accept a possible duplicate there rather than a possibly lost digest
  for every kill during the far longer SMTP conversation. The Message-ID is fixed
  per delivery, so a repeat carries the same Message-ID as the first copy;
- on PostgreSQL that COMMIT does not wait for the disk (synchronous_commit off,
  for these transactions only). A worker's death loses nothing by it: the database
  server still writes its log. Only a crash of the database server itself may lose
  the marks of its last moments (at most three times wal_writer_delay, 0.6 s by
  default); those digests are then claimed again after RECLAIM_AFTER and sent a
  second time, with the same Message-ID. A duplicate in that rare case, never a
  lost digest, for not waiting about 4 ms on every message.

Failures, per recipient (RFC 5321: 4xx is temporary, 5xx permanent):

- a 5xx reply to RCPT (the address) marks the row refused and the subscription
  refused (no digest goes to it until it is confirmed again); a 5xx reply to DATA
  (this message) marks the row refused. Neither is tried again;
- a 4xx reply (greylisting, a full mailbox) marks the row failed with a time to
  try again (mailing.RETRY_BACKOFF, growing with its attempts); the catch-up takes
  it up then, until MAX_ATTEMPTS;
- either way the batch goes on with the next recipient. Only a mail server that
  cannot be reached or drops the connection ends the batch: its unsent rows are
  then failed, each with its attempt counted and its time to try again.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language

from contributions.models import Initiative, Resource
from core.sql import id_list
from outbox.emails import in_language, supported_language
from pathway.models import Stage

from .digest import (
    Digest,
    Item,
    Window,
    candidates,
    digest_for,
    new_items,
    previous_period_start,
)
from .fanout import insert_claims
from .ledger import SENDABLE, AtomicLedger, ChainedLedger, ledger
from .mailing import (
    MAX_ATTEMPTS,
    SMTP_ERRORS,
    Interrupted,
    Outcome,
    Sender,
    backoff,
    outcome_of,
)
from .matcher import WindowMatcher
from .models import DigestDelivery, Subscription, kinds_wanted
from .rendering import Prepared, Renderer, message_id

logger = logging.getLogger(__name__)

RENEW_CLAIMS_EVERY = timedelta(minutes=1)

FINISHED = (
    DigestDelivery.Status.SENT,
    DigestDelivery.Status.SKIPPED_EMPTY,
    DigestDelivery.Status.REFUSED,
)


# Sending a batch -----------------------------------------------------------------


@dataclass
class Recipient:
    subscription_id: int
    email: str
    token: str
    query: str
    kinds: tuple[str, ...]
    window: Window
    delivery_id: int = 0
    attempts: int = 0
    language: str = settings.LANGUAGE_CODE


@dataclass
class BatchResult:
    sent: int = 0
    skipped_empty: int = 0
    refused: int = 0
    deferred: int = 0
    already_done: int = 0


def claim(frequency: str, period: date, subscription_ids: list[int]) -> list[Recipient]:
    """Claim the period's delivery row of each subscription still due, and return
    the recipients whose rows are still to send."""
    subscriptions = list(
        Subscription.objects.receiving(frequency, period)
        .filter(pk__in=id_list(subscription_ids, Subscription))
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
            "language",
            "last_period",
        )
        .order_by("pk")
    )
    if not subscriptions:
        return []
    ids = [row["pk"] for row in subscriptions]
    now = timezone.now()
    insert_claims(period, ids, now)
    # This batch's claims: renewed now, and not a failed row whose time has not come.
    waiting = Q(status=DigestDelivery.Status.FAILED, retry_at__gt=now)
    mine = DigestDelivery.objects.filter(
        period_start=period,
        subscription_id__in=id_list(ids, DigestDelivery),
        status__in=SENDABLE,
        attempts__lt=MAX_ATTEMPTS,
    ).exclude(waiting)
    mine.filter(status=DigestDelivery.Status.CLAIMED).update(claimed_at=now)
    deliveries = {
        subscription: (pk, attempts)
        for subscription, pk, attempts in mine.values_list("subscription_id", "pk", "attempts")
    }
    natural_start = previous_period_start(frequency, period)
    windows: dict[date, Window] = {}
    languages: dict[str, str] = {}
    recipients = []
    for row in subscriptions:
        if row["pk"] not in deliveries:
            continue
        start = max(natural_start, row["last_period"] or natural_start)
        if start not in windows:
            windows[start] = Window(frequency, period, start)
        if row["language"] not in languages:
            languages[row["language"]] = supported_language(row["language"])
        recipients.append(
            Recipient(
                subscription_id=row["pk"],
                email=row["email"],
                token=row["token"],
                query=row["query"],
                kinds=kinds_wanted(row["include_resources"], row["include_initiatives"]),
                window=windows[start],
                delivery_id=deliveries[row["pk"]][0],
                attempts=deliveries[row["pk"]][1],
                language=languages[row["language"]],
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
    # Matches each distinct query by its parts, each part once (matcher.py).
    matcher: WindowMatcher
    # {(kind, library query): what the library lists}, each matched once.
    listings: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict)
    # {(library query, kinds): its digest}.
    digests: dict[tuple[str, tuple[str, ...]], Digest] = field(default_factory=dict)

    def listed(self, kind: str, query: str) -> frozenset[int]:
        if (kind, query) not in self.listings:
            self.listings[(kind, query)] = self.matcher.listed(kind, query)
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
            window,
            new_items(window.start_at, window.end_at),
            Renderer(window),
            WindowMatcher(window),
        )
    return WINDOW_CACHE[key]


def prepare(recipients: list[Recipient]) -> dict[int, Prepared | None]:
    """Each recipient's shared rendering (None for an empty digest), computing each
    window's items, each distinct query's digest and each digest's rendering once."""
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    windows: dict[tuple[Window, str], WindowContent] = {}
    renderings: dict[tuple, Prepared | None] = {}
    prepared = {}
    by_language: dict[str, list[Recipient]] = {}
    for recipient in recipients:
        by_language.setdefault(recipient.language, []).append(recipient)
    # Each digest in its subscriber's language: its items, links and frame are read
    # and rendered under it, once per window and language (switched once per
    # language in the batch, not once per subscriber).
    for language, speakers in by_language.items():
        with in_language(language):
            for recipient in speakers:
                key = (recipient.window, language)
                if key not in windows:
                    windows[key] = window_content(recipient.window)
                content = windows[key]
                digest = content.digest(recipient.query, recipient.kinds, stages)
                rendering = (*key, digest.key)
                if rendering not in renderings:
                    renderings[rendering] = (
                        None if digest.is_empty else content.renderer.render(digest)
                    )
                prepared[recipient.delivery_id] = renderings[rendering]
    return prepared


def send_batch(frequency: str, period: date, subscription_ids: list[int]) -> BatchResult:
    """Claim, build and send the period's digests of these subscriptions, one
    recipient at a time; a recipient's failure is recorded and the batch goes on.
    Only an unreachable mail server ends it early: its unsent rows are then failed,
    to be tried again after their back-off."""
    result = BatchResult()
    recipients = claim(frequency, period, subscription_ids)
    if not recipients:
        return result
    prepared = prepare(recipients)
    empty = [pk for pk, message in prepared.items() if message is None]
    if empty:
        result.skipped_empty = DigestDelivery.objects.filter(
            pk__in=id_list(empty, DigestDelivery), status__in=SENDABLE
        ).update(status=DigestDelivery.Status.SKIPPED_EMPTY, last_error="", retry_at=None)
    to_send = [r for r in recipients if prepared[r.delivery_id] is not None]
    unsent = {r.delivery_id: r for r in to_send}
    renewed = time.monotonic()
    try:
        with mailers.default as mail_connection:
            sender = Sender(mail_connection)
            # Chained transactions only around SMTP conversations: any other
            # mailer might use the database connection in the middle of one.
            with ledger(chained=sender.smtp) as rows:
                for recipient in to_send:
                    if time.monotonic() - renewed > RENEW_CLAIMS_EVERY.total_seconds():
                        rows.commit()
                        renew_claims(list(unsent))
                        renewed = time.monotonic()
                    del unsent[recipient.delivery_id]
                    shared = prepared[recipient.delivery_id]
                    count(result, send_one(sender, rows, recipient, shared, period))
    except (Interrupted, *SMTP_ERRORS) as error:
        reason = describe(error.__cause__ or error)
        logger.warning("Digest batch of %s interrupted: %s", period, reason)
        result.deferred += defer(list(unsent.values()), reason)
    return result


def count(result: BatchResult, outcome: str) -> None:
    match outcome:
        case Outcome.SENT:
            result.sent += 1
        case Outcome.REFUSED | Outcome.REFUSED_ADDRESS:
            result.refused += 1
        case Outcome.DEFERRED:
            result.deferred += 1
        case _:
            result.already_done += 1


def send_one(
    sender: Sender,
    rows: AtomicLedger | ChainedLedger,
    recipient: Recipient,
    shared: Prepared,
    period: date,
) -> str:
    """Send one digest in one transaction that holds its delivery row, and record
    how it went; see the module docstring for why, and ledger.py for how. Raises
    Interrupted (after recording the attempt) when the mail server is out of reach."""
    now = timezone.now()
    # The take locks the row until COMMIT and re-checks, after any other holder's
    # COMMIT, that it is still unsent and its subscriber still wants it.
    with rows.message(recipient.delivery_id, recipient.subscription_id, now) as taken:
        if not taken:
            return Outcome.DONE
        error_text, retry_at, failure = "", None, None
        try:
            sender.send(shared, recipient, message_id(recipient.delivery_id, period))
        except SMTP_ERRORS as error:
            outcome, error_text = outcome_of(error), describe(error)
            failure = error
        else:
            outcome = Outcome.SENT
        if outcome in (Outcome.DEFERRED, Outcome.INTERRUPTED):
            retry_at = now + backoff(recipient.attempts + 1)
        status = {
            Outcome.SENT: DigestDelivery.Status.SENT,
            Outcome.REFUSED: DigestDelivery.Status.REFUSED,
            Outcome.REFUSED_ADDRESS: DigestDelivery.Status.REFUSED,
        }.get(outcome, DigestDelivery.Status.FAILED)
        rows.mark(
            recipient.delivery_id,
            recipient.subscription_id,
            status=status,
            claimed_at=now,
            sent_at=timezone.now() if outcome == Outcome.SENT else None,
            error=error_text,
            retry_at=retry_at,
            refused_at=now if outcome == Outcome.REFUSED_ADDRESS else None,
        )
    if outcome != Outcome.SENT:
        logger.warning("Digest %s %s: %s", recipient.delivery_id, outcome, error_text)
    if outcome == Outcome.INTERRUPTED:
        raise Interrupted(error_text) from failure
    return outcome


def renew_claims(delivery_ids: list[int]) -> None:
    """Tell the catch-up that this batch is alive and still holds these rows."""
    DigestDelivery.objects.filter(
        pk__in=id_list(delivery_ids, DigestDelivery), status=DigestDelivery.Status.CLAIMED
    ).update(claimed_at=timezone.now())


def defer(recipients: list[Recipient], reason: str) -> int:
    """The mail server failed the batch: each row it did not reach counts the
    attempt and waits for its back-off. Returns how many rows were deferred."""
    now = timezone.now()
    deferred = 0
    by_attempts: dict[int, list[int]] = {}
    for recipient in recipients:
        by_attempts.setdefault(recipient.attempts, []).append(recipient.delivery_id)
    for attempts, ids in by_attempts.items():
        deferred += DigestDelivery.objects.filter(
            pk__in=id_list(ids, DigestDelivery), status__in=SENDABLE, attempts=attempts
        ).update(
            status=DigestDelivery.Status.FAILED,
            attempts=attempts + 1,
            retry_at=now + backoff(attempts + 1),
            last_error=reason[:2000],
        )
    return deferred


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:2000]
