"""The facet index (contributions/facet_index.py): the same counts as the SQL count,
rebuilt exactly when public content changes, the SQL count whenever it cannot say."""

import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions import facet_index
from contributions.filters import InitiativeFilterSet, ResourceFilterSet
from contributions.models import Initiative, Resource
from pathway.models import Country, Region, Stage, TherapeuticArea
from tests.contributions.test_facets import library_items

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "q=cancer",
    "q=testing&country=PL",
    "region=europe",
    "country=PL&scope=exact",
    "region=europe&scope=exact",
    "type=toolkit&year=2024",
    "q=nothingmatchesthisword",
]


def both_counts(filterset_class, data: str, queryset):
    filterset = filterset_class(QueryDict(data), queryset=queryset)
    fast, matched, _stale = facet_index.counts(filterset)
    assert matched == filterset.qs.count()
    return fast, filterset.sql_facet_counts()


def random_items(make_resource, seed: int, n: int = 30) -> None:
    rng = random.Random(seed)
    countries = list(Country.objects.values_list("code", flat=True)[:12])
    regions = list(Region.objects.values_list("slug", flat=True))
    stages = list(Stage.objects.values_list("slug", flat=True))
    barriers = list(Barrier.objects.values_list("slug", flat=True)[:8])
    areas = list(TherapeuticArea.objects.values_list("slug", flat=True))
    for i in range(n):
        make_resource(
            f"Cancer item {seed} {i}",
            rng.choice(["published", "published", "published", "draft"]),
            countries=rng.sample(countries, rng.randint(0, 3)),
            regions=rng.sample(regions, rng.randint(0, 2)),
            stages=rng.sample(stages, rng.randint(0, 3)),
            barriers=rng.sample(barriers, rng.randint(0, 3)),
            therapeutic_areas=rng.sample(areas, rng.randint(0, 2)),
            resource_type=rng.choice(["toolkit", "report", "guideline"]),
            year=rng.choice([None, 2020, 2024]),
            language=rng.choice(["en", "pl", "fr"]),
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("data", QUERIES)
def test_the_index_counts_as_sql_does(make_resource, seed, data):
    library_items(make_resource)
    random_items(make_resource, seed)
    fast, slow = both_counts(ResourceFilterSet, data, Resource.objects.published())
    assert fast == slow


def test_initiative_counts_as_sql_does(make_initiative):
    make_initiative("Screening in Poland", "published", countries=["PL"], regions=["global"])
    make_initiative("Screening in Europe", "published", regions=["europe"])
    make_initiative("A draft", "draft", countries=["PL"])
    for data in ["", "country=PL", "phase=pilot", "country=PL&scope=exact"]:
        fast, slow = both_counts(InitiativeFilterSet, data, Initiative.objects.published())
        assert fast == slow


def test_publishing_and_retagging_are_counted_at_once(make_resource):
    library_items(make_resource)
    ResourceFilterSet(QueryDict(""), queryset=Resource.objects.published()).facets()
    draft = Resource.objects.get(title="Cancer testing draft 0")
    draft.status = "published"
    draft.save()
    fast, slow = both_counts(ResourceFilterSet, "", Resource.objects.published())
    assert fast == slow
    kenya = Resource.objects.get(title="Cancer testing in Kenya 0")
    kenya.countries.set(Country.objects.filter(code="DE"))
    fast, slow = both_counts(ResourceFilterSet, "country=DE", Resource.objects.published())
    assert fast == slow
    # A country moved to another region: its regional work moves with it.
    Country.objects.filter(code="KE").update(region=Region.objects.get(slug="europe"))
    from core import content_version

    content_version.bump()
    fast, slow = both_counts(ResourceFilterSet, "", Resource.objects.published())
    assert fast == slow


def test_items_the_index_does_not_hold_are_counted_in_sql(make_resource):
    library_items(make_resource)
    # A member sees their organisation's drafts, which the index never holds.
    filterset = ResourceFilterSet(QueryDict(""), queryset=Resource.objects.all())
    assert facet_index.counts(filterset) is None
    counts = filterset.facet_counts()
    assert counts["country"][""][str(Country.objects.get(code="PL").pk)] == 3


def test_without_the_cache_the_counts_come_from_sql(make_resource, monkeypatch):
    library_items(make_resource)
    monkeypatch.setattr("core.content_version.current", lambda: None)
    filterset = ResourceFilterSet(QueryDict(""), queryset=Resource.objects.published())
    assert facet_index.counts(filterset) is None
    assert filterset.facet_counts() == filterset.sql_facet_counts()


def test_building_the_index_takes_the_same_queries_whatever_the_items(make_resource):
    def build_queries() -> int:
        facet_index.forget()
        from django.core.cache import cache

        cache.clear()
        filterset = ResourceFilterSet(QueryDict(""), queryset=Resource.objects.published())
        with CaptureQueriesContext(connection) as queries:
            facet_index.counts(filterset)
        return len(queries)

    library_items(make_resource)
    few = build_queries()
    library_items(make_resource, copies=4)
    assert few == build_queries()
