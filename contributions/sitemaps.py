from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from pathway.models import Country

from .models import Initiative, Resource


class ResourceSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Resource.objects.published().order_by("pk")

    def lastmod(self, item: Resource):
        return item.updated_at


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Initiative.objects.published().order_by("pk")

    def lastmod(self, item: Initiative):
        return item.updated_at


class GapsSitemap(Sitemap):
    """The gap map and every country's page: each country has one, gaps and all."""

    changefreq = "weekly"

    def items(self) -> list:
        return [None, *Country.objects.order_by("code")]

    def location(self, item: Country | None) -> str:
        if item is None:
            return reverse("contributions:gaps")
        return reverse("contributions:country", args=[item.code])
