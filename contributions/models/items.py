"""Resources and initiatives: the abstract Contribution with its tags, querysets
and workflow methods, and the two kinds."""

import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .events import ModerationEvent

from .tags import PLACEMENT_FIELDS, TAG_FIELDS
from .workflow import (
    BLOCKING_REASONS,
    EDITABLE_STATUSES,
    LANGUAGE_CHOICES,
    MAX_MARKDOWN_LENGTH,
    MAX_NOTE_LENGTH,
    RESERVED_SLUGS,
    SEARCHED_FIELDS,
    TRANSITIONS,
    RejectionReason,
    Status,
    TransitionNotAllowed,
)

# Tries at a free slug when items with the same title are saved at the same time.
SLUG_ATTEMPTS = 4


class ContributionQuerySet(models.QuerySet):
    def published(self) -> "ContributionQuerySet":
        return self.filter(status=Status.PUBLISHED)

    def awaiting_review(self) -> "ContributionQuerySet":
        """Submitted items, waiting for a curator's decision."""
        return self.filter(status=Status.SUBMITTED)

    def of_member(self, user) -> "ContributionQuerySet":
        """Everything of the organisations `user` is an approved member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            organisation__memberships__user=user,
            organisation__memberships__status="approved",
        )

    def visible_to(self, user) -> "ContributionQuerySet":
        """Published items, plus every item of the user's organisations; curators see all."""
        if user.is_authenticated and user.is_curator:
            return self.all()
        return self.filter(Q(status=Status.PUBLISHED) | Q(pk__in=self.of_member(user).values("pk")))

    def editable_by(self, user) -> "ContributionQuerySet":
        """Items the user may change: their organisations' drafts, items sent back,
        and published items (whose changes go to review as a revision)."""
        return self.of_member(user).filter(status__in=EDITABLE_STATUSES)

    def for_organisation(self, organisation) -> "ContributionQuerySet":
        return self.filter(organisation=organisation)

    def available_in(self, *languages: str) -> "ContributionQuerySet":
        """Items a visitor can read in one of `languages` (translations.available_in)."""
        from .translations import available_in

        return available_in(self, *languages)

    def search(self, text: str) -> "ContributionQuerySet":
        """Items answering `text`, best first (annotated `rank`): see contributions.search."""
        from ..search import search

        return search(self, text)

    def with_owner(self) -> "ContributionQuerySet":
        return self.select_related("organisation", "organisation__group")

    def with_tags(self) -> "ContributionQuerySet":
        """The items with their organisation and every tag, in a fixed number of queries."""
        return self.with_owner().prefetch_related(*TAG_FIELDS)

    def for_cards(self) -> "ContributionQuerySet":
        """What a card in a list shows (contributions/_card.html) and no more: the
        organisation, the stages and places, not the description nor the search
        words, in three queries after the items' own. A library page lists 20."""
        return (
            self.select_related("organisation")
            .defer("description", "search_vector")
            .prefetch_related("stages", "countries", "regions")
        )


