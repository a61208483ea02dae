"""The library's filter classes: lenient with unknown values on pages (the API
refuses them), a subquery per tag so ranking and counting see one row per item, and
the one rule for places (PlaceFilter)."""

import unicodedata
from dataclasses import dataclass

import django_filters
from django import forms
from django.db import connections, models
from django.db.models import F, OuterRef, Q, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core import content_version
from pathway.countries import CountryNames, country_names
from pathway.models import Country, Region
from search.text import MAX_QUERY_LENGTH

from .extensions import practice_rule

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


# The value that stands for "every row of the facet" in facet counts.
EVERYWHERE = "*"


@dataclass
class FacetPart:
    """Pair queries (k: facet row or value, i: item) counted together, grouped by k;
    `distinct` when an item may come more than once for a row."""

    pairs: list[models.QuerySet]
    distinct: bool = False


def facet_pairs(model, path: str, matched) -> models.QuerySet:
    """(k, i) for the `matched` items, following `path` from the item, read from the
    tag table alone when the path starts with a tag."""
    first, _, rest = path.partition("__")
    field = model._meta.get_field(first)
    if field.many_to_many:
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = field.remote_field.through.objects.filter(**{f"{source}__in": matched})
        key, item = f"{target}__{rest}" if rest else target, f"{source}_id"
    else:
        rows = model._default_manager.filter(pk__in=matched)
        key, item = path, "pk"
    return rows.order_by().values(k=Cast(key, models.TextField()), i=F(item))


def linked_ids(model, name: str, lookup: str, value) -> models.QuerySet:
    """The ids of the items of `model` whose `name` links (a many-to-many field) lead
    to a row matching `lookup` = `value`, read from the link table alone."""
    field = model._meta.get_field(name)
    item, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = field.remote_field.through.objects.filter(**{f"{target}__{lookup}": value})
    return links.values(f"{item}_id")


def linked_items(model, name: str, lookup: str, value, field: str = "pk") -> Q:
    return Q(**{f"{field}__in": linked_ids(model, name, lookup, value)})


def global_region_ids() -> set[int]:
    """The regions whose work applies everywhere (one, "Global"), read once per
    content version."""
    return content_version.kept(
        "global-regions",
        lambda: set(Region.objects.filter(is_global=True).values_list("pk", flat=True)),
    )


def countries_by_region() -> dict[int, list[str]]:
    """The codes of each region's countries, read once per content version."""

    def build() -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for region, code in Country.objects.exclude(region=None).values_list("region", "pk"):
            found.setdefault(region, []).append(str(code))
        return found

    return content_version.kept("countries-by-region", build)


class StoredPlaces(Expression):
    """Whether the row's `places` (PostgreSQL: the keys of the countries and
    regions it is tagged with, kept by triggers, contributions migration 0014)
    hold any of `keys` ("c:FR", "r:5"): a test on the row itself, which a GIN
    index also answers, rather than the link tables' ids read in every statement.
    Not a model field, so the column is named next to the row's compiled key."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, keys: list[str]):
        super().__init__()
        self.keys = sorted(set(keys))
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, expressions):
        (self.pk,) = expressions

    def as_sql(self, compiler, connection):
        raise NotImplementedError("Stored places are a PostgreSQL column.")

    def as_postgresql(self, compiler, connection):
        pk, params = compiler.compile(self.pk)
        column = connection.ops.quote_name("id")
        if not pk.endswith(column):
            raise NotImplementedError(f"No places next to {pk}.")
        places = pk[: -len(column)] + connection.ops.quote_name("places")
        return f"{places} && %s::text[]", (*params, self.keys)


def stored_places(model) -> bool:
    """Whether `model`'s rows hold their places (PostgreSQL)."""
    return connections[model._default_manager.db].vendor == "postgresql"


def everywhere_pairs(model, wide) -> models.QuerySet:
    return (
        model._default_manager.filter(pk__in=wide)
        .order_by()
        .values(k=Value(EVERYWHERE, output_field=models.TextField()), i=F("pk"))
    )


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
        names = country_names()
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
        return qs.filter(self.items_for(qs.model, value))

    def items_for(self, model, rows, field: str = "pk") -> Q:
        """The items of `model` this filter selects for `rows`, as a condition on
        `field`, their id (or a column holding it, in another table)."""
        items = model._default_manager.filter(self.tagged(rows)).values("pk")
        return Q(**{f"{field}__in": items})

    def facet_paths(self) -> tuple[str, ...]:
        """The lookups from an item to the facet rows that select it."""
        return (self.lookup,)

    def everywhere(self) -> Q | None:
        """The items that every facet row selects, if there are such items."""
        return None

    def everywhere_ids(self, model) -> models.QuerySet | None:
        """The ids of the items of `model` that every facet row selects."""
        return None

    def facet_parts(self, model, matched, wide=None) -> dict[str, FacetPart]:
        """What to count, for each facet row: {part: pairs (k: row, i: item) of tag
        tables}, each part one grouped count (ContributionFilterSet.facet_counts).
        `matched` and `wide` are SQL expressions of the ids of the matching items:
        `wide` those every row selects (self.everywhere()), counted once, as
        EVERYWHERE; `matched` the others."""
        paths = self.facet_paths()
        parts = {
            "": FacetPart(
                [facet_pairs(model, path, matched) for path in paths],
                distinct=len(paths) > 1 or "__" in paths[0],
            )
        }
        if wide is not None:
            parts[EVERYWHERE] = FacetPart([everywhere_pairs(model, wide)])
        return parts

    def facet_count(self, row, counts: dict[str, dict[str, int]]) -> int:
        """How many of the matched items `row` selects, from facet_parts' counts."""
        own = counts.get("", {}).get(str(row.pk), 0)
        return own + counts.get(EVERYWHERE, {}).get(EVERYWHERE, 0)


