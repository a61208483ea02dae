"""Admins edit the frameworks (criteria and scale as data) and the reviewer role;
assessments are read here, and changed only through their workflow."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import RecordAdmin

from .models import Assessment, Assignment, Criterion, Framework, Reviewer, ScaleLevel


class CriterionInline(TranslationTabularInline):
    model = Criterion
    extra = 0
    fields = ("position", "code", "slug", "name", "guidance")


class ScaleLevelInline(TranslationTabularInline):
    model = ScaleLevel
    extra = 0
    fields = ("score", "slug", "label", "description")


@admin.register(Framework)
class FrameworkAdmin(TranslationAdmin):
    list_display = ("title", "version", "published")
    inlines = [CriterionInline, ScaleLevelInline]


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ("user", "expertise", "active", "added_at")
    list_filter = ("active",)
    autocomplete_fields = ("user",)
    search_fields = ("user__username", "user__email", "expertise")


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    can_delete = False
    fields = ("reviewer", "conflict", "conflict_note", "completed_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(RecordAdmin):
    list_display = ("initiative", "round", "status", "outcome", "current", "decided_at")
    list_filter = ("status", "outcome", "current")
    inlines = [AssignmentInline]
