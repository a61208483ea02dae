"""After restoring a backup: mark the digests due now as sent, so none goes twice.

A backup holds the DigestDelivery rows of its own moment. Restored, it has forgotten
every digest sent since, and the hourly catch-up would send the current period's
digests again to everyone who already has them. Run this after the restore and
before starting beat and the workers (README, "Backups"):

    python manage.py mark_digests_sent

For each frequency it takes the period whose digest is due now and marks every
subscriber's delivery of it as sent, unless it is already finished (sent, skipped
as empty, refused). Rows it marks have no sending time (`sent_at` empty), which
tells them apart in the admin. The cost is the other way round: a subscriber whose
digest had not gone out before the failure misses this period's (the next one comes
as usual). Run it again and it changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from digests.digest import current_period
from digests.mailing import MAX_ATTEMPTS
from digests.models import DigestDelivery, Frequency, Subscription

Status = DigestDelivery.Status
UNFINISHED = (Status.CLAIMED, Status.FAILED)


class Command(BaseCommand):
    help = "Mark the digests due now as sent (after restoring a backup), so none goes twice."

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        for frequency in Frequency.values:
            period = current_period(frequency, now)
            with transaction.atomic():
                receiving = Subscription.objects.receiving(frequency, period)
                updated = (
                    DigestDelivery.objects.filter(
                        period_start=period, status__in=UNFINISHED, subscription__in=receiving
                    )
                    .exclude(attempts__gte=MAX_ATTEMPTS)  # failed for good: left as it is
                    .update(status=Status.SENT, sent_at=None)
                )
                missing = receiving.exclude(deliveries__period_start=period).values_list(
                    "pk", flat=True
                )
                created = DigestDelivery.objects.bulk_create(
                    [
                        DigestDelivery(subscription_id=pk, period_start=period, status=Status.SENT)
                        for pk in missing
                    ],
                    ignore_conflicts=True,
                )
            self.stdout.write(
                f"{frequency} digests of the period starting {period:%Y-%m-%d}: "
                f"{len(created) + updated} marked sent "
                f"({updated} were claimed or failed, {len(created)} not yet started)."
            )
