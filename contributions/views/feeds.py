"""Atom feeds of the library and the directory, honouring the same filters
(query string) as the pages, so any filtered view can be followed in a reader."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from ..filters import ContributionFilterSet, InitiativeFilterSet, ResourceFilterSet
from ..models import Contribution, Initiative, Resource

FEED_SIZE = 50


class ContributionFeed(Feed):
    feed_type = Atom1Feed
    filterset_class: type[ContributionFilterSet]
    model: type[Contribution]

    def get_object(self, request: HttpRequest) -> HttpRequest:
        return request

    def link(self, request: HttpRequest) -> str:
        query = (self.filterset_class.canonical(request.GET) or request.GET).urlencode()
        return self.page_path + (f"?{query}" if query else "")

    def items(self, request: HttpRequest):
        queryset = self.model.objects.published().with_tags()
        return self.filterset_class(request.GET, queryset=queryset, request=request).qs[:FEED_SIZE]

    def item_title(self, item: Contribution) -> str:
        return item.title

    def item_description(self, item: Contribution) -> str:
        return item.summary

    def item_pubdate(self, item: Contribution):
        return item.published_at

    def item_updateddate(self, item: Contribution):
        return item.updated_at

    def item_author_name(self, item: Contribution) -> str:
        return item.organisation.name

    def item_categories(self, item: Contribution) -> list[str]:
        return [stage.name for stage in item.stages.all()]

    def feed_copyright(self) -> str:
        return settings.SITE_NAME


class ResourceFeed(ContributionFeed):
    title = _("New resources · FT3 Pathway Portal")
    description = _("Resources newly published in the FT3 Pathway Portal library.")
    page_path = "/resources/"
    filterset_class = ResourceFilterSet
    model = Resource


class InitiativeFeed(ContributionFeed):
    title = _("New initiatives · FT3 Pathway Portal")
    description = _("Initiatives newly published in the FT3 Pathway Portal directory.")
    page_path = "/initiatives/"
    filterset_class = InitiativeFilterSet
    model = Initiative
