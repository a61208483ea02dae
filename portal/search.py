"""The site-wide search: one query over stages, barriers, stakeholder groups,
organisations, resources and initiatives, grouped by kind (issue #12).

The search app does the matching and ranking; this module says what each kind
is found by, which of its rows are public, and how a country narrows them.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.db import connections, models
from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from barriers.models import Barrier
from contributions.filters import ContributionFilterSet
from contributions.models import Initiative, Resource
from contributions.search import search as search_items
from pathway.models import Country, Stage
from search import index, matching
from search.fields import Fields
from search.query import ParsedQuery, parse
from stakeholders.models import Organisation, StakeholderGroup

# The languages reference content is translated into, each found in its own words.
TRANSLATIONS = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
# What reference content is found by; resources and initiatives: contributions.search.
REFERENCE_DOCUMENTS = {
    "stage": (
        Stage,
        Fields(
            title=("name",),
            summary=("summary", "patient_summary"),
            body=("description", "patient_questions"),
            languages=TRANSLATIONS,
        ),
    ),
    "barrier": (
        Barrier,
        Fields(
            title=("title",),
            summary=("summary",),
            body=("description",),
            tags=("category__name",),
            languages=TRANSLATIONS,
        ),
    ),
    "stakeholdergroup": (
        StakeholderGroup,
        Fields(title=("name",), summary=("description",), languages=TRANSLATIONS),
    ),
    "organisation": (
        Organisation,
        Fields(title=("name",), summary=("description",), tags=("group__name", "country__name")),
    ),
}
for _kind, (_model, _fields) in REFERENCE_DOCUMENTS.items():
    index.register(_kind, _model, _fields.document, prepare=_fields.prepare)
    for _related, _name, _lookup in _fields.related(_model):
        index.follow(_related, (_name,), _kind, _lookup)

# The kinds in the order the page shows them when their best results rank alike.
KINDS = ("stage", "barrier", "stakeholdergroup", "organisation", "resource", "initiative")
KIND_LABELS = {
    "stage": _("Pathway stages"),
    "barrier": _("Barriers"),
    "stakeholdergroup": _("Stakeholder groups"),
    "organisation": _("Organisations"),
    "resource": _("Resources"),
    "initiative": _("Initiatives"),
}
# The library page that lists more of a kind, with the same words.
LIBRARIES = {"resource": "contributions:resources", "initiative": "contributions:initiatives"}
# How many results of each kind a search shows.
PER_KIND = 10


@dataclass
class Hit:
    kind: str
    item: models.Model
    rank: float

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.item.slug)

    @property
    def title(self) -> str:
        return getattr(self.item, "title", None) or self.item.name

    @property
    def summary(self) -> str:
        if self.kind == "stage":
            return self.item.patient_summary or self.item.summary
        return getattr(self.item, "summary", "") or getattr(self.item, "description", "")

    @property
    def questions(self) -> list[str]:
        """A stage's questions to ask, one a line."""
        if self.kind != "stage":
            return []
        lines = (line.strip(" -*\t") for line in self.item.patient_questions.splitlines())
        return [line for line in lines if line]

    @property
    def url(self) -> str:
        if self.kind == "stakeholdergroup":
            return f"{reverse('portal:stakeholders')}#{self.item.slug}"
        return self.item.get_absolute_url()


@dataclass
class Section:
    kind: str
    hits: list[Hit]
    count: int
    library_url: str = ""
    # The count stopped at search.matching.CANDIDATES: there are more ("400+").
    capped: bool = False

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def best(self) -> float:
        return self.hits[0].rank if self.hits else 0.0

    @property
    def count_label(self) -> str:
        """The count as shown: "1,234", or "400+" when it stopped there."""
        count = intcomma(self.count)
        # Translators: a count of results that stopped at this number: there are more.
        return _("%(count)s+") % {"count": count} if self.capped else count


