"""How long the portal keeps personal data nobody confirmed or still needs.

The numbers live in settings.PERSONAL_DATA_RETENTION_DAYS; the privacy notice shows
them and the expiry task (portal/tasks.py) applies them, both through these helpers,
which sit in core so that every app keeping such data reads the same numbers.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

UNCONFIRMED_ACCOUNT = "unconfirmed_account"
UNCONFIRMED_SUBSCRIPTION = "unconfirmed_subscription"
CONTACT_MESSAGE = "contact_message"


def days(kind: str) -> int:
    return settings.PERSONAL_DATA_RETENTION_DAYS[kind]


def period(kind: str) -> timedelta:
    return timedelta(days=days(kind))


def cutoff(kind: str, now: datetime | None = None) -> datetime:
    """Data of `kind` older than this is no longer kept."""
    return (now or timezone.now()) - period(kind)
