"""The library's filter classes: lenient with unknown values on pages (the API
refuses them), a subquery per tag so ranking and counting see one row per item, and
the one rule for places (PlaceFilter)."""

import unicodedata

import django_filters
from django import forms
from django.db import models
from django.db.models import Func, OuterRef, Q, Subquery
from django.http import QueryDict

from pathway.countries import CountryNames
from search.text import MAX_QUERY_LENGTH

MAX_VALUES_PER_FILTER = 50
# How many unknown countries get close names suggested.
MAX_SUGGESTED = 3


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


class CountryChoiceField(LenientModelMultipleChoiceField):
    """Countries as people type them: ISO codes or names in any case, with or without
    accents, several in one value if separated by commas (pathway.countries). What
    names no country is in `ignored`, and `suggestions` holds close names for it."""

    def clean(self, value):
        self.ignored = []
        self.suggestions: dict[str, list[str]] = {}
        raw_values = [clean_search_text(str(raw)) for raw in (value or [])]
        if not any(raw_values):
            return []
        names = CountryNames.load()
        wanted: list[str] = []
        for raw in raw_values[:MAX_VALUES_PER_FILTER]:
            codes, unknown = names.read(raw)
            wanted += [code for code in codes if code not in wanted]
            for typed in unknown:
                if typed[:100] not in self.ignored:
                    self.ignored.append(typed[:100])
                # Close names for the first few only: each is a fuzzy match over every name.
                if len(self.suggestions) < MAX_SUGGESTED:
                    self.suggestions.setdefault(typed[:100], names.suggestions(typed))
        found = {str(row.code): row for row in self.queryset.filter(code__in=wanted)}
        return [found[code] for code in wanted if code in found]


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


class PlaceFilter(TagFilter):
    """A geography filter: the one rule for a place, wherever the library's filters
    apply (pages, API, feeds, CSV, digests, the gap map).

    Work for a place includes the work that covers it: a country's items come with
    those for its region and with global ones, a region's with global ones. With
    `scope=exact` only work for the place itself is selected.
    """

    def covering(self, own: Q, region: Q | None = None) -> Q:
        parent = getattr(self, "parent", None)  # unbound when used without a FilterSet
        if parent is not None and parent.exact_scope:
            return own
        wider = Q(regions__is_global=True)
        return own | (region | wider if region is not None else wider)

    def select(self, queryset, places: list, exact: bool):
        """`queryset` narrowed to work for `places`, or only for themselves when
        `exact`, without a FilterSet (the gap map uses it)."""
        own = self.exact_places(places)
        condition = own if exact else self.tagged(places)
        return queryset.filter(
            pk__in=queryset.model._default_manager.filter(condition).values("pk")
        )


class CountryFilter(PlaceFilter):
    field_class = CountryChoiceField

    @staticmethod
    def with_codes(data: QueryDict, names: CountryNames) -> QueryDict | None:
        """`data` with the countries typed by name written as their codes, for a link
        that says what it shows; None if nothing changes. What names no country (or
        nothing: an empty box) is kept as it is, for the page to say so or ignore it."""
        values = data.getlist("country")
        rewritten: list[str] = []
        for value in values:
            codes, unknown = names.read(value)
            rewritten += codes if codes and not unknown else [value]
        if rewritten == values:
            return None
        rewritten = list(dict.fromkeys(rewritten))
        changed = data.copy()
        changed.setlist("country", rewritten)
        return changed

    def exact_places(self, rows) -> Q:
        return Q(countries__in=rows)

    def tagged(self, rows) -> Q:
        if isinstance(rows, OuterRef):
            return self.covering(Q(countries=rows), Q(regions__countries=rows))
        return self.covering(Q(countries__in=rows), Q(regions__countries__in=rows))


class RegionFilter(PlaceFilter):
    """The region itself or any country in it (and, as for every place, global work)."""

    def exact_places(self, rows) -> Q:
        return Q(regions__in=rows) | Q(countries__region__in=rows)

    def tagged(self, rows) -> Q:
        if isinstance(rows, OuterRef):
            return self.covering(Q(regions=rows) | Q(countries__region=rows))
        return self.covering(Q(regions__in=rows) | Q(countries__region__in=rows))


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
