"""Celery tasks for digests. The beat schedule in settings runs `send_digests` on
Monday morning (weekly), on the 1st (monthly) and hourly as a catch-up, and
`delete_expired_subscriptions` daily. Tasks take ids and dates, never objects."""

import logging
from datetime import date

from celery import shared_task

from . import digest, sending
from .models import Frequency, Subscription

logger = logging.getLogger(__name__)

# Backoff between tries of a batch, in seconds. Every countdown stays well below the
# Redis broker's visibility timeout (CELERY_BROKER_TRANSPORT_OPTIONS, one hour):
# a task held longer than that is handed to another worker, duplicating it.
RETRY_COUNTDOWNS = (30, 120, 600, 1800)


@shared_task
def send_digests(frequency: str | None = None, period: str | None = None) -> int:
    """Fan out the digests due now (or of a past `period`, an ISO date) in batches.

    Safe to run at any time and any number of times: it selects only who has no
    finished delivery for the period. Returns how many subscriptions it dispatched.
    """
    frequencies = [frequency] if frequency else list(Frequency.values)
    return sum(dispatch(chosen, chosen_period(chosen, period)) for chosen in frequencies)


def dispatch(frequency: str, period: date, queue: str | None = None) -> int:
    """Select who is due (one query) and enqueue their batches."""
    ids = sending.due_subscription_ids(frequency, period)
    for batch in sending.batches(ids):
        send_digest_batch.apply_async((frequency, period.isoformat(), batch), queue=queue)
    logger.info("Dispatched %d %s digests for %s", len(ids), frequency, period)
    return len(ids)


def chosen_period(frequency: str, period: str | None) -> date:
    if frequency not in Frequency.values:
        raise ValueError(f"Unknown digest frequency {frequency!r}.")
    current = digest.current_period(frequency)
    if period is None:
        return current
    start = date.fromisoformat(period)
    if not digest.is_period_start(frequency, start):
        raise ValueError(f"{period} does not start a {frequency} period.")
    if start > current:
        raise ValueError(f"The {frequency} digest of {period} is not due yet.")
    return start


@shared_task(bind=True, max_retries=len(RETRY_COUNTDOWNS))
def send_digest_batch(self, frequency: str, period: str, subscription_ids: list[int]) -> dict:
    """Send one batch's digests. A re-run sends only what is still unsent."""
    start = date.fromisoformat(period)
    try:
        result = sending.send_batch(frequency, start, subscription_ids)
    except sending.DeliveryInterrupted as interruption:
        tries = self.request.retries
        if tries >= len(RETRY_COUNTDOWNS):
            failed = sending.give_up(start, subscription_ids, str(interruption))
            logger.error("Giving up on %d digests of %s: %s", failed, period, interruption)
            return {"failed": failed}
        raise self.retry(exc=interruption, countdown=RETRY_COUNTDOWNS[tries]) from interruption
    return vars(result)


@shared_task
def delete_expired_subscriptions() -> int:
    """Forget addresses that never confirmed within the week their link was valid."""
    _total, by_model = Subscription.objects.expired().delete()
    return by_model.get(Subscription._meta.label, 0)
