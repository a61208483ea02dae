"""Personal data kept no longer than the privacy notice says: the daily
`expire_personal_data` (beat schedule in settings) deletes sign-ups never verified,
subscriptions never confirmed and old contact messages, after the periods of
settings.PERSONAL_DATA_RETENTION_DAYS, which the notice quotes."""

from celery import shared_task

from accounts.models import User
from digests.models import Subscription
from sitepages.models import ContactMessage


@shared_task
def expire_personal_data() -> dict[str, int]:
    """Delete what has expired; returns how many of each were deleted. Running it
    twice deletes nothing the second time."""
    expired = {
        "unconfirmed_accounts": User.objects.unconfirmed(),
        "unconfirmed_subscriptions": Subscription.objects.expired(),
        "contact_messages": ContactMessage.objects.expired(),
    }
    counts = {}
    for name, queryset in expired.items():
        _total, by_model = queryset.delete()
        counts[name] = by_model.get(queryset.model._meta.label, 0)
    return counts
