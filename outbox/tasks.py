import logging
import smtplib

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .emails import message_from_row
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Backoff between attempts, in seconds; every countdown stays well below the Redis
# broker's visibility timeout, or the broker would redeliver the task meanwhile.
RETRY_COUNTDOWNS = (30, 120, 300, 600)


@shared_task(bind=True, max_retries=None)
def send_email(self, email_id: int) -> None:
    """Send one queued email. Running it twice for the same row sends it once."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return  # already sent, given up on, or being sent by another worker
        email.attempts += 1
        try:
            message_from_row(email).send()
        except (smtplib.SMTPException, OSError) as error:
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
                logger.error("Giving up on email %s: %s", email.pk, email.last_error)
            email.save(update_fields=["attempts", "last_error", "status"])
            failure = error
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "status", "sent_at"])
            return
    if email.status == OutgoingEmail.Status.PENDING:
        countdown = RETRY_COUNTDOWNS[min(email.attempts, len(RETRY_COUNTDOWNS)) - 1]
        raise self.retry(exc=failure, countdown=countdown)


@shared_task
def send_pending_emails() -> int:
    """Enqueue emails that were never picked up, e.g. while the broker was down."""
    ids = list(OutgoingEmail.objects.due().values_list("pk", flat=True)[:500])
    for email_id in ids:
        send_email.delay(email_id)
    return len(ids)
