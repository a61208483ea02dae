from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import OutgoingEmail


class DeliveryFilter(admin.SimpleListFilter):
    """What needs someone's attention: messages given up on, and those still being
    retried after a failure."""

    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [
            ("given_up", _("Given up: not delivered")),
            ("retrying", _("Failed, will be retried")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "given_up":
            return queryset.filter(status=OutgoingEmail.Status.FAILED)
        if self.value() == "retrying":
            return queryset.filter(status=OutgoingEmail.Status.PENDING, attempts__gt=0)
        return queryset


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Read-only: a record of what was sent, for answering "did they get the email?"."""

    list_display = (
        "subject",
        "to",
        "template",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = (DeliveryFilter, "status", "template")
    search_fields = ("to", "subject")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
