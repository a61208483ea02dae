"""Assessing initiatives as best practice against published criteria.

A Framework is one published version of the criteria (Criterion) and of the scale
they are scored on (ScaleLevel); a new version is a new Framework, and an
Assessment keeps the one it was made with. An Assessment is one round for one
initiative: the owner organisation's self-assessment (SelfScore), reviewers'
scores (Assignment -> ReviewScore), then a curator's decision. The moves between
those steps are in workflow.py, which every page, API endpoint and the demo call.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.models import MAX_NOTE_LENGTH, Initiative
from core.translated_content import TranslatedModel


class FrameworkQuerySet(models.QuerySet):
    def published(self) -> "FrameworkQuerySet":
        return self.filter(published__isnull=False)

    def current(self) -> "Framework | None":
        """The framework new assessments use: the latest published one."""
        return self.published().order_by("-published", "-pk").first()


class Framework(TranslatedModel):
    slug = models.SlugField(_("slug"), unique=True)
    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Markdown. Sources and what changed.")
    )
    published = models.DateField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Empty while it is being prepared; the latest published is used."),
    )

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-pk"]
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def get_absolute_url(self) -> str:
        return reverse("assessments:criteria") + f"?version={self.version}"

    def score_choices(self) -> list[tuple[int, str]]:
        return [(level.score, f"{level.score} – {level.label}") for level in self.levels.all()]


class Criterion(TranslatedModel):
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="criteria"
    )
    slug = models.SlugField(_("slug"), unique=True)
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    guidance = models.TextField(_("guidance"), help_text=_("What reviewers look for."))

    class Meta:
        ordering = ["framework", "position"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique"),
            models.UniqueConstraint(
                fields=["framework", "position"], name="criterion_position_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ScaleLevel(TranslatedModel):
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="levels"
    )
    slug = models.SlugField(_("slug"), unique=True)
    score = models.PositiveSmallIntegerField(_("score"))
    label = models.CharField(_("label"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["framework", "score"]
        verbose_name = _("scale level")
        verbose_name_plural = _("scale levels")
        constraints = [
            models.UniqueConstraint(fields=["framework", "score"], name="scale_level_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.score} – {self.label}"


class Reviewer(models.Model):
    """An account curators may assign to review initiatives (the reviewer role)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reviewer",
    )
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self) -> str:
        return str(self.user)


class Outcome(models.TextChoices):
    BEST = "best", _("Best practice")
    PROMISING = "promising", _("Promising practice")
    NOT_YET = "not_yet", _("Not yet")


# The outcomes that make an initiative "proven practice" (library, digests, gap map).
PROVEN = (Outcome.BEST, Outcome.PROMISING)


class AssessmentQuerySet(models.QuerySet):
    def decided(self) -> "AssessmentQuerySet":
        return self.filter(status=Assessment.Status.DECIDED)

    def current(self) -> "AssessmentQuerySet":
        """Each initiative's standing decision: its latest decided round."""
        return self.filter(current=True)

    def proven_initiatives(self, outcomes=PROVEN):
        """Ids of initiatives whose standing decision is one of `outcomes`: the one
        rule of "assessed as best or promising practice"."""
        return self.current().filter(outcome__in=outcomes).values("initiative_id")


class Assessment(models.Model):
    """One round of assessing one initiative."""

    class Status(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment in progress")
        IN_REVIEW = "in_review", _("In review")
        DECIDED = "decided", _("Decided")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.PositiveSmallIntegerField(_("round"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SELF_ASSESSMENT
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    reason = models.TextField(_("reason for the new round"), blank=True, max_length=MAX_NOTE_LENGTH)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    summary = models.TextField(_("public summary"), blank=True, max_length=MAX_NOTE_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The standing decision of its initiative (the latest decided round).
    current = models.BooleanField(_("standing decision"), default=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "-round"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "round"], name="assessment_round_unique"),
            models.UniqueConstraint(
                fields=["initiative"], condition=Q(current=True), name="assessment_one_current"
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=~Q(status="decided"),
                name="assessment_one_open_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} #{self.round}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:initiative", args=[self.initiative.slug])

    def affects_public_pages(self) -> bool:
        return self.status == self.Status.DECIDED

    @property
    def is_proven(self) -> bool:
        return self.outcome in PROVEN


class SelfScore(models.Model):
    """The owner organisation's own score of one criterion, with its evidence."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="self_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    text = models.TextField(_("what you did and achieved"), blank=True, max_length=MAX_NOTE_LENGTH)
    evidence = models.JSONField(_("evidence links"), default=list, blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="self_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Assignment(models.Model):
    """A reviewer assigned to an assessment, their conflict declaration and review."""

    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    # None until declared; True blocks the reviewer from scoring.
    conflict = models.BooleanField(_("conflict of interest"), null=True)
    conflict_note = models.TextField(
        _("conflict declaration"), blank=True, max_length=MAX_NOTE_LENGTH
    )
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    completed_at = models.DateTimeField(_("review completed"), null=True, blank=True)

    class Meta:
        ordering = ["assigned_at", "pk"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "reviewer"], name="assignment_reviewer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.reviewer}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:review", args=[self.pk])

    @property
    def may_score(self) -> bool:
        return self.conflict is False and self.assessment.status == Assessment.Status.IN_REVIEW


class ReviewScore(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    rationale = models.TextField(_("rationale"), max_length=MAX_NOTE_LENGTH)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="review_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