@dataclass
class SiteSearch:
    query: ParsedQuery
    country: Country | None
    sections: list[Section] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(section.count for section in self.sections)

    @property
    def capped(self) -> bool:
        """Whether some section's count stopped short: the total is a lower bound."""
        return any(section.capped for section in self.sections)

    def ranking(self) -> list[Hit]:
        """Every hit shown, best first across kinds."""
        hits = [hit for section in self.sections for hit in section.hits]
        return sorted(hits, key=lambda hit: (-hit.rank, KINDS.index(hit.kind)))


def in_country(queryset: models.QuerySet, country: Country) -> models.QuerySet:
    """Items for `country` by the library's one rule for places: tagged with it, with
    its region, or with global scope."""
    return ContributionFilterSet.base_filters["country"].select(queryset, [country], exact=False)


def candidates(kind: str) -> models.QuerySet:
    """The public rows of a kind, before any words."""
    if kind == "resource":
        return Resource.objects.published()
    if kind == "initiative":
        return Initiative.objects.published()
    if kind == "organisation":
        return Organisation.objects.verified()
    return REFERENCE_DOCUMENTS[kind][0]._default_manager.all()


def search_kind(
    kind: str, query: ParsedQuery, country: Country | None = None, *, best: int | None = None
) -> models.QuerySet:
    """The rows of `kind` answering `query`, best first, annotated with `rank`
    (`best`: only that many first ones are wanted, see search.matching.search)."""
    rows = candidates(kind)
    if kind in LIBRARIES:
        if country is not None:
            rows = in_country(rows, country)
        found = search_items(rows, query, best=best)
        # Where each applies, shown as its scope ("Europe-wide", "Global").
        return found.order_by("-rank", "-published_at", "-pk").prefetch_related(
            "countries", "regions"
        )
    # Their vectors are stored by the search app (search.models.StoredVector).
    return matching.search_stored(rows, kind, query, best=best).order_by("-rank", "pk")


def site_search(
    text: str | ParsedQuery,
    country: Country | None = None,
    *,
    correct: bool = True,
    per_kind: int = PER_KIND,
    kinds: tuple[str, ...] = KINDS,
) -> SiteSearch:
    """Search everything public for `text`; `correct` corrects misspellings."""
    query = text if isinstance(text, ParsedQuery) else parse(text, correct=correct)
    results = SiteSearch(query=query, country=country)
    if not query:
        return results
    for kind in kinds:
        found = search_kind(kind, query, country, best=per_kind)
        if query.needed > 1:
            # The answers are few (on PostgreSQL, some of the candidates): they are
            # counted with the page rather than matched again by a second query.
            found = found.annotate(matches=Window(Count("pk")))
        rows = list(found[:per_kind])
        hits = [Hit(kind, row, row.rank) for row in rows]
        if not hits:
            continue
        capped = False
        if query.needed > 1:
            count = rows[0].matches
            # On PostgreSQL resources and initiatives are sought among CANDIDATES
            # rows only: as many answers as that may hide more.
            candidates_only = kind in LIBRARIES and connections[found.db].vendor == "postgresql"
            capped = candidates_only and count >= matching.CANDIDATES
        elif len(hits) < per_kind:
            count = len(hits)
        else:
            count, capped = matching.capped_count(search_kind(kind, query, country))
        library_url = ""
        if kind in LIBRARIES:
            params = {"q": query.corrected_text}
            if country is not None:
                params["country"] = country.code
            library_url = f"{reverse(LIBRARIES[kind])}?{urlencode(params)}"
        results.sections.append(Section(kind, hits, count, library_url, capped))
    results.sections.sort(key=lambda section: (-section.best, KINDS.index(section.kind)))
    return results


@dataclass
class Help:
    """What to try when a search finds nothing."""

    words: list[str]
    broader: bool
    pathway: list[Hit]


def zero_results_help(results: SiteSearch) -> Help:
    """Fewer words, a broader geography, and the stages and barriers that match any
    one of the words."""
    query = results.query
    loose = site_search(query.loosened(), kinds=("stage", "barrier"), per_kind=3)
    return Help(
        words=list(query.words) if len(query.words) > 1 else [],
        broader=results.country is not None,
        pathway=loose.ranking(),
    )
