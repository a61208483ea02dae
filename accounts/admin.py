from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from .models import APIToken, User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("display_name", "email", "username", "is_staff", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("display_name", "username", "email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        # Django's own "Personal info" heading, with the portal's fields.
        (UserAdmin.fieldsets[1][0], {"fields": ("display_name", "email", "language")}),
        *UserAdmin.fieldsets[2:],
    )

    def get_inlines(self, request: HttpRequest, obj: User | None) -> list:
        # The add form only sets username and password; inlines come after.
        return self.inlines if obj is not None else []


@admin.register(APIToken)
class APITokenAdmin(admin.ModelAdmin):
    """Who has which API key, and when it was last used. Keys are created by their
    owners (/accounts/tokens/) and never shown again; deleting one here revokes it."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    search_fields = ("name", "prefix", "user__username", "user__email")
    list_select_related = ("user",)
    date_hierarchy = "created_at"
    fields = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
