"""Who acts on the pathway: stakeholder groups, their organisations and the
people who act for an organisation (memberships approved by curators)."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.translated_content import TranslatedModel
from outbox import emails

if TYPE_CHECKING:
    from accounts.models import User


# Slugs that would collide with pages under /organisations/.
RESERVED_SLUGS = frozenset({"new"})
# The stakeholder group whose organisations support patients by what they are.
PATIENT_GROUP = "patients-advocacy"
PHONE_CHARACTERS = frozenset("0123456789+ ()-./")


def validate_phone(value: str) -> None:
    """A telephone number as people write it: digits, an optional leading +, and
    spaces, brackets, dots, dashes or slashes between; 6 to 15 digits (E.164)."""
    digits = sum(ch.isdigit() for ch in value)
    if not set(value) <= PHONE_CHARACTERS or "+" in value[1:] or not 6 <= digits <= 15:
        raise ValidationError(
            _("Enter a telephone number with its area code, e.g. +44 20 7946 0123."),
            code="invalid_phone",
        )


class StakeholderGroup(TranslatedModel):
    """A kind of actor: patients & advocacy, clinicians, payers, regulators, ..."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=5000)
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

    def acted_for_by(self, user) -> "OrganisationQuerySet":
        """The organisations `user` is an approved member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user, memberships__status=Membership.Status.APPROVED
        ).distinct()

    def visible_to(self, user) -> "OrganisationQuerySet":
        """The organisations `user` may see, on the web, in the API and in filters.

        Verified organisations are public. A proposed (unverified) one is seen by
        curators, who decide on it, and by the people who proposed it or act for it
        (a pending or approved membership); to everyone else it does not exist.
        """
        if not user.is_authenticated:
            return self.verified()
        if user.is_curator:
            return self.all()
        theirs = Membership.objects.filter(user=user).exclude(status=Membership.Status.DECLINED)
        return self.filter(models.Q(verified=True) | models.Q(pk__in=theirs.values("organisation")))

    def supporting_patients(self) -> "OrganisationQuerySet":
        """Verified patient organisations, and other verified organisations that say
        they support patients and families: the support listed on country pages."""
        return self.verified().filter(
            models.Q(group__slug=PATIENT_GROUP) | models.Q(supports_patients=True)
        )

    def unique_slug(self, name: str) -> str:
        """A slug for `name` that no organisation has and no URL reserves."""
        base = slugify(name)[:190].strip("-") or "organisation"
        taken = set(
            self.filter(models.Q(slug=base) | models.Q(slug__startswith=f"{base}-")).values_list(
                "slug", flat=True
            )
        )
        taken |= RESERVED_SLUGS
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def propose(self, *, by: "User", **fields) -> "Organisation":
        """Create an unverified organisation, with `by` waiting to become its editor.

        A curator verifies it (which approves `by`) or declines the proposal.
        Proposing the same name twice (a double click) gives the first one back.
        """
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    # One person's proposals are made one at a time, so that two
                    # concurrent requests cannot both pass the check below.
                    get_user_model().objects.select_for_update().get(pk=by.pk)
                    earlier = self.filter(name__iexact=fields["name"], memberships__user=by).first()
                    if earlier is not None:
                        return earlier
                    organisation = self.create(
                        slug=self.unique_slug(fields["name"]), verified=False, **fields
                    )
                    Membership.objects.create(
                        user=by, organisation=organisation, role=Membership.Role.EDITOR
                    )
                    return organisation
            except IntegrityError:
                # Someone took the same slug between our check and our insert.
                continue
        raise IntegrityError(f"No free slug for an organisation named {fields['name']!r}.")


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
    description = models.TextField(_("description"), blank=True, max_length=2000)
    # Public contact details, shown to patients looking for support.
    # Columns added to a live table carry a database default, so that rows written by
    # code (or a migration) that predates them still insert.
    public_email = models.EmailField(
        _("public email"),
        blank=True,
        db_default="",
        help_text=_("An address for the public, shown on the portal, e.g. a helpline's."),
    )
    phone = models.CharField(
        _("public telephone"),
        max_length=30,
        blank=True,
        db_default="",
        validators=[validate_phone],
        help_text=_("A number for the public, with its country code, e.g. +44 20 7946 0123."),
    )
    supports_patients = models.BooleanField(
        _("supports patients and families"),
        default=False,
        db_default=False,
        help_text=_("Listed as support on its country's page. Patient organisations always are."),
    )
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
        return reverse("portal:organisation", args=[self.slug])

    @property
    def phone_link(self) -> str:
        """The phone number as a tel: link (RFC 3966: digits and a leading +)."""
        if not self.phone:
            return ""
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def has_contact(self) -> bool:
        return bool(self.website or self.public_email or self.phone)

    def is_member(self, user, role: str | None = None) -> bool:
        """Whether `user` may act for this organisation (as `role`, if given)."""
        if not user.is_authenticated:
            return False
        members = self.memberships.approved().filter(user=user)
        if role is not None:
            members = members.filter(role=role)
        return members.exists()

    def membership_of(self, user) -> "Membership | None":
        """`user`'s membership of this organisation in whatever state, if any."""
        if not user.is_authenticated:
            return None
        return self.memberships.filter(user=user).first()

    def request_membership(self, user: "User") -> tuple["Membership", bool]:
        """Ask for `user` to act for this organisation; True if a new request was made.

        A pending or approved membership stays as it is; a declined one goes back
        to pending, so people can ask again. The organisation's editors are told.
        """
        with transaction.atomic():
            membership, created = Membership.objects.select_for_update().get_or_create(
                user=user, organisation=self
            )
            if not created and membership.status != Membership.Status.DECLINED:
                return membership, False
            if not created:
                membership.status = Membership.Status.PENDING
                membership.role = Membership.Role.MEMBER
                membership.decided_by = None
                membership.decided_at = None
                # A renewed request joins the end of the queue.
                membership.created_at = timezone.now()
                membership.save()
            editors = self.memberships.approved().filter(role=Membership.Role.EDITOR)
            for editor in editors.select_related("user"):
                if not editor.user.email:
                    continue
                language = emails.language_of(editor.user)
                with emails.in_language(language):
                    emails.queue(
                        "membership_requested",
                        editor.user.email,
                        {
                            "editor": editor.user,
                            "requester": user,
                            "requester_label": (
                                f"{user.get_full_name()} ({user.email})"
                                if user.get_full_name()
                                else user.email
                            ),
                            "organisation": self,
                            "members_url": emails.absolute_url(self.get_members_url()),
                        },
                        language=language,
                    )
        return membership, True

    def get_members_url(self) -> str:
        return reverse("stakeholders:members", args=[self.slug])

    def verify(self, by: "User", note: str = "") -> bool:
        """Make a proposed organisation public; whoever proposed it becomes its editor
        and is told, with the curator's `note` if any. False, with nothing done, if it
        is verified already.

        The curation page, the admin's actions and approving a proposer's membership
        all come here, so each verification approves and emails the same people.
        """
        with transaction.atomic():
            # Locked, so that two curators deciding at once verify it once.
            locked = Organisation.objects.select_for_update().filter(pk=self.pk).first()
            if locked is None or locked.verified:
                return False
            self.verified = True
            self.save(update_fields=["verified"])
            for membership in self.memberships.pending().select_related("user"):
                membership._decide(Membership.Status.APPROVED, by, note)
                membership._notify("organisation_verified", note=note)
        return True

    def decline_proposal(self, by: "User", note: str = "") -> bool:
        """Refuse a proposed organisation: it is removed and its proposer told why.
        False, with nothing done, if it was verified (or removed) meanwhile."""
        with transaction.atomic():
            locked = Organisation.objects.select_for_update().filter(pk=self.pk).first()
            if locked is None or locked.verified:
                return False
            proposers = list(self.memberships.pending().select_related("user"))
            for membership in proposers:
                membership._notify("organisation_declined", note=note)
            try:
                with transaction.atomic():
                    self.delete()
            except ProtectedError:
                # Content was attached to it in the admin: keep it, hidden, and only
                # refuse the proposer.
                for membership in proposers:
                    membership._decide(Membership.Status.DECLINED, by, note)
        return True


