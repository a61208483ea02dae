"""Atom feeds of the library and the directory, honouring the same filters
(query string) as the pages, so any filtered view can be followed in a reader.

Partners write the summaries, so they go out as text (`<summary type="text">`):
a reader that trusts the feed's declaration shows markup in them as typed, never
runs it. Links are on SITE_URL, not the Host header the client sent."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from ..filters import ContributionFilterSet, InitiativeFilterSet, ResourceFilterSet
from ..models import Contribution, Initiative, Resource

FEED_SIZE = 50

# Characters XML 1.0 cannot carry (C0 controls but tab, newline and return; the
# surrogates; U+FFFE, U+FFFF): Django refuses to write them, which would be a 500.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


class TextSummaryAtomFeed(Atom1Feed):
    """Atom with each entry's summary declared as text rather than HTML."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ContributionFeed(Feed):
    feed_type = TextSummaryAtomFeed
    filterset_class: type[ContributionFilterSet]
    model: type[Contribution]

    def get_object(self, request: HttpRequest) -> HttpRequest:
        return request

    def link(self, request: HttpRequest) -> str:
        query = (self.filterset_class.canonical(request.GET) or request.GET).urlencode()
        return settings.SITE_URL + self.page_path + (f"?{query}" if query else "")

    def feed_url(self, request: HttpRequest) -> str:
        return settings.SITE_URL + request.path

    def items(self, request: HttpRequest):
        queryset = self.model.objects.published().with_tags()
        return self.filterset_class(request.GET, queryset=queryset, request=request).qs[:FEED_SIZE]

    def item_title(self, item: Contribution) -> str:
        return xml_text(item.title)

    def item_description(self, item: Contribution) -> str:
        return xml_text(item.summary)

    def item_link(self, item: Contribution) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item: Contribution):
        return item.published_at

    def item_updateddate(self, item: Contribution):
        return item.updated_at

    def item_author_name(self, item: Contribution) -> str:
        return xml_text(item.organisation.name)

    def item_categories(self, item: Contribution) -> list[str]:
        return [xml_text(stage.name) for stage in item.stages.all()]

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
