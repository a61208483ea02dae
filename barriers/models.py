"""What stops eligible patients from benefiting: barriers, grouped in categories,
tied to the stages where they bite and to the stakeholder groups who can act."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.reviews import ReviewedContent, ReviewQuerySet
from core.translated_content import TranslatedModel


class BarrierCategory(TranslatedModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("barrier category")
        verbose_name_plural = _("barrier categories")

    def __str__(self) -> str:
        return self.name


class Barrier(ReviewedContent, TranslatedModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    category = models.ForeignKey(
        BarrierCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="barriers",
    )
    stages = models.ManyToManyField(
        "pathway.Stage", verbose_name=_("stages"), related_name="barriers"
    )
    actors = models.ManyToManyField(
        "stakeholders.StakeholderGroup",
        verbose_name=_("who can act"),
        related_name="barriers",
        help_text=_("Stakeholder groups who can help remove this barrier."),
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["category__position", "title"]
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:barrier", args=[self.slug])


class EvidenceLink(models.Model):
    """A source showing that a barrier is real (a paper, a survey, a report); the
    barrier page lists them as its sources."""

    barrier = models.ForeignKey(
        Barrier, verbose_name=_("barrier"), on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")

    def __str__(self) -> str:
        return self.title
