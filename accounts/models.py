import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import retention

MAX_DISPLAY_NAME_LENGTH = 100


class PortalUserManager(UserManager):
    def curators(self) -> models.QuerySet:
        """Active curators: members of the Curators group, and superusers. The one
        query for "who curates"; `User.is_curator` is the same rule for one user."""
        return self.filter(
            models.Q(is_superuser=True) | models.Q(groups__name=CURATORS_GROUP), is_active=True
        ).distinct()

    def unconfirmed(self, now: datetime | None = None) -> models.QuerySet:
        """Sign-ups whose address was never verified within the period the privacy
        notice gives. Only accounts made by signing up have an address to verify:
        users an admin created without one are left alone."""
        from allauth.account.models import EmailAddress

        addresses = EmailAddress.objects.filter(user=models.OuterRef("pk"))
        return self.filter(
            models.Exists(addresses.filter(verified=False)),
            ~models.Exists(addresses.filter(verified=True)),
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            date_joined__lt=retention.cutoff(retention.UNCONFIRMED_ACCOUNT, now),
        )


class User(AbstractUser):
    """A person with an account: a partner, a curator or an admin.

    Email is the identity people know; it is unique regardless of case.
    Curators are users in the "Curators" group (or superusers).
    """

    email = models.EmailField(_("email address"))
    # The name shown wherever the portal names a person (headers, emails, member
    # lists, moderation history, the API) instead of the username or address.
    display_name = models.CharField(
        _("display name"),
        max_length=MAX_DISPLAY_NAME_LENGTH,
        help_text=_("Your name as others on the portal see it, such as “Marta Nowak”."),
    )
    # The language of the emails the portal sends them; set at sign-up from the
    # page's language, changed on the profile page.
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails we send you."),
    )

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.username

    def get_full_name(self) -> str:
        """The display name: every template, email and serializer that names a
        person asks for this."""
        return self.display_name or super().get_full_name()

    def get_short_name(self) -> str:
        return self.get_full_name()

    @cached_property
    def is_curator(self) -> bool:
        """Whether this user curates, by the one rule: `User.objects.curators()`."""
        return User.objects.curators().filter(pk=self.pk).exists()


CURATORS_GROUP = "Curators"


# What every API key starts with, so that people (and secret scanners) recognise one.
API_TOKEN_MARKER = "ft3_"  # noqa: S105 (a public marker, not a secret)
# How much of a key is kept in clear to tell a user's keys apart: the marker and 8 characters.
API_TOKEN_PREFIX_LENGTH = len(API_TOKEN_MARKER) + 8
# A key's last use is recorded at most this often, so that scripts do not cause a write per call.
API_TOKEN_USE_RESOLUTION = timedelta(minutes=1)


class APIToken(models.Model):
    """A personal key a user's scripts send to the REST API instead of logging in.

    Only the SHA-256 digest of the key is stored: the key itself is shown once,
    when it is created, and cannot be recovered. Keys have 256 random bits, so a
    plain digest (no salt, no slow hash) is enough and keeps the lookup to one
    indexed query.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the key is for, such as a script's name.")
    )
    prefix = models.CharField(_("prefix"), max_length=API_TOKEN_PREFIX_LENGTH, editable=False)
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: "User", name: str) -> tuple["APIToken", str]:
        """Create a token for `user`; returns it with its key, which is never stored."""
        key = API_TOKEN_MARKER + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=key[:API_TOKEN_PREFIX_LENGTH],
            digest=cls.digest_of(key),
        )
        return token, key

    def record_use(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= API_TOKEN_USE_RESOLUTION:
            self.last_used_at = now
            APIToken.objects.filter(pk=self.pk).update(last_used_at=now)
