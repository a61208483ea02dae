"""The texts of barriers and their categories that are translated (see
pathway/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Barrier, BarrierCategory


@register(BarrierCategory)
class BarrierCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    # The name is unique: a missing translation is NULL, not an empty string.
    empty_values = {"name": None}


@register(Barrier)
class BarrierTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
