"""How much published work applies in each country, for the countries index
(/countries/): a table and a world map coloured by the same numbers.

A country's numbers follow the portal's one geography rule (PlaceFilter): work for
the country, for its region and global work all apply there. They are the library's
own country facet counts over every published item (contributions/filters.py), so the
map, the table and the library link of a country always agree; the facet index makes
them a few milliseconds once built. "Only here" counts the work tagged with the
country itself (scope=exact).

The shapes come from gaps/data/world_map.json, built from the npm package
@svg-maps/world (CC BY 4.0) by scripts/build_world_map.py.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.http import QueryDict

from contributions.filters import LIBRARY_FILTERSETS
from pathway.models import Country

from .coverage import legend, level_of

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"

# How the table may be sorted: {key: (function of a row, biggest first)}.
SORTS = {
    "name": (lambda row: str(row.country.name).casefold(), False),
    "region": (
        lambda row: (str(row.region_name).casefold(), str(row.country.name).casefold()),
        False,
    ),
    "total": (lambda row: (row.total, row.here), True),
    "here": (lambda row: (row.here, row.total), True),
}
DEFAULT_SORT = "name"


@dataclass
class CountryCoverage:
    country: Country
    resources: int = 0
    initiatives: int = 0
    # Of those, the work tagged with the country itself.
    here: int = 0
    level: int = 0
    shape: str = ""

    @property
    def total(self) -> int:
        return self.resources + self.initiatives

    @property
    def region_name(self) -> str:
        return self.country.region.name if self.country.region else ""


@cache
def world_map() -> dict:
    """{"viewBox": ..., "shapes": {ISO code: SVG path}, "source": ...}, read once."""
    return json.loads(SHAPES_FILE.read_text(encoding="utf-8"))


def country_counts(*, exact: bool) -> dict[str, dict[str, int]]:
    """{kind ("resource"/"initiative"): {country code: published items that apply}}."""
    countries = list(Country.objects.all())
    counts = {}
    for filterset_class in LIBRARY_FILTERSETS:
        model = filterset_class._meta.model
        data = QueryDict("scope=exact" if exact else "")
        filterset = filterset_class(data, queryset=model.objects.published())
        facet = filterset.filters["country"]
        found = filterset.facet_counts().get("country", {})
        counts[model._meta.model_name] = {
            str(country.code): facet.facet_count(country, found) for country in countries
        }
    return counts


def coverage_by_country(sort: str = DEFAULT_SORT) -> tuple[list[CountryCoverage], list]:
    """Every country with its numbers and map level, sorted by `sort` (SORTS), and
    the legend of the levels."""
    wide, exact = country_counts(exact=False), country_counts(exact=True)
    shapes = world_map()["shapes"]
    rows = []
    for country in Country.objects.select_related("region"):
        code = str(country.code)
        rows.append(
            CountryCoverage(
                country=country,
                resources=wide["resource"][code],
                initiatives=wide["initiative"][code],
                here=exact["resource"][code] + exact["initiative"][code],
                shape=shapes.get(code, ""),
            )
        )
    highest = max((row.total for row in rows), default=0)
    for row in rows:
        row.level = level_of(row.total, highest)
    key, biggest_first = SORTS.get(sort, SORTS[DEFAULT_SORT])
    rows.sort(key=key, reverse=biggest_first)
    return rows, legend(highest)


def shapes_without_country(rows: list[CountryCoverage]) -> list[str]:
    """The map's shapes that are no country of the portal (disputed areas, parts of
    a country drawn apart): drawn, without a link."""
    known = {str(row.country.code) for row in rows}
    return [path for code, path in world_map()["shapes"].items() if code not in known]
