from django.contrib import admin
from django.http import HttpRequest

from .models import DigestDelivery, Subscription


class DeliveryInline(admin.TabularInline):
    model = DigestDelivery
    extra = 0
    can_delete = False
    fields = (
        "period_start",
        "status",
        "attempts",
        "claimed_at",
        "retry_at",
        "sent_at",
        "last_error",
    )
    readonly_fields = fields
    ordering = ("-period_start",)
    max_num = 0


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "frequency",
        "confirmed_at",
        "paused",
        "unsubscribed_at",
        "refused_at",
        "created_at",
    )
    list_filter = (
        "frequency",
        "paused",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("refused_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("email",)
    date_hierarchy = "created_at"
    raw_id_fields = ("user",)
    # The query is changed through the manage page, which normalises it.
    readonly_fields = ("query", "token", "created_at", "confirmation_sent_at", "confirmed_at")
    inlines = [DeliveryInline]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    """Read-only: the record of what was sent, for "did they get the digest?"."""

    list_display = ("subscription", "period_start", "status", "attempts", "retry_at", "sent_at")
    list_filter = ("status", "period_start")
    search_fields = ("subscription__email",)
    list_select_related = ("subscription",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
