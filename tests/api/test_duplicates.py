"""Submitting through the API passes the same duplicate check as the web form: a
near-duplicate is held with a 409 listing the matches until the client marks each
one, and the marks are recorded as the web form records them."""

import pytest

from contributions.models import ModerationEvent, Resource, Status
from synergies.models import SimilarityDecision
from tests.api.conftest import error_of
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

BARRIER = "test-not-reimbursed"
TAGS = {"stages": ["testing-decision"], "barriers": [BARRIER], "countries": ["DE"]}


@pytest.fixture
def original(make_resource, other_organisation):
    """Published work of another organisation that the partner's item duplicates."""
    return make_resource(
        "Biomarker test reimbursement in Germany",
        "published",
        organisation=other_organisation,
        summary="Which biomarker tests German health insurers pay for, and how to appeal.",
        **TAGS,
    )


def duplicate(**overrides) -> dict:
    return {
        "title": "Reimbursement of biomarker tests in Germany",
        "summary": "What German health insurers pay for biomarker testing, and appeals.",
        "organisation": "lung-patients-network",
        "resource_type": "report",
        "url": "https://example.org/reimbursement",
        **TAGS,
        **overrides,
    }


def mark(item, decision: str) -> dict:
    return {"kind": item.kind, "slug": item.slug, "decision": decision}


def test_creating_a_near_duplicate_with_submit_is_held_with_its_matches(api, partner, original):
    response = api(partner).post("/api/v1/resources/", duplicate(submit=True), format="json")

    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "possible_duplicates"
    assert "saved as a draft" in error["message"]
    draft = Resource.objects.get(submitted_by=partner)
    assert draft.status == Status.DRAFT
    assert not ModerationEvent.objects.filter(resource=draft).exists()
    assert error["item"] == {
        "kind": "resource",
        "slug": draft.slug,
        "title": draft.title,
        "status": "draft",
        "api_url": f"http://testserver/api/v1/resources/{draft.slug}/",
        "submit_url": f"http://testserver/api/v1/resources/{draft.slug}/submit/",
    }
    assert [d["value"] for d in error["decisions"]] == ["same", "related", "distinct"]
    [match] = error["matches"]
    assert match["kind"] == "resource"
    assert match["slug"] == original.slug
    assert match["title"] == original.title
    assert match["organisation"] == "Colorectal Alliance"
    assert match["api_url"] == f"http://testserver/api/v1/resources/{original.slug}/"
    assert match["web_url"] == f"http://testserver/resources/{original.slug}/"
    assert match["score"] >= 0.5 and match["strong"] is True
    assert match["reasons"][:2] == [
        "same barrier: Biomarker test not reimbursed",
        "both in Germany",
    ]
    assert match["explanation"].startswith("same barrier: Biomarker test not reimbursed; ")
    assert (match["decision"], match["holds"], match["can_update"]) == (None, True, False)


