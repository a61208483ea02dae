"""Matching many stored library queries against one window's items, by their parts.

`digest.matching` applies a kind's FilterSet to the window's items for one query:
right, but about 10 ms of worker CPU each (the FilterSet's form looks up each tag
parameter's rows, then one query), and a run has about as many distinct queries as
subscribers. A library query is a conjunction of its parameters, and each
multi-valued parameter a disjunction of its values: every filter of the library's
FilterSets narrows the items by a condition of its own (`pk__in` a subquery, or a
column `__in` the values; contributions/tag_filters.py), and a value that selects
more selects a superset. So the items a query lists are

    the intersection, over its parameters, of the union, over the parameter's
    values, of what the FilterSet lists for that one value

where a value the FilterSet ignores (unknown, empty) adds nothing, and a parameter
all of whose values are ignored narrows nothing. `WindowMatcher` runs the kind's
FilterSet once per such part — one parameter with one value, under the query's
`scope`, which the place filters read — and caches it, so that a window costs one
FilterSet per distinct (kind, parameter, value) however many distinct queries
there are: a few hundred, not a hundred thousand. Every rule stays the library's
own (how a country includes its region and global work, narrower therapeutic
areas, `scope=exact`, the search): each part is the library's FilterSet.
`tests/digests/test_matcher.py` checks, for many random queries on both databases,
that the result is exactly what the FilterSet lists for the whole query.
"""

from django.http import QueryDict
from django_filters import ModelMultipleChoiceFilter, MultipleChoiceFilter

from contributions.filters import NOT_FILTERS
from contributions.tag_filters import MAX_VALUES_PER_FILTER

from .digest import FILTERSETS, Window, candidates, parsed

# Parameters that change how other filters read their values instead of filtering
# by themselves: passed with every part of a query. A new library parameter like
# that belongs here, and in test_matcher's VALUES, whose random queries then check it.
CONTEXT = ("scope",)


def parts_of(filterset_class, data: QueryDict) -> list[list[tuple[str, tuple[str, ...]]]]:
    """The query `data` as a conjunction of disjunctions of parts, for one FilterSet
    class: [[(parameter, values), ...] per parameter]. A multi-valued filter has a
    part per value (as many as it reads); any other filter one with all its values."""
    conjunction = []
    for name in sorted(set(data) - NOT_FILTERS - set(CONTEXT)):
        filter_ = filterset_class.base_filters.get(name)
        if filter_ is None:
            continue  # the other kind's parameter: this FilterSet does not read it
        values = data.getlist(name)
        if isinstance(filter_, MultipleChoiceFilter | ModelMultipleChoiceFilter):
            conjunction.append([(name, (value,)) for value in values[:MAX_VALUES_PER_FILTER]])
        else:
            conjunction.append([(name, tuple(values))])
    return conjunction


class WindowMatcher:
    """What the library lists for any query among one window's items, from parts
    matched once each (see the module docstring)."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.everything: dict[str, frozenset[int]] = {}
        # {(kind, context, parameter, values): the items listed, None if ignored}
        self.parts: dict[tuple, frozenset[int] | None] = {}

    def all_items(self, kind: str) -> frozenset[int]:
        if kind not in self.everything:
            model = FILTERSETS[kind]._meta.model
            items = candidates(model, self.window.start_at, self.window.end_at)
            self.everything[kind] = frozenset(items.values_list("pk", flat=True))
        return self.everything[kind]

    def listed(self, kind: str, query: str) -> frozenset[int]:
        """The primary keys of the window's items of `kind` that the library lists
        for `query`, as digest.matching gives them."""
        data = parsed(query)
        context = tuple((name, tuple(data.getlist(name))) for name in CONTEXT if name in data)
        found = self.all_items(kind)
        for disjunction in parts_of(FILTERSETS[kind], data):
            union: frozenset[int] | None = None
            for name, values in disjunction:
                part = self.part(kind, context, name, values)
                if part is not None:
                    union = part if union is None else union | part
            if union is not None:
                found &= union
            if not found:
                break
        return found

    def part(
        self, kind: str, context: tuple, name: str, values: tuple[str, ...]
    ) -> frozenset[int] | None:
        """The window's items of `kind` the FilterSet lists for one parameter's
        `values` under `context`; None when it ignores them (filters nothing)."""
        key = (kind, context, name, values)
        if key not in self.parts:
            everything = self.all_items(kind)
            filterset_class = FILTERSETS[kind]
            data = QueryDict(mutable=True)
            for context_name, context_values in context:
                data.setlist(context_name, list(context_values))
            data.setlist(name, list(values))
            items = filterset_class._meta.model._default_manager.filter(pk__in=everything)
            filterset = filterset_class(data, queryset=items)
            filterset.form.is_valid()
            # The FilterSet filters by the cleaned values only, and each filter
            # passes everything through when it has none.
            if filterset.form.cleaned_data.get(name):
                self.parts[key] = frozenset(filterset.qs.values_list("pk", flat=True))
            else:
                self.parts[key] = None
        return self.parts[key]
