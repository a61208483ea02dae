from django.contrib.sitemaps import Sitemap

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
