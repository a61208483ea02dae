import logging
import smtplib

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .emails import enqueue, message_from_row
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# The sweep's share of the queue per run; the beat runs it every 5 minutes.
SWEEP_SIZE = 500


@shared_task
def send_email(email_id: int) -> None:
    """Send one queued email. Running it twice for the same row sends it once, and
    running it before the row's retry is due does nothing: retries are scheduled on
    the row (OutgoingEmail.record_failure) and sent by the sweep."""
    now = timezone.now()
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .sendable(now)
            .filter(pk=email_id)
            .first()
        )
        if email is None:
            return  # sent, given up on, waiting for its retry, or being sent elsewhere
        email.attempts += 1
        try:
            message_from_row(email).send()
        except (smtplib.SMTPException, OSError) as error:
            email.record_failure(f"{type(error).__name__}: {error}", now)
            if email.status == OutgoingEmail.Status.FAILED:
                logger.error(
                    "Giving up on email %s after %d attempts: %s",
                    email.pk,
                    email.attempts,
                    email.last_error,
                )
            else:
                logger.warning(
                    "Email %s not sent (%s); next attempt at %s",
                    email.pk,
                    email.last_error,
                    email.next_attempt_at,
                )
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = email.last_attempt_at = now
            email.next_attempt_at = None
        email.save(
            update_fields=[
                "attempts",
                "status",
                "last_error",
                "last_attempt_at",
                "next_attempt_at",
                "sent_at",
            ]
        )


@shared_task
def send_pending_emails() -> int:
    """Enqueue, oldest first, the emails nobody picked up (the broker was down) and
    those whose retry is due."""
    ids = list(OutgoingEmail.objects.due().values_list("pk", flat=True)[:SWEEP_SIZE])
    for email_id in ids:
        enqueue(send_email, email_id)
    return len(ids)
