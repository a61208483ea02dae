from django.urls import reverse

from core.sitemaps import LocalizedSitemap
from pathway.models import Country


class GapsSitemap(LocalizedSitemap):
    """The gap map, the countries index and every country's page: each country has
    one, gaps and all."""

    changefreq = "weekly"

    def items(self) -> list:
        return ["gaps:map", "gaps:countries", *Country.objects.order_by("code")]

    def location(self, item: Country | str) -> str:
        if isinstance(item, str):
            return reverse(item)
        return reverse("gaps:country", args=[item.code])
