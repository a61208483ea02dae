"""Glossary terms explained where a page first uses them.

A page's prose passes through `PageTerms.annotate()` (the `{% explain_terms %}` tag):
the first time any form of a term appears, outside links, headings and code, it
becomes a link to the term's glossary entry whose `aria-describedby` points at the
term's explanation in the page's "Words explained on this page" box
(`{% explained_terms %}`), so a screen reader says the explanation with the word,
everyone sees it in the box, and nothing needs JavaScript or a pointer to hover.
Later uses on the same page stay plain text.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Term

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
# Text inside these elements is left alone: a link cannot hold a link, a heading
# stays short, code is not prose.
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "dfn", "abbr", "button"}


def explanation_id(term: Term) -> str:
    return f"glossary-{term.slug}"


class PageTerms:
    """The glossary of one page: which terms it can explain, and which it has."""

    def __init__(self, terms: list[Term]) -> None:
        self.by_form: dict[str, Term] = {}
        for term in terms:
            for form in term.forms:
                self.by_form.setdefault(form.lower(), term)
        # Longest first, so that "liquid biopsy" wins over "biopsy".
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)
            if forms
            else None
        )
        self.explained: list[Term] = []

    @classmethod
    def for_active_language(cls) -> "PageTerms":
        return cls(list(Term.objects.all()))

    def annotate(self, html: str) -> SafeString:
        """`html` (safe markup) with each term not yet explained on the page linked
        where it first appears."""
        if self.pattern is None:
            return mark_safe(html)  # noqa: S308 (the caller's safe markup, unchanged)
        out = []
        skipped = 0
        for part in TAG.split(html):
            if part.startswith("<"):
                match = TAG_NAME.match(part)
                if match and match.group(2).lower() in SKIPPED and not part.endswith("/>"):
                    skipped = max(0, skipped + (-1 if match.group(1) else 1))
                out.append(part)
            elif skipped or not part:
                out.append(part)
            else:
                out.append(self.pattern.sub(self._link_first_use, part))
        return mark_safe("".join(out))  # noqa: S308 (only links added, with escaped attributes)

    def _link_first_use(self, match: re.Match) -> str:
        text = match.group(0)
        term = self.by_form.get(text.lower())
        if term is None or term in self.explained:
            return text
        self.explained.append(term)
        return (
            f'<a class="glossary-term" href="{escape(term.get_absolute_url())}" '
            f'aria-describedby="{escape(explanation_id(term))}">{text}</a>'
        )
