"""Library facet counts: every option's count is the number of matching items the
option would select, counted in one query whatever the number of items."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions.filters import ResourceFilterSet
from contributions.models import Resource

pytestmark = pytest.mark.django_db


def library_items(make_resource, copies: int = 1) -> None:
    """Published resources over the facets' tricky cases: a country's own work, its
    region's, global work, both a country and its region, a narrower therapeutic
    area, two barriers of one category, exact scope; and an unpublished one."""
    barriers = list(Barrier.objects.values_list("slug", flat=True)[:3])
    for n in range(copies):
        make_resource(
            f"Lung cancer testing in Poland {n}",
            "published",
            countries=["PL"],
            therapeutic_areas=["lung-cancer"],
            barriers=barriers[:2],
            resource_type="toolkit",
            year=2024,
        )
        make_resource(
            f"Cancer testing across Europe {n}",
            "published",
            regions=["europe"],
            countries=["PL"],
            stages=["testing-decision"],
            language="pl",
        )
        make_resource(f"Cancer testing everywhere {n}", "published", regions=["global"])
        make_resource(
            f"Cancer testing in Germany {n}",
            "published",
            countries=["DE", "FR"],
            therapeutic_areas=["oncology"],
            barriers=barriers[1:3],
            year=2024,
        )
        make_resource(f"Cancer testing in Kenya {n}", "published", countries=["KE"])
        make_resource(f"Cancer testing draft {n}", "draft", countries=["PL"])


def option_counts(data: str) -> dict[tuple[str, str], int]:
    filterset = ResourceFilterSet(QueryDict(data), queryset=Resource.objects.published())
    return {
        (facet.name, option.value): option.count
        for facet in filterset.facets()
        for option in facet.options
    }


@pytest.mark.parametrize(
    "data", ["", "q=cancer", "q=testing&country=PL", "region=europe", "country=PL&scope=exact"]
)
def test_each_option_counts_the_items_it_would_select(make_resource, data):
    library_items(make_resource)
    counts = option_counts(data)
    assert counts
    base = QueryDict(data)
    for (name, value), count in counts.items():
        if name in base:
            continue  # choosing a second value widens the selection
        narrowed = base.copy()
        narrowed[name] = value
        filterset = ResourceFilterSet(narrowed, queryset=Resource.objects.published())
        assert count == filterset.qs.count(), (name, value)


def test_a_country_counts_its_own_regional_and_global_work_once(make_resource):
    library_items(make_resource)
    counts = option_counts("")
    # Poland: its own, the one tagged with Poland and Europe (once), the global one.
    assert counts[("country", "PL")] == 3
    # France: its own, the global one; Europe-wide work names Poland, not France,
    # but counts for every European country.
    assert counts[("country", "FR")] == 3
    assert counts[("country", "KE")] == 2
    assert counts[("region", "europe")] == 4
    assert counts[("area", "oncology")] == 2
    assert option_counts("scope=exact")[("country", "PL")] == 2


def count_facet_queries(data: str) -> int:
    # The facet index, built once per content version (test_facet_index.py counts that).
    ResourceFilterSet(QueryDict(data), queryset=Resource.objects.published()).facets()
    filterset = ResourceFilterSet(QueryDict(data), queryset=Resource.objects.published())
    filterset.qs  # noqa: B018 (cleaning the filters and parsing the words: not facets)
    with CaptureQueriesContext(connection) as queries:
        filterset.facets()
    return len(queries)


@pytest.mark.parametrize(
    "data, expected",
    [("", 0), ("q=cancer+testing", 1), ("country=PL&stage=testing-decision", 1)],
)
def test_facet_queries_do_not_grow_with_the_items(make_resource, data, expected):
    library_items(make_resource)
    few = count_facet_queries(data)
    library_items(make_resource, copies=4)
    # 1 the matching ids (counted on the facet index; not read with no filter, when
    # they are every item the index holds). The rows of the seven tag facets were
    # read by the first call, once for this content version (contributions/facets.py);
    # type, language and year are counted values.
    assert few == count_facet_queries(data) == expected
