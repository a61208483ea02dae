"""The texts of glossary terms that are translated (see pathway/translation.py):
forms of a term differ by language, so the variants are translated too."""

from modeltranslation.translator import TranslationOptions, register

from .models import Term


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("term", "explanation", "details", "variants")
