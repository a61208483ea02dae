from django.contrib import admin

from core.admin import RecordAdmin

from .models import Adoption, AdoptionEvent


class AdoptionEventInline(admin.TabularInline):
    model = AdoptionEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "actor", "from_status", "to_status")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Adoption)
class AdoptionAdmin(RecordAdmin):
    """Declarations of adoption and their history; their state changes only through
    the two organisations' decisions."""

    list_display = ("created_at", "initiative", "organisation", "country", "kind", "status")
    list_filter = ("status", "kind")
    search_fields = ("initiative__title", "organisation__name")
    list_select_related = ("initiative", "organisation", "country")
    date_hierarchy = "created_at"
    inlines = [AdoptionEventInline]
