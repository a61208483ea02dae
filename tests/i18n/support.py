"""What the interface-language tests share: the catalogues, and the text a visitor
reads (or hears) on a page, without the content that is not interface."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# Every language but the source language has a catalogue.
CATALOGUE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# %(name)s, %s, %d, %% ... as Python's %-formatting reads them.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
# Attributes whose text a visitor reads or hears.
TEXT_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
SKIPPED_ELEMENTS = {"script", "style", "template"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@cache
def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(catalogue_path(language)), wrapwidth=0)


def placeholders(text: str) -> list[str]:
    return sorted(match for match in PLACEHOLDER.findall(text) if match != "%%")


def fragments(text: str) -> list[str]:
    """The literal parts of a message around its placeholders, trimmed."""
    return [part.strip(" \n:;,.") for part in PLACEHOLDER.split(text) if part.strip(" \n:;,.")]


def english_left_patterns(language: str) -> list[re.Pattern]:
    """Interface English that must not show on a page in `language`: each message
    (or, for a message with placeholders, each literal part of two words or five
    letters or more) that the catalogue translates to something else, or leaves
    untranslated or fuzzy (the page then shows it in English). Shortest last, so
    that a longer message is reported rather than a word of it."""
    texts: set[str] = set()
    for entry in catalogue(language):
        if entry.obsolete:
            continue
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for source in filter(None, (entry.msgid, entry.msgid_plural)):
            if source in translations:
                continue
            parts = fragments(source)
            if len(parts) == 1 and parts[0] == source.strip(" \n:;,."):
                texts.add(parts[0])
            else:
                # A word of five letters or more alone ("%(n)s resources").
                texts.update(part for part in parts if len(part.split()) >= 2 or len(part) >= 5)
    texts = {text for text in texts if len(text) >= 3 and re.search(r"[A-Za-z]{3}", text)}
    return [
        re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")
        for text in sorted(texts, key=len, reverse=True)
    ]


def translated_fragments(language: str) -> re.Pattern:
    """The literal parts of every translation, as whole words, longest first: text
    they match is the interface in `language`, whatever English words it shares."""
    parts: set[str] = set()
    for entry in catalogue(language).translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            parts.update(fragments(translation))
    alternatives = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives or '(?!)'})(?![\w-])")


class VisibleText(HTMLParser):
    """Text nodes and spoken attributes of a page, in document order, leaving out
    scripts and styles and any element whose `lang` differs from the page's (content
    in its own language: an item's title, a country's name in the switcher)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_language = ""
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []

    def skipping(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.page_language = attributes.get("lang", "")
        language = attributes.get("lang")
        skip = tag in SKIPPED_ELEMENTS or (
            language is not None and tag != "html" and language != self.page_language
        )
        if not (skip or self.skipping()) and tag not in ("meta", "link"):
            self.texts += [attributes[name] for name in TEXT_ATTRIBUTES if attributes.get(name)]
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping() and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.texts


def english_left(
    html: str, content: tuple[set[str], str], patterns: list[re.Pattern], explained: re.Pattern
) -> list[str]:
    """Interface English on a page: in each text node, what the translations do not
    explain (translated_fragments()) and is not content (content_texts()), checked
    for an English interface message (english_left_patterns())."""
    found = []
    for text in visible_texts(html):
        for segment in SEGMENT_SEPARATOR.split(text):
            if is_content(segment, *content):
                continue
            rest = explained.sub("\x00", segment)
            for piece in PIECE_SEPARATOR.split(rest):
                if not piece.strip(" .") or is_content(piece, *content):
                    continue
                if match := next(filter(None, (p.search(piece) for p in patterns)), None):
                    found.append(f"{match.group(0)!r} in {text!r}")
                    break
    return found


def content_texts() -> tuple[set[str], str]:
    """Every text of the content models (reference data, organisations, items),
    as stored and as its Markdown renders: (the texts, all of them joined)."""
    from django.apps import apps
    from django.db import models

    from core.markup import render_markdown

    texts: set[str] = set()
    labels = ("glossary", "pathway", "barriers", "stakeholders", "contributions", "assessments")
    for label in labels:
        for model in apps.get_app_config(label).get_models():
            fields = [
                field.attname
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField)
            ]
            for row in model._default_manager.values_list(*fields):
                for value in filter(None, row):
                    texts.add(" ".join(str(value).split()))
                    if "\n" in str(value) or "*" in str(value):
                        texts.update(visible_texts(str(render_markdown(str(value)))))
    return texts, "\n".join(sorted(texts))


# What pages put around content: a title's " · site name", a stage's "3. ", the
# ellipsis of a shortened summary.
SEGMENT_SEPARATOR = re.compile(r" · | \| ")
NUMBERING = re.compile(r"^\d+\.\s+")
# Between the interface's words and the content they introduce ("Stage: 6. Treatment").
PIECE_SEPARATOR = re.compile(r"[\x00:;,()“”«»„\"]+")


def is_content(text: str, texts: set[str], joined: str) -> bool:
    """A piece of a text node that is content: a stored text, or a long enough
    piece of one (a summary shortened with an ellipsis)."""
    text = NUMBERING.sub("", text.strip()).rstrip(" …").strip()
    return text in texts or (len(text) >= 25 and text in joined)
