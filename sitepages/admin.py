from django.contrib import admin

from core.admin import RecordAdmin

from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(RecordAdmin):
    """Curators read messages here and answer by email (the address is a mailto link
    in the notification). Messages are deleted after the period the privacy notice gives."""

    list_display = ("created_at", "topic", "name", "email", "language")
    list_filter = ("topic", "language")
    search_fields = ("name", "email", "message")
    date_hierarchy = "created_at"
    fields = ("created_at", "name", "email", "topic", "language", "user", "message")
    readonly_fields = fields
