"""Writing through the API follows the web forms' rules: members create items for
their organisation, edit drafts in place, propose changes to published items as
revisions, and never set the status; curators move items through the workflow."""

import pytest

from contributions.models import Initiative, ModerationEvent, Resource, Revision
from pathway.models import Stage
from tests.api.conftest import error_of
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

TAGS = {"stages": ["testing-decision"], "barriers": ["test-not-reimbursed"], "countries": ["de"]}


def resource_payload(**overrides) -> dict:
    return {
        "title": "Biomarker questions",
        "summary": "Questions to ask about biomarker tests.",
        "organisation": "lung-patients-network",
        "resource_type": "patient_information",
        "url": "https://example.org/questions",
        **overrides,
    }


def initiative_payload(**overrides) -> dict:
    return {
        "title": "Reflex testing pilot",
        "summary": "Pathologists order tests at diagnosis.",
        "organisation": "lung-patients-network",
        **overrides,
    }


def test_a_partner_creates_a_draft_for_their_organisation(api, partner):
    response = api(partner).post(
        "/api/v1/resources/", resource_payload(**TAGS, year=2024), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["web_url"] is None
    assert [c["code"] for c in body["countries"]] == ["DE"]
    resource = Resource.objects.get(slug=body["slug"])
    assert resource.submitted_by == partner
    assert resource.organisation.slug == "lung-patients-network"
    assert api().get(f"/api/v1/resources/{resource.slug}/").status_code == 404


def test_a_partner_submits_an_initiative_when_creating_it(api, partner, other_organisation):
    response = api(partner).post(
        "/api/v1/initiatives/",
        initiative_payload(
            **TAGS,
            submit=True,
            start_date="2025-01-01",
            end_date="2025-12-31",
            partner_organisations=["colorectal-alliance"],
        ),
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "submitted"
    initiative = Initiative.objects.get(slug=response.json()["slug"])
    assert [o.slug for o in initiative.partner_organisations.all()] == ["colorectal-alliance"]
    event = ModerationEvent.objects.get(initiative=initiative)
    assert (event.action, event.actor) == ("submit", partner)


def test_submitting_needs_a_stage_a_barrier_and_a_place(api, partner):
    response = api(partner).post("/api/v1/resources/", resource_payload(submit=True), format="json")
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"stages", "barriers", "regions"}
    assert not Resource.objects.exists()


OTHER = "colorectal-alliance"


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        ("resource", {"url": "not a link"}, "url"),
        ("resource", {"url": "javascript:alert(1)"}, "url"),
        ("resource", {"title": "x" * 201}, "title"),
        ("resource", {"title": ""}, "title"),
        ("resource", {"summary": "s" * 601}, "summary"),
        ("resource", {"description": "b" * 20_001}, "description"),
        ("resource", {"year": 1800}, "year"),
        ("resource", {"year": 2101}, "year"),
        ("resource", {"year": 10**40}, "year"),
        ("resource", {"year": "recent"}, "year"),
        ("resource", {"resource_type": "brochure"}, "resource_type"),
        ("resource", {"language": "klingon"}, "language"),
        ("resource", {"stages": ["no-such-stage"]}, "stages"),
        ("resource", {"stages": "testing-decision"}, "stages"),
        ("resource", {"stages": [{"slug": "testing-decision"}]}, "stages"),
        ("resource", {"countries": ["ZZ", "\x00"]}, "countries"),
        ("resource", {"title": {"en": "Dict"}}, "title"),
        ("resource", {"title": "Nul\x00byte"}, "title"),
        ("resource", {"organisation": OTHER}, "organisation"),
        ("resource", {"organisation": "no-such-organisation"}, "organisation"),
        ("resource", {"organisation": ["lung-patients-network"]}, "organisation"),
        ("resource", {"status": "published"}, "status"),
        ("resource", {"colour": "blue"}, "colour"),
        ("initiative", {"start_date": "2025-06-01", "end_date": "2025-01-01"}, "end_date"),
        ("initiative", {"start_date": "2025-02-30"}, "start_date"),
        ("initiative", {"phase": "paused"}, "phase"),
        ("initiative", {"website": "ftp//nowhere"}, "website"),
        ("initiative", {"partner_organisations": ["unverified-org"]}, "partner_organisations"),
        ("initiative", {"related_resources": ["a-draft"]}, "related_resources"),
    ],
)
def test_invalid_values_are_refused_with_the_field_named(
    api, partner, make_resource, patients_group, kind, changes, field
):
    from stakeholders.models import Organisation

    Organisation.objects.create(name="Unverified", slug="unverified-org", group=patients_group)
    make_resource("A draft", "draft")
    payload = (resource_payload if kind == "resource" else initiative_payload)(**changes)
    response = api(partner).post(f"/api/v1/{kind}s/", payload, format="json")
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert Resource.objects.count() == 1
    assert not Initiative.objects.exists()


