"""Email digests: who wants to hear about what, and a record of every digest sent.

A Subscription is an email address, a library query (the filters of the
library view it was made from, as a normalised query string: see
contributions.filters.LibraryQuery), the kinds of contribution it wants and a
frequency. Its digest holds what the library lists for that query among the items
new or updated in the period. It is double opt-in: nothing is sent before
`confirmed_at` is set from the emailed link.

A DigestDelivery is one (subscription, period) pair. Its unique constraint is what
makes a digest go out at most once per period whatever runs twice; its status
says how far the send got (see digests/sending.py for the whole protocol).
"""

import functools
import secrets
from datetime import UTC, date, datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from contributions.filters import LibraryQuery
from core import retention
from outbox import emails

# Unconfirmed subscriptions, and the links that would confirm them, expire after this:
# the period the privacy notice gives (settings.PERSONAL_DATA_RETENTION_DAYS).
CONFIRMATION_VALID_FOR = retention.period(retention.UNCONFIRMED_SUBSCRIPTION)
CONFIRM_SALT = "digests.confirm"
MANAGE_SALT = "digests.manage"

# The kinds of contribution a subscription can want, as digests name them.
KINDS = ("resource", "initiative")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly, on Monday morning")
    MONTHLY = "monthly", _("Monthly, on the 1st")


class SubscriptionQuerySet(models.QuerySet):
    def active(self) -> "SubscriptionQuerySet":
        """Confirmed and not unsubscribed (paused ones included)."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def not_unsubscribed(self) -> "SubscriptionQuerySet":
        return self.filter(unsubscribed_at__isnull=True)

    def with_email(self, email: str) -> "SubscriptionQuerySet":
        return self.annotate(email_lower=Lower("email")).filter(email_lower=email.lower())

    def receiving(self, frequency: str, period_start: date) -> "SubscriptionQuerySet":
        """Who should get the digest of this period: confirmed before it began,
        neither paused nor unsubscribed nor refused by their mail server, at this
        frequency."""
        return self.active().filter(
            paused=False,
            refused_at__isnull=True,
            frequency=frequency,
            confirmed_at__lt=start_of_day(period_start),
        )

    def subscribe(self, email: str, interests: dict, user=None) -> "Subscription":
        """Ask for a subscription: create it (or update one still unconfirmed) and
        email the confirmation link. For an address already confirmed, change
        nothing and email it a link to its settings instead. Either way the caller
        learns nothing about whether the address was subscribed.

        `interests` holds field values: frequency, query and the kinds.
        """
        email = email.strip()
        owner = user if user is not None and user.is_authenticated else None
        if owner is not None and owner.email.lower() != email.lower():
            owner = None  # someone else's address: it is theirs to confirm, not the account's
        for _attempt in range(2):
            try:
                with transaction.atomic():
                    subscription = (
                        self.not_unsubscribed().with_email(email).select_for_update().first()
                    )
                    if subscription is not None and subscription.is_receiving_mail:
                        subscription.send_already_subscribed()
                        return subscription
                    if subscription is None:
                        subscription = self.create(email=email, user=owner, **interests)
                    else:
                        for name, value in interests.items():
                            setattr(subscription, name, value)
                        subscription.user = owner or subscription.user
                        subscription.confirmation_sent_at = timezone.now()
                        subscription.save()
                    subscription.send_confirmation()
                    return subscription
            except IntegrityError:
                # A simultaneous request created the same address first; go again,
                # now finding it.
                continue
        raise RuntimeError(f"Could not subscribe {email!r}")

    def expired(self, now: datetime | None = None) -> "SubscriptionQuerySet":
        """Never confirmed, and the last confirmation link has run out."""
        now = now or timezone.now()
        return self.filter(
            confirmed_at__isnull=True,
            confirmation_sent_at__lt=now - CONFIRMATION_VALID_FOR,
        )


class Subscription(models.Model):
    email = models.EmailField(_("email address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="digest_subscriptions",
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    # What the digest holds: what the library lists for this query string (empty:
    # everything), normalised by LibraryQuery so that equal queries are equal strings.
    query = models.TextField(
        _("library query"),
        blank=True,
        help_text=_("The library filters, as in /resources/?<query>, without page or sort."),
    )
    include_resources = models.BooleanField(_("resources"), default=True)
    include_initiatives = models.BooleanField(_("initiatives"), default=True)
    # The language its emails are written in: the page's when it was created.
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the digest and of our emails about it."),
    )

    # Random and secret: manage and confirmation links carry it, signed.
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    paused = models.BooleanField(_("paused"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # The mail server refused the address for good (a 5xx reply to RCPT): no digest
    # goes to it until its owner subscribes and confirms it again.
    refused_at = models.DateTimeField(_("address refused"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            # One live subscription per address, whatever its case; unsubscribed
            # ones stay as history and do not block subscribing again.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(unsubscribed_at__isnull=True),
                name="digests_subscription_live_email_ci_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(include_resources=True) | models.Q(include_initiatives=True),
                name="digests_subscription_some_kind",
            ),
        ]
        indexes = [
            models.Index(
                fields=["frequency", "confirmed_at"],
                condition=models.Q(unsubscribed_at__isnull=True, paused=False),
                name="digests_subscription_due",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def get_absolute_url(self) -> str:
        return self.manage_url()

    def frequency_in_sentence(self) -> str:
        """The frequency as it reads inside a sentence ("weekly, on Monday morning"):
        the day's name comes from the active locale, which knows its capitalisation,
        where lower-casing the choice's label gave "monday"."""
        if self.frequency == Frequency.WEEKLY:
            # 1 January 2024 was a Monday.
            monday = formats.date_format(date(2024, 1, 1), "l")
            return pgettext("digest frequency", "weekly, on %(day)s morning") % {"day": monday}
        return gettext("monthly, on the 1st")

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_receiving_mail(self) -> bool:
        """Confirmed, and its mail server has not refused the address since."""
        return self.is_confirmed and self.refused_at is None

    @property
    def is_active(self) -> bool:
        return self.is_confirmed and self.unsubscribed_at is None

    @property
    def kinds(self) -> tuple[str, ...]:
        return kinds_wanted(self.include_resources, self.include_initiatives)

    def library_query(self) -> LibraryQuery:
        """The stored query as the library reads it today, with readable labels."""
        return LibraryQuery.parse(self.query)

    def confirm_token(self) -> str:
        """Signed with the time, so the link expires with CONFIRMATION_VALID_FOR."""
        return signing.TimestampSigner(salt=CONFIRM_SALT).sign(self.token)

    def manage_token(self) -> str:
        """Signed, without expiry: digests stay in inboxes for years."""
        return manage_token(self.token)

    def confirm_url(self) -> str:
        return reverse("digests:confirm", args=[self.confirm_token()])

    def manage_url(self) -> str:
        return reverse("digests:manage", args=[self.manage_token()])

    def unsubscribe_url(self) -> str:
        return reverse("digests:unsubscribe", args=[self.manage_token()])

    def confirm(self) -> None:
        """Confirm the address, and so that it accepts mail again if it was refused."""
        if self.confirmed_at is None or self.refused_at is not None:
            self.confirmed_at = timezone.now()
            self.refused_at = None
            self.save(update_fields=["confirmed_at", "refused_at"])

    def forget(self) -> None:
        """Delete the subscription with every record of the digests sent for it
        (its deliveries go with it): the subscriber's right to erasure."""
        self.delete()

    def unsubscribe(self) -> None:
        if self.unsubscribed_at is None:
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["unsubscribed_at"])

    def send_confirmation(self) -> None:
        language = emails.language_of(self)
        with emails.in_language(language):
            emails.queue(
                "subscription_confirm",
                self.email,
                {
                    "subscription": self,
                    "confirm_url": emails.absolute_url(self.confirm_url()),
                    "valid_days": CONFIRMATION_VALID_FOR.days,
                },
                language=language,
            )

    def send_already_subscribed(self) -> None:
        language = emails.language_of(self)
        with emails.in_language(language):
            unsubscribe_url = emails.absolute_url(self.unsubscribe_url())
            emails.queue(
                "subscription_exists",
                self.email,
                {
                    "subscription": self,
                    "manage_url": emails.absolute_url(self.manage_url()),
                    "unsubscribe_url": unsubscribe_url,
                },
                unsubscribe_url=unsubscribe_url,
                language=language,
            )


