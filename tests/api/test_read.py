"""Reading the API: every collection lists and shows its items, related objects
come by slug with a link, and each client sees exactly what it may see."""

import pytest

from stakeholders.models import Organisation
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NOT_PUBLISHED = ["draft", "submitted", "changes_requested", "rejected", "archived"]

COLLECTIONS = [
    ("stages", "testing-decision"),
    ("barrier-categories", "financing-regulation"),
    ("barriers", "test-not-reimbursed"),
    ("stakeholder-groups", "payers"),
    ("therapeutic-areas", "lung-cancer"),
    ("regions", "europe"),
    ("countries", "DE"),
]


@pytest.mark.parametrize(("collection", "key"), COLLECTIONS)
def test_reference_collections_list_and_show_their_items(api, collection, key):
    listing = api().get(f"/api/v1/{collection}/?page_size=100")
    assert listing.status_code == 200
    body = listing.json()
    assert body["count"] >= len(body["results"]) > 0
    detail_url = f"http://testserver/api/v1/{collection}/{key}/"
    assert detail_url in [item["api_url"] for item in body["results"]] or body["next"]

    detail = api().get(f"/api/v1/{collection}/{key}/")
    assert detail.status_code == 200
    assert detail.json()["api_url"] == detail_url


def test_a_barrier_links_its_category_stages_and_who_can_act(api):
    barrier = api().get("/api/v1/barriers/test-not-reimbursed/").json()
    assert barrier["category"]["slug"] == "financing-regulation"
    assert barrier["category"]["api_url"].endswith(
        "/api/v1/barrier-categories/financing-regulation/"
    )
    assert barrier["stages"] and all(stage["api_url"] for stage in barrier["stages"])
    assert barrier["actors"] and all(group["slug"] for group in barrier["actors"])
    assert barrier["web_url"] == "http://testserver/barriers/test-not-reimbursed/"


def test_countries_are_found_by_code_in_either_case(api):
    assert api().get("/api/v1/countries/de/").json()["code"] == "DE"
    assert api().get("/api/v1/countries/XX/").status_code == 404


def test_reference_lists_filter_strictly(api):
    europe = api().get("/api/v1/countries/?region=europe&page_size=100").json()
    assert europe["results"] and {c["region"]["slug"] for c in europe["results"]} == {"europe"}
    response = api().get("/api/v1/barriers/?category=no-such-category")
    assert response.status_code == 400
    assert "category" in response.json()["error"]["fields"]


def test_unverified_organisations_are_seen_only_by_their_members_and_curators(
    api, patients_group, partner, other_partner, curator
):
    proposed = Organisation.objects.create(
        name="Newly Proposed", slug="newly-proposed", group=patients_group, verified=False
    )
    proposed.memberships.create(user=partner, status="approved")

    def slugs(user):
        return {o["slug"] for o in api(user).get("/api/v1/organisations/").json()["results"]}

    assert "newly-proposed" not in slugs(None)
    assert "newly-proposed" not in slugs(other_partner)
    assert "newly-proposed" in slugs(partner)
    assert "newly-proposed" in slugs(curator)
    assert api().get("/api/v1/organisations/newly-proposed/").status_code == 404
    shown = api(partner).get("/api/v1/organisations/newly-proposed/").json()
    assert shown["verified"] is False
    assert shown["web_url"] is None


@pytest.mark.parametrize("kind", ["resource", "initiative"])
def test_anonymous_clients_see_published_items_only(api, make_resource, make_initiative, kind):
    make = make_resource if kind == "resource" else make_initiative
    published = make("Visible", "published")
    hidden = [make(f"Hidden {status}", status) for status in NOT_PUBLISHED]

    listing = api().get(f"/api/v1/{kind}s/").json()
    assert [item["slug"] for item in listing["results"]] == [published.slug]
    assert listing["count"] == 1
    for item in hidden:
        assert api().get(f"/api/v1/{kind}s/{item.slug}/").status_code == 404


@pytest.mark.parametrize("kind", ["resource", "initiative"])
def test_members_also_see_their_own_organisations_items(
    api, make_resource, make_initiative, partner, other_partner, curator, other_organisation, kind
):
    make = make_resource if kind == "resource" else make_initiative
    own_draft = make("Own draft", "draft")
    others_draft = make("Other draft", "draft", organisation=other_organisation)

    def slugs(user):
        return {item["slug"] for item in api(user).get(f"/api/v1/{kind}s/").json()["results"]}

    assert slugs(partner) == {own_draft.slug}
    assert slugs(other_partner) == {others_draft.slug}
    assert slugs(curator) == {own_draft.slug, others_draft.slug}
    assert api(partner).get(f"/api/v1/{kind}s/{others_draft.slug}/").status_code == 404


