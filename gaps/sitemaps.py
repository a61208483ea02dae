from django.urls import reverse

from core.sitemaps import LocalizedSitemap
from pathway.models import Country


class GapsSitemap(LocalizedSitemap):
    """The gap map and every country's page: each country has one, gaps and all."""

    changefreq = "weekly"

    def items(self) -> list:
        return [None, *Country.objects.order_by("code")]

    def location(self, item: Country | None) -> str:
        if item is None:
            return reverse("gaps:map")
        return reverse("gaps:country", args=[item.code])