class MembershipQuerySet(models.QuerySet):
    def approved(self) -> "MembershipQuerySet":
        return self.filter(status=Membership.Status.APPROVED)

    def pending(self) -> "MembershipQuerySet":
        return self.filter(status=Membership.Status.PENDING)

    def proposals(self) -> "MembershipQuerySet":
        """Pending memberships of proposed organisations: a curator decides on both."""
        return self.pending().filter(organisation__verified=False)

    def requests_to_join(self) -> "MembershipQuerySet":
        """Pending memberships of verified organisations."""
        return self.pending().filter(organisation__verified=True)


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
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=1000,
        help_text=_("What whoever decided wrote to the person with the decision."),
    )
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

    @property
    def is_proposal(self) -> bool:
        """Someone waiting on an organisation nobody has verified yet: deciding on them
        is deciding on the organisation (the instance form of `proposals()`)."""
        return self.status == self.Status.PENDING and not self.organisation.verified

    def approve(self, by: "User", note: str = "") -> None:
        """Let the user act for the organisation, recording who decided and their
        `note`, and tell them (with the note).

        Nobody acts for an organisation no curator has checked: approving someone for
        a proposed organisation verifies it, which approves its proposer.
        """
        organisation = self.organisation
        if not organisation.verified:
            organisation.verify(by, note=note)
            self.refresh_from_db(fields=["status", "decided_by", "decided_at", "note"])
            if self.status == self.Status.APPROVED:
                return
        self._decide(self.Status.APPROVED, by, note)
        self._notify("membership_approved", note=note)

    def decline(self, by: "User", note: str = "") -> None:
        """Refuse (or withdraw) the user's right to act for the organisation, and tell
        them. Refusing a proposal refuses the proposed organisation."""
        if self.is_proposal:
            self.organisation.decline_proposal(by, note=note)
            return
        self._decide(self.Status.DECLINED, by, note)
        self._notify("membership_declined", note=note)

    def change_role(self, role: str, by: "User") -> None:
        """Make an approved member an editor, or an editor a member, and tell them."""
        self.role = role
        self.save(update_fields=["role"])
        self._notify("membership_role_changed")

    def _decide(self, status: str, by: "User", note: str = "") -> None:
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        self.note = note
        self.save(update_fields=["status", "decided_by", "decided_at", "note"])

    def _notify(self, template: str, **context) -> None:
        if not self.user.email:
            return
        organisation = self.organisation
        language = emails.language_of(self.user)
        with emails.in_language(language):
            emails.queue(
                template,
                self.user.email,
                {
                    "user": self.user,
                    "membership": self,
                    "organisation": organisation,
                    "organisation_url": emails.absolute_url(organisation.get_absolute_url()),
                    "members_url": emails.absolute_url(organisation.get_members_url()),
                    "account_url": emails.absolute_url(reverse("portal:profile")),
                    **context,
                },
                language=language,
            )