class PlaceFilter(TagFilter):
    """A geography filter: the one rule for a place, wherever the library's filters
    apply (pages, API, feeds, CSV, digests, the gap map).

    Work for a place includes the work that covers it: a country's items come with
    those for its region and with global ones, a region's with global ones. With
    `scope=exact` only work for the place itself is selected.

    The items are selected as a union of id lists read from the link tables alone
    (`id IN (…) OR id IN (…)`), each list through the link table's index, rather than
    by joining the items to their countries and regions and testing the alternatives
    on every combination of the two (hundreds of milliseconds for a busy country).
    """

    @property
    def exact(self) -> bool:
        parent = getattr(self, "parent", None)  # unbound when used without a FilterSet
        return parent is not None and parent.exact_scope

    def own_work(self, model, rows, field: str) -> Q:
        """The items for `rows` themselves (all that `scope=exact` selects)."""
        raise NotImplementedError

    def wider_work(self, model, rows, field: str) -> Q:
        """The items whose wider scope covers `rows`: global work, for every place
        (the items tagged with a region of covering_region_ids)."""
        return linked_items(model, "regions", "is_global", True, field)

    def covering_region_ids(self, rows) -> set[int]:
        """The regions whose work wider_work selects, for whoever holds an item's
        regions rather than reading their links (the gap map's coverage entries)."""
        return global_region_ids()

    def items_for(self, model, rows, field: str = "pk", exact: bool | None = None) -> Q:
        wider = not (self.exact if exact is None else exact)
        if field == "pk" and stored_places(model):
            keys = self.own_keys(rows)
            if wider:
                keys += [f"r:{region}" for region in self.covering_region_ids(rows)]
            return Q(StoredPlaces(keys))
        selected = self.own_work(model, rows, field)
        if wider:
            selected |= self.wider_work(model, rows, field)
        return selected

    def own_keys(self, rows) -> list[str]:
        """The keys of StoredPlaces that own_work selects."""
        raise NotImplementedError

    def everywhere_ids(self, model) -> models.QuerySet | None:
        """From the region links alone: joining the items themselves would cost more
        than the rest of the count."""
        return None if self.exact else linked_ids(model, "regions", "is_global", True)

    def select(self, queryset, places: list, exact: bool):
        """`queryset` narrowed to work for `places`, or only for themselves when
        `exact`, without a FilterSet (the gap map uses it)."""
        return queryset.filter(self.items_for(queryset.model, places, exact=exact))


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

    def own_work(self, model, rows, field: str) -> Q:
        return linked_items(model, "countries", "in", rows, field)

    def own_keys(self, rows) -> list[str]:
        return [f"c:{row.pk}" for row in rows]

    def wider_work(self, model, rows, field: str) -> Q:
        return linked_items(model, "regions", "countries__in", rows, field) | super().wider_work(
            model, rows, field
        )

    def covering_region_ids(self, rows) -> set[int]:
        regions = {row.region_id for row in rows if row.region_id is not None}
        return regions | super().covering_region_ids(rows)

    def facet_parts(self, model, matched, wide=None) -> dict[str, FacetPart]:
        """Counted without listing each regional item under every country of its
        region: a country's items are those tagged with it, plus those tagged with
        its region, less those tagged with both, plus global ones."""
        parts = super().facet_parts(model, matched, wide)
        if self.exact:
            return parts
        field = model._meta.get_field(self.lookup)
        item, country = field.m2m_field_name(), field.m2m_reverse_field_name()
        both = facet_pairs(model, self.lookup, matched).filter(
            **{f"{item}__regions": F(f"{country}__region")}
        )
        parts["region"] = FacetPart([facet_pairs(model, "regions", matched)])
        parts["both"] = FacetPart([both])
        return parts

    def facet_count(self, row, counts: dict[str, dict[str, int]]) -> int:
        n = super().facet_count(row, counts)
        if self.exact:
            return n
        region = counts.get("region", {}).get(str(row.region_id), 0)
        return n + region - counts.get("both", {}).get(str(row.pk), 0)


class RegionFilter(PlaceFilter):
    """The region itself or any country in it (and, as for every place, global work)."""

    def own_work(self, model, rows, field: str) -> Q:
        return linked_items(model, "regions", "in", rows, field) | linked_items(
            model, "countries", "region__in", rows, field
        )

    def own_keys(self, rows) -> list[str]:
        countries = countries_by_region()
        own = [f"c:{code}" for row in rows for code in countries.get(row.pk, [])]
        return own + [f"r:{row.pk}" for row in rows]

    def facet_paths(self) -> tuple[str, ...]:
        return ("regions", "countries__region")


class TherapeuticAreaFilter(TagFilter):
    """Items tagged with the area or any narrower area (Oncology includes Lung cancer)."""

    def facet_paths(self) -> tuple[str, ...]:
        return (self.lookup, f"{self.lookup}__parent")

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


class AvailableInFilter(ChoicesFilter):
    """Items available in one of the chosen languages: their own, a published
    translation, or a published item of their family (models/translations.py)."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.available_in(*value)


@extend_schema_field(OpenApiTypes.STR)
class PracticeFilter(ChoicesFilter):
    """Initiatives assessed as the chosen practice (best, promising). The rule and its
    labels belong to the app that assesses, above this one (extensions.practice_rule)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Assessed as"))
        kwargs.setdefault(
            "help_text",
            _(
                "Initiatives assessed against the published criteria as best or promising "
                "practice (their latest decision)."
            ),
        )
        super().__init__(choices=practice_choices, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return practice_rule().filter(qs, value)


def practice_choices() -> list[tuple[str, str]]:
    return practice_rule().choices
