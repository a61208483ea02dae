from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core import retention
from outbox import emails

MAX_MESSAGE_LENGTH = 5000


class Topic(models.TextChoices):
    QUESTION = "question", _("A question about the portal")
    CONTENT = "content", _("A mistake or missing information in the content")
    ORGANISATION = "organisation", _("My organisation, joining or contributing")
    PRIVACY = "privacy", _("My personal data or privacy")
    ACCESSIBILITY = "accessibility", _("Something hard to use or read (accessibility)")
    OTHER = "other", _("Something else")


class ContactMessageQuerySet(models.QuerySet):
    def expired(self, now: datetime | None = None) -> "ContactMessageQuerySet":
        """Messages older than the privacy notice says they are kept."""
        return self.filter(created_at__lt=retention.cutoff(retention.CONTACT_MESSAGE, now))

    def of(self, user: User) -> "ContactMessageQuerySet":
        """What a person sent: signed in, or from their account's address."""
        return self.filter(models.Q(user=user) | models.Q(email__iexact=user.email))


class ContactMessage(models.Model):
    """A message sent through the contact form. Curators read it in the admin and
    answer by email; it is deleted after the period the privacy notice gives."""

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email address"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_messages",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.get_topic_display()} — {self.name}"

    @classmethod
    def receive(cls, **fields) -> "ContactMessage":
        """Store a message and, in the same transaction, the emails about it: one to
        each curator in their language, and a copy to the sender in theirs."""
        with transaction.atomic():
            message = cls.objects.create(**fields)
            context = {"contact": message}
            for curator in User.objects.curators().exclude(email=""):
                language = emails.language_of(curator)
                with emails.in_language(language):
                    emails.queue(
                        "contact_received",
                        curator.email,
                        {**context, "admin_url": emails.absolute_url(message.admin_path())},
                        language=language,
                        headers={"Reply-To": message.email},
                    )
            with emails.in_language(message.language):
                emails.queue("contact_copy", message.email, context, language=message.language)
        return message

    def admin_path(self) -> str:
        return reverse("admin:sitepages_contactmessage_change", args=[self.pk])
