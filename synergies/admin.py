from django.contrib import admin

from core.admin import RecordAdmin

from .models import SimilarityDecision


@admin.register(SimilarityDecision)
class SimilarityDecisionAdmin(RecordAdmin):
    """What partners said about the likely duplicates shown while they submitted."""

    list_display = ("decided_at", "subject", "choice", "match", "score", "decided_by")
    list_filter = ("choice",)
    search_fields = (
        "resource__title",
        "initiative__title",
        "match_resource__title",
        "match_initiative__title",
    )
    list_select_related = (
        "resource",
        "initiative",
        "match_resource",
        "match_initiative",
        "decided_by",
    )
    date_hierarchy = "decided_at"
