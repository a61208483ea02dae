"""/search/ and /api/v1/search/: one search over the whole portal (issue #12)."""

import pytest
from django.urls import reverse

from pathway.models import Country, Region

SEARCH = "/search/"
API = "/api/v1/search/"


@pytest.fixture
def items(make_resource, make_initiative):
    return {
        "global": make_resource(
            "Liquid biopsy explained", status="published", regions=["global"], language="en"
        ),
        "poland": make_resource(
            "Biopsja płynna w raku płuca", status="published", countries=["PL"], language="pl"
        ),
        "spain": make_initiative(
            "Molecular tumour boards network",
            status="published",
            countries=["ES"],
            summary="Regional boards that discuss test results.",
        ),
        "draft": make_resource("Liquid biopsy draft", status="draft"),
    }


def test_the_header_and_home_search_boxes_search_the_whole_portal(client, db):
    body = client.get("/").content.decode()

    assert body.count(f'action="{reverse("portal:search")}"') == 2


def test_results_are_grouped_by_kind_with_counts_and_a_link_into_the_library(client, items):
    response = client.get(SEARCH, {"q": "liquid biopsy"})

    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="results-resource"' in body
    assert "Liquid biopsy explained" in body
    assert "Liquid biopsy draft" not in body
    assert "/resources/?q=liquid+biopsy" in body


def test_stages_and_barriers_are_found_with_their_questions(client, db):
    body = client.get(SEARCH, {"q": "questions to ask about testing"}).content.decode()

    assert 'id="results-stage"' in body
    assert "Questions to ask" in body


def test_tags_are_part_of_what_is_searched(client, items):
    body = client.get(SEARCH, {"q": "tumour boards in Spain"}).content.decode()

    assert "Molecular tumour boards network" in body


def test_acronyms_and_misspellings_find_the_same_items(client, items):
    body = client.get(SEARCH, {"q": "MTB"}).content.decode()
    assert "Molecular tumour boards network" in body

    body = client.get(SEARCH, {"q": "liquid biospy"}).content.decode()
    assert "Showing results for" in body
    assert "Liquid biopsy explained" in body
    assert "as_typed=on" in body


def test_a_search_as_typed_is_not_corrected(client, items):
    body = client.get(SEARCH, {"q": "liquid biospy", "as_typed": "on"}).content.decode()

    assert "Showing results for" not in body


def test_a_country_includes_its_regions_and_global_work(client, items):
    europe = Region.objects.get(slug="europe")
    assert Country.objects.get(code="PL").region == europe

    body = client.get(SEARCH, {"q": "liquid biopsy", "country": "pl"}).content.decode()

    assert "Liquid biopsy explained" in body
    assert "Biopsja płynna" in body
    body = client.get(SEARCH, {"q": "tumour boards", "country": "PL"}).content.decode()
    assert "Molecular tumour boards network" not in body


def test_zero_results_suggest_fewer_words_and_a_broader_geography(client, items):
    body = client.get(SEARCH, {"q": "quantum teleportation", "country": "JP"}).content.decode()

    assert "Try fewer words" in body
    assert "Search in every country" in body


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "liquid\x00biopsy",
        "x" * 100_000,
        "🧬🔬 biopsy 🩸",
        "خزعة سائلة",
        "‮biopsy‬",
        "' OR 1=1; --",
        '"unbalanced NEAR( AND * ^ {title}:',
        "的 の 를",
    ],
)
def test_any_query_of_any_length_or_script_is_answered(client, items, text):
    assert client.get(SEARCH, {"q": text}).status_code == 200
    assert client.get(API, {"q": text}).status_code == 200


def test_an_overlong_query_is_shortened_and_says_so(client, items):
    response = client.get(SEARCH, {"q": "liquid biopsy " * 1000})

    assert response.status_code == 200
    assert "Your search was shortened to its first 200 characters." in response.content.decode()


def test_an_unknown_country_is_a_400_with_a_message(client, db):
    response = client.get(SEARCH, {"q": "biopsy", "country": "XX"})
    assert response.status_code == 400
    assert "No country is called “XX”." in response.content.decode()

    assert client.get(API, {"q": "biopsy", "country": "XX"}).status_code == 400


def test_the_api_gives_the_same_results_as_the_page(client, items):
    response = client.get(API, {"q": "liquid biospy", "country": "PL"})

    data = response.json()
    assert response.status_code == 200
    assert data["searched_for"] == "liquid biopsy"
    assert data["corrections"] == {"biospy": "biopsy"}
    resources = next(group for group in data["results"] if group["kind"] == "resource")
    assert [item["slug"] for item in resources["items"]] == [
        items["global"].slug,
        items["poland"].slug,
    ] or {item["slug"] for item in resources["items"]} == {
        items["global"].slug,
        items["poland"].slug,
    }
    assert resources["library_url"].endswith("/resources/?q=liquid+biopsy&country=PL")


def test_the_api_refuses_unknown_parameters(client, db):
    response = client.get(API, {"q": "biopsy", "sort": "newest"})

    assert response.status_code == 400
    assert "sort" in str(response.json())
