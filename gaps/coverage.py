"""The coverage (gap) map: how much published work addresses each pathway stage ×
barrier category, in a country, a region or a therapeutic area.

An item counts in a cell when it is tagged with the cell's stage and with a barrier
of the cell's category (or with the cell's barrier, one level down). The places and
areas select items exactly as the library's filters do (contributions/filters.py),
so that the library link of a cell lists the items the cell counts.

Counting is one aggregate query per level (categories, and barriers when expanded)
for both kinds of contribution and, for a place, the share of its own work, whatever
the number of items or cells. It reads CoverageEntry: one narrow row per published
item with its stages, barrier categories, barriers and regions as bit sets, kept in
step by gaps/entries.py (signal receivers connected in apps.py) whenever an item's
status, stages, barriers or regions change, or a barrier's category. Grouping those
rows by two bit sets leaves a few hundred groups (a few thousand for barriers), which
Python spreads over the cells: far cheaper than joining every item's stage links with
its barrier links, which is what happens instead if the taxonomy ever outgrows the
bits (ids above MAX_BIT; gaps/links.py).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, Value
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils.translation import gettext as _

from barriers.models import Barrier, BarrierCategory
from contributions.filters import ContributionFilterSet
from contributions.models import Contribution, Initiative, Resource
from core import content_version
from pathway.models import Country, Region, Stage, TherapeuticArea

from .entries import MAX_BIT, as_bits, bit_numbers
from .links import counts
from .models import CoverageEntry

# The library's own filters, applied without their form: same semantics, no lookups.
LIBRARY_FILTERS = ContributionFilterSet.base_filters
LEVELS = 4


@dataclass(frozen=True)
class Scope:
    """Where and on what: a country or region, and a therapeutic area (all optional)."""

    country: Country | None = None
    region: Region | None = None
    area: TherapeuticArea | None = None
    # Only work for the place itself, not its region's or global work (scope=exact).
    exact: bool = False

    def query(self) -> dict[str, str]:
        """The library's query string parameters for this scope."""
        params = {}
        if self.country is not None:
            params["country"] = str(self.country.code)
        if self.region is not None:
            params["region"] = self.region.slug
        if self.area is not None:
            params["area"] = self.area.slug
        if self.exact and self.is_place:
            params["scope"] = "exact"
        return params

    @property
    def label(self) -> str:
        parts = [str(place.name) for place in (self.country, self.region) if place is not None] or [
            _("Everywhere")
        ]
        if self.area is not None:
            parts.append(self.area.name)
        return " · ".join(parts)

    @property
    def is_everywhere(self) -> bool:
        return self.country is None and self.region is None and self.area is None

    @property
    def is_place(self) -> bool:
        return self.country is not None or self.region is not None

    def only_here(self) -> "Scope":
        """The same scope without the regional and global work that covers it."""
        return Scope(country=self.country, region=self.region, area=self.area, exact=True)

    def selects(self, model: type[Contribution], field: str = "pk") -> Q:
        """The items of `model` in this scope, published or not, as a condition on
        `field`: their id, or a column holding it (a coverage entry's)."""
        condition = Q()
        for name in ("country", "region", "area"):
            value = getattr(self, name)
            if value is None:
                continue
            exact = {} if name == "area" else {"exact": self.exact}
            condition &= LIBRARY_FILTERS[name].items_for(model, [value], field, **exact)
        return condition

    def published(self, model: type[Contribution]):
        return model.objects.published().filter(self.selects(model))

    def entry_condition(self, model: type[Contribution], only_here: bool = False) -> Q:
        """The coverage entries of the published items of `model` in this scope (in
        `only_here()` if asked), as a condition. The entries are the published items:
        the place and area conditions apply to their item column, and the work of the
        regions that cover a place is read from their region bits rather than from
        the region links."""
        kind = model._meta.model_name
        field, scope = f"{kind}_id", self.only_here() if only_here else self
        condition = Q(**{f"{kind}__isnull": False})
        place = next((p for p in ("country", "region") if getattr(self, p) is not None), None)
        regions = set()
        if place is not None and not scope.exact:
            regions = LIBRARY_FILTERS[place].covering_region_ids([getattr(self, place)])
        if not regions or max(regions) > MAX_BIT:
            return condition & scope.selects(model, field)
        own = LIBRARY_FILTERS[place].own_work(model, [getattr(self, place)], field)
        condition &= own | Q(GreaterThan(F("region_bits").bitand(as_bits(regions)), 0))
        if self.area is not None:
            condition &= LIBRARY_FILTERS["area"].items_for(model, [self.area], field)
        return condition

    def entries(self):
        """The coverage entries of the published items of both kinds in this scope."""
        condition = Q()
        for model in (Initiative, Resource):
            condition |= self.entry_condition(model)
        return CoverageEntry.objects.filter(condition)


