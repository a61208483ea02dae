"""Who acts on the pathway: stakeholder groups, their organisations and the
people who act for an organisation (memberships approved by curators)."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from accounts.models import User


class StakeholderGroup(models.Model):
    """A kind of actor: patients & advocacy, clinicians, payers, regulators, ..."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def verified(self) -> "OrganisationQuerySet":
        return self.filter(verified=True)


class Organisation(models.Model):
    """A partner organisation. Unverified ones were proposed by a user and await a curator."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("stakeholder group"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    country = models.ForeignKey(
        "pathway.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        help_text=_("Where it is based. Leave empty for international organisations."),
    )
    website = models.URLField(_("website"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Checked by a curator and shown publicly.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["verified", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stakeholders:organisation", args=[self.slug])


class MembershipQuerySet(models.QuerySet):
    def approved(self) -> "MembershipQuerySet":
        return self.filter(status=Membership.Status.APPROVED)


class Membership(models.Model):
    """A user acting for an organisation. Only approved members may act for it."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        EDITOR = "editor", _("Editor")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.get_role_display()})"

    def approve(self, by: "User") -> None:
        """Let the user act for the organisation, recording which curator decided."""
        self.status = self.Status.APPROVED
        self.decided_by = by
        self.decided_at = timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])

    def decline(self, by: "User") -> None:
        """Refuse (or withdraw) the user's right to act for the organisation."""
        self.status = self.Status.DECLINED
        self.decided_by = by
        self.decided_at = timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])
