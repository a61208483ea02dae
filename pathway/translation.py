"""The texts of the pathway's reference content that are translated: a column per
language beside each (django-modeltranslation), English the source and fallback."""

from modeltranslation.translator import TranslationOptions, register

from .models import Country, Region, Stage, TherapeuticArea


@register(Stage)
class StageTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "description", "patient_summary", "patient_questions")


@register(TherapeuticArea)
class TherapeuticAreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)
    # The name is unique: a missing translation is NULL, never an empty string two
    # regions would share.
    empty_values = {"name": None}


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    """Country names come from CLDR through django-countries' catalogues, not from
    translators: Country.save() fills each language's column (see the model)."""

    fields = ("name",)
