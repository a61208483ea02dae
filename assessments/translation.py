"""The texts of the assessment framework that are translated (see pathway/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Criterion, Framework, ScaleLevel


@register(Framework)
class FrameworkTranslationOptions(TranslationOptions):
    fields = ("title", "notes")


@register(Criterion)
class CriterionTranslationOptions(TranslationOptions):
    fields = ("name", "guidance")


@register(ScaleLevel)
class ScaleLevelTranslationOptions(TranslationOptions):
    fields = ("label", "description")
