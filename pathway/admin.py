from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Country, Region, Stage, StageSource, TherapeuticArea


def tagged_per_stage(through) -> Coalesce:
    """How many rows of an M2M table point at each stage.

    A subquery rather than Count() over joins: a stage has barriers, resources and
    initiatives, and joining all three would multiply their rows before counting.
    """
    rows = (
        through.objects.filter(stage=OuterRef("pk"))
        .order_by()
        .values("stage")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


class UsedCountryListFilter(admin.RelatedOnlyFieldListFilter):
    """The countries that rows on the page are tagged with, not all ~250.

    A country's primary key is a django-countries Country object, which cannot go
    into a query string as it is; its str() is the ISO code.
    """

    def field_choices(self, field, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        choices = super().field_choices(field, request, model_admin)
        return [(str(code), name) for code, name in choices]


class StageSourceInline(admin.TabularInline):
    model = StageSource
    fields = ("title", "url", "position")
    extra = 1


@admin.register(Stage)
class StageAdmin(TranslationAdmin):
    list_display = (
        "position",
        "name",
        "slug",
        "barrier_count",
        "resource_count",
        "initiative_count",
        "reviewed_on",
    )
    inlines = [StageSourceInline]
    list_display_links = ("position", "name")
    search_fields = ("name", "slug", "summary")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Stage]:
        # Reverse relations keep the lower layer free of imports from barriers
        # and contributions.
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_barriers=tagged_per_stage(Stage.barriers.through),
                n_resources=tagged_per_stage(Stage.resources.through),
                n_initiatives=tagged_per_stage(Stage.initiatives.through),
            )
        )

    @admin.display(description=_("barriers"), ordering="n_barriers")
    def barrier_count(self, stage: Stage) -> int:
        return stage.n_barriers

    @admin.display(description=_("resources"), ordering="n_resources")
    def resource_count(self, stage: Stage) -> int:
        return stage.n_resources

    @admin.display(description=_("initiatives"), ordering="n_initiatives")
    def initiative_count(self, stage: Stage) -> int:
        return stage.n_initiatives


@admin.register(TherapeuticArea)
class TherapeuticAreaAdmin(TranslationAdmin):
    list_display = ("name", "parent", "position", "slug")
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ("name", "slug", "parent__name")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[TherapeuticArea]:
        # An area's name includes its parent's, here and in autocomplete results.
        return super().get_queryset(request).select_related("parent")

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "parent":
            kwargs["queryset"] = TherapeuticArea.objects.select_related("parent")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("name", "slug", "is_global", "position", "country_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Region]:
        return super().get_queryset(request).annotate(n_countries=Count("countries"))

    @admin.display(description=_("countries"), ordering="n_countries")
    def country_count(self, region: Region) -> int:
        return region.n_countries


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ("name", "code", "region")
    list_filter = ("region",)
    search_fields = ("name", "code")
    list_select_related = ("region",)
