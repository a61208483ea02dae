"""API lists take the web library's query string and return the same items in the
same order; where the web page forgives a mistake, the API names it in a 400."""

import pytest

from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db

STAGES = ["testing-decision", "treatment-access", "sample-analysis"]
BARRIERS = ["test-not-reimbursed", "patients-unaware-of-testing", "lab-workforce-long-turnaround"]
COUNTRIES = [["DE"], ["FR"], ["JP"], []]
REGIONS = [[], ["europe"], ["global"]]
AREAS = [["lung-cancer"], ["oncology"], ["cardiovascular"], []]
TYPES = ["toolkit", "report", "guideline"]
LANGUAGES = ["en", "en", "de"]
TITLES = ["Biomarker", "Lung testing", "Access", "Reimbursement", "Patient guide"]


@pytest.fixture
def library(make_resource, make_initiative, organisation, other_organisation):
    """Enough varied items for two pages, published one after the other."""
    for n in range(26):
        make_resource(
            f"{TITLES[n % 5]} {n:02d}",
            "published",
            summary="About biomarker testing." if n % 3 == 0 else "About access to care.",
            stages=[STAGES[n % 3]],
            barriers=[BARRIERS[n % 3]],
            countries=COUNTRIES[n % 4],
            regions=REGIONS[n % 3],
            therapeutic_areas=AREAS[n % 4],
            audiences=["patients-advocacy"] if n % 2 else ["payers"],
            resource_type=TYPES[n % 3],
            language=LANGUAGES[n % 3],
            year=2020 + n % 4,
            organisation=other_organisation if n % 5 == 0 else organisation,
        )
    make_resource("Draft about biomarker", "draft", stages=["testing-decision"])
    for n, phase in enumerate(["planned", "active", "completed", "active"]):
        make_initiative(
            f"Initiative {n}",
            "published",
            phase=phase,
            stages=[STAGES[n % 3]],
            countries=COUNTRIES[n % 4],
        )


WEB_QUERIES = [
    ("resources", ""),
    ("resources", "page=2"),
    ("resources", "stage=testing-decision"),
    ("resources", "stage=testing-decision&stage=treatment-access&country=de"),
    ("resources", "region=europe"),
    ("resources", "area=oncology"),
    ("resources", "category=financing-regulation"),
    ("resources", "barrier=lab-workforce-long-turnaround"),
    ("resources", "audience=patients-advocacy&language=de"),
    ("resources", "organisation=colorectal-alliance"),
    ("resources", "type=toolkit&type=report&year=2021"),
    ("resources", "q=biomarker"),
    ("resources", "q=lung+testing&sort=title"),
    ("resources", "q=access&sort=relevance"),
    ("resources", "sort=oldest"),
    ("resources", "sort=title&page=2"),
    ("initiatives", ""),
    ("initiatives", "phase=active"),
    ("initiatives", "phase=planned&phase=completed&stage=testing-decision"),
]


def test_the_api_returns_the_web_pages_items_in_the_same_order(client, api, library):
    # One test over every query string: building the library is the slow part.
    for collection, query in WEB_QUERIES:
        # The page redirects a country in lower case to its code; the API reads both.
        web = client.get(f"/{collection}/?{query}", follow=True)
        assert web.status_code == 200
        expected = [item.slug for item in web.context["page"]]
        assert expected, f"{query!r} should select something, or the comparison proves little"
        response = api().get(f"/api/v1/{collection}/?{query}")
        assert response.status_code == 200, query
        body = response.json()
        assert [item["slug"] for item in body["results"]] == expected, query
        assert body["count"] == web.context["page"].paginator.count, query


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("stage=testing-decision&stage=no-such-stage", "stage", "no-such-stage"),
        ("country=ZZ", "country", "ZZ"),
        ("year=not-a-year", "year", "not-a-year"),
        ("type=brochure", "type", "brochure"),
        ("language=xx", "language", "xx"),
        ("sort=cheapest", "sort", "cheapest"),
        ("stagee=testing-decision", "stagee", "Unknown parameter"),
        ("q=" + "x" * 201, "q", "200"),
        ("stage=" + "&stage=".join(["testing-decision"] * 51), "stage", "50"),
        ("page=0", "page", "whole number"),
        ("page=abc", "page", "whole number"),
        ("page_size=-3", "page_size", "whole number"),
    ],
)
def test_mistakes_in_the_query_string_are_named_in_a_400(api, make_resource, query, field, message):
    make_resource("Biomarker testing", "published", stages=["testing-decision"])
    for url in ("/api/v1/resources/", "/api/v1/resources.csv"):
        if url.endswith(".csv") and field.startswith("page"):
            continue
        response = api().get(f"{url}?{query}")
        assert response.status_code == 400, (url, query)
        error = error_of(response)
        assert error["code"] == "invalid"
        assert message in " ".join(error["fields"][field])


def test_every_mistake_is_reported_at_once(api):
    response = api().get("/api/v1/initiatives/?stage=nope&phase=paused&colour=blue")
    assert set(error_of(response)["fields"]) == {"stage", "phase", "colour"}


def test_the_deprecated_status_filter_still_filters_the_phase(api, make_initiative):
    make_initiative("Planned work", "published", phase="planned")
    make_initiative("Active work", "published", phase="active")

    for query in ("phase=planned", "status=planned", "status=planned&phase=planned"):
        body = api().get(f"/api/v1/initiatives/?{query}").json()
        assert [item["title"] for item in body["results"]] == ["Planned work"], query
    response = api().get("/api/v1/initiatives/?status=paused")
    assert error_of(response)["fields"] == {"status": ["Unknown value: paused."]}


def test_the_schema_documents_status_as_deprecated(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    parameters = {
        p["name"]: p for p in schema["paths"]["/api/v1/initiatives/"]["get"]["parameters"]
    }
    assert "deprecated" not in parameters["phase"]
    assert parameters["status"]["deprecated"] is True
    assert "Use phase." in parameters["status"]["description"]


def test_a_page_beyond_the_last_is_a_404(api, make_resource):
    make_resource("First", "published")
    make_resource("Second", "published")
    assert api().get("/api/v1/resources/?page_size=1&page=2").status_code == 200
    response = api().get("/api/v1/resources/?page_size=1&page=3")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    assert api().get("/api/v1/resources/?page=99999999999999999999999").status_code == 400


def test_page_size_is_chosen_by_the_client_up_to_a_cap(api):
    body = api().get("/api/v1/countries/?page_size=5").json()
    assert len(body["results"]) == 5
    assert body["count"] > 200
    assert "page_size=5" in body["next"]
    assert len(api().get("/api/v1/countries/").json()["results"]) == 20
    capped = api().get("/api/v1/countries/?page_size=100000").json()
    assert len(capped["results"]) == 100


def test_filters_apply_to_lists_not_to_details(api, make_resource):
    resource = make_resource("Access", "published", stages=["treatment-access"])
    assert api().get("/api/v1/resources/?stage=testing-decision").json()["count"] == 0
    assert (
        api().get(f"/api/v1/resources/{resource.slug}/?stage=testing-decision").status_code == 200
    )
