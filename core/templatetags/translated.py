"""Reference content in the visitor's language, or in English with a note.

`{% translated stage "summary" %}` shows the stage's summary in the active language.
When it has no translation yet, it shows the English text marked `lang="en"` (so
that a screen reader reads it with English pronunciation) and a visible "Not yet
translated" note in the active language. A fourth argument says how the text is
shown:

- "text" (the default): inline, for headings, links and short texts;
- "linebreaks": paragraphs, as Django's linebreaks filter makes them;
- "markdown": sanitised Markdown (core/markup.py), for the "in more detail" texts;
- "list": a <ul> with a line per item (a stage's questions to ask).

Models without translated columns, and English pages, get the text as it is.
Titles and attributes, which cannot hold markup, use `{{ stage.name }}`, which falls
back to English the same way, without the note.
"""

from django import template
from django.db import models
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname, get_language

from core.markup import render_markdown

register = template.Library()

SOURCE_LANGUAGE = "en"
BLOCK_FORMATS = ("linebreaks", "markdown", "list")


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def formatted(text: str, how: str) -> SafeString:
    if how == "markdown":
        return render_markdown(text)
    if how == "linebreaks":
        return linebreaks_filter(text, autoescape=True)
    if how == "list":
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines(text)))
        )
    return format_html("{}", text)


def stored(instance: models.Model, name: str, language: str) -> str | None:
    """The text of `name` stored for `language` (None if the model has no such column)."""
    column = build_localized_fieldname(name, language)
    if not any(f.attname == column for f in instance._meta.concrete_fields):
        return None
    return getattr(instance, column) or ""


def is_untranslated(instance: models.Model, name: str, language: str) -> bool:
    """Whether `name` is shown in English in `language` for want of a translation."""
    if language == SOURCE_LANGUAGE:
        return False
    local = stored(instance, name, language)
    return local is not None and not local.strip() and bool(stored(instance, name, SOURCE_LANGUAGE))


@register.simple_tag
def translated(instance: models.Model, name: str, how: str = "text") -> SafeString:
    if how not in ("text", *BLOCK_FORMATS):
        raise template.TemplateSyntaxError(f"translated: unknown format {how!r}")
    language = get_language()
    if not is_untranslated(instance, name, language):
        return formatted(getattr(instance, name) or "", how)
    english = formatted(stored(instance, name, SOURCE_LANGUAGE), how)
    note = _("Not yet translated")
    if how in BLOCK_FORMATS:
        return format_html(
            '<div class="untranslated"><p class="untranslated__note">{}</p>'
            '<div lang="{}">{}</div></div>',
            note,
            SOURCE_LANGUAGE,
            english,
        )
    return format_html(
        '<span lang="{}">{}</span> <span class="untranslated__note">{}</span>',
        SOURCE_LANGUAGE,
        english,
        note,
    )
