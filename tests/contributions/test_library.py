"""The resource library and initiative directory: only published items, faceted
filters in the query string, ranked search, pagination and forgiving bad input."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import Resource

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]


@pytest.fixture
def mixed_states(make_resource, make_initiative):
    """One published item of each kind, plus one in every other state."""
    published = [
        make_resource("Visible resource", "published", stages=["testing-decision"]),
        make_initiative("Visible initiative", "published", stages=["testing-decision"]),
    ]
    for status in NON_PUBLISHED:
        make_resource(f"Hidden resource {status}", status, stages=["testing-decision"])
        make_initiative(f"Hidden initiative {status}", status, stages=["testing-decision"])
    return published


@pytest.mark.parametrize(
    "url",
    [
        "/resources/",
        "/initiatives/",
        "/resources/?stage=testing-decision",
        "/initiatives/?q=hidden",
        "/resources/?q=hidden",
        "/feeds/resources/",
        "/feeds/initiatives/",
        "/sitemap.xml",
        "/sitemap-resources.xml",
        "/sitemap-initiatives.xml",
    ],
)
def test_only_published_items_appear_anywhere_public(client, mixed_states, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hidden" not in body
    assert "hidden-" not in body


def test_counts_ignore_unpublished_items(client, mixed_states):
    response = client.get("/resources/")
    assert response.context["page"].paginator.count == 1
    stage_facet = next(f for f in response.context["facets"] if f.name == "stage")
    assert [(o.value, o.count) for o in stage_facet.options] == [("testing-decision", 1)]


@pytest.mark.parametrize("status", NON_PUBLISHED)
def test_unpublished_detail_pages_are_404(client, make_resource, make_initiative, status):
    resource = make_resource(f"Hidden {status}", status)
    initiative = make_initiative(f"Hidden {status}", status)
    assert client.get(f"/resources/{resource.slug}/").status_code == 404
    assert client.get(f"/initiatives/{initiative.slug}/").status_code == 404


def test_detail_page_links_its_metadata(client, make_resource):
    resource = make_resource(
        "Know your biomarker",
        "published",
        stages=["results-interpretation"],
        barriers=["results-not-explained"],
        countries=["DE"],
        regions=["europe"],
        therapeutic_areas=["lung-cancer"],
        description="**Bold** <script>alert(1)</script>",
    )
    response = client.get(f"/resources/{resource.slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="/pathway/results-interpretation/"' in body
    assert 'href="/barriers/results-not-explained/"' in body
    assert 'href="/resources/?country=DE"' in body
    assert 'href="/resources/?region=europe"' in body
    assert 'href="/organisations/lung-patients-network/"' in body
    assert "<strong>Bold</strong>" in body
    assert "<script>alert(1)" not in body


def test_filters_combine_and_match_the_query_string(client, make_resource):
    make_resource("German lung testing", "published", stages=["testing-decision"], countries=["DE"])
    make_resource("French lung testing", "published", stages=["testing-decision"], countries=["FR"])
    make_resource("German access", "published", stages=["treatment-access"], countries=["DE"])
    response = client.get("/resources/?stage=testing-decision&country=de", follow=True)
    assert [i.title for i in response.context["items"]] == ["German lung testing"]
    response = client.get("/resources/?stage=testing-decision&stage=treatment-access&country=DE")
    assert {i.title for i in response.context["items"]} == {"German lung testing", "German access"}


def test_region_includes_its_countries_and_area_includes_narrower_areas(client, make_resource):
    make_resource("Tagged Europe", "published", regions=["europe"])
    make_resource("Tagged Germany", "published", countries=["DE"])
    make_resource("Tagged Japan", "published", countries=["JP"], therapeutic_areas=["lung-cancer"])
    response = client.get("/resources/?region=europe")
    assert {i.title for i in response.context["items"]} == {"Tagged Europe", "Tagged Germany"}
    region_facet = next(f for f in response.context["facets"] if f.name == "region")
    assert ("europe", 2, True) in [(o.value, o.count, o.selected) for o in region_facet.options]
    response = client.get("/resources/?area=oncology")
    assert [i.title for i in response.context["items"]] == ["Tagged Japan"]


def test_type_year_language_and_initiative_status_filters(client, make_resource, make_initiative):
    make_resource("A toolkit", "published", resource_type="toolkit", year=2023, language="de")
    make_resource("A report", "published", resource_type="report", year=2021)
    make_initiative("Planned work", "published", phase="planned")
    make_initiative("Active work", "published", phase="active")
    assert [i.title for i in client.get("/resources/?type=toolkit").context["items"]] == [
        "A toolkit"
    ]
    assert [i.title for i in client.get("/resources/?year=2021").context["items"]] == ["A report"]
    assert [i.title for i in client.get("/resources/?language=de").context["items"]] == [
        "A toolkit"
    ]
    assert [i.title for i in client.get("/initiatives/?phase=planned").context["items"]] == [
        "Planned work"
    ]


def test_the_initiative_phase_facet_and_links_use_phase(client, make_initiative):
    planned = make_initiative("Planned work", "published", phase="planned")
    make_initiative("Active work", "published", phase="active")

    page = client.get("/initiatives/?phase=planned")
    detail = client.get(planned.get_absolute_url()).content.decode()

    [facet] = [f for f in page.context["facets"] if f.label == "Phase"]
    assert facet.name == "phase"
    assert [(o.value, o.selected) for o in facet.options] == [("planned", True)]
    body = page.content.decode()
    assert 'name="phase"' in body and 'name="status"' not in body
    assert 'href="/initiatives/?phase=planned"' in detail


def test_an_old_link_with_the_deprecated_status_filter_is_redirected_to_phase(client):
    response = client.get("/initiatives/?stage=monitoring&status=planned&status=active&page=2")

    assert response.status_code == 301
    assert response["Location"] == (
        "/initiatives/?stage=monitoring&phase=planned&phase=active&page=2"
    )
    assert client.get("/initiatives/?status=planned&phase=active")["Location"] == (
        "/initiatives/?phase=planned&phase=active"
    )


def test_unknown_filter_values_are_ignored_and_explained(client, make_resource):
    make_resource("German lung testing", "published", stages=["testing-decision"])
    response = client.get(
        "/resources/?stage=testing-decision&stage=no-such-stage&country=ZZ&sort=x"
    )
    assert response.status_code == 200
    assert [i.title for i in response.context["items"]] == ["German lung testing"]
    body = response.content.decode()
    assert "We ignored “no-such-stage” for pathway stage" in body
    assert "We ignored “ZZ” for country" in body
    assert "unknown sort order" in body


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999",
        "page=-1",
        "page=abc",
        "q=" + "x" * 5000,
        "q=%00%01%02",
        "q=%F0%9F%A7%AC+%E2%80%AE+caf%C3%A9",
        "q=%22unbalanced+quote",
        "q=a+%26+%7C+%21+%3A*",
        "stage=" + "s" * 3000,
        "year=not-a-year",
        "country=%00",
        "q=" + "&stage=x" * 200,
    ],
)
def test_bad_input_never_fails(client, make_resource, query):
    make_resource("German lung testing", "published")
    for url in ("/resources/", "/initiatives/", "/feeds/resources/"):
        response = client.get(f"{url}?{query}")
        # A page number past the end is a 404 (it still shows the last page).
        past_the_end = query in ("page=99999999999999999999", "page=-1")
        expected = 404 if past_the_end and "feeds" not in url else 200
        assert response.status_code == expected, (url, query)


def test_an_out_of_range_page_is_a_404_that_shows_the_last_page_and_says_so(client, make_resource):
    make_resource("Only one", "published")
    response = client.get("/resources/?page=999")
    assert response.status_code == 404
    assert response.context["page"].number == 1
    assert [i.title for i in response.context["items"]] == ["Only one"]
    assert "There is no page “999”" in response.content.decode()
    assert client.get("/resources/?page=1").status_code == 200
    assert client.get("/resources/?page=0").status_code == 404
    not_a_number = client.get("/resources/?page=abc")
    assert not_a_number.status_code == 200
    assert "There is no page “abc”" in not_a_number.content.decode()


def test_pages_past_the_deepest_shown_are_a_404_that_points_to_filters_and_csv(
    client, make_resource, monkeypatch
):
    from contributions.views import library

    monkeypatch.setattr(library, "PAGE_SIZE", 1)
    monkeypatch.setattr(library, "MAX_PAGES", 2)
    for n in range(3):
        make_resource(f"Item {n}", "published")
    assert client.get("/resources/?page=2").status_code == 200
    response = client.get("/resources/?page=3")
    assert response.status_code == 404
    assert response.context["page"].number == 2
    assert "Only the first 2 pages of a list are shown" in response.content.decode()


def test_an_overlong_search_is_shortened_and_explained(client, make_resource):
    response = client.get("/resources/?q=" + "biomarker " * 100)
    assert "shortened to its first 200 characters" in response.content.decode()
    assert len(response.context["search_text"]) <= 200


def test_search_finds_words_anywhere_and_ranks_title_matches_first(client, make_resource):
    make_resource("Reimbursement guide", "published", description="Mentions biomarker once.")
    make_resource("Biomarker testing explained", "published", summary="Biomarker basics.")
    make_resource("Unrelated", "published", summary="Nothing here.")
    response = client.get("/resources/?q=biomarker")
    titles = [i.title for i in response.context["items"]]
    assert titles == ["Biomarker testing explained", "Reimbursement guide"]
    assert response.context["sort_key"] == "relevance"


def test_search_ranks_items_with_every_word_first_then_those_with_most(client, make_resource):
    make_resource("Lung cancer testing", "published")
    make_resource("Lung cancer treatment", "published")
    make_resource("Skin cancer", "published")
    response = client.get("/resources/?q=cancer+testing")
    titles = [i.title for i in response.context["items"]]
    assert titles[0] == "Lung cancer testing"
    assert sorted(titles[1:]) == ["Lung cancer treatment", "Skin cancer"]
    # At least half of the words: "Lung cancer testing" has only one of three.
    response = client.get("/resources/?q=skin+cancer+treatment")
    assert {i.title for i in response.context["items"]} == {"Lung cancer treatment", "Skin cancer"}


def test_sorting(client, make_resource):
    make_resource("Beta", "published")
    make_resource("Alpha", "published")
    assert [i.title for i in client.get("/resources/?sort=title").context["items"]] == [
        "Alpha",
        "Beta",
    ]
    assert [i.title for i in client.get("/resources/").context["items"]] == ["Alpha", "Beta"]
    assert [i.title for i in client.get("/resources/?sort=oldest").context["items"]] == [
        "Beta",
        "Alpha",
    ]


def test_pagination_keeps_the_filters_in_its_links(client, make_resource):
    for n in range(25):
        make_resource(f"Item {n}", "published", countries=["DE"])
    response = client.get("/resources/?country=DE")
    assert len(response.context["items"]) == 20
    assert 'href="?country=DE&amp;page=2"' in response.content.decode()
    assert len(client.get("/resources/?country=DE&page=2").context["items"]) == 5


def test_feeds_honour_the_filters(client, make_resource, make_initiative):
    make_resource("German item", "published", countries=["DE"])
    make_resource("French item", "published", countries=["FR"])
    body = client.get("/feeds/resources/?country=FR").content.decode()
    assert "French item" in body and "German item" not in body
    assert "<feed" in body  # Atom
    make_initiative("Planned work", "published", phase="planned")
    assert "Planned work" in client.get("/feeds/initiatives/?phase=planned").content.decode()
    assert "Planned work" not in client.get("/feeds/initiatives/?phase=active").content.decode()
    # The deprecated name still works for the release after the rename.
    old = client.get("/feeds/initiatives/?status=planned").content.decode()
    assert "Planned work" in old
    assert f'href="{settings.SITE_URL}/initiatives/?phase=planned"' in old


def test_facets_show_counts_for_the_current_results(client, make_resource):
    make_resource("One", "published", stages=["testing-decision"], countries=["DE"])
    make_resource("Two", "published", stages=["testing-decision", "monitoring"], countries=["FR"])
    response = client.get("/resources/?country=FR")
    stage_facet = next(f for f in response.context["facets"] if f.name == "stage")
    assert {(o.value, o.count) for o in stage_facet.options} == {
        ("testing-decision", 1),
        ("monitoring", 1),
    }
    body = response.content.decode()
    assert 'name="country" value="FR"' in body
    assert "checked" in body


def library_queries(client, url: str) -> int:
    # The facet index is built once per content version (test_facet_index.py counts
    # its queries): built here, the page's own queries are counted.
    from django.http import QueryDict

    from contributions.filters import InitiativeFilterSet, ResourceFilterSet
    from contributions.models import Initiative, Resource

    for filterset_class, model in (
        (ResourceFilterSet, Resource),
        (InitiativeFilterSet, Initiative),
    ):
        filterset_class(QueryDict(""), queryset=model.objects.published()).facets()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/resources/", "/initiatives/", "/resources/?q=test&country=DE"])
def test_library_query_count_does_not_grow_with_items(client, make_resource, make_initiative, url):
    tags = {
        "stages": ["testing-decision", "monitoring"],
        "barriers": ["test-not-reimbursed"],
        "countries": ["DE", "FR"],
        "regions": ["europe"],
        "therapeutic_areas": ["lung-cancer"],
        "audiences": ["clinicians"],
    }
    for n in range(2):
        make_resource(f"Test resource {n}", "published", **tags)
        make_initiative(f"Test initiative {n}", "published", **tags)
    few = library_queries(client, url)
    for n in range(2, 25):
        make_resource(f"Test resource {n}", "published", **tags)
        make_initiative(f"Test initiative {n}", "published", **tags)
    many = library_queries(client, url)
    # Count, page of items, 6 tag prefetches and one aggregate per facet: fixed.
    assert few == many
    assert many <= 25


def test_detail_query_count_does_not_grow(client, make_resource):
    tags = {
        "stages": ["testing-decision"],
        "countries": ["DE"],
        "barriers": ["test-not-reimbursed"],
    }
    resource = make_resource("Detail", "published", **tags)
    few = library_queries(client, f"/resources/{resource.slug}/")
    resource.stages.set(resource.stages.model.objects.all())
    resource.countries.set(resource.countries.model.objects.all()[:40])
    many = library_queries(client, f"/resources/{resource.slug}/")
    assert few == many


def test_slug_new_is_reserved_for_the_submission_form(organisation):
    resource = Resource.objects.create(
        title="New",
        summary="x",
        organisation=organisation,
        resource_type="report",
        url="https://example.org",
    )
    assert resource.slug == "new-resource"