class Contribution(models.Model):
    """What resources and initiatives have in common: content, tags and moderation."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    summary = models.CharField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three plain sentences: what and for whom."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=_("Markdown. Shown on the detail page."),
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_%(class)ss",
    )
    stages = models.ManyToManyField(
        "pathway.Stage", verbose_name=_("pathway stages"), related_name="%(class)ss"
    )
    barriers = models.ManyToManyField(
        "barriers.Barrier",
        verbose_name=_("barriers addressed"),
        related_name="%(class)ss",
    )
    audiences = models.ManyToManyField(
        "stakeholders.StakeholderGroup",
        verbose_name=_("audiences"),
        related_name="%(class)ss_for",
        blank=True,
        help_text=_("Who it is for."),
    )
    countries = models.ManyToManyField(
        "pathway.Country", verbose_name=_("countries"), related_name="%(class)ss", blank=True
    )
    regions = models.ManyToManyField(
        "pathway.Region",
        verbose_name=_("regions"),
        related_name="%(class)ss",
        blank=True,
        help_text=_("Choose Global for work that applies everywhere."),
    )
    therapeutic_areas = models.ManyToManyField(
        "pathway.TherapeuticArea",
        verbose_name=_("therapeutic areas"),
        related_name="%(class)ss",
        blank=True,
    )
    language = models.CharField(_("language"), max_length=3, choices=LANGUAGE_CHOICES, default="en")
    # Another item of the same kind this one translates (models/translations.py).
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="translated_as",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    review_note = models.TextField(
        _("curator's note"), blank=True, editable=False, max_length=MAX_NOTE_LENGTH
    )
    review_reasons = models.JSONField(_("reasons"), default=list, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reviewed_%(class)ss",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    last_verified_at = models.DateTimeField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that it is still accurate and available."),
    )

    # Set by the submission form; a repeated POST (refresh, double click) finds the
    # item it already created instead of creating a second one.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Kept up to date by save() and tag changes; only used on PostgreSQL (contributions.search).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.slug:
            super().save(*args, **kwargs)
        else:
            self._save_with_new_slug(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & SEARCHED_FIELDS:
            self.update_search_vector()

    def update_search_vector(self) -> None:
        """Index the item for search: its text, its organisation and its tags."""
        from ..search import index_item

        index_item(self)

    def _save_with_new_slug(self, *args, **kwargs) -> None:
        """Save with a slug made from the title, free when we looked. Two items with
        the same title saved at once may both find the same one free: the unique
        constraint refuses the second, which tries again, inside a savepoint, with
        the next free slug (then with a random suffix)."""
        for attempt in range(SLUG_ATTEMPTS):
            self.slug = self._unique_slug(randomised=attempt >= 2)
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                taken = type(self)._default_manager.filter(slug=self.slug).exclude(pk=self.pk)
                self.slug = ""
                if attempt + 1 == SLUG_ATTEMPTS or not taken.exists():
                    raise  # another constraint, or no luck at all

    def _unique_slug(self, randomised: bool = False) -> str:
        base = slugify(self.title)[:200] or self._meta.model_name
        if base in RESERVED_SLUGS:
            base = f"{base}-{self._meta.model_name}"
        if randomised:
            base = f"{base}-{secrets.token_hex(3)}"
        slug, n = base, 2
        while type(self)._default_manager.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def kind(self) -> str:
        return self._meta.model_name

    def affects_public_pages(self) -> bool:
        """Whether changing the item changes what visitors see (core.content_version):
        published items, and archived ones, which were until just now. Drafts and
        items in review are seen by their organisation and curators only."""
        return self.status in (Status.PUBLISHED, Status.ARCHIVED)

    # The workflow. Each method is one curator or partner action.

    @staticmethod
    def placement_errors(tags: Mapping[str, object]) -> dict[str, list[str]]:
        """What keeps an item with these tags (chosen rows, or their keys) from going
        to review: it must be placed on the pathway. A draft may be incomplete."""
        errors = {}
        if not tags.get("stages"):
            errors["stages"] = [_("Choose at least one pathway stage.")]
        if not tags.get("barriers"):
            errors["barriers"] = [_("Choose at least one barrier it addresses.")]
        if not tags.get("countries") and not tags.get("regions"):
            errors["regions"] = [
                _("Choose the countries or regions it covers (Global if everywhere).")
            ]
        return errors

    def submission_errors(self) -> dict[str, list[str]]:
        """What the saved item lacks before it can go to review, by field."""
        return self.placement_errors(
            {name: getattr(self, name).exists() for name in PLACEMENT_FIELDS}
        )

    def placement_lost(self, tags: Mapping[str, object]) -> dict[str, list[str]]:
        """placement_errors of the item with `tags` instead of its own, less those it
        has already: a change may not take an item under review or published off the
        pathway, and fixing a typo in one published before the rule needs no tags."""
        errors = self.placement_errors(tags)
        if not errors:
            return {}
        live = self.submission_errors()
        return {name: messages for name, messages in errors.items() if name not in live}

    def check_submittable(self) -> None:
        """Raise unless the item may go to review now: TransitionNotAllowed for its
        status, else a ValidationError naming the tags it lacks."""
        if not self.can("submit"):
            raise TransitionNotAllowed(self, "submit")
        errors = self.submission_errors()
        if errors:
            raise ValidationError(errors)

    def submit(self, by) -> "ModerationEvent":
        self.check_submittable()
        return self._transition("submit", by)

    def publish(self, by, note: str = "") -> "ModerationEvent":
        return self._transition("publish", by, note=note)

    def request_changes(self, by, note: str) -> "ModerationEvent":
        if not note.strip():
            raise ValidationError({"note": _("Say what needs to change.")})
        return self._transition("request_changes", by, note=note)

    def reject(self, by, reasons: list[str], note: str = "") -> "ModerationEvent":
        valid = set(RejectionReason.values)
        if not reasons or not set(reasons) <= valid:
            raise ValidationError({"reasons": _("Choose at least one reason from the list.")})
        if not set(reasons) & BLOCKING_REASONS and not note.strip():
            raise ValidationError(
                {"note": _("Advisory reasons alone need a note explaining the rejection.")}
            )
        return self._transition("reject", by, note=note, reasons=reasons)

    def archive(self, by, note: str = "") -> "ModerationEvent":
        return self._transition("archive", by, note=note)

    def unarchive(self, by, note: str = "") -> "ModerationEvent":
        return self._transition("unarchive", by, note=note)

    def can(self, action: str) -> bool:
        return self.status in TRANSITIONS[action][0]

    def _transition(
        self, action: str, by, note: str = "", reasons: list[str] | None = None
    ) -> "ModerationEvent":
        # notifications imports these models: imported here, when they all exist.
        from ..notifications import notify

        sources, target = TRANSITIONS[action]
        with transaction.atomic():
            # Lock the row so that two curators acting at once cannot both move it.
            current = type(self)._default_manager.select_for_update().get(pk=self.pk)
            if current.status not in sources:
                self.status = current.status
                raise TransitionNotAllowed(self, action)
            now = timezone.now()
            previous = current.status
            self.status = target
            update = ["status", "updated_at"]
            if action == "submit":
                self.submitted_at = now
                update.append("submitted_at")
            else:
                self.reviewed_by = by
                self.review_note = note
                self.review_reasons = list(reasons or [])
                update += ["reviewed_by", "review_note", "review_reasons"]
            reviewed = 0
            if target == Status.PUBLISHED:
                # Translations added before or while it was reviewed go out with it.
                reviewed = self.translations.awaiting_review().update(published_at=now)
            if target == Status.PUBLISHED and self.published_at is None:
                self.published_at = now
                self.last_verified_at = self.last_verified_at or now
                update += ["published_at", "last_verified_at"]
            self.save(update_fields=update)
            if reviewed:
                self.update_search_vector()
            event = self.moderation_events.create(
                actor=by,
                action=action,
                from_status=previous,
                to_status=target,
                note=note,
                reasons=list(reasons or []),
            )
            notify(event)
            return event


class Resource(Contribution):
    """Something to read, use or learn from: a toolkit, a guideline, a report, ..."""

    class Type(models.TextChoices):
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDELINE = "guideline", _("Guideline")
        REPORT = "report", _("Report")
        TRAINING = "training", _("Training")
        PATIENT_INFORMATION = "patient_information", _("Patient information")
        POLICY_PAPER = "policy_paper", _("Policy paper")
        DATASET = "dataset", _("Dataset or tool")
        CASE_STUDY = "case_study", _("Case study")

    resource_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    url = models.URLField(_("link"), max_length=500, help_text=_("Where people can find it."))
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("If not the organisation itself.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    class Meta(Contribution.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="resource_status_published"),
            models.Index(fields=["status", "resource_type"], name="resource_status_type"),
            models.Index(fields=["status", "language"], name="resource_status_language"),
            models.Index(fields=["status", "year"], name="resource_status_year"),
            models.Index(fields=["status", "submitted_at"], name="resource_status_submitted"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__isnull=True) | models.Q(year__gte=1900, year__lte=2100),
                name="resource_year_plausible",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("contributions:resource", args=[self.slug])


class Initiative(Contribution):
    """Work under way: a programme, pilot, network, policy campaign or trial."""

    class Phase(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")

    phase = models.CharField(
        _("initiative status"), max_length=10, choices=Phase.choices, default=Phase.ACTIVE
    )
    partner_organisations = models.ManyToManyField(
        "stakeholders.Organisation",
        verbose_name=_("partner organisations"),
        related_name="partner_initiatives",
        blank=True,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    outcomes = models.TextField(
        _("outcomes"),
        blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        help_text=_("Markdown. What has changed for patients so far."),
    )
    related_resources = models.ManyToManyField(
        Resource, verbose_name=_("related resources"), related_name="initiatives", blank=True
    )

    class Meta(Contribution.Meta):
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="initiative_status_published"),
            models.Index(fields=["status", "phase"], name="initiative_status_phase"),
            models.Index(fields=["status", "language"], name="initiative_status_language"),
            models.Index(fields=["status", "submitted_at"], name="initiative_status_submitted"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="initiative_end_after_start",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("contributions:initiative", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


# Both kinds by the name URLs, the API and forms use for them.
KINDS: dict[str, type[Contribution]] = {"resource": Resource, "initiative": Initiative}
