from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from barriers.models import Barrier
from core.sitemaps import LocalizedSitemap
from pathway.models import Stage
from stakeholders.models import Organisation


class StageSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Stage]:
        return Stage.objects.all()


class BarrierSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> QuerySet[Barrier]:
        return Barrier.objects.order_by("pk")


class OrganisationSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet[Organisation]:
        # What a crawler, an anonymous visitor, may see.
        return Organisation.objects.visible_to(AnonymousUser()).order_by("pk")
