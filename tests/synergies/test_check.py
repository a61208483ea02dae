"""Likely duplicates and synergies while submitting: the check step before an item
goes to review (no JavaScript needed), the JSON endpoint the form's script asks while
the partner types, what gets recorded, and where it shows afterwards."""

import re
import uuid

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from barriers.models import Barrier
from contributions.models import Initiative, Resource, Status
from pathway.models import Stage
from synergies.models import SimilarityDecision
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

BARRIER = "test-not-reimbursed"


@pytest.fixture
def original(make_resource, other_organisation):
    """Published work of another organisation that a new submission will duplicate."""
    return make_resource(
        "Biomarker test reimbursement in Germany",
        "published",
        organisation=other_organisation,
        summary="Which biomarker tests German health insurers pay for, and how to appeal.",
        barriers=[BARRIER],
        stages=["testing-decision"],
        countries=["DE"],
    )


def duplicate_data(organisation, **overrides) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Reimbursement of biomarker tests in Germany",
        "summary": "What German health insurers pay for biomarker testing, and appeals.",
        "description": "",
        "organisation": organisation.pk,
        "resource_type": "report",
        "url": "https://example.org/reimbursement",
        "language": "en",
        "stages": [Stage.objects.get(slug="testing-decision").pk],
        "barriers": [Barrier.objects.get(slug=BARRIER).pk],
        "countries": ["DE"],
        "action": "submit",
    }
    data.update(overrides)
    return data


