"""The coverage (gap) map: how much published work addresses each pathway stage ×
barrier category, in a country, a region or a therapeutic area.

An item counts in a cell when it is tagged with the cell's stage and with a barrier
of the cell's category (or with the cell's barrier, one level down). The places and
areas select items exactly as the library's filters do (contributions/filters.py),
so that the library link of a cell lists the items the cell counts.

Counting is one aggregate query per kind of contribution and level (categories,
and barriers when expanded), whatever the number of items or cells. It reads
CoverageEntry: one narrow row per published item with its stages, barrier categories
and barriers as bit sets, kept in step by gaps/entries.py (signal receivers connected in
apps.py) whenever an item's status, stages or barriers change, or a barrier's
category. Grouping those rows by two bit sets leaves a few hundred groups (a few
thousand for barriers), which Python spreads over the cells: far cheaper than
joining every item's stage links with its barrier links, which is what happens
instead if the taxonomy ever outgrows the bits (ids above MAX_BIT).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from barriers.models import Barrier, BarrierCategory
from contributions.filters import ContributionFilterSet
from contributions.models import Contribution, Initiative, Resource
from pathway.models import Country, Region, Stage, TherapeuticArea

from .entries import MAX_BIT, bit_numbers
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


# The ORM cannot join a derived table, hence SQL. Every name in it is quoted from the
# models' metadata, and the scope's conditions are the ORM's own compiled query with
# its parameters.
PAIRS_SQL = {
    "categories": (
        "SELECT DISTINCT t.{item} AS item_id, b.{category} AS group_id "
        "FROM {barrier_links} t JOIN {barriers} b ON b.{barrier_pk} = t.{barrier}"
    ),
    "barriers": "SELECT t.{item} AS item_id, t.{barrier} AS group_id FROM {barrier_links} t",
}
COUNT_SQL = (
    "SELECT s.{stage}, p.group_id, COUNT(*) "
    "FROM ({pairs} WHERE t.{item} IN ({scoped})) p "
    "JOIN {stage_links} s ON s.{item} = p.item_id "
    "GROUP BY s.{stage}, p.group_id"
)


def counts(model: type[Contribution], items, level: str) -> dict[tuple[int, int], int]:
    """{(stage id, category or barrier id): number of `items`}, in one query.

    The (item, category) pairs are made distinct first and only then joined to the
    stages and counted, so the database hashes each item's rows once instead of
    sorting every stage × barrier combination for COUNT(DISTINCT).
    """
    quote = connection.ops.quote_name
    stages, barriers = model.stages.field, model.barriers.field
    names = {
        "item": quote(barriers.m2m_column_name()),
        "barrier": quote(barriers.m2m_reverse_name()),
        "barrier_links": quote(barriers.m2m_db_table()),
        "barriers": quote(Barrier._meta.db_table),
        "barrier_pk": quote(Barrier._meta.pk.column),
        "category": quote(Barrier._meta.get_field("category").column),
        "stage": quote(stages.m2m_reverse_name()),
        "stage_links": quote(stages.m2m_db_table()),
    }
    scoped, params = items.order_by().values("pk").query.sql_with_params()
    pairs = PAIRS_SQL[level].format(**names)
    sql = COUNT_SQL.format(pairs=pairs, scoped=scoped, **names)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(stage, group): n for stage, group, n in cursor.fetchall()}


def entry_counts(model: type[Contribution], scope: Scope, level: str) -> tuple[int, dict]:
    """(number of published items in `scope`, {(stage id, category or barrier id):
    number}), from the coverage entries, in one query."""
    kind = model._meta.model_name
    # The entries are the published items: the scope applies to their item column.
    entries = CoverageEntry.objects.filter(**{f"{kind}__isnull": False})
    entries = entries.filter(scope.selects(model, f"{kind}_id"))
    bits = "category_bits" if level == "categories" else "barrier_bits"
    groups = entries.order_by().values_list("stage_bits", bits).annotate(n=Count("pk"))
    # Thousands of plain integer rows at the barrier level: fetched without the ORM's
    # per-value converters, which would take longer than the query.
    sql, params = groups.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        groups = cursor.fetchall()
    # Spread each group over its categories (or barriers) first, then over the stages:
    # many groups share their stages, so the second step is short.
    total, by_stages = 0, defaultdict(int)
    for stage_bits, group_bits, n in groups:
        total += n
        for group in bit_numbers(group_bits):
            by_stages[(stage_bits, group)] += n
    cells = defaultdict(int)
    for (stage_bits, group), n in by_stages.items():
        for stage in bit_numbers(stage_bits):
            cells[(stage, group)] += n
    return total, cells


def fits_in_bits(stages: list[Stage], categories: list[BarrierCategory]) -> bool:
    """Whether the coverage entries can hold every stage, category and barrier."""
    ids = [s.pk for s in stages] + [c.pk for c in categories]
    ids += [b.pk for c in categories for b in c.barriers.all()]
    return max(ids, default=0) <= MAX_BIT


def cell_counts(
    model: type[Contribution], scope: Scope, entries: bool, expand: set[str]
) -> tuple[int, dict]:
    """(items in scope, {"categories": {(stage id, category id): n}, "barriers": ...})."""
    if entries:
        total, by_category = entry_counts(model, scope, "categories")
        by_barrier = entry_counts(model, scope, "barriers")[1] if expand else {}
    else:
        items = scope.published(model)
        total = items.count()
        by_category = counts(model, items, "categories")
        by_barrier = counts(model, items, "barriers") if expand else {}
    return total, {"categories": by_category, "barriers": by_barrier}


def coverage(
    scope: Scope,
    expand: set[str] | None = None,
    stages: list[Stage] | None = None,
    categories: list[BarrierCategory] | None = None,
) -> Coverage:
    """The matrix for `scope`. `expand` names the categories (slugs) whose barriers
    get rows too; the barrier level costs two more queries, whatever is expanded.
    Pass `stages` and `categories` (with barriers prefetched) to share them between
    matrices."""
    expand = expand or set()
    if stages is None:
        stages = list(Stage.objects.all())
    if categories is None:
        categories = list(BarrierCategory.objects.prefetch_related("barriers"))
    matrix = Coverage(scope=scope, stages=stages, rows=[])
    per_kind = {}
    entries = fits_in_bits(stages, categories)
    here = scope.only_here() if scope.is_place and not scope.exact else None
    for kind, model in (("initiatives", Initiative), ("resources", Resource)):
        total, per_kind[kind] = cell_counts(model, scope, entries, expand)
        setattr(matrix, kind, total)
        if here is not None:
            per_kind[f"{kind} here"] = cell_counts(model, here, entries, expand)[1]
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
            if here is not None:
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


def csv_rows(matrices: list[Coverage]) -> list[list]:
    """One line per cell, categories and barriers, for the CSV download."""
    header = [
        _("country"),
        _("region"),
        _("therapeutic area"),
        _("stage position"),
        _("stage"),
        _("barrier category"),
        _("barrier"),
        _("initiatives"),
        _("resources"),
        _("total"),
        _("gap"),
    ]
    lines = [header]
    for matrix in matrices:
        scope = matrix.scope
        place = [
            str(scope.country.code) if scope.country else "",
            scope.region.name if scope.region else "",
            scope.area.name if scope.area else "",
        ]
        for row, cell in matrix.cells(with_barriers=True):
            lines.append(
                [
                    *place,
                    cell.stage.position,
                    cell.stage.name,
                    row.category.name,
                    row.barrier.title if row.barrier else "",
                    cell.initiatives,
                    cell.resources,
                    cell.total,
                    _("yes") if cell.is_gap else _("no"),
                ]
            )
    return lines


def organisations_in(scope: Scope, limit: int = 30) -> list[dict]:
    """Who works in `scope`: organisations with their number of published items,
    most active first. One query per kind, one for the organisations."""
    from stakeholders.models import Organisation

    found: dict[int, dict] = defaultdict(lambda: {"initiatives": 0, "resources": 0})
    for kind, model in (("initiatives", Initiative), ("resources", Resource)):
        rows = scope.published(model).order_by().values_list("organisation").annotate(n=Count("pk"))
        for organisation_id, n in rows:
            found[organisation_id][kind] = n
    organisations = Organisation.objects.filter(pk__in=found).select_related("group")
    ranked = [
        {"organisation": org, **found[org.pk], "total": sum(found[org.pk].values())}
        for org in organisations
    ]
    ranked.sort(key=lambda row: (-row["total"], row["organisation"].name.lower()))
    return ranked[:limit]