def test_pending_members_see_only_published_items(api, make_resource, pending_member):
    make_resource("Draft of the organisation", "draft")
    assert api(pending_member).get("/api/v1/resources/").json()["count"] == 0


def test_a_resource_shows_its_tags_by_slug_with_links(api, make_resource):
    resource = make_resource(
        "Know your biomarker",
        "published",
        stages=["results-interpretation"],
        barriers=["results-not-explained"],
        countries=["DE"],
        regions=["europe"],
        therapeutic_areas=["lung-cancer"],
        audiences=["patients-advocacy"],
        year=2024,
    )
    body = api().get(f"/api/v1/resources/{resource.slug}/").json()
    assert body["organisation"] == {
        "slug": "lung-patients-network",
        "name": "Lung Patients Network",
        "api_url": "http://testserver/api/v1/organisations/lung-patients-network/",
    }
    assert [s["slug"] for s in body["stages"]] == ["results-interpretation"]
    assert [b["slug"] for b in body["barriers"]] == ["results-not-explained"]
    assert body["countries"] == [
        {"code": "DE", "name": "Germany", "api_url": "http://testserver/api/v1/countries/DE/"}
    ]
    assert [r["slug"] for r in body["regions"]] == ["europe"]
    assert [a["slug"] for a in body["therapeutic_areas"]] == ["lung-cancer"]
    assert [a["slug"] for a in body["audiences"]] == ["patients-advocacy"]
    assert body["status"] == "published"
    assert body["url"] == "https://example.org/know-your-biomarker"
    assert body["year"] == 2024
    assert body["web_url"] == f"http://testserver/resources/{resource.slug}/"
    for tag in [*body["stages"], *body["barriers"], *body["regions"]]:
        assert api().get(tag["api_url"]).status_code == 200


def test_an_initiative_shows_only_visible_partners_and_related_resources(
    api, make_initiative, make_resource, other_organisation, patients_group
):
    unverified = Organisation.objects.create(
        name="Unverified", slug="unverified", group=patients_group
    )
    published_resource = make_resource("Published resource", "published")
    draft_resource = make_resource("Draft resource", "draft")
    initiative = make_initiative("Joint pilot", "published")
    initiative.partner_organisations.set([other_organisation, unverified])
    initiative.related_resources.set([published_resource, draft_resource])

    body = api().get(f"/api/v1/initiatives/{initiative.slug}/").json()
    assert [o["slug"] for o in body["partner_organisations"]] == ["colorectal-alliance"]
    assert [r["slug"] for r in body["related_resources"]] == [published_resource.slug]


def test_curators_notes_are_shown_to_the_organisation_and_curators_only(
    api, make_resource, partner, other_partner, curator
):
    sent_back = make_resource(
        "Sent back",
        "changes_requested",
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        regions=["global"],
    )
    review = {"note": "Please add sources.", "reasons": []}
    assert api(partner).get(f"/api/v1/resources/{sent_back.slug}/").json()["review"] == review
    assert api(curator).get(f"/api/v1/resources/{sent_back.slug}/").json()["review"] == review
    sent_back.submit(by=partner)
    sent_back.publish(by=curator, note="Internal: checked with the author.")
    assert api().get(f"/api/v1/resources/{sent_back.slug}/").json()["review"] is None
    assert api(other_partner).get(f"/api/v1/resources/{sent_back.slug}/").json()["review"] is None


def test_unpublished_items_have_no_web_url(api, make_resource, partner):
    draft = make_resource("A draft", "draft")
    assert api(partner).get(f"/api/v1/resources/{draft.slug}/").json()["web_url"] is None


def test_the_api_root_lists_every_collection(api):
    root = api().get("/api/v1/").json()
    assert set(root) == {
        "stages",
        "barrier-categories",
        "barriers",
        "stakeholder-groups",
        "organisations",
        "therapeutic-areas",
        "regions",
        "countries",
        "resources",
        "initiatives",
        "revisions",
        "adoptions",
        "assessment-frameworks",
        "assessments",
        "review-assignments",
    }


def test_inactive_users_tokens_stop_working(api):
    user = make_user("leaver")
    client = api(user)
    assert client.get("/api/v1/resources/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/api/v1/resources/").status_code == 401
