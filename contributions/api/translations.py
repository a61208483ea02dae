"""An item's languages in the API: its translations (read by everyone once
published, written by members of its organisation) and the item it translates."""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Contribution, ItemTranslation, Status, languages_of


class TranslationSerializer(serializers.ModelSerializer):
    """A translation of an item's title and summary."""

    status = serializers.SerializerMethodField(
        help_text=gettext_lazy(
            "published, or awaiting_review (shown to the item's organisation and curators only)."
        )
    )

    class Meta:
        model = ItemTranslation
        fields = ["language", "title", "summary", "url", "status", "created_at"]
        read_only_fields = ["status", "created_at"]
        extra_kwargs = {"url": {"help_text": gettext_lazy("The translated document, if any.")}}

    def get_status(self, translation: ItemTranslation) -> str:
        return "published" if translation.is_published else "awaiting_review"


class TranslationOfSerializer(serializers.Serializer):
    """Mark the item as a translation of another item of its kind, or unmark it."""

    translation_of = serializers.SlugField(
        allow_null=True,
        max_length=220,
        help_text=gettext_lazy(
            "The slug of the original: a published item, or one of your organisation's. "
            "null: it translates nothing."
        ),
    )


class LanguagesMixin(serializers.Serializer):
    """`languages`, `translations` and `translation_of` of an item, for the read
    serializers."""

    languages = serializers.SerializerMethodField(
        help_text=gettext_lazy(
            "The languages it can be read in: its own first, then its published "
            "translations' and those of the published items translating it or translated by it."
        )
    )
    translations = serializers.SerializerMethodField()
    translation_of = serializers.SerializerMethodField(
        help_text=gettext_lazy("The slug of the item it translates, if any.")
    )

    def get_languages(self, item: Contribution) -> list[str]:
        known = getattr(item, "available_languages", None)
        return list(known) if known is not None else languages_of([item])[item.pk]

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, item: Contribution) -> list[dict]:
        insider = self.insider(item)
        rows = [row for row in item.translations.all() if insider or row.is_published]
        return TranslationSerializer(rows, many=True).data

    @extend_schema_field({"type": "string", "nullable": True})
    def get_translation_of(self, item: Contribution) -> str | None:
        original = item.translation_of
        if original is None or not (original.status == Status.PUBLISHED or self.insider(item)):
            return None
        return original.slug