@dataclass
class Cell:
    stage: Stage
    initiatives: int = 0
    resources: int = 0
    level: int = 0
    resources_url: str = ""
    initiatives_url: str = ""
    # For a country or region: how much of it is work for the place itself, the rest
    # being regional or global work that covers it. None when not asked (everywhere).
    here: int | None = None
    # How many of its initiatives are proven practice, when that layer is shown (gaps/proven.py).
    proven: int = 0

    @property
    def total(self) -> int:
        return self.initiatives + self.resources

    @property
    def only_wider(self) -> bool:
        """Covered, but only by regional or global work, none for the place itself."""
        return self.total > 0 and self.here == 0

    @property
    def is_gap(self) -> bool:
        return self.total == 0


@dataclass
class Row:
    """A barrier category, or one barrier in it, across the stages."""

    name: str
    slug: str
    cells: list[Cell]
    category: BarrierCategory
    barrier: Barrier | None = None
    barriers: list["Row"] = field(default_factory=list)

    @property
    def gaps(self) -> int:
        return sum(cell.is_gap for cell in self.cells)


@dataclass
class Coverage:
    scope: Scope
    stages: list[Stage]
    rows: list[Row]
    initiatives: int = 0
    resources: int = 0

    def cells(self, with_barriers: bool = False):
        """(row, cell) for every cell, category rows first then their barrier rows."""
        for row in self.rows:
            for cell in row.cells:
                yield row, cell
            if with_barriers:
                for barrier_row in row.barriers:
                    for cell in barrier_row.cells:
                        yield barrier_row, cell

    @property
    def max_total(self) -> int:
        return max((cell.total for _row, cell in self.cells()), default=0)

    @property
    def gaps(self) -> list[tuple[Row, Cell]]:
        return [(row, cell) for row, cell in self.cells() if cell.is_gap]

    def gaps_by_stage(self) -> list[tuple[Stage, list[Row]]]:
        found = []
        for index, stage in enumerate(self.stages):
            rows = [row for row in self.rows if row.cells[index].is_gap]
            if rows:
                found.append((stage, rows))
        return found

    def as_dict(self) -> dict:
        """The matrix as plain data, for the API and the CSV download."""
        return {
            "scope": {
                "country": str(self.scope.country.code) if self.scope.country else None,
                "region": self.scope.region.slug if self.scope.region else None,
                "area": self.scope.area.slug if self.scope.area else None,
            },
            "stages": [
                {"slug": s.slug, "position": s.position, "name": s.name} for s in self.stages
            ],
            "categories": [
                {
                    **row_dict(row, self.stages),
                    "barriers": [row_dict(b, self.stages) for b in row.barriers],
                }
                for row in self.rows
            ],
            "totals": {"initiatives": self.initiatives, "resources": self.resources},
        }


def row_dict(row: Row, stages: list[Stage]) -> dict:
    return {
        "slug": row.slug,
        "name": row.name,
        "cells": [
            {
                "stage": stage.slug,
                "initiatives": cell.initiatives,
                "resources": cell.resources,
                "total": cell.total,
                "here": cell.here,
                "gap": cell.is_gap,
            }
            for stage, cell in zip(stages, row.cells, strict=True)
        ],
    }


@dataclass(frozen=True)
class Legend:
    level: int
    low: int
    high: int

    @property
    def label(self) -> str:
        if self.level == 0:
            return _("0: a gap")
        if self.low == self.high:
            return str(self.low)
        return _("%(low)d to %(high)d") % {"low": self.low, "high": self.high}


