"""Every notification the portal sends is first written here, in the same
transaction as the change that caused it, then sent by a Celery task. If the
broker or the mail server is down, the row waits and a periodic sweep sends it
later: nothing the portal promised to send is lost, and nothing is sent twice.

A failed attempt schedules the next one (RETRY_DELAYS, then every 6 hours), until
the message is GIVE_UP_AFTER old: a mail server down over a weekend costs a delay,
not the message. Only then is it marked failed, which the admin lists and the
curators' daily summary reports."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A message never tried is left this long to the task queued with it, before the
# sweep sends it (the broker was down, or the task was lost).
UNTRIED_GRACE = timedelta(minutes=2)
# Waits after the 1st, 2nd, ... failed attempt; the last one repeats. The sweep runs
# every 5 minutes, so shorter waits would not be kept.
RETRY_DELAYS = tuple(timedelta(minutes=minutes) for minutes in (5, 15, 30, 60, 120, 240, 360))
GIVE_UP_AFTER = timedelta(days=3)


class OutgoingEmailQuerySet(models.QuerySet):
    def sendable(self, now: datetime | None = None) -> "OutgoingEmailQuerySet":
        """Pending messages that may be tried now: never tried, or their retry is due."""
        now = now or timezone.now()
        return self.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            status=OutgoingEmail.Status.PENDING,
        )

    def due(self, now: datetime | None = None) -> "OutgoingEmailQuerySet":
        """What the sweep sends, oldest first: messages never tried that nobody picked
        up for a while, and retries whose time has come. Not a message waiting for
        its retry, nor one that has just been written and whose task is on its way."""
        now = now or timezone.now()
        return (
            self.sendable(now)
            .exclude(next_attempt_at__isnull=True, created_at__gt=now - UNTRIED_GRACE)
            .order_by("created_at", "pk")
        )

    def given_up_since(self, moment: datetime) -> "OutgoingEmailQuerySet":
        return self.filter(status=OutgoingEmail.Status.FAILED, last_attempt_at__gte=moment)


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template = models.CharField(_("template"), max_length=100)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text part"))
    html = models.TextField(_("HTML part"))
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    # Set after a failed attempt: neither the sweep nor a stray task tries it earlier.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"

    def record_failure(self, error: str, now: datetime) -> None:
        """Note a failed attempt and when to try again, or give up once the next
        try would come later than GIVE_UP_AFTER after the message was written."""
        self.last_error = error[:2000]
        self.last_attempt_at = now
        delay = RETRY_DELAYS[min(self.attempts, len(RETRY_DELAYS)) - 1]
        if now + delay - self.created_at > GIVE_UP_AFTER:
            self.status = self.Status.FAILED
            self.next_attempt_at = None
        else:
            self.next_attempt_at = now + delay
