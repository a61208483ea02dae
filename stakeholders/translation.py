"""The texts of stakeholder groups that are translated (see pathway/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from .models import StakeholderGroup


@register(StakeholderGroup)
class StakeholderGroupTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    # The name is unique: a missing translation is NULL, not an empty string.
    empty_values = {"name": None}