def entry_counts(scope: Scope, level: str, here: bool) -> dict[str, tuple[int, dict]]:
    """{"initiatives": (number of published initiatives in `scope`, {(stage id,
    category or barrier id): number}), "resources": …}, and with `here` the same for
    the work for the place itself ("initiatives here", "resources here"), from the
    coverage entries in one query; everywhere (the map as it opens: a pass over
    every entry), once per content version; so for one country or region with no
    area (its page, and the map filtered by it: a few hundred such scopes at most,
    whose counts scan the entries)."""
    if scope.is_everywhere and not here:
        name = f"gap-map:{level}"
        return content_version.kept(name, lambda: scoped_entry_counts(scope, level, here))
    if scope.is_place and scope.area is None:
        place = scope.country.pk if scope.country is not None else f"r{scope.region.pk}"
        name = f"gap-map:{level}:{place}:{scope.exact}:{here}"
        return content_version.kept(name, lambda: scoped_entry_counts(scope, level, here))
    return scoped_entry_counts(scope, level, here)


def is_resource() -> ExpressionWrapper:
    """Whether a coverage entry is a resource's (else an initiative's), to group by."""
    return ExpressionWrapper(Q(resource__isnull=False), BooleanField())


def scoped_entry_counts(scope: Scope, level: str, here: bool) -> dict[str, tuple[int, dict]]:
    bits = "category_bits" if level == "categories" else "barrier_bits"
    flags = {"is_resource": is_resource()}
    if here:
        only_here = Q()
        for model in (Initiative, Resource):
            only_here |= scope.entry_condition(model, only_here=True)
        flags["here"] = ExpressionWrapper(only_here, BooleanField())
    else:
        flags["here"] = Value(False, BooleanField())
    groups = (
        scope.entries()
        .annotate(**flags)
        .order_by()
        .values_list("stage_bits", bits, "is_resource", "here")
        .annotate(n=Count("pk"))
    )
    # Thousands of plain integer rows at the barrier level: fetched without the ORM's
    # per-value converters, which would take longer than the query.
    sql, params = groups.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        groups = cursor.fetchall()
    # Spread each group over its categories (or barriers) first, then over the stages:
    # many groups share their stages, so the second step is short.
    totals, by_stages = defaultdict(int), defaultdict(int)
    for stage_bits, group_bits, resource, is_here, n in groups:
        keys = ["resources" if resource else "initiatives"]
        if is_here:
            keys.append(f"{keys[0]} here")
        for key in keys:
            totals[key] += n
            for group in bit_numbers(group_bits):
                by_stages[(key, stage_bits, group)] += n
    cells = defaultdict(dict)
    for (key, stage_bits, group), n in by_stages.items():
        found = cells[key]
        for stage in bit_numbers(stage_bits):
            found[(stage, group)] = found.get((stage, group), 0) + n
    kinds = ["initiatives", "resources"]
    kinds += [f"{kind} here" for kind in kinds] if here else []
    return {key: (totals[key], cells.get(key, {})) for key in kinds}


def fits_in_bits(stages: list[Stage], categories: list[BarrierCategory]) -> bool:
    """Whether the coverage entries can hold every stage, category and barrier."""
    ids = [s.pk for s in stages] + [c.pk for c in categories]
    ids += [b.pk for c in categories for b in c.barriers.all()]
    return max(ids, default=0) <= MAX_BIT


def cell_counts(scope: Scope, entries: bool, expand: set[str]) -> dict[str, tuple[int, dict]]:
    """{"initiatives": (items in scope, {"categories": {(stage id, category id): n},
    "barriers": …}), "resources": …}, with "initiatives here" and "resources here"
    (the work for the place itself) for a place that includes wider work."""
    here = scope.is_place and not scope.exact
    if entries:
        by_category = entry_counts(scope, "categories", here)
        by_barrier = entry_counts(scope, "barriers", here) if expand else {}
        return {
            key: (total, {"categories": cells, "barriers": by_barrier.get(key, (0, {}))[1]})
            for key, (total, cells) in by_category.items()
        }
    found = {}
    scopes = {"": scope, " here": scope.only_here()} if here else {"": scope}
    for suffix, part in scopes.items():
        for kind, model in (("initiatives", Initiative), ("resources", Resource)):
            items = part.published(model)
            barriers = counts(model, items, "barriers") if expand else {}
            found[kind + suffix] = (
                items.count(),
                {"categories": counts(model, items, "categories"), "barriers": barriers},
            )
    return found


