from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Stage


class StageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Stage]:
        return Stage.objects.all()
