"""The library's filters: one FilterSet per collection, shared by the web pages,
the Atom feeds and the REST API, so that the same query string selects the same
items everywhere.

Filters are lenient about values they do not know (a renamed stage in an old
shared link, a typo): the unknown values are dropped and reported through
`FilterSet.ignored()`, so the page can say what it ignored instead of failing.
"""

import unicodedata
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db import models
from django.db.models import Count, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from barriers.models import Barrier, BarrierCategory
from pathway.models import Country, Region, Stage, TherapeuticArea
from search.text import MAX_QUERY_LENGTH
from stakeholders.models import Organisation, StakeholderGroup

from .models import LANGUAGE_CHOICES, Initiative, Resource

MAX_VALUES_PER_FILTER = 50


def clean_search_text(text: str) -> str:
    """Printable text only: control characters (NUL among them) break database drivers."""
    text = unicodedata.normalize("NFC", text)
    printable = "".join(
        " " if unicodedata.category(ch).startswith(("C", "Z")) else ch for ch in text
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and remembers the others in `ignored`."""

    def __init__(self, *args, normalise=str, **kwargs) -> None:
        self.normalise = normalise
        super().__init__(*args, **kwargs)

    def clean(self, value):
        self.ignored = []
        known = {str(key) for key, _label in self.choices}
        kept = []
        for raw in (value or [])[:MAX_VALUES_PER_FILTER]:
            item = self.normalise(clean_search_text(str(raw))[:100])
            if item in known:
                if item not in kept:
                    kept.append(item)
            elif item:
                self.ignored.append(str(raw)[:100])
        return kept


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Like LenientMultipleChoiceField, for rows looked up by slug (or code)."""

    def __init__(self, *args, normalise=str, **kwargs) -> None:
        self.normalise = normalise
        super().__init__(*args, **kwargs)

    def clean(self, value):
        self.ignored = []
        wanted = []
        for raw in (value or [])[:MAX_VALUES_PER_FILTER]:
            item = self.normalise(clean_search_text(str(raw))[:100])
            if item and item not in wanted:
                wanted.append(item)
        if not wanted:
            return []
        found = {
            str(getattr(obj, self.to_field_name)): obj
            for obj in self.queryset.filter(**{f"{self.to_field_name}__in": wanted})
        }
        self.ignored = [item for item in wanted if item not in found]
        return [found[item] for item in wanted if item in found]


class TagFilter(django_filters.ModelMultipleChoiceFilter):
    """Items tagged with any of the chosen rows, without duplicating items.

    A subquery on the primary key keeps the main query free of joins, so search
    ranking, ordering and counting work on one row per item.
    """

    field_class = LenientModelMultipleChoiceField

    def __init__(self, *args, lookup: str, normalise=str, **kwargs) -> None:
        self.lookup = lookup
        kwargs.setdefault("to_field_name", "slug")
        kwargs["normalise"] = normalise
        super().__init__(*args, **kwargs)

    def tagged(self, rows) -> Q:
        """Items tagged with `rows` (a list, or an OuterRef to one facet row)."""
        lookup = self.lookup if isinstance(rows, OuterRef) else f"{self.lookup}__in"
        return Q(**{lookup: rows})

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=qs.model._default_manager.filter(self.tagged(value)).values("pk"))

    def count_per_row(self, matching: models.QuerySet) -> Subquery:
        """How many of the `matching` items each facet row would select."""
        items = matching.model._default_manager.filter(pk__in=matching.values("pk"))
        return Subquery(
            items.filter(self.tagged(OuterRef("pk")))
            .order_by()
            .values(n=Func("pk", function="COUNT", template="COUNT(DISTINCT %(expressions)s)"))
        )


class RegionFilter(TagFilter):
    """Items tagged with the region itself or with any country in it."""

    def tagged(self, rows) -> Q:
        if isinstance(rows, OuterRef):
            return Q(regions=rows) | Q(countries__region=rows)
        return Q(regions__in=rows) | Q(countries__region__in=rows)


class TherapeuticAreaFilter(TagFilter):
    """Items tagged with the area or any narrower area (Oncology includes Lung cancer)."""

    def tagged(self, rows) -> Q:
        if isinstance(rows, OuterRef):
            return Q(therapeutic_areas=rows) | Q(therapeutic_areas__parent=rows)
        return Q(therapeutic_areas__in=rows) | Q(therapeutic_areas__parent__in=rows)


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


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


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


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
    country = TagFilter(
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
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
    )
    language = ChoicesFilter(
        field_name="language", choices=LANGUAGE_CHOICES, normalise=str.lower, label=_("Language")
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort", choices=list(SORTS.items()), label=_("Sort by"), empty_label=None
    )

    # The facets shown beside the results, in order: (filter name, model field).
    facet_fields: tuple[str, ...] = (
        "stage",
        "category",
        "barrier",
        "audience",
        "region",
        "country",
        "area",
        "language",
    )

    def __init__(self, data=None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            if "q" in data:
                data["q"] = clean_search_text(data.get("q", ""))
            if data.get("sort") not in SORTS:
                data.pop("sort", None)
        super().__init__(data, *args, **kwargs)

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

    def filter_sort(self, queryset, name, value):
        # Ordering is applied in filter_queryset, after every filter has run.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
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

    # Facet counts: one aggregate query per facet, whatever the number of items.

    def facets(self) -> list[Facet]:
        return [self.facet(name) for name in self.facet_fields]

    def facet(self, name: str) -> Facet:
        filter_ = self.filters[name]
        normalise = filter_.extra.get("normalise", str)
        selected = {normalise(value) for value in self.selected_values(name)}
        facet = Facet(name=name, label=str(filter_.label))
        matching = self.qs.order_by()
        if isinstance(filter_, ChoicesFilter):
            counts = {
                str(value): n
                for value, n in matching.values_list(filter_.field_name)
                .annotate(n=Count("pk"))
                .order_by()
            }
            for value, label in filter_.field.choices:
                value = str(value)
                if counts.get(value) or value in selected:
                    facet.options.append(
                        FacetOption(value, str(label), counts.get(value, 0), value in selected)
                    )
            return facet
        key = filter_.extra["to_field_name"]
        rows = filter_.queryset.annotate(n=Coalesce(filter_.count_per_row(matching), 0))
        if name == "barrier":
            rows = rows.select_related("category")
        elif name == "area":
            rows = rows.select_related("parent")
        for row in rows:
            value = str(getattr(row, key))
            if row.n or value in selected:
                group = ""
                if name == "barrier":
                    group = row.category.name
                facet.options.append(FacetOption(value, str(row), row.n, value in selected, group))
        return facet


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
    status = ChoicesFilter(
        field_name="phase",
        choices=Initiative.Phase.choices,
        normalise=str.lower,
        label=_("Initiative status"),
    )

    facet_fields = ("status", *ContributionFilterSet.facet_fields)

    class Meta:
        model = Initiative
        fields: list[str] = []