def coverage(
    scope: Scope,
    expand: set[str] | None = None,
    stages: list[Stage] | None = None,
    categories: list[BarrierCategory] | None = None,
) -> Coverage:
    """The matrix for `scope`. `expand` names the categories (slugs) whose barriers
    get rows too; the barrier level costs one more query, whatever is expanded.
    Pass `stages` and `categories` (with barriers prefetched) to share them between
    matrices."""
    expand = expand or set()
    if stages is None:
        stages = list(Stage.objects.all())
    if categories is None:
        categories = list(BarrierCategory.objects.prefetch_related("barriers"))
    matrix = Coverage(scope=scope, stages=stages, rows=[])
    found = cell_counts(scope, fits_in_bits(stages, categories), expand)
    per_kind = {key: cells for key, (_total, cells) in found.items()}
    for kind in ("initiatives", "resources"):
        setattr(matrix, kind, found[kind][0])
    here = scope.is_place and not scope.exact
    library = {
        "resources": reverse("contributions:resources"),
        "initiatives": reverse("contributions:initiatives"),
    }

    def make_cells(key: str, group_id: int, filters: dict[str, str]) -> list[Cell]:
        cells = []
        for stage in stages:
            cell = Cell(stage=stage)
            cell.initiatives = per_kind["initiatives"][key].get((stage.pk, group_id), 0)
            cell.resources = per_kind["resources"][key].get((stage.pk, group_id), 0)
            if here:
                cell.here = sum(
                    per_kind[f"{kind} here"][key].get((stage.pk, group_id), 0)
                    for kind in ("initiatives", "resources")
                )
            elif scope.is_place:
                cell.here = cell.total
            query = urlencode({"stage": stage.slug, **filters, **scope.query()})
            cell.resources_url = f"{library['resources']}?{query}"
            cell.initiatives_url = f"{library['initiatives']}?{query}"
            cells.append(cell)
        return cells

    for category in categories:
        row = Row(
            name=category.name,
            slug=category.slug,
            category=category,
            cells=make_cells("categories", category.pk, {"category": category.slug}),
        )
        if category.slug in expand:
            row.barriers = [
                Row(
                    name=barrier.title,
                    slug=barrier.slug,
                    category=category,
                    barrier=barrier,
                    cells=make_cells("barriers", barrier.pk, {"barrier": barrier.slug}),
                )
                for barrier in category.barriers.all()
            ]
        matrix.rows.append(row)
    return matrix


def compare(
    scopes: list[Scope],
    expand: set[str] | None = None,
    categories: list[BarrierCategory] | None = None,
) -> tuple[list[Coverage], list["Legend"]]:
    """Matrices for one or more scopes on one colour scale, sharing the taxonomy
    queries, and the legend of that scale."""
    stages = list(Stage.objects.all())
    if categories is None:
        categories = list(BarrierCategory.objects.prefetch_related("barriers"))
    matrices = [coverage(scope, expand, stages, categories) for scope in scopes]
    return matrices, assign_levels(matrices)


def assign_levels(matrices: list[Coverage]) -> list[Legend]:
    """Put every cell on a scale of LEVELS colours shared by the matrices, and
    return the legend: level 0 is a gap, then equal slices of the largest count."""
    highest = max((m.max_total for m in matrices), default=0)
    for matrix in matrices:
        for _row, cell in matrix.cells(with_barriers=True):
            cell.level = level_of(cell.total, highest)
    return legend(highest)


def level_of(total: int, highest: int) -> int:
    if total <= 0 or highest <= 0:
        return 0
    return min(LEVELS, max(1, math.ceil(LEVELS * total / highest)))


def legend(highest: int) -> list[Legend]:
    entries = [Legend(0, 0, 0)]
    for level in range(1, LEVELS + 1):
        low = math.floor(highest * (level - 1) / LEVELS) + 1
        high = math.floor(highest * level / LEVELS)
        if highest and low <= high:
            entries.append(Legend(level, low, high))
    return entries
