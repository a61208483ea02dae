"""The library's filters: one FilterSet per collection, shared by the web pages,
the Atom feeds and the REST API, so that the same query string selects the same
items everywhere.

Filters are lenient about values they do not know (a renamed stage in an old
shared link, a typo): the unknown values are dropped and reported through
`FilterSet.ignored()`, so the page can say what it ignored instead of failing.

`LibraryQuery` is a view's filters cleaned by these FilterSets and written as one
normalised query string, for whatever stores a view to apply it again later
(digest subscriptions).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from barriers.models import Barrier, BarrierCategory
from pathway.models import Country, Region, Stage, TherapeuticArea
from search.text import MAX_QUERY_LENGTH
from stakeholders.models import Organisation, StakeholderGroup

from . import facet_index
from .facets import Facet, FacetOption, facet_rows
from .models import LANGUAGE_CHOICES, TAG_KINDS, TRANSLATION_LANGUAGES, Initiative, Resource
from .tag_filters import (
    AvailableInFilter,
    ChoicesFilter,
    CountryFilter,
    FacetPart,
    PracticeFilter,
    RegionFilter,
    TagFilter,
    TherapeuticAreaFilter,
    clean_search_text,
    facet_pairs,
)

# Parameters of a library view that say which page to show and in what order,
# not which items.
NOT_FILTERS = frozenset({"page", "sort"})


def organisations_seen_by(request: HttpRequest | None) -> models.QuerySet[Organisation]:
    """The organisations the `organisation` filter knows: those the visitor may see,
    so that one they may not see is an unknown value like a misspelt one. Without a
    request (a stored query run by a task), what anonymous visitors see."""
    user = getattr(request, "user", None) or AnonymousUser()
    return Organisation.objects.visible_to(user)


SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Z"),
}
ORDERINGS = {
    "newest": ("-published_at", "-id"),
    "oldest": ("published_at", "id"),
    "title": ("title", "id"),
}


class ContributionFilterSet(django_filters.FilterSet):
    """Filters both kinds of contribution share. Subclasses add their own."""

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    stage = TagFilter(lookup="stages", queryset=Stage.objects.all(), label=_("Pathway stage"))
    barrier = TagFilter(
        lookup="barriers", queryset=Barrier.objects.all(), label=_("Barrier addressed")
    )
    category = TagFilter(
        lookup="barriers__category",
        queryset=BarrierCategory.objects.all(),
        label=_("Barrier category"),
    )
    audience = TagFilter(
        lookup="audiences", queryset=StakeholderGroup.objects.all(), label=_("Audience")
    )
    country = CountryFilter(
        lookup="countries",
        queryset=Country.objects.all(),
        to_field_name="code",
        normalise=str.upper,
        label=_("Country"),
    )
    region = RegionFilter(lookup="regions", queryset=Region.objects.all(), label=_("Region"))
    area = TherapeuticAreaFilter(
        lookup="therapeutic_areas",
        queryset=TherapeuticArea.objects.all(),
        label=_("Therapeutic area"),
    )
    organisation = TagFilter(
        lookup="organisation",
        queryset=organisations_seen_by,
        label=_("Organisation"),
    )
    scope = django_filters.ChoiceFilter(
        method="filter_scope",
        choices=[("exact", _("Only work for the chosen place itself"))],
        label=_("Geography"),
        help_text=_(
            "A country includes work for its region and global work, a region global "
            "work; “exact” keeps only work for the chosen places themselves."
        ),
    )
    language = ChoicesFilter(
        field_name="language", choices=LANGUAGE_CHOICES, normalise=str.lower, label=_("Language")
    )
    available = AvailableInFilter(
        choices=TRANSLATION_LANGUAGES,
        normalise=str.lower,
        label=_("Available in"),
        help_text=_(
            "Items that can be read in the language: written in it, translated into it, "
            "or with a published translation in it."
        ),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort", choices=list(SORTS.items()), label=_("Sort by"), empty_label=None
    )

    # Old filter names still accepted, for one release, as {old: new}: the API takes
    # both (and documents the old one as deprecated), the pages redirect to the new.
    deprecated_aliases: dict[str, str] = {}

    # How many items match, when facet_counts counted them (else None); whether that
    # count and the facets' stopped at the best matches (contributions.search.facet_ids);
    # whether the facet counts came from the previous content version's index, while a
    # task builds the current one (facet_index; only when the caller allowed it).
    matched_count: int | None = None
    count_capped = False
    stale_facets = False

    # The facets shown beside the results, in order (filter names).
    facet_fields: tuple[str, ...] = (*(kind.param for kind in TAG_KINDS), "language")

    def __init__(self, data=None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            if "q" in data:
                data["q"] = clean_search_text(data.get("q", ""))
            if data.get("sort") not in SORTS:
                data.pop("sort", None)
        super().__init__(data, *args, **kwargs)

    @classmethod
    def canonical(cls, data: QueryDict) -> QueryDict | None:
        """`data` with its deprecated filter names replaced by the current ones, in
        the same order, or None if it uses none."""
        if not any(old in data for old in cls.deprecated_aliases):
            return None
        renamed = QueryDict(mutable=True)
        for key, values in data.lists():
            name = cls.deprecated_aliases.get(key, key)
            renamed.setlist(name, renamed.getlist(name) + values)
        return renamed

    @property
    def search_text(self) -> str:
        return self.form.cleaned_data.get("q", "") if self.is_bound and self.is_valid() else ""

    @property
    def sort_key(self) -> str:
        chosen = self.data.get("sort") if self.is_bound else None
        if chosen in SORTS and (chosen != "relevance" or self.search_text):
            return chosen
        return "relevance" if self.search_text else "newest"

    def filter_search(self, queryset, name, value):
        return queryset.search(value) if value else queryset

    @property
    def exact_scope(self) -> bool:
        """Whether the places chosen select only work for themselves (scope=exact)."""
        return self.is_bound and self.data.get("scope") == "exact"

    def filter_scope(self, queryset, name, value):
        # Read by the place filters (PlaceFilter.exact), which apply it.
        return queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied in filter_queryset, after every filter has run.
        return queryset

    def filter_queryset(self, queryset):
        from .search import filtered_then_searched  # registers with the search app

        queryset = filtered_then_searched(self, queryset)
        if self.sort_key == "relevance":
            return queryset.order_by("-rank", "-published_at", "-id")
        return queryset.order_by(*ORDERINGS[self.sort_key])

    def ignored(self) -> list[tuple[str, str]]:
        """(filter label, value) for every value the filters did not recognise."""
        if not self.is_bound:
            return []
        self.form.is_valid()
        found = []
        for name, bound_field in self.form.fields.items():
            for value in getattr(bound_field, "ignored", []):
                found.append((str(self.filters[name].label), value))
        return found

    def selected_values(self, name: str) -> list[str]:
        return [str(v) for v in self.data.getlist(name)] if self.is_bound else []

    # Facet counts: one query for every facet, whatever the number of items or rows.

    def facets(self, stale_allowed: bool = False) -> list[Facet]:
        counts = self.facet_counts(stale_allowed)
        return [self.facet(name, counts.get(name, {})) for name in self.facet_fields]

    def facet_counts(self, stale_allowed: bool = False) -> dict[str, dict[str, dict[str, int]]]:
        """{facet: {part: {value: number of matching items}}} for every facet: from
        the bitsets of contributions/facet_index.py, or in SQL when they cannot say."""
        counts, self.matched_count = facet_index.counts(self, stale_allowed), None
        if counts is None:
            return self.sql_facet_counts()
        counts, self.matched_count, self.stale_facets = counts
        return counts

    def sql_facet_counts(self) -> dict[str, dict[str, dict[str, int]]]:
        """facet_counts in one query (TagFilter.facet_parts says what each facet counts):
        the matching items are selected once (search included), as a materialised
        common table expression; each part of a facet is then one grouped count of
        pairs (facet row, item), read from the tag tables."""
        model = self.queryset.model
        using = self.qs.db
        try:
            matching_sql, matching_params = compiled(self.qs.order_by().values("pk"))
        except EmptyResultSet:
            return {}
        ctes, cte_params = [f"{MATCHED}(id) AS MATERIALIZED ({matching_sql})"], [*matching_params]
        parts, params = [], []
        for name in self.facet_fields:
            filter_ = self.filters[name]
            matched, wide = ids_in(MATCHED), None
            if isinstance(filter_, ChoicesFilter):
                facet_parts = {"": FacetPart([facet_pairs(model, filter_.field_name, matched)])}
            else:
                everywhere = filter_.everywhere_ids(model)
                if everywhere is not None:
                    # The items every row selects, and the others, once for the facet.
                    wide_sql, wide_params = compiled(everywhere.using(using))
                    ctes += [
                        f"{MATCHED}_wide_{name}(id) AS MATERIALIZED (SELECT id "  # noqa: S608
                        f"FROM {MATCHED} WHERE id IN ({wide_sql}))",
                        f"{MATCHED}_local_{name}(id) AS MATERIALIZED (SELECT id "  # noqa: S608
                        f"FROM {MATCHED} EXCEPT SELECT id FROM {MATCHED}_wide_{name})",
                    ]
                    cte_params += wide_params
                    matched = ids_in(f"{MATCHED}_local_{name}")
                    wide = ids_in(f"{MATCHED}_wide_{name}")
                facet_parts = filter_.facet_parts(model, matched, wide)
            for part_name, part in facet_parts.items():
                selects = []
                for pair in part.pairs:
                    sql, pair_params = compiled(pair.using(using))
                    selects.append(sql)
                    params += pair_params
                count = "COUNT(DISTINCT p.i)" if part.distinct else "COUNT(*)"
                parts.append(
                    f"SELECT '{name}' AS facet, '{part_name}' AS part, p.k AS value, "  # noqa: S608
                    f"{count} AS n FROM ({' UNION ALL '.join(selects)}) p GROUP BY p.k"
                )
        sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)
        counts: dict[str, dict[str, dict[str, int]]] = {}
        with connections[using].cursor() as cursor:
            cursor.execute(sql, (*cte_params, *params))
            for facet, part, value, n in cursor.fetchall():
                counts.setdefault(facet, {}).setdefault(part, {})[str(value)] = n
        return counts

    def facet(self, name: str, counts: dict[str, dict[str, int]]) -> Facet:
        filter_ = self.filters[name]
        normalise = filter_.extra.get("normalise", str)
        selected = {normalise(value) for value in self.selected_values(name)}
        facet = Facet(name=name, label=str(filter_.label), capped=self.count_capped)
        if isinstance(filter_, ChoicesFilter):
            own = counts.get("", {})
            for value, label in filter_.field.choices:
                value = str(value)
                if own.get(value) or value in selected:
                    facet.options.append(
                        FacetOption(value, str(label), own.get(value, 0), value in selected)
                    )
            return facet
        for row in facet_rows(name, filter_, self.request):
            n = filter_.facet_count(row, counts)
            if n or row.value in selected:
                facet.options.append(
                    FacetOption(row.value, row.label, n, row.value in selected, row.group)
                )
        return facet


# The name of the matching items in the facet query.
MATCHED = "facet_matched"


def ids_in(table: str) -> RawSQL:
    """The ids of one of the facet query's own tables (named in code, never by input)."""
    return RawSQL(f"SELECT id FROM {table}", ())  # noqa: S608, S611


