"""Choosing a country by typing it: every country offered, names or codes read the
same way in the library, its feeds and CSV, the API, the site search and digest
subscriptions; what names no country is said so, never a 500 and never ignored
without a word."""

import pytest
from django.utils.translation import override

from digests.models import Subscription
from pathway.countries import CountryNames
from pathway.models import Country

DIGEST_FORM = {
    "email": "reader@example.org",
    "frequency": "weekly",
    "kinds": ["resources", "initiatives"],
}


@pytest.fixture
def places(make_resource):
    return {
        "poland": make_resource("Testing in Poland", "published", countries=["PL"]),
        "europe": make_resource("Testing toolkit for Europe", "published", regions=["europe"]),
        "global": make_resource("A global testing guide", "published", regions=["global"]),
        "spain": make_resource("Testing in Spain", "published", countries=["ES"]),
    }


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("PL", ["PL"]),
        ("pl", ["PL"]),
        ("POL", ["PL"]),
        ("poland", ["PL"]),
        ("  POLAND ", ["PL"]),
        ("Côte d'Ivoire", ["CI"]),
        ("cote divoire", ["CI"]),
        ("Czech Republic", ["CZ"]),
        ("Czechia", ["CZ"]),
        ("Türkiye", ["TR"]),
        ("Turkey", ["TR"]),
        ("in", ["IN"]),
        ("Bonaire, Sint Eustatius and Saba", ["BQ"]),
        ("Poland, Spain", ["PL", "ES"]),
        ("Poland; spain;", ["PL", "ES"]),
        ("", []),
        ("\x00", []),
    ],
)
def test_a_country_is_read_from_its_code_or_any_of_its_names(db, typed, codes):
    assert CountryNames.load().read(typed) == (codes, [])


def test_a_country_is_read_from_its_name_in_the_visitors_language(db):
    with override("pl"):
        names = CountryNames.load()
        assert names.read("Niemcy") == (["DE"], [])
        assert ("PL", "Polska") in names.options
    assert CountryNames.load().read("Germany") == (["DE"], [])


def test_what_names_no_country_is_kept_with_close_names(db):
    names = CountryNames.load()

    assert names.read("Poland, Atlantis") == (["PL"], ["Atlantis"])
    assert names.read("x" * 100_000)[0] == []
    assert "Poland" in names.suggestions("Polnd")


def test_the_library_offers_every_country_in_a_box_that_works_without_javascript(client, places):
    body = client.get("/resources/").content.decode()

    assert 'name="country" id="f-country-add"' in body
    assert 'list="f-country-options"' in body
    assert body.count('<option value="') >= Country.objects.count()
    assert '<option value="Poland" label="PL">' in body
    assert "js/country-picker.js" in body


@pytest.mark.parametrize("typed", ["Poland", "poland", "POL", "pl"])
def test_a_country_typed_in_the_library_is_read_and_the_address_names_its_code(
    client, places, typed
):
    response = client.get("/resources/", {"country": typed, "q": "Poland"})

    assert response.status_code == 302
    assert response["Location"] == "/resources/?country=PL&q=Poland"
    page = client.get(response["Location"])
    titles = {item.title for item in page.context["items"]}
    assert titles == {"Testing in Poland"}


def test_an_empty_country_box_is_no_filter(client, places):
    response = client.get("/resources/", {"country": "", "q": ""})

    assert response.status_code == 200
    assert len(response.context["items"]) == 4


def test_an_unknown_country_in_the_library_is_a_form_error_with_close_names(client, places):
    response = client.get("/resources/", {"country": "Polnd"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "No country is called “Polnd”." in body
    assert 'aria-invalid="true"' in body
    assert 'value="Polnd"' in body  # kept in the box, to be corrected
    assert '<a href="?country=Poland">Poland</a>' in body
    assert "We ignored “Polnd” for country" in body


def test_results_show_their_scope_and_can_be_narrowed_to_the_country_itself(client, places):
    body = client.get("/resources/?country=PL").content.decode()
    assert "Europe-wide" in body and "Global" in body

    response = client.get("/resources/?country=PL&scope=exact")
    assert {item.title for item in response.context["items"]} == {"Testing in Poland"}


def test_the_site_search_reads_a_country_name_and_shows_scope(client, places):
    response = client.get("/search/", {"q": "testing", "country": "poland"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Testing in Poland" in body and "Testing in Spain" not in body
    assert "Europe-wide" in body
    assert "country=PL&amp;scope=exact" in body
    assert "Only work in Poland itself" in body


def test_the_site_search_says_what_is_wrong_with_an_unknown_country(client, places):
    response = client.get("/search/", {"q": "testing", "country": "Polnd"})

    assert response.status_code == 400
    assert "No country is called “Polnd”. Did you mean Poland?" in response.content.decode()
    api = client.get("/api/v1/search/", {"q": "testing", "country": "Polnd"})
    assert api.status_code == 400
    assert "country" in str(api.json())


def test_the_api_reads_country_names_and_refuses_unknown_ones(client, places):
    by_code = client.get("/api/v1/resources/?country=PL").json()
    by_name = client.get("/api/v1/resources/?country=poland").json()
    assert by_name == by_code
    assert by_code["count"] == 3

    response = client.get("/api/v1/resources/?country=Polnd")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "Polnd" in str(response.json())


def test_feeds_and_csv_read_country_names(client, places):
    feed = client.get("/feeds/resources/?country=Poland").content.decode()
    assert "Testing in Poland" in feed and "Testing in Spain" not in feed

    rows = client.get("/api/v1/resources.csv?country=Poland")
    assert rows.status_code == 200
    text = b"".join(rows.streaming_content).decode()
    assert "Testing in Poland" in text and "Testing in Spain" not in text
    assert client.get("/api/v1/resources.csv?country=Polnd").status_code == 400


def test_a_digest_follows_countries_typed_by_name(client, db):
    response = client.post(
        "/digest/subscribe/", {**DIGEST_FORM, "countries": ["DE", "Poland, spain"]}
    )

    assert response.status_code == 302
    assert Subscription.objects.get().query == "country=DE&country=ES&country=PL"


def test_a_digest_with_an_unknown_country_is_refused_and_says_why(client, db):
    response = client.post("/digest/subscribe/", {**DIGEST_FORM, "countries": ["Polnd"]})

    assert response.status_code == 200
    assert "No country is called “Polnd”. Did you mean Poland?" in response.content.decode()
    assert 'value="Polnd"' in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_flood_of_unknown_countries_is_answered_and_only_a_few_get_close_names(client, db):
    junk = ",".join(f"Polnd{i}" for i in range(40))
    response = client.get("/resources/", {"country": [junk] * 50})

    assert response.status_code == 200
    assert len(response.context["country_errors"]) == 3
    api = client.get("/api/v1/resources/", {"country": [junk] * 50})
    assert api.status_code == 400
    subscribe = client.post("/digest/subscribe/", {**DIGEST_FORM, "countries": [junk] * 50})
    assert subscribe.status_code == 200
    body = subscribe.content.decode()
    assert "No country is called “Polnd4”." in body
    assert "No country is called “Polnd5”." not in body  # five are enough to see the point