def test_only_approved_members_create_items(api, pending_member, curator, other_partner):
    assert api().post("/api/v1/resources/", resource_payload(), format="json").status_code == 401
    for user in (pending_member, curator):
        response = api(user).post("/api/v1/resources/", resource_payload(), format="json")
        assert response.status_code == 403
        assert error_of(response)["code"] == "permission_denied"
    # An approved member of another organisation may not write for this one.
    response = api(other_partner).post("/api/v1/resources/", resource_payload(), format="json")
    assert response.status_code == 400
    assert "organisation" in error_of(response)["fields"]
    assert not Resource.objects.exists()


@pytest.mark.parametrize("status", ["draft", "changes_requested"])
def test_drafts_and_items_sent_back_are_edited_in_place(api, partner, make_resource, status):
    resource = make_resource("Old title", status)
    response = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/", {"title": "New title", **TAGS}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["title"] == "New title"
    resource.refresh_from_db()
    assert resource.title == "New title"
    assert resource.status == status
    assert not Revision.objects.exists()


def test_a_patch_is_checked_against_the_dates_already_stored(api, partner, make_initiative):
    initiative = make_initiative("Dated", "draft")
    Initiative.objects.filter(pk=initiative.pk).update(start_date="2025-06-01")

    response = api(partner).patch(
        f"/api/v1/initiatives/{initiative.slug}/", {"end_date": "2025-01-01"}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "end_date": ["The end date cannot be before the start date."]
    }
    initiative.refresh_from_db()
    assert initiative.end_date is None


def test_put_replaces_the_fields_and_can_submit(api, partner, make_resource):
    resource = make_resource("Old title", "draft")
    payload = resource_payload(title="Replaced", **TAGS, submit=True)
    response = api(partner).put(f"/api/v1/resources/{resource.slug}/", payload, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert response.json()["title"] == "Replaced"
    incomplete = api(partner).put(
        f"/api/v1/resources/{make_resource('Other', 'draft').slug}/",
        {"title": "Only a title"},
        format="json",
    )
    assert incomplete.status_code == 400
    # The organisation may be left out: the item keeps its own.
    assert {"summary", "url", "resource_type"} <= set(error_of(incomplete)["fields"])


def test_a_change_to_a_published_item_waits_for_review(api, client, partner, make_resource):
    resource = make_resource("Live title", "published", **{"stages": ["testing-decision"]})
    response = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/",
        {"title": "Proposed title", "barriers": ["test-not-reimbursed"]},
        format="json",
    )
    assert response.status_code == 202
    revision = Revision.objects.get()
    assert response.json()["id"] == revision.pk
    assert response.json()["status"] == "pending"
    assert revision.proposed_by == partner
    assert revision.data["title"] == "Proposed title"
    assert len(revision.data["barriers"]) == 1
    # The live item is untouched, in the API and on the web.
    assert api().get(f"/api/v1/resources/{resource.slug}/").json()["title"] == "Live title"
    assert "Live title" in client.get(f"/resources/{resource.slug}/").content.decode()
    assert (
        api(partner).get(f"/api/v1/resources/{resource.slug}/").json()["pending_revision"]
        == f"http://testserver/api/v1/revisions/{revision.pk}/"
    )

    # A further change adds to the same pending revision.
    again = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/", {"summary": "New summary."}, format="json"
    )
    assert again.status_code == 202
    revision = Revision.objects.get()
    assert (revision.data["title"], revision.data["summary"]) == ("Proposed title", "New summary.")


def test_sending_the_live_values_again_proposes_nothing(api, partner, make_resource):
    resource = make_resource("Live title", "published")
    response = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/", {"title": "Live title"}, format="json"
    )
    assert response.status_code == 200
    assert not Revision.objects.exists()


@pytest.mark.parametrize("status", ["submitted", "rejected", "archived"])
def test_items_under_review_rejected_or_archived_cannot_be_edited(
    api, partner, make_resource, status
):
    resource = make_resource("Frozen", status)
    response = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/", {"title": "Changed"}, format="json"
    )
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"
    resource.refresh_from_db()
    assert resource.title == "Frozen"
    assert not Revision.objects.exists()