def compiled(queryset: models.QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(queryset.db).as_sql()


def year_choices() -> list[tuple[int, str]]:
    return [(year, str(year)) for year in range(2100, 1899, -1)]


class ResourceFilterSet(ContributionFilterSet):
    type = ChoicesFilter(
        field_name="resource_type",
        choices=Resource.Type.choices,
        normalise=str.lower,
        label=_("Type of resource"),
    )
    year = ChoicesFilter(field_name="year", choices=year_choices, label=_("Year"))

    facet_fields = (
        "type",
        *ContributionFilterSet.facet_fields,
        "year",
    )

    class Meta:
        model = Resource
        fields: list[str] = []


class InitiativeFilterSet(ContributionFilterSet):
    phase = ChoicesFilter(
        field_name="phase",
        choices=Initiative.Phase.choices,
        normalise=str.lower,
        label=_("Phase"),
    )
    status = ChoicesFilter(
        field_name="phase",
        choices=Initiative.Phase.choices,
        normalise=str.lower,
        label=_("Initiative status (deprecated: use phase)"),
    )

    practice = PracticeFilter()

    deprecated_aliases = {"status": "phase"}
    facet_fields = ("phase", *ContributionFilterSet.facet_fields)

    class Meta:
        model = Initiative
        fields: list[str] = []


# Both collections' FilterSets: a library query may hold either's parameters.
LIBRARY_FILTERSETS: tuple[type[ContributionFilterSet], ...] = (
    ResourceFilterSet,
    InitiativeFilterSet,
)


def ignored_notices(ignored: list[tuple[str, str]], raw_search: str = "") -> list[str]:
    """Plain-language notes on the values the filters ignored, and on a search
    they shortened; `ignored` as FilterSet.ignored() gives it."""
    notices = [
        gettext("We ignored “%(value)s” for %(filter)s: there is no such option.")
        % {"value": value, "filter": label.lower()}
        for label, value in ignored
    ]
    if len(raw_search) > MAX_QUERY_LENGTH:
        notices.append(
            ngettext(
                "Your search was shortened to its first %(n)d character.",
                "Your search was shortened to its first %(n)d characters.",
                MAX_QUERY_LENGTH,
            )
            % {"n": MAX_QUERY_LENGTH}
        )
    return notices


@dataclass(frozen=True)
class ChosenFilter:
    """One value of a library filter, as a query string and as a person reads it."""

    name: str
    value: str
    label: str
    value_label: str

    def __str__(self) -> str:
        return f"{self.label}: {self.value_label}"


@dataclass
class LibraryQuery:
    """A library view's filters, cleaned by the library's own FilterSets: only the
    parameters and values they know, each written as they read it (country codes
    upper-case, a search without control characters), without page or sort.

    `str()` gives the normalised query string, its pairs sorted, so that two views
    listing the same items by the same filters give the same string.
    """

    chosen: list[ChosenFilter] = field(default_factory=list)
    # What was ignored or shortened, in plain language.
    notices: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, data: QueryDict) -> "LibraryQuery":
        """Clean a query string's parameters; never fails, whatever they hold."""
        query = cls()
        claimed = set(NOT_FILTERS)
        for filterset_class in LIBRARY_FILTERSETS:
            # Each parameter is cleaned once, by the first FilterSet that has it.
            names = [name for name in filterset_class.base_filters if name not in claimed]
            claimed.update(names)
            own = QueryDict(mutable=True)
            for name in names:
                if name in data:
                    own.setlist(name, data.getlist(name))
            if not own:
                continue
            filterset = filterset_class(own)
            filterset.form.is_valid()
            for name in names:
                query.chosen += chosen_values(filterset, name)
            raw_search = data.get("q", "") if "q" in names else ""
            query.notices += ignored_notices(filterset.ignored(), raw_search)
        for name in data:
            if name not in claimed:
                query.notices.append(
                    gettext("We ignored “%(name)s”: the library has no such filter.")
                    % {"name": clean_search_text(name)[:40]}
                )
        return query

    @classmethod
    def parse(cls, query_string: str) -> "LibraryQuery":
        return cls.read(QueryDict(query_string))

    def __str__(self) -> str:
        return urlencode(sorted((chosen.name, chosen.value) for chosen in self.chosen))

    def values(self, name: str) -> list[str]:
        return [chosen.value for chosen in self.chosen if chosen.name == name]


def chosen_values(filterset: ContributionFilterSet, name: str) -> list[ChosenFilter]:
    """The values a bound, cleaned FilterSet kept for one filter, with labels."""
    value = filterset.form.cleaned_data.get(name)
    if not value:
        return []
    filter_ = filterset.filters[name]
    label = str(filter_.label)
    if isinstance(filter_, TagFilter):
        key = filter_.extra["to_field_name"]
        return [ChosenFilter(name, str(getattr(row, key)), label, str(row)) for row in value]
    if isinstance(filter_, ChoicesFilter):
        labels = {str(key): str(text) for key, text in filterset.form.fields[name].choices}
        return [ChosenFilter(name, str(v), label, labels.get(str(v), str(v))) for v in value]
    return [ChosenFilter(name, str(value), label, str(value))]