def radios(body: str, name: str) -> dict[str, bool]:
    """{value: checked} of the radio buttons called `name`."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", body):
        if f'name="{name}"' in tag:
            value = re.search(r'value="([^"]*)"', tag)[1]
            found[value] = " checked" in tag
    return found


def test_an_unmarked_strong_match_holds_the_submission_with_nothing_lost(
    partner, organisation, original
):
    response = logged_in(partner).post("/resources/new/", duplicate_data(organisation))

    assert response.status_code == 200
    assert not Resource.objects.filter(submitted_by=partner).exists()
    body = response.content.decode()
    assert "Not sent yet: please look at the similar work below first." in body
    assert "Before you submit: is it already here?" in body
    assert original.title in body
    assert "same barrier: Biomarker test not reimbursed; both in Germany" in body
    assert radios(body, f"match-resource-{original.pk}") == {
        "same": False,
        "related": False,
        "distinct": False,
    }
    assert "Say how this one relates to yours." in body
    # What the partner typed is all still there.
    assert 'value="Reimbursement of biomarker tests in Germany"' in body
    assert "https://example.org/reimbursement" in body


@pytest.mark.parametrize("choice", ["related", "distinct"])
def test_marking_the_match_sends_the_item_for_review_and_records_the_choice(
    partner, organisation, original, choice
):
    data = duplicate_data(organisation, **{f"match-resource-{original.pk}": choice})

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 302
    item = Resource.objects.get(submitted_by=partner)
    assert item.status == Status.SUBMITTED
    decision = SimilarityDecision.objects.get()
    assert (decision.subject, decision.match, decision.choice) == (item, original, choice)
    assert decision.decided_by == partner
    assert decision.score >= 0.5
    assert decision.reasons[0] == "same barrier: Biomarker test not reimbursed"


def test_related_work_is_linked_on_both_pages_once_published(
    client, partner, organisation, original, curator
):
    data = duplicate_data(
        organisation,
        title="Patient stories about paying for tests",
        summary="Stories of people who had to pay for their own tests.",
        **{f"match-resource-{original.pk}": "related"},
    )
    logged_in(partner).post("/resources/new/", data)
    item = Resource.objects.get(submitted_by=partner)
    item.publish(by=curator)

    for page, other in [(original, item), (item, original)]:
        body = client.get(page.get_absolute_url()).content.decode()
        related = body[body.index('id="related-heading"') :]
        assert f'href="{other.get_absolute_url()}"' in related
        assert "Marked as related work; same barrier: Biomarker test not reimbursed" in related


def test_the_same_thing_holds_the_submission_and_offers_to_update_it_instead(
    partner, organisation, make_resource
):
    own = make_resource(
        "Biomarker test reimbursement in Germany",
        "published",
        summary="Which biomarker tests German health insurers pay for, and how to appeal.",
        barriers=[BARRIER],
        countries=["DE"],
    )
    data = duplicate_data(organisation, **{f"match-resource-{own.pk}": "same"})

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 200
    assert not Resource.objects.filter(submitted_by=partner).exists()
    body = response.content.decode()
    assert "You marked an item as the same thing" in body
    assert radios(body, f"match-resource-{own.pk}")["same"] is True
    assert f'href="/resources/{own.slug}/edit/"' in body
    assert "Propose an update to “Biomarker test reimbursement in Germany”" in body


def test_the_same_thing_by_another_organisation_is_explained_instead(
    partner, organisation, original
):
    data = duplicate_data(organisation, **{f"match-resource-{original.pk}": "same"})

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 200
    body = response.content.decode()
    assert f"/resources/{original.slug}/edit/" not in body
    assert "It is published by Colorectal Alliance, so only they can update it" in body
    assert "mark it “related”" in body


def test_weak_matches_do_not_hold_the_submission(partner, organisation, make_initiative):
    make_initiative(
        "Biomarker reimbursement campaign", "published", barriers=[BARRIER], countries=["BR"]
    )
    data = duplicate_data(organisation, title="Questions for your doctor", summary="A leaflet.")

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 302
    assert Resource.objects.get(submitted_by=partner).status == Status.SUBMITTED


def test_a_draft_is_saved_without_the_check_but_keeps_the_marks(partner, organisation, original):
    data = duplicate_data(organisation, action="draft", **{f"match-resource-{original.pk}": "same"})

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 302
    item = Resource.objects.get(submitted_by=partner)
    assert item.status == Status.DRAFT
    assert SimilarityDecision.objects.of(item).get().choice == "same"


def test_editing_a_draft_shows_the_marks_made_before_and_does_not_ask_again(
    partner, organisation, original
):
    client = logged_in(partner)
    client.post(
        "/resources/new/",
        duplicate_data(
            organisation, action="draft", **{f"match-resource-{original.pk}": "distinct"}
        ),
    )
    item = Resource.objects.get(submitted_by=partner)
    data = duplicate_data(organisation)
    data.pop("submission_key")

    response = client.post(f"/resources/{item.slug}/edit/", data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert SimilarityDecision.objects.of(item).get().choice == "distinct"


def test_a_stored_same_thing_still_holds_the_submission(partner, organisation, original):
    client = logged_in(partner)
    client.post(
        "/resources/new/",
        duplicate_data(organisation, action="draft", **{f"match-resource-{original.pk}": "same"}),
    )
    item = Resource.objects.get(submitted_by=partner)
    data = duplicate_data(organisation)
    data.pop("submission_key")

    response = client.post(f"/resources/{item.slug}/edit/", data)

    assert response.status_code == 200
    assert radios(response.content.decode(), f"match-resource-{original.pk}")["same"] is True
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_changes_to_a_published_item_are_not_checked(
    partner, organisation, original, make_resource
):
    own = make_resource("Reimbursement leaflet", "published", barriers=[BARRIER])
    data = duplicate_data(organisation)
    data.pop("submission_key")

    response = logged_in(partner).post(f"/resources/{own.slug}/edit/", data)

    assert response.status_code == 302
    assert own.revisions.pending().exists()
    assert (
        "data-similar-url"
        not in logged_in(partner).get(f"/resources/{own.slug}/edit/").content.decode()
    )


def test_marks_survive_a_form_error(partner, organisation, original):
    data = duplicate_data(
        organisation, url="not a link", **{f"match-resource-{original.pk}": "related"}
    )

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 400
    assert radios(response.content.decode(), f"match-resource-{original.pk}")["related"] is True


def test_marks_for_unknown_or_unpublished_items_are_ignored(
    partner, organisation, original, make_resource
):
    hidden = make_resource("Hidden", "submitted", barriers=[BARRIER])
    data = duplicate_data(
        organisation,
        **{
            f"match-resource-{original.pk}": "related",
            f"match-resource-{hidden.pk}": "related",
            "match-initiative-999999": "related",
            "match-resource-x": "related",
            f"match-initiative-{original.pk}": "nonsense",
        },
    )

    response = logged_in(partner).post("/resources/new/", data)

    assert response.status_code == 302
    assert [d.match for d in SimilarityDecision.objects.all()] == [original]


def test_initiatives_are_checked_too(partner, organisation, original):
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Biomarker test reimbursement in Germany: a campaign",
        "summary": "We campaign so that German health insurers pay for biomarker tests.",
        "organisation": organisation.pk,
        "phase": "active",
        "language": "en",
        "stages": [Stage.objects.get(slug="testing-decision").pk],
        "barriers": [Barrier.objects.get(slug=BARRIER).pk],
        "countries": ["DE"],
        "action": "submit",
    }
    client = logged_in(partner)

    held = client.post("/initiatives/new/", data)
    sent = client.post("/initiatives/new/", {**data, f"match-resource-{original.pk}": "related"})

    assert held.status_code == 200
    assert sent.status_code == 302
    initiative = Initiative.objects.get()
    assert SimilarityDecision.objects.of(initiative).get().match == original


# The endpoint behind static/js/similar.js


def test_the_form_loads_its_script_with_the_page_nonce(partner):
    response = logged_in(partner).get("/resources/new/")

    body = response.content.decode()
    nonce = re.search(r'<script src="/static/js/similar.js" nonce="([^"]+)"', body)[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert 'data-similar-url="/contributions/similar/"' in body
    assert 'id="similar-matches"' in body


def test_the_endpoint_lists_matches_with_reasons_and_radio_buttons(partner, original):
    response = logged_in(partner).get(
        "/contributions/similar/",
        {"kind": "resource", "title": "biomarker test reimbursement germany"},
    )

    assert response.status_code == 200
    data = response.json()
    assert [m["title"] for m in data["matches"]] == [original.title]
    assert data["matches"][0]["url"] == original.get_absolute_url()
    assert data["matches"][0]["reasons"] == ["similar title"]
    assert data["message"] == "1 similar published item is listed after the description."
    assert radios(data["html"], f"match-resource-{original.pk}") == {
        "same": False,
        "related": False,
        "distinct": False,
    }


def test_the_endpoint_uses_the_tags_chosen_so_far(partner, original):
    client = logged_in(partner)
    params = {"kind": "resource", "title": "Leaflet about insurers"}

    without = client.get("/contributions/similar/", params).json()
    tagged = client.get(
        "/contributions/similar/",
        {**params, "barriers": [Barrier.objects.get(slug=BARRIER).pk], "countries": ["DE"]},
    ).json()

    # Tags raise a textual match (both mention insurers); they cannot make one.
    assert [m["title"] for m in without["matches"]] == [original.title]
    assert [m["title"] for m in tagged["matches"]] == [original.title]
    assert tagged["matches"][0]["score"] > without["matches"][0]["score"]
    assert tagged["matches"][0]["reasons"][:2] == [
        "same barrier: Biomarker test not reimbursed",
        "both in Germany",
    ]


def test_the_endpoint_leaves_out_tags_it_does_not_know(partner, original):
    response = logged_in(partner).get(
        "/contributions/similar/",
        {
            "kind": "resource",
            "title": "biomarker test reimbursement germany",
            "barriers": ["junk"],
            "countries": ["ZZ"],
            "stages": ["9999"],
            "organisation": "x",
        },
    )

    assert response.status_code == 200
    assert [m["title"] for m in response.json()["matches"]] == [original.title]


def test_the_endpoint_leaves_out_the_item_being_edited_and_shows_its_marks(
    partner, organisation, original, make_resource
):
    mine = make_resource(
        "Biomarker test reimbursement in Germany (draft)", "draft", barriers=[BARRIER]
    )
    SimilarityDecision.objects.create(resource=mine, match_resource=original, choice="related")
    client = logged_in(partner)

    data = client.get(
        "/contributions/similar/",
        {"kind": "resource", "item": mine.slug, "title": "Biomarker test reimbursement"},
    ).json()

    assert [m["title"] for m in data["matches"]] == [original.title]
    assert radios(data["html"], f"match-resource-{original.pk}")["related"] is True


def test_the_endpoint_ignores_items_the_partner_cannot_edit(other_partner, original, make_resource):
    mine = make_resource("Biomarker test reimbursement draft", "draft")

    data = (
        logged_in(other_partner)
        .get(
            "/contributions/similar/",
            {"kind": "resource", "item": mine.slug, "title": "Biomarker test reimbursement"},
        )
        .json()
    )

    assert [m["title"] for m in data["matches"]] == [original.title]


def test_the_endpoint_refuses_visitors_and_unknown_kinds(client, partner):
    assert client.get("/contributions/similar/", {"kind": "resource"}).status_code == 403
    response = logged_in(partner).get("/contributions/similar/", {"kind": "barrier"})
    assert response.status_code == 400
    assert "error" in response.json()
    assert logged_in(partner).post("/contributions/similar/").status_code == 405


def test_the_endpoint_survives_anything_typed(partner, original):
    client = logged_in(partner)
    for text in ["", "a & b | !c", "'; DROP TABLE x; --", "\x00", "测试" * 200]:
        response = client.get("/contributions/similar/", {"kind": "initiative", "title": text})
        assert response.status_code == 200


# For curators


def test_the_review_partial_lists_the_decisions_in_one_query(
    partner, organisation, original, make_initiative
):
    campaign = make_initiative("Reimbursement campaign", "published", barriers=[BARRIER])
    logged_in(partner).post(
        "/resources/new/",
        duplicate_data(
            organisation,
            **{
                f"match-resource-{original.pk}": "distinct",
                f"match-initiative-{campaign.pk}": "related",
            },
        ),
    )
    item = Resource.objects.get(submitted_by=partner)

    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("curation/_similarity_decisions.html", {"item": item})

    assert len(queries) == 1
    assert "Similar work the partner was shown" in html
    assert f'href="/curation/resource/{original.slug}/"' in html
    assert f'href="/curation/initiative/{campaign.slug}/"' in html
    assert "Distinct" in html and "Related work" in html
    assert "Marked by partner on" in html
    assert "Shown because: same barrier: Biomarker test not reimbursed; both in Germany" in html


def test_the_review_page_shows_the_partners_choices(partner, organisation, original, curator):
    logged_in(partner).post(
        "/resources/new/",
        duplicate_data(organisation, **{f"match-resource-{original.pk}": "related"}),
    )
    item = Resource.objects.get(submitted_by=partner)

    body = logged_in(curator).get(f"/curation/resource/{item.slug}/").content.decode()

    assert "Similar work the partner was shown" in body
    assert original.title in body
