"""Each item's own places, stored on its row on PostgreSQL (`places`, kept by
triggers on the link tables, contributions migration 0014), follow its country and
region links whoever writes them; the place filter reads them there and selects
what the link tables select."""

import pytest
from django.db import connection
from django.http import QueryDict

from contributions.filters import InitiativeFilterSet, ResourceFilterSet
from contributions.models import Initiative, Resource
from pathway.models import Country, Region

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL column"),
]


def stored(item) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT places FROM {item._meta.db_table} WHERE id = %s", [item.pk])  # noqa: S608
        return set(cursor.fetchone()[0])


def test_places_follow_links_set_added_removed_and_cleared(make_resource, make_initiative):
    resource = make_resource("Testing", "published", countries=["PL", "FR"], regions=["europe"])
    europe = Region.objects.get(slug="europe")
    assert stored(resource) == {"c:PL", "c:FR", f"r:{europe.pk}"}
    resource.countries.remove(Country.objects.get(code="FR"))
    assert stored(resource) == {"c:PL", f"r:{europe.pk}"}
    resource.regions.clear()
    assert stored(resource) == {"c:PL"}
    initiative = make_initiative("A programme", "published")
    assert stored(initiative) == set()
    initiative.countries.add(Country.objects.get(code="DE"))
    assert stored(initiative) == {"c:DE"}


def test_places_follow_links_written_from_the_place_and_in_bulk(make_resource):
    first, second = make_resource("First"), make_resource("Second")
    americas = Region.objects.get(slug="americas")
    americas.resources.add(first, second)
    assert stored(first) == stored(second) == {f"r:{americas.pk}"}
    Resource.countries.through.objects.bulk_create(
        [Resource.countries.through(resource=first, country_id="BR")]
    )
    assert stored(first) == {"c:BR", f"r:{americas.pk}"}
    americas.resources.clear()
    assert stored(first) == {"c:BR"} and stored(second) == set()


def test_deleting_a_place_takes_it_off_its_items(make_resource):
    item = make_resource("Somewhere", countries=["PL"], regions=["global"])
    Region.objects.get(slug="global").delete()  # a region with no countries
    assert stored(item) == {"c:PL"}
    Country.objects.get(code="PL").delete()
    assert stored(item) == set()


@pytest.mark.parametrize(
    "query",
    [
        "country=PL",
        "country=PL&scope=exact",
        "region=europe",
        "region=europe&scope=exact",
        "region=global",
        "country=BR&country=PL",
    ],
)
def test_the_stored_places_select_what_the_link_tables_select(
    query, make_resource, make_initiative
):
    for n, (countries, regions) in enumerate(
        [
            (["PL"], []),
            (["FR"], []),
            ([], ["europe"]),
            ([], ["global"]),
            (["BR"], ["americas"]),
            (["PL"], ["europe"]),
            ([], []),
        ]
    ):
        make_resource(f"Resource {n}", "published", countries=countries, regions=regions)
        make_initiative(f"Initiative {n}", "published", countries=countries, regions=regions)
    for model, filterset_class in (
        (Resource, ResourceFilterSet),
        (Initiative, InitiativeFilterSet),
    ):
        found = filterset_class(QueryDict(query), queryset=model.objects.published())
        assert "places" in str(found.qs.query)
        linked = {
            item.pk
            for item in model.objects.published().prefetch_related("countries", "regions")
            if selects(query, item)
        }
        assert set(found.qs.values_list("pk", flat=True)) == linked


def selects(query: str, item) -> bool:
    """The rule of places written out on the links (README, "Using the portal")."""
    data = QueryDict(query)
    exact = data.get("scope") == "exact"
    countries = {country.code for country in item.countries.all()}
    regions = {region.slug for region in item.regions.all()}
    region_of = {country.region.slug for country in item.countries.all() if country.region}
    if not exact and "global" in regions:
        return True
    for code in data.getlist("country"):
        wider = {Country.objects.get(code=code).region.slug} if not exact else set()
        if code in countries or regions & wider:
            return True
    return any(slug in regions or slug in region_of for slug in data.getlist("region"))
