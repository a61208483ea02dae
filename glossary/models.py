"""The glossary: words of precision medicine explained in plain language.

Curators keep the terms in the admin, in every language (translation.py). Pages
explain a term where it first appears in their prose (templatetags/glossary.py),
and /glossary/ lists them all from A to Z.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.translated_content import TranslatedModel

# A short explanation must be short: it is shown in the middle of a page's text.
EXPLANATION_MAX_WORDS = 40


def at_most_max_words(text: str) -> None:
    count = len(text.split())
    if count > EXPLANATION_MAX_WORDS:
        raise ValidationError(
            ngettext(
                "Keep it to %(max)d word or fewer (it has %(count)d).",
                "Keep it to %(max)d words or fewer (it has %(count)d).",
                EXPLANATION_MAX_WORDS,
            ),
            params={"max": EXPLANATION_MAX_WORDS, "count": count},
            code="too_many_words",
        )


class Term(TranslatedModel):
    """A word or phrase a patient may not know, with a plain explanation."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=80)
    explanation = models.CharField(
        _("short explanation"),
        max_length=300,
        validators=[at_most_max_words],
        help_text=_("Plain language, 40 words at most. Shown where the term appears."),
    )
    details = models.TextField(
        _("more detail"),
        blank=True,
        help_text=_("Optional. Markdown. Shown on the glossary page only."),
    )
    variants = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_(
            "Other ways the term is written, one per line: plurals, abbreviations, "
            "synonyms. Each is recognised in the text of the pages."
        ),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return f"{reverse('glossary:index')}#{self.slug}"

    @property
    def forms(self) -> list[str]:
        """Every way of writing the term that pages recognise, the term first."""
        found = [self.term.strip()]
        for line in self.variants.splitlines():
            if line.strip() and line.strip().casefold() not in map(str.casefold, found):
                found.append(line.strip())
        return [form for form in found if form]