def test_people_outside_the_organisation_cannot_edit(api, other_partner, curator, make_resource):
    published = make_resource("Published", "published")
    draft = make_resource("Draft", "draft")
    change = {"title": "Hijacked"}
    assert (
        api(other_partner)
        .patch(f"/api/v1/resources/{published.slug}/", change, format="json")
        .status_code
        == 403
    )
    assert (
        api(other_partner)
        .patch(f"/api/v1/resources/{draft.slug}/", change, format="json")
        .status_code
        == 404
    )
    assert (
        api(curator).patch(f"/api/v1/resources/{draft.slug}/", change, format="json").status_code
        == 403
    )
    assert api().patch(f"/api/v1/resources/{draft.slug}/", change, format="json").status_code == 401
    draft.refresh_from_db()
    assert draft.title == "Draft"


def test_the_submit_action_sends_a_draft_for_review(api, partner, make_resource):
    bare = make_resource("Bare draft", "draft")
    response = api(partner).post(f"/api/v1/resources/{bare.slug}/submit/")
    assert response.status_code == 400
    assert "stages" in error_of(response)["fields"]

    tagged = make_resource(
        "Tagged draft",
        "draft",
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        regions=["global"],
    )
    response = api(partner).post(f"/api/v1/resources/{tagged.slug}/submit/")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    again = api(partner).post(f"/api/v1/resources/{tagged.slug}/submit/")
    assert again.status_code == 409
    assert "Cannot submit" in error_of(again)["message"]


