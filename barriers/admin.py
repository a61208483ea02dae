from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Barrier, BarrierCategory, EvidenceLink


@admin.register(BarrierCategory)
class BarrierCategoryAdmin(TranslationAdmin):
    list_display = ("name", "slug", "position", "barrier_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[BarrierCategory]:
        return super().get_queryset(request).annotate(n_barriers=Count("barriers"))

    @admin.display(description=_("barriers"), ordering="n_barriers")
    def barrier_count(self, category: BarrierCategory) -> int:
        return category.n_barriers


class EvidenceLinkInline(admin.TabularInline):
    model = EvidenceLink
    fields = ("title", "url", "position")
    extra = 1


@admin.register(Barrier)
class BarrierAdmin(TranslationAdmin):
    list_display = ("title", "category", "stage_positions", "actor_names", "reviewed_on")
    list_filter = ("category", "stages", "actors")
    search_fields = ("title", "summary", "slug")
    list_select_related = ("category",)
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("stages", "actors")
    inlines = [EvidenceLinkInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Barrier]:
        # Two queries for the whole page instead of two per row.
        return super().get_queryset(request).prefetch_related("stages", "actors")

    @admin.display(description=_("stages"))
    def stage_positions(self, barrier: Barrier) -> str:
        return ", ".join(str(stage.position) for stage in barrier.stages.all())

    @admin.display(description=_("who can act"))
    def actor_names(self, barrier: Barrier) -> str:
        return ", ".join(group.name for group in barrier.actors.all())
