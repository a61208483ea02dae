"""One rule for a place, everywhere the library's filters apply: a country includes
the work for its region and global work, a region includes global work, and
`scope=exact` keeps only the work for the place itself."""

import pytest
from django.urls import reverse

from contributions.models import Resource
from gaps.coverage import Scope, coverage
from pathway.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(make_resource, stage):
    """Resources for Poland, France, Europe, the Americas and the whole world."""
    tags = {"stages": [stage.slug], "barriers": ["test-not-reimbursed"]}
    return {
        "poland": make_resource(
            "Biomarker testing in Poland", "published", countries=["PL"], **tags
        ),
        "france": make_resource(
            "Biomarker testing in France", "published", countries=["FR"], **tags
        ),
        "europe": make_resource(
            "Liquid biopsy across Europe", "published", regions=["europe"], **tags
        ),
        "americas": make_resource(
            "Testing in the Americas", "published", regions=["americas"], **tags
        ),
        "global": make_resource(
            "A global liquid biopsy guide", "published", regions=["global"], **tags
        ),
    }


def library_titles(client, query: str) -> set[str]:
    # A country typed by name or in lower case is redirected to its code first.
    response = client.get(reverse("contributions:resources") + "?" + query, follow=True)
    assert response.status_code == 200
    return {item.title for item in response.context["items"]}


def api_titles(client, query: str) -> set[str]:
    response = client.get(reverse("api:resource-list") + "?" + query)
    assert response.status_code == 200
    return {item["title"] for item in response.json()["results"]}


def titles(places, *names) -> set[str]:
    return {places[name].title for name in names}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=PL", ("poland", "europe", "global")),
        ("country=PL&scope=exact", ("poland",)),
        ("country=pl&country=FR", ("poland", "france", "europe", "global")),
        ("region=europe", ("poland", "france", "europe", "global")),
        ("region=europe&scope=exact", ("poland", "france", "europe")),
        ("region=global", ("global",)),
        ("country=DE&region=europe", ("europe", "global")),
        ("country=US", ("americas", "global")),
        ("q=liquid+biopsy&country=PL", ("europe", "global")),
    ],
)
def test_a_place_selects_the_same_work_on_the_web_and_in_the_api(client, places, query, expected):
    assert library_titles(client, query) == titles(places, *expected)
    assert api_titles(client, query) == titles(places, *expected)


def test_a_france_only_item_is_never_work_for_germany(client, places):
    assert places["france"].title not in library_titles(client, "country=DE&region=europe")


def test_feeds_and_csv_follow_the_same_rule(client, places):
    feed = client.get(reverse("contributions:resource-feed") + "?country=PL").content.decode()
    download = client.get(reverse("api:resource-csv") + "?country=PL")
    csv = b"".join(download.streaming_content).decode()
    for body in (feed, csv):
        for name in ("poland", "europe", "global"):
            assert places[name].title in body
        for name in ("france", "americas"):
            assert places[name].title not in body


def test_a_countrys_gap_map_counts_its_regions_and_global_work(places, stage):
    poland = Country.objects.get(code="PL")
    matrix = coverage(Scope(country=poland))
    assert matrix.resources == 3

    exact = Resource.objects.published().filter(countries=poland)
    assert exact.count() == 1


def test_an_unknown_scope_is_ignored_on_the_web_and_refused_by_the_api(client, places):
    assert library_titles(client, "country=PL&scope=nowhere") == titles(
        places, "poland", "europe", "global"
    )
    response = client.get(reverse("api:resource-list") + "?country=PL&scope=nowhere")
    assert response.status_code == 400
    assert "scope" in response.json()["error"]["fields"]


def test_every_country_can_be_chosen_without_javascript(client, places):
    response = client.get(reverse("contributions:resources"))
    html = response.content.decode()
    assert '<input type="text" name="country" id="f-country-add"' in html
    assert '<option value="Poland" label="PL">' in html
    assert '<option value="Brazil" label="BR">' in html  # no work there yet
    assert 'name="scope" value="exact"' in html


def test_the_empty_choice_of_the_country_list_is_not_a_value(client, places):
    response = client.get(reverse("contributions:resources") + "?country=&country=PL")
    assert response.context["notices"] == []
    assert {item.title for item in response.context["items"]} == titles(
        places, "poland", "europe", "global"
    )


def test_cards_say_when_work_is_regional_or_global(client, places):
    html = client.get(reverse("contributions:resources") + "?country=PL").content.decode()
    assert "Europe-wide" in html
    assert "Global" in html


def test_the_gap_map_says_when_a_cell_is_covered_only_by_wider_work(client, places, stage):
    places["poland"].archive(by=places["poland"].reviewed_by)

    html = client.get("/gaps/?country=PL").content.decode()
    assert "regional or global work only" in html

    exact = client.get("/gaps/?country=PL&scope=exact").content.decode()
    assert "regional or global work only" not in exact

    data = client.get("/api/v1/coverage/?country=PL").json()
    money = next(
        c for c in data["matrices"][0]["categories"] if c["slug"] == "financing-regulation"
    )
    cell = next(x for x in money["cells"] if x["stage"] == stage.slug)
    assert (cell["total"], cell["here"]) == (2, 0)
    data = client.get("/api/v1/coverage/?country=PL&scope=exact").json()
    money = next(
        c for c in data["matrices"][0]["categories"] if c["slug"] == "financing-regulation"
    )
    assert next(x for x in money["cells"] if x["stage"] == stage.slug)["total"] == 0
