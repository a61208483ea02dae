from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from .models import Organisation


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet[Organisation]:
        # Unverified organisations have no public page.
        return Organisation.objects.verified().order_by("pk")