def test_curators_publish_send_back_reject_archive_and_unarchive(api, curator, make_resource):
    client = api(curator)
    first = make_resource("First", "submitted")
    response = client.post(
        f"/api/v1/resources/{first.slug}/publish/", {"note": "Thanks"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "published"

    response = client.post(f"/api/v1/resources/{first.slug}/archive/", {}, format="json")
    assert response.json()["status"] == "archived"
    response = client.post(f"/api/v1/resources/{first.slug}/unarchive/", {}, format="json")
    assert response.json()["status"] == "published"

    second = make_resource("Second", "submitted")
    no_note = client.post(f"/api/v1/resources/{second.slug}/request-changes/", {}, format="json")
    assert no_note.status_code == 400
    assert "note" in error_of(no_note)["fields"]
    blank = client.post(
        f"/api/v1/resources/{second.slug}/request-changes/", {"note": "  "}, format="json"
    )
    assert blank.status_code == 400
    response = client.post(
        f"/api/v1/resources/{second.slug}/request-changes/",
        {"note": "Add sources."},
        format="json",
    )
    assert response.json()["status"] == "changes_requested"
    assert response.json()["review"] == {"note": "Add sources.", "reasons": []}

    third = make_resource("Third", "submitted")
    for bad in ({}, {"reasons": []}, {"reasons": ["boring"]}, {"reasons": ["missing_sources"]}):
        response = client.post(f"/api/v1/resources/{third.slug}/reject/", bad, format="json")
        assert response.status_code == 400, bad
    response = client.post(
        f"/api/v1/resources/{third.slug}/reject/",
        {"reasons": ["out_of_scope", "out_of_scope"], "note": "Not about testing."},
        format="json",
    )
    assert response.status_code == 200
    third.refresh_from_db()
    assert (third.status, third.review_reasons) == ("rejected", ["out_of_scope"])


def test_a_transition_the_workflow_does_not_allow_is_a_409(api, curator, make_resource):
    draft = make_resource("Draft", "draft")
    response = api(curator).post(f"/api/v1/resources/{draft.slug}/publish/")
    assert response.status_code == 409
    assert error_of(response)["message"] == "Cannot publish a draft resource."
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_only_curators_use_the_workflow_actions(api, partner, make_resource):
    submitted = make_resource("Submitted", "submitted")
    for path in ("publish", "request-changes", "reject", "archive", "unarchive"):
        assert api(partner).post(f"/api/v1/resources/{submitted.slug}/{path}/").status_code == 403
        assert api().post(f"/api/v1/resources/{submitted.slug}/{path}/").status_code == 401
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_curators_decline_a_revision_with_a_note(api, partner, curator, make_resource):
    resource = make_resource("Live", "published")
    revision = Revision.propose(resource, {"title": "Worse"}, by=partner)
    assert api(partner).post(f"/api/v1/revisions/{revision.pk}/decline/").status_code == 403
    response = api(curator).post(f"/api/v1/revisions/{revision.pk}/decline/", {}, format="json")
    assert response.status_code == 400
    response = api(curator).post(
        f"/api/v1/revisions/{revision.pk}/decline/", {"note": "Keep it."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    resource.refresh_from_db()
    assert resource.title == "Live"
    again = api(curator).post(f"/api/v1/revisions/{revision.pk}/accept/")
    assert again.status_code == 409


def test_members_follow_their_organisations_revisions(
    api, partner, other_partner, curator, make_resource
):
    resource = make_resource("Live", "published", stages=["testing-decision"])
    monitoring = Stage.objects.get(slug="monitoring")
    revision = Revision.propose(
        resource, {"title": "Better", "stages": [monitoring.pk]}, by=partner
    )
    listing = api(partner).get("/api/v1/revisions/?status=pending").json()
    assert [r["id"] for r in listing["results"]] == [revision.pk]
    assert api(other_partner).get("/api/v1/revisions/").json()["count"] == 0
    assert api(other_partner).get(f"/api/v1/revisions/{revision.pk}/").status_code == 404
    detail = api(curator).get(f"/api/v1/revisions/{revision.pk}/").json()
    assert {"field": "title", "label": "title", "live": "Live", "proposed": "Better"} in detail[
        "changes"
    ]
    assert {
        "field": "stages",
        "label": "pathway stages",
        "live": ["testing-decision"],
        "proposed": ["monitoring"],
    } in detail["changes"]
    assert api(curator).get("/api/v1/revisions/?status=maybe").status_code == 400


def test_too_many_new_items_in_an_hour_are_refused(api, partner, monkeypatch):
    monkeypatch.setattr("contributions.submission.SUBMISSIONS_PER_HOUR", 2)
    client = api(partner)
    for n in range(2):
        response = client.post("/api/v1/resources/", resource_payload(title=f"N{n}"), format="json")
        assert response.status_code == 201
    response = client.post("/api/v1/resources/", resource_payload(title="N3"), format="json")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert error_of(response)["retry_after"] == int(response["Retry-After"])
    assert Resource.objects.count() == 2


def test_the_web_form_and_the_api_share_one_limit_and_one_message(
    api, partner, organisation, monkeypatch
):
    monkeypatch.setattr("contributions.submission.SUBMISSIONS_PER_HOUR", 2)
    web, rest = logged_in(partner), api(partner)
    form = {
        "title": "From the web",
        "summary": "S.",
        "organisation": organisation.pk,
        "resource_type": "report",
        "url": "https://example.org/web",
        "language": "en",
        "action": "draft",
    }
    assert web.post("/resources/new/", form).status_code == 302
    assert rest.post("/api/v1/resources/", resource_payload(), format="json").status_code == 201

    refused_web = web.post("/resources/new/", {**form, "title": "Third"})
    refused_api = rest.post("/api/v1/resources/", resource_payload(title="Third"), format="json")

    message = "You have added 2 items in the last hour. Please wait a little before adding more."
    assert refused_web.status_code == 400
    assert refused_web.context["form"].non_field_errors() == [message]
    assert refused_api.status_code == 429
    assert error_of(refused_api)["message"] == message
    assert Resource.objects.count() + Initiative.objects.count() == 2


# "body", the description's former name, is taken in writes for one release.


def test_the_former_name_body_still_sets_the_description(api, partner):
    response = api(partner).post(
        "/api/v1/resources/", resource_payload(body="## Why\n\nBecause."), format="json"
    )
    assert response.status_code == 201
    assert response.json()["description"] == "## Why\n\nBecause."
    assert "body" not in response.json()
    assert Resource.objects.get().description == "## Why\n\nBecause."


def test_a_change_sent_as_body_is_proposed_as_the_description(api, partner, make_resource):
    resource = make_resource("Live title", "published", description="Live text.")
    response = api(partner).patch(
        f"/api/v1/resources/{resource.slug}/", {"body": "Proposed text."}, format="json"
    )
    assert response.status_code == 202
    revision = Revision.objects.get()
    assert revision.data["description"] == "Proposed text."
    assert "body" not in revision.data
    resource.refresh_from_db()
    assert resource.description == "Live text."


def test_body_and_description_together_are_refused(api, partner):
    response = api(partner).post(
        "/api/v1/resources/",
        resource_payload(body="Old name.", description="New name."),
        format="json",
    )
    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "body": ["The former name of “description”: send “description” alone."]
    }
    assert not Resource.objects.exists()


def test_body_is_held_to_the_description_limit(api, partner):
    response = api(partner).post(
        "/api/v1/resources/", resource_payload(body="b" * 20_001), format="json"
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"body"}
