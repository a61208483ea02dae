"""When a search in the library finds nothing, it says what to try instead."""


def test_nothing_found_suggests_fewer_words_every_place_and_the_whole_portal(client, make_resource):
    make_resource("Liquid biopsy explained", "published", countries=["ES"])

    response = client.get("/resources/", {"q": "liquid biopsy quantum", "country": "PL"})

    assert list(response.context["items"]) == []
    body = response.content.decode()
    assert "Try fewer words:" in body
    assert '<a href="?q=liquid&amp;country=PL">liquid</a>' in body
    assert '<a href="?q=liquid+biopsy+quantum">Search in every country and region</a>' in body
    assert 'href="/search/?q=liquid%20biopsy%20quantum"' in body


def test_one_word_found_nowhere_only_suggests_the_whole_portal(client, make_resource):
    make_resource("Liquid biopsy explained", "published")

    body = client.get("/resources/", {"q": "quantum"}).content.decode()

    assert "Try fewer words" not in body
    assert "Search in every country" not in body
    assert 'href="/search/?q=quantum"' in body


def test_results_need_no_help(client, make_resource):
    make_resource("Liquid biopsy explained", "published")

    response = client.get("/resources/", {"q": "liquid biopsy"})

    assert response.context["zero_results_help"] is None
