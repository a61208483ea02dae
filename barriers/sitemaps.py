from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Barrier


class BarrierSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> QuerySet[Barrier]:
        return Barrier.objects.order_by("pk")
