"""Adoption: an organisation in another country takes up a published initiative.

The declaring organisation agrees to share its contact details by declaring; the
initiative's organisation by accepting. Only then does each side see the other's
people and website, and does the adoption count as a transfer in public (the
initiative pages, both country pages, /transfers/). Every change of state goes
through a method here, which checks who acts and from which state, locks the row
and writes an AdoptionEvent: pages, API and admin all call them.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contributions.models import Initiative
from contributions.models import Status as ItemStatus
from core.exceptions import StateConflict
from outbox import emails
from stakeholders.models import Organisation

if TYPE_CHECKING:
    from accounts.models import User

MAX_NOTE_LENGTH = 1000


class AdoptionConflict(StateConflict):
    """The adoption's state does not allow the action (API: 409)."""


class AdoptionQuerySet(models.QuerySet):
    def agreed(self) -> "AdoptionQuerySet":
        """Transfers: agreed by both sides, of an initiative that is still published."""
        return self.filter(status=Adoption.Status.AGREED, initiative__status=ItemStatus.PUBLISHED)

    def active(self) -> "AdoptionQuerySet":
        return self.filter(status__in=Adoption.ACTIVE)

    def involving(self, user) -> "AdoptionQuerySet":
        """Adoptions of the organisations `user` acts for, on either side."""
        theirs = Organisation.objects.acted_for_by(user).values("pk")
        return self.filter(Q(organisation__in=theirs) | Q(initiative__organisation__in=theirs))

    def visible_to(self, user) -> "AdoptionQuerySet":
        """Transfers are public; declarations in any state are seen by both sides and
        by curators."""
        if user.is_authenticated and user.is_curator:
            return self.all()
        if not user.is_authenticated:
            return self.agreed()
        return self.filter(Q(pk__in=self.agreed().values("pk")) | Q(pk__in=self.involving(user)))

    def in_country(self, code: str) -> "AdoptionQuerySet":
        """Transfers from or to the country with ISO code `code`."""
        return self.filter(Q(from_country=code) | Q(country=code))

    def with_parties(self) -> "AdoptionQuerySet":
        return self.select_related(
            "initiative",
            "initiative__organisation",
            "organisation",
            "country",
            "from_country",
            "adapted_initiative",
        )