@functools.cache
def kinds_wanted(include_resources: bool, include_initiatives: bool) -> tuple[str, ...]:
    return tuple(
        kind
        for kind, wanted in zip(KINDS, (include_resources, include_initiatives), strict=True)
        if wanted
    )


def manage_token(token: str) -> str:
    return manage_signer(settings.SECRET_KEY).sign(token)


@functools.lru_cache(maxsize=1)
def manage_signer(key: str) -> signing.Signer:
    """One signer for every token signed with `key`: a digest run signs one per
    message, and making the signer took as long as signing."""
    return signing.Signer(key=key, salt=MANAGE_SALT)


def start_of_day(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class DigestDelivery(models.Model):
    """One subscription's digest for one period, and how its sending went."""

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Claimed for sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED_EMPTY = "skipped_empty", _("Nothing new, not sent")
        # The mail server refused the address for good: not retried.
        REFUSED = "refused", _("Refused by the mail server")

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    period_start = models.DateField(_("period starting"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.CLAIMED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When the row was claimed, or its claim last renewed by the batch holding it:
    # a claim older than fanout.RECLAIM_AFTER belongs to a dead worker.
    claimed_at = models.DateTimeField(_("claimed"), default=timezone.now)
    # A failed row is tried again from this time on (back-off, sending.RETRY_BACKOFF).
    retry_at = models.DateTimeField(_("next try"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period_start"], name="digests_delivery_once_per_period"
            ),
        ]
        indexes = [models.Index(fields=["period_start", "status"])]

    def __str__(self) -> str:
        return f"{self.subscription} · {self.period_start:%Y-%m-%d} · {self.get_status_display()}"
