"""The library and the directory in the sitemap: every published item in every
language, by pages within the protocol's limits (core/sitemaps.py) listed in the
sitemap index.

Each page is one values() query of slugs and dates, not model instances: 50,000
items cost a few megabytes, not hundreds. Anonymous reads of the pages and the
index are then cached under the content version (core/pagecache.py).
"""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

from core.sitemaps import LocalizedSitemap

from .models import Contribution, Initiative, Resource


class ContributionSitemap(LocalizedSitemap):
    changefreq = "monthly"
    model: type[Contribution]

    def __init__(self) -> None:
        # The address of an item is a prefix and its slug: one reverse() per
        # language and page, not one per item.
        self.path_prefixes: dict[str, str] = {}

    def items(self):
        return self.model.objects.published().order_by("pk").values_list("slug", "updated_at")

    def location(self, item: tuple) -> str:
        return self.path_prefix() + item[0] + "/"

    def lastmod(self, item: tuple):
        return item[1]

    def get_latest_lastmod(self):
        # For the index: one aggregate, not a pass over every item.
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def path_prefix(self) -> str:
        """The items' path without the slug, in the active language."""
        language = get_language()
        if language not in self.path_prefixes:
            placeholder = "slug-placeholder"
            path = reverse(f"contributions:{self.model._meta.model_name}", args=[placeholder])
            self.path_prefixes[language] = path[: -len(placeholder) - 1]
        return self.path_prefixes[language]


class ResourceSitemap(ContributionSitemap):
    model = Resource


class InitiativeSitemap(ContributionSitemap):
    model = Initiative
