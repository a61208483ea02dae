"""Celery tasks for digests. The beat schedule in settings runs `send_digests` on
Monday morning (weekly), on the 1st (monthly) and every 5 minutes as a catch-up
(failed digests whose back-off is over, batches whose worker died). Unconfirmed
subscriptions expire with portal.tasks.expire_personal_data. Tasks take ids and
dates, never objects."""

import logging
from datetime import date

from celery import shared_task

from . import digest, fanout, sending
from .models import Frequency

logger = logging.getLogger(__name__)


@shared_task
def send_digests(frequency: str | None = None, period: str | None = None) -> int:
    """Fan out the digests due now (or of a past `period`, an ISO date) in batches.

    Safe to run at any time and any number of times: it selects only who has no
    finished delivery for the period. Returns how many subscriptions it dispatched.
    """
    frequencies = [frequency] if frequency else list(Frequency.values)
    return sum(dispatch(chosen, chosen_period(chosen, period)) for chosen in frequencies)


def dispatch(frequency: str, period: date, queue: str | None = None) -> int:
    """Claim the rows of everyone due (one statement on PostgreSQL) and enqueue
    their batches."""
    ids = fanout.claim_due(frequency, period)
    for batch in fanout.batches(ids):
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


@shared_task
def send_digest_batch(frequency: str, period: str, subscription_ids: list[int]) -> dict:
    """Send one batch's digests. A re-run sends only what is still unsent; what
    failed is tried again by a later catch-up, after its back-off (sending.py)."""
    return vars(sending.send_batch(frequency, date.fromisoformat(period), subscription_ids))
