"""Sitemaps of pages that exist in every language (core/i18n.py).

Each page is listed once per language, each entry with the page's address in every
language and x-default (`<xhtml:link rel="alternate" hreflang=…>`), as Django's
sitemaps do with `i18n`, `alternates` and `x_default`. Two things differ:

- Django builds the list of every (item, language) pair before it takes a page of
  it; here the pairs are worked out from the page's slice of the items only, so a
  page costs its own rows, not the whole table's (LanguagePairs).
- An entry holds its own address, one link per language and x-default: a page holds
  URLS_PER_PAGE / (languages + 2) entries, so that even counting every link it
  stays within the protocol's 50,000 URLs (and far below its 50 MB).
"""

from collections.abc import Sequence

from django.conf import settings
from django.contrib.sitemaps import Sitemap

# The protocol's limit of a sitemap file.
URLS_PER_PAGE = 50_000


def entries_per_page() -> int:
    """Entries of a page: each is its own URL, one alternate per language and x-default."""
    return URLS_PER_PAGE // (len(settings.LANGUAGES) + 2)


class LanguagePairs(Sequence):
    """The (item, language) pairs of `items`, item by item, sliced without loading
    the items outside the slice. `items` may be a queryset or a list."""

    def __init__(self, items, languages: list[str]) -> None:
        self.items = items
        self.languages = languages

    def __len__(self) -> int:
        count = self.items.count() if hasattr(self.items, "query") else len(self.items)
        return count * len(self.languages)

    def __getitem__(self, index):
        width = len(self.languages)
        if isinstance(index, int):
            return (self.items[index // width], self.languages[index % width])
        # The paginator asks for [bottom:top] after counting: no second count here.
        start, stop, step = index.start or 0, index.stop, index.step or 1
        if stop is None or start < 0 or stop < 0:
            start, stop, step = index.indices(len(self))
        first, last = start // width, -(-stop // width)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        offset = first * width
        return pairs[start - offset : stop - offset : step]


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = entries_per_page()

    def _items(self):
        return LanguagePairs(self.items(), self._languages())
