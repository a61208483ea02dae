"""The library and the directory in the sitemap: every published item, by pages of
at most 50,000 URLs (the protocol's limit) listed in the sitemap index.

Each page is one values() query of slugs and dates, not model instances: 50,000
items cost a few megabytes, not hundreds. Anonymous reads of the pages and the
index are then cached under the content version (core/pagecache.py).
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Contribution, Initiative, Resource

# Django's default too, stated because the protocol caps a sitemap file there.
URLS_PER_PAGE = 50_000


class ContributionSitemap(Sitemap):
    changefreq = "monthly"
    limit = URLS_PER_PAGE
    model: type[Contribution]

    def items(self):
        return self.model.objects.published().order_by("pk").values_list("slug", "updated_at")

    def location(self, item: tuple) -> str:
        return self.path_prefix + item[0] + "/"

    def lastmod(self, item: tuple):
        return item[1]

    def get_latest_lastmod(self):
        # For the index: one aggregate, not a pass over every item.
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    @cached_property
    def path_prefix(self) -> str:
        # The URL of an item is the prefix and its slug: one reverse() per page,
        # not one per item.
        placeholder = "slug-placeholder"
        return reverse(f"contributions:{self.model._meta.model_name}", args=[placeholder])[
            : -len(placeholder) - 1
        ]


class ResourceSitemap(ContributionSitemap):
    model = Resource


class InitiativeSitemap(ContributionSitemap):
    model = Initiative
