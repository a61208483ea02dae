"""The spine of the portal: the ordered pathway stages and the shared taxonomies
(therapeutic areas, regions and countries) that every higher layer tags against."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_countries import countries as iso_countries
from django_countries.fields import CountryField

from core.reviews import ReviewedContent, ReviewQuerySet
from core.translated_content import TranslatedModel


class Stage(ReviewedContent, TranslatedModel):
    """One step of the patient's journey, from awareness to living with the disease."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), unique=True, help_text=_("Order along the pathway, starting at 1.")
    )
    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One sentence shown on the pathway map.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown. The stage in more depth.")
    )
    patient_summary = models.TextField(
        _("patient summary"), help_text=_("What happens at this stage, in plain language.")
    )
    patient_questions = models.TextField(
        _("questions a patient can ask"),
        blank=True,
        help_text=_("One question per line."),
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="stage_position_gte_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("portal:stage", args=[self.slug])

    @property
    def questions(self) -> list[str]:
        return [line.strip() for line in self.patient_questions.splitlines() if line.strip()]


class StageSource(models.Model):
    """Where a stage's text comes from: a guideline, a report, a patient guide."""

    stage = models.ForeignKey(
        Stage, verbose_name=_("stage"), on_delete=models.CASCADE, related_name="sources"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class TherapeuticArea(TranslatedModel):
    """A small tree: Oncology > Lung cancer, Colorectal cancer, ...; Rare diseases; ..."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("therapeutic area")
        verbose_name_plural = _("therapeutic areas")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="therapeutic_area_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class Region(TranslatedModel):
    """A world region. "Global" is a region in its own right, meaning everywhere."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_global = models.BooleanField(
        _("global"), default=False, help_text=_("Work tagged with this region applies everywhere.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_global"],
                condition=models.Q(is_global=True),
                name="region_single_global",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Country(TranslatedModel):
    """An ISO 3166 country, in the region it is grouped under.

    A table rather than a plain CountryField so that contributions can be tagged
    with several countries and counted per country in one aggregate query.
    """

    code = CountryField(_("country"), primary_key=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="countries",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.fill_names()
        super().save(*args, **kwargs)

    def fill_names(self) -> None:
        """Give each language without a name the country's name in CLDR (through
        django-countries' catalogues), as migration 0004 did for every country.
        `name` reads the active language's column (see translation.py)."""
        for language, _language_name in settings.LANGUAGES:
            column = f"name_{language}"
            if not getattr(self, column, None):
                with override(language):
                    setattr(self, column, str(iso_countries.name(str(self.code))) or None)
