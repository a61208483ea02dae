from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from .models import User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")

    def get_inlines(self, request: HttpRequest, obj: User | None) -> list:
        # The add form only sets username and password; inlines come after.
        return self.inlines if obj is not None else []
