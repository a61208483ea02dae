from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Term


@admin.register(Term)
class TermAdmin(TranslationAdmin):
    list_display = ("term", "slug", "explanation")
    search_fields = ("term", "slug", "explanation", "variants")
    prepopulated_fields = {"slug": ("term",)}
