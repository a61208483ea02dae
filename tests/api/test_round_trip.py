"""A contribution's whole life through the API, as a partner's script and a
curator would live it: draft, review, publication, a proposed change, acceptance."""

import csv
import io

import pytest

from contributions.models import ModerationEvent, Resource, Revision
from outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def test_a_resource_goes_from_a_partners_script_through_review_to_the_public(
    api, client, partner, curator
):
    script, desk = api(partner), api(curator)

    created = script.post(
        "/api/v1/resources/",
        {
            "title": "Liquid biopsy explained",
            "summary": "When a blood test can replace a tissue biopsy.",
            "organisation": "lung-patients-network",
            "resource_type": "patient_information",
            "url": "https://example.org/liquid-biopsy",
            "stages": ["testing-decision", "sample-analysis"],
            "barriers": ["poor-tissue-sample-handling"],
            "regions": ["global"],
        },
    )
    assert created.status_code == 201
    slug = created.json()["slug"]
    assert created.json()["status"] == "draft"
    assert api().get(f"/api/v1/resources/{slug}/").status_code == 404

    submitted = script.post(f"/api/v1/resources/{slug}/submit/")
    assert submitted.json()["status"] == "submitted"
    # While it waits for review, nobody can change it.
    assert script.patch(f"/api/v1/resources/{slug}/", {"title": "x"}).status_code == 409

    published = desk.post(f"/api/v1/resources/{slug}/publish/", {"note": "Clear, thank you."})
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert OutgoingEmail.objects.filter(
        to=partner.email, template="contribution_published"
    ).exists()

    public = api().get(f"/api/v1/resources/{slug}/").json()
    assert public["title"] == "Liquid biopsy explained"
    assert public["web_url"] == f"http://testserver/resources/{slug}/"
    assert slug in [item["slug"] for item in api().get("/api/v1/resources/").json()["results"]]
    assert client.get(f"/resources/{slug}/").status_code == 200
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(api().get("/api/v1/resources.csv").streaming_content).decode())
        )
    )
    assert [row["slug"] for row in rows] == [slug]

    proposed = script.patch(
        f"/api/v1/resources/{slug}/",
        {"title": "Liquid biopsy, explained simply", "countries": ["DE"]},
    )
    assert proposed.status_code == 202
    revision_url = proposed.json()["api_url"]
    # The live version is unchanged until a curator accepts the change.
    live = api().get(f"/api/v1/resources/{slug}/").json()
    assert live["title"] == "Liquid biopsy explained"
    assert live["countries"] == []
    assert live["status"] == "published"

    queue = desk.get("/api/v1/revisions/?status=pending").json()
    assert [r["api_url"] for r in queue["results"]] == [revision_url]
    changes = {c["field"]: c for c in desk.get(revision_url).json()["changes"]}
    assert changes["title"]["proposed"] == "Liquid biopsy, explained simply"
    assert changes["countries"] == {
        "field": "countries",
        "label": "countries",
        "live": [],
        "proposed": ["DE"],
    }

    accepted = desk.post(f"{revision_url}accept/", {"note": "Good change."})
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"

    live = api().get(f"/api/v1/resources/{slug}/").json()
    assert live["title"] == "Liquid biopsy, explained simply"
    assert [c["code"] for c in live["countries"]] == ["DE"]
    assert live["status"] == "published"
    assert not Revision.objects.pending().exists()
    resource = Resource.objects.get(slug=slug)
    assert [e.action for e in ModerationEvent.objects.filter(resource=resource).order_by("pk")] == [
        "submit",
        "publish",
        "accept_revision",
    ]