@pytest.mark.parametrize("decision", ["related", "distinct"])
def test_marking_each_match_lets_the_held_draft_go_and_records_the_decision(
    api, partner, original, decision
):
    client = api(partner)
    slug = error_of(client.post("/api/v1/resources/", duplicate(submit=True), format="json"))[
        "item"
    ]["slug"]

    response = client.post(
        f"/api/v1/resources/{slug}/submit/", {"similar": [mark(original, decision)]}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    decision_row = SimilarityDecision.objects.get()
    item = Resource.objects.get(slug=slug)
    assert (decision_row.subject, decision_row.match, decision_row.choice) == (
        item,
        original,
        decision,
    )
    assert decision_row.decided_by == partner
    assert decision_row.score >= 0.5
    assert decision_row.reasons[0] == "same barrier: Biomarker test not reimbursed"


def test_marks_sent_with_the_new_item_submit_it_at_once(api, partner, original):
    body = duplicate(submit=True, similar=[mark(original, "related")])

    response = api(partner).post("/api/v1/resources/", body, format="json")

    assert response.status_code == 201
    assert response.json()["status"] == "submitted"
    assert SimilarityDecision.objects.get().choice == "related"


def test_a_patch_with_submit_is_held_and_then_passes_with_the_marks(
    api, partner, original, make_resource
):
    draft = make_resource("Reimbursement of biomarker tests in Germany", "draft", **TAGS)
    client = api(partner)
    url = f"/api/v1/resources/{draft.slug}/"

    held = client.patch(url, {"summary": "German insurers and tests.", "submit": True}, "json")
    draft.refresh_from_db()
    sent = client.patch(url, {"submit": True, "similar": [mark(original, "distinct")]}, "json")

    assert held.status_code == 409
    assert [m["slug"] for m in error_of(held)["matches"]] == [original.slug]
    # The change was saved, as the message says; only the submission waits.
    assert (draft.summary, draft.status) == ("German insurers and tests.", Status.DRAFT)
    assert sent.status_code == 200
    assert sent.json()["status"] == "submitted"


def test_marks_sent_with_a_draft_are_kept_for_its_submission(api, partner, original, make_resource):
    draft = make_resource("Reimbursement of biomarker tests in Germany", "draft", **TAGS)
    client = api(partner)

    saved = client.patch(
        f"/api/v1/resources/{draft.slug}/", {"similar": [mark(original, "related")]}, "json"
    )
    sent = client.post(f"/api/v1/resources/{draft.slug}/submit/")

    assert saved.status_code == 200
    assert saved.json()["status"] == "draft"
    assert sent.status_code == 200
    assert SimilarityDecision.objects.get().choice == "related"


def test_a_put_with_submit_is_held_too(api, partner, original, make_resource):
    draft = make_resource("Reimbursement of biomarker tests in Germany", "draft", **TAGS)

    response = api(partner).put(
        f"/api/v1/resources/{draft.slug}/", duplicate(submit=True), format="json"
    )

    assert response.status_code == 409
    assert error_of(response)["code"] == "possible_duplicates"
    assert Resource.objects.get(pk=draft.pk).status == Status.DRAFT


def test_the_same_thing_still_holds_the_submission(api, partner, original, make_resource):
    draft = make_resource("Reimbursement of biomarker tests in Germany", "draft", **TAGS)
    client = api(partner)
    url = f"/api/v1/resources/{draft.slug}/submit/"

    response = client.post(url, {"similar": [mark(original, "same")]}, format="json")

    assert response.status_code == 409
    [match] = error_of(response)["matches"]
    assert (match["decision"], match["holds"]) == ("same", True)
    # Kept, so the next attempt shows it marked; changing it lets the item go.
    assert SimilarityDecision.objects.get().choice == "same"
    assert error_of(client.post(url))["matches"][0]["decision"] == "same"
    again = client.post(url, {"similar": [mark(original, "related")]}, format="json")
    assert again.status_code == 200
    assert SimilarityDecision.objects.get().choice == "related"


def test_a_match_of_the_partners_own_organisation_can_be_updated_instead(
    api, partner, make_resource
):
    own = make_resource(
        "Biomarker test reimbursement in Germany",
        "published",
        summary="Which biomarker tests German health insurers pay for, and how to appeal.",
        **TAGS,
    )

    response = api(partner).post("/api/v1/resources/", duplicate(submit=True), format="json")

    [match] = error_of(response)["matches"]
    assert (match["slug"], match["can_update"]) == (own.slug, True)


def test_weak_matches_do_not_hold_the_submission(api, partner, make_initiative):
    make_initiative(
        "Biomarker reimbursement campaign", "published", barriers=[BARRIER], countries=["BR"]
    )

    response = api(partner).post(
        "/api/v1/resources/",
        duplicate(title="Questions for your doctor", summary="A leaflet.", submit=True),
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == "submitted"


@pytest.mark.parametrize(
    "similar, message",
    [
        ([{"kind": "resource", "slug": "no-such-item", "decision": "related"}], "No published"),
        ([{"kind": "barrier", "slug": "x", "decision": "related"}], "not a valid choice"),
        ([{"kind": "resource", "slug": "x", "decision": "maybe"}], "not a valid choice"),
        ("related", "Expected a list"),
    ],
)
def test_bad_marks_are_a_400_and_save_nothing(api, partner, original, similar, message):
    response = api(partner).post(
        "/api/v1/resources/", duplicate(submit=True, similar=similar), format="json"
    )

    assert response.status_code == 400
    assert message in str(error_of(response)["fields"]["similar"])
    assert not Resource.objects.filter(submitted_by=partner).exists()


def test_a_mark_for_unpublished_work_is_refused(api, partner, original, make_resource):
    hidden = make_resource("Hidden draft", "submitted", **TAGS)

    response = api(partner).post(
        "/api/v1/resources/", duplicate(submit=True, similar=[mark(hidden, "related")]), "json"
    )

    assert response.status_code == 400
    assert "No published item: resource hidden-draft." in str(error_of(response)["fields"])


def test_an_item_not_placed_on_the_pathway_is_a_400_before_any_check(api, partner, original):
    body = duplicate(submit=True, stages=[])

    response = api(partner).post("/api/v1/resources/", body, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"stages": ["Choose at least one pathway stage."]}
    assert not Resource.objects.filter(submitted_by=partner).exists()


def test_web_and_api_hold_the_same_draft_for_the_same_matches(
    api, partner, organisation, original, make_resource
):
    draft = make_resource("Reimbursement of biomarker tests in Germany", "draft", **TAGS)
    form = {
        "title": draft.title,
        "summary": draft.summary,
        "organisation": organisation.pk,
        "resource_type": "report",
        "url": draft.url,
        "language": "en",
        "stages": list(draft.stages.values_list("pk", flat=True)),
        "barriers": list(draft.barriers.values_list("pk", flat=True)),
        "countries": ["DE"],
        "action": "submit",
    }
    browser = logged_in(partner)

    web = browser.post(f"/resources/{draft.slug}/edit/", form)
    rest = api(partner).post(f"/api/v1/resources/{draft.slug}/submit/")

    assert web.status_code == 200
    assert [row.match.item for row in web.context["check"].rows] == [original]
    assert rest.status_code == 409
    assert [m["slug"] for m in error_of(rest)["matches"]] == [original.slug]
    # A mark made on the web counts in the API.
    browser.post(
        f"/resources/{draft.slug}/edit/",
        {**form, "action": "draft", f"match-resource-{original.pk}": "distinct"},
    )
    assert api(partner).post(f"/api/v1/resources/{draft.slug}/submit/").status_code == 200
    assert Resource.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_an_incomplete_mark_in_a_partial_update_is_a_400(api, partner, original, make_resource):
    # PATCH validates nested fields partially: a mark without its kind was a 500.
    draft = make_resource("My draft", "draft", **TAGS)

    response = api(partner).patch(
        f"/api/v1/resources/{draft.slug}/", {"similar": [{"slug": "x"}]}, format="json"
    )

    assert response.status_code == 400
    assert "Each mark needs a kind" in str(error_of(response)["fields"]["similar"])