class Adoption(models.Model):
    """An organisation's declaration that it wants to adopt, or has adopted, a
    published initiative of another organisation in its own country."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("We want to adopt it here")
        ADOPTED = "adopted", _("We have adopted it")

    class Status(models.TextChoices):
        DECLARED = "declared", _("Waiting for the initiative's organisation")
        AGREED = "agreed", _("Agreed by both")
        DECLINED = "declined", _("Declined by the initiative's organisation")
        WITHDRAWN = "withdrawn", _("Withdrawn by the declaring organisation")

    # States in which a declaration stands: a second one is refused meanwhile.
    ACTIVE = (Status.DECLARED, Status.AGREED)

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative adopted"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("adopting organisation"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    country = models.ForeignKey(
        "pathway.Country",
        verbose_name=_("country of adoption"),
        on_delete=models.PROTECT,
        related_name="adoptions_in",
    )
    # The owner's country when the declaration was made: a transfer goes from there.
    from_country = models.ForeignKey(
        "pathway.Country",
        verbose_name=_("country of origin"),
        on_delete=models.PROTECT,
        related_name="adoptions_from",
        null=True,
        blank=True,
        editable=False,
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PLANNED)
    note = models.TextField(
        _("note"),
        max_length=MAX_NOTE_LENGTH,
        help_text=_("What you want to adopt and how: the owner reads it before agreeing."),
    )
    adapted_initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("your initiative that adapts it"),
        on_delete=models.SET_NULL,
        related_name="adapted_from",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DECLARED, editable=False
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("declared"), default=timezone.now, editable=False)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True, editable=False)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation"],
                condition=Q(status__in=["declared", "agreed"]),
                name="adoption_one_standing_declaration",
            ),
        ]
        indexes = [models.Index(fields=["status", "agreed_at"])]

    def __str__(self) -> str:
        return f"{self.initiative} → {self.organisation} ({self.country_id})"

    def get_absolute_url(self) -> str:
        return reverse("adoptions:detail", args=[self.pk])

    @property
    def is_agreed(self) -> bool:
        return self.status == self.Status.AGREED

    @property
    def owner(self) -> Organisation:
        return self.initiative.organisation

    def is_owner(self, user) -> bool:
        return self.owner.is_member(user)

    def is_declarer(self, user) -> bool:
        return self.organisation.is_member(user)

    def actions_for(self, user) -> dict[str, bool]:
        """Which of accept, decline and withdraw `user` may do now."""
        standing = self.status in self.ACTIVE
        owner = standing and self.is_owner(user)
        return {
            "accept": owner and self.status == self.Status.DECLARED,
            "decline": owner,
            "withdraw": standing and self.is_declarer(user),
        }

    def contacts_for(self, user) -> dict | None:
        """The other side's contact details, for a member of one side once both have
        agreed; None otherwise (curators and visitors never get them)."""
        if not self.is_agreed:
            return None
        if self.is_owner(user):
            return contacts_of(self.organisation)
        if self.is_declarer(user):
            return contacts_of(self.owner)
        return None

    # Declaring and the changes of state.

    @classmethod
    def rule_errors(
        cls, *, initiative: Initiative, organisation: Organisation, country, adapted=None
    ) -> dict[str, list[str]]:
        """Why this declaration may not be made, by field (empty if it may)."""
        errors: dict[str, list[str]] = {}
        owner = initiative.organisation
        if not initiative.is_published:
            errors["initiative"] = [gettext("Only published initiatives can be adopted.")]
        elif organisation.pk == owner.pk:
            errors["organisation"] = [
                gettext(
                    "This initiative is your own organisation's: adoption is declared by "
                    "an organisation that takes it up elsewhere."
                )
            ]
        if country is not None and owner.country_id and country.pk == owner.country_id:
            errors["country"] = [
                gettext(
                    "%(owner)s is based in %(country)s: an adoption takes a practice to "
                    "another country. Work together in %(country)s as partners instead."
                )
                % {"owner": owner.name, "country": country.name}
            ]
        if adapted is not None and (
            adapted.organisation_id != organisation.pk or adapted.pk == initiative.pk
        ):
            errors["adapted_initiative"] = [
                gettext("Choose one of your organisation's own initiatives.")
            ]
        if "organisation" not in errors and (
            cls.objects.active().filter(initiative=initiative, organisation=organisation).exists()
        ):
            errors["initiative"] = [
                gettext(
                    "%(organisation)s has already declared the adoption of this initiative. "
                    "Withdraw that declaration first to make a new one."
                )
                % {"organisation": organisation.name}
            ]
        return errors

    @classmethod
    def declare(
        cls,
        *,
        by: "User",
        initiative: Initiative,
        organisation: Organisation,
        country,
        kind: str,
        note: str,
        adapted_initiative: Initiative | None = None,
    ) -> "Adoption":
        """Record a declaration and tell the initiative's organisation. Raises
        ValidationError (by field) when a rule refuses it."""
        if not organisation.is_member(by):
            raise ValidationError(
                {"organisation": gettext("You can declare only for an organisation you act for.")}
            )
        with transaction.atomic():
            # One declaration at a time per initiative, so that a double click or
            # two members at once cannot both pass the duplicate check.
            Initiative.objects.select_for_update().get(pk=initiative.pk)
            errors = cls.rule_errors(
                initiative=initiative,
                organisation=organisation,
                country=country,
                adapted=adapted_initiative,
            )
            if errors:
                raise ValidationError(errors)
            adoption = cls.objects.create(
                initiative=initiative,
                organisation=organisation,
                country=country,
                from_country_id=initiative.organisation.country_id,
                kind=kind,
                note=note,
                adapted_initiative=adapted_initiative,
                declared_by=by,
            )
            adoption._record(by, "", cls.Status.DECLARED)
            adoption._notify_owner()
        return adoption

    def accept(self, by: "User") -> None:
        """The initiative's organisation agrees to share contact details."""
        if not self.is_owner(by):
            raise PermissionDenied(gettext("Only the initiative's organisation can accept."))
        self._move(by, {self.Status.DECLARED}, self.Status.AGREED)
        self._notify_declarer()

    def decline(self, by: "User") -> None:
        """The initiative's organisation declines contact, or withdraws its agreement."""
        if not self.is_owner(by):
            raise PermissionDenied(gettext("Only the initiative's organisation can decline."))
        self._move(by, set(self.ACTIVE), self.Status.DECLINED)

    def withdraw(self, by: "User") -> None:
        """The declaring organisation takes its declaration back."""
        if not self.is_declarer(by):
            raise PermissionDenied(
                gettext("Only the organisation that declared the adoption can withdraw it.")
            )
        self._move(by, set(self.ACTIVE), self.Status.WITHDRAWN)

    def _move(self, by: "User", sources: set[str], target: str) -> None:
        with transaction.atomic():
            locked = Adoption.objects.select_for_update().get(pk=self.pk)
            if locked.status not in sources:
                raise AdoptionConflict(
                    gettext("That is not possible: the adoption is %(status)s.")
                    % {"status": locked.get_status_display().lower()}
                )
            previous = locked.status
            self.status = target
            self.agreed_at = timezone.now() if target == self.Status.AGREED else None
            self.save(update_fields=["status", "agreed_at"])
            self._record(by, previous, target)

    def _record(self, by: "User", from_status: str, to_status: str) -> None:
        AdoptionEvent.objects.create(
            adoption=self, actor=by, from_status=from_status, to_status=to_status
        )

    def _notify_owner(self) -> None:
        people = self.owner.memberships.approved().select_related("user")
        for membership in people:
            self._email("adoption_declared", membership.user)

    def _notify_declarer(self) -> None:
        if self.declared_by is not None:
            self._email("adoption_agreed", self.declared_by)

    def _email(self, template: str, user: "User") -> None:
        if not user.email:
            return
        language = emails.language_of(user)
        with emails.in_language(language):
            emails.queue(
                template,
                user.email,
                {
                    "adoption": self,
                    "initiative": self.initiative,
                    "organisation": self.organisation,
                    "owner": self.owner,
                    "country": self.country.name,
                    "kind": self.get_kind_display(),
                    "adoption_url": emails.absolute_url(self.get_absolute_url()),
                },
                language=language,
            )


class AdoptionEvent(models.Model):
    """The audit of an adoption: who changed its state, when, from what to what."""

    adoption = models.ForeignKey(
        Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_status = models.CharField(
        _("from"), max_length=10, choices=Adoption.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=Adoption.Status.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("adoption event")
        verbose_name_plural = _("adoption events")

    def __str__(self) -> str:
        return f"{self.adoption_id}: {self.from_status or '—'} → {self.to_status}"


def contacts_of(organisation: Organisation) -> dict:
    """An organisation's contact details: its website and the people acting for it."""
    people = organisation.memberships.approved().select_related("user").order_by("user__email")
    return {
        "organisation": organisation,
        "website": organisation.website,
        "people": [
            {"name": m.user.get_full_name() or m.user.username, "email": m.user.email}
            for m in people
            if m.user.email
        ],
    }
