"""Partners add and edit resources and initiatives through the web forms."""

import uuid
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from barriers.models import Barrier
from contributions.models import Initiative, ModerationEvent, Resource, Revision, Status
from pathway.models import Region, Stage
from stakeholders.models import Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


def resource_data(org, **overrides) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Biomarker testing: questions to ask",
        "summary": "A plain-language leaflet for people with lung cancer.",
        "description": "## Why it matters\n\nAsk about **all** relevant biomarkers.",
        "organisation": org.pk,
        "resource_type": "patient_information",
        "url": "https://example.org/leaflet",
        "publisher": "",
        "year": "2024",
        "language": "en",
        "stages": [Stage.objects.get(slug="testing-decision").pk],
        "barriers": [Barrier.objects.get(slug="patients-unaware-of-testing").pk],
        "regions": [Region.objects.get(slug="europe").pk],
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in ("/resources/new/", "/initiatives/new/", "/contributions/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_people_without_an_approved_membership_are_told_to_join_first(pending_member):
    response = logged_in(pending_member).get("/resources/new/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Join an organisation first" in html
    assert "Your request to join Lung Patients Network is waiting" in html
    assert f'href="{reverse("stakeholders:propose")}"' in html


def test_a_pending_proposal_is_mentioned_when_asked_to_join_first(patients_group):
    proposer = make_user("proposer")
    Organisation.objects.propose(by=proposer, name="Rare Voices", group=patients_group)

    html = logged_in(proposer).get(reverse("contributions:resource-create")).content.decode()

    assert "Your proposal of Rare Voices is waiting for a curator" in html
    assert "Your request to join" not in html


def test_without_any_request_nothing_is_said_to_be_waiting(client):
    html = logged_in(make_user("newcomer")).get(reverse("contributions:resource-create"))
    assert "is waiting" not in html.content.decode()
    assert f'href="{reverse("stakeholders:propose")}"' in html.content.decode()


def test_the_form_offers_only_the_partners_own_organisations(partner, other_organisation):
    response = logged_in(partner).get("/resources/new/")
    assert response.status_code == 200
    choices = [
        str(label) for _value, label in response.context["form"].fields["organisation"].choices
    ]
    assert choices == ["Lung Patients Network"]
    body = response.content.decode()
    assert 'name="submission_key"' in body
    assert "csrfmiddlewaretoken" in body


def test_a_partner_submits_a_resource_for_review(partner, organisation):
    client = logged_in(partner)
    response = client.post("/resources/new/", resource_data(organisation))
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/resources/{resource.slug}/"
    assert resource.status == Status.SUBMITTED
    assert resource.submitted_by == partner
    assert list(resource.stages.values_list("slug", flat=True)) == ["testing-decision"]
    assert ModerationEvent.objects.get().action == "submit"
    # Their organisation sees it with its status; the public does not.
    page = client.get(f"/resources/{resource.slug}/")
    assert page.status_code == 200
    assert "Submitted for review" in page.content.decode()


def test_unpublished_items_are_404_for_everybody_else(client, partner, other_partner, organisation):
    logged_in(partner).post("/resources/new/", resource_data(organisation, action="draft"))
    slug = Resource.objects.get().slug
    assert client.get(f"/resources/{slug}/").status_code == 404
    assert logged_in(other_partner).get(f"/resources/{slug}/").status_code == 404
    assert logged_in(other_partner).get(f"/resources/{slug}/edit/").status_code == 404


def test_a_draft_may_be_incomplete_but_a_submission_may_not(partner, organisation):
    client = logged_in(partner)
    incomplete = resource_data(organisation, stages=[], barriers=[], regions=[])
    response = client.post("/resources/new/", {**incomplete, "action": "submit"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"stages", "barriers", "regions"}
    body = response.content.decode()
    assert "Choose at least one pathway stage." in body
    assert "Biomarker testing: questions to ask" in body  # what they typed is kept
    assert not Resource.objects.exists()

    response = client.post("/resources/new/", {**incomplete, "action": "draft"})
    assert response.status_code == 302
    assert Resource.objects.get().status == Status.DRAFT


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"url": "not a link"}, "url", "Enter a valid URL"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL"),
        ({"year": "1700"}, "year", "greater than or equal to 1900"),
        ({"resource_type": "poem"}, "resource_type", "Select a valid choice"),
        ({"title": ""}, "title", "This field is required"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_rest(
    partner, organisation, overrides, field, message
):
    response = logged_in(partner).post("/resources/new/", resource_data(organisation, **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "A plain-language leaflet for people with lung cancer." in response.content.decode()
    assert not Resource.objects.exists()


def test_an_initiative_cannot_end_before_it_starts(partner, organisation):
    data = resource_data(organisation)
    for key in ("resource_type", "url", "publisher", "year"):
        data.pop(key)
    data.update(phase="active", start_date="2024-05-01", end_date="2024-04-01")
    response = logged_in(partner).post("/initiatives/new/", data)
    assert response.status_code == 400
    assert "The end date cannot be before the start date." in response.content.decode()
    data["end_date"] = "2025-04-01"
    assert logged_in(partner).post("/initiatives/new/", data).status_code == 302
    assert Initiative.objects.get().status == Status.SUBMITTED


def test_a_partner_cannot_submit_for_another_organisation(
    partner, organisation, other_organisation
):
    data = resource_data(organisation, organisation=other_organisation.pk)
    response = logged_in(partner).post("/resources/new/", data)
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Resource.objects.exists()


def test_a_double_submit_creates_one_item(partner, organisation):
    client = logged_in(partner)
    data = resource_data(organisation)
    first = client.post("/resources/new/", data)
    second = client.post("/resources/new/", data)
    assert Resource.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_submissions_are_rate_limited_per_person(partner, organisation):
    client = logged_in(partner)
    for _n in range(20):
        assert (
            client.post("/resources/new/", resource_data(organisation, action="draft")).status_code
            == 302
        )
    response = client.post("/resources/new/", resource_data(organisation, action="draft"))
    assert response.status_code == 400
    assert "Please wait a little" in response.content.decode()
    assert Resource.objects.count() == 20


def test_preview_renders_sanitised_markdown_and_saves_nothing(partner, organisation):
    data = resource_data(
        organisation, action="preview", description="**Bold** <script>alert(1)</script>"
    )
    response = logged_in(partner).post("/resources/new/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Bold</strong>" in body
    assert "<script>alert(1)</script>" not in body
    assert not Resource.objects.exists()


def test_members_edit_their_drafts_directly(partner, organisation, make_resource):
    draft = make_resource("Old title", "draft")
    response = logged_in(partner).post(
        f"/resources/{draft.slug}/edit/",
        resource_data(organisation, title="New title", action="draft"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "New title"
    assert draft.status == Status.DRAFT


def test_items_sent_back_can_be_fixed_and_resubmitted(partner, organisation, make_resource):
    item = make_resource("Needs work", "changes_requested")
    client = logged_in(partner)
    page = client.get(f"/resources/{item.slug}/edit/")
    assert "Please add sources." in page.content.decode()
    client.post(f"/resources/{item.slug}/edit/", resource_data(organisation, title="Fixed"))
    item.refresh_from_db()
    assert (item.title, item.status) == ("Fixed", Status.SUBMITTED)


def test_editing_a_published_item_keeps_it_online_until_a_curator_accepts(
    client, partner, curator, organisation, make_resource
):
    item = make_resource("Live title", "published")
    editor = logged_in(partner)
    response = editor.post(
        f"/resources/{item.slug}/edit/", resource_data(organisation, title="Better title")
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Live title", Status.PUBLISHED)
    assert "Live title" in client.get(f"/resources/{item.slug}/").content.decode()
    revision = Revision.objects.get()
    assert revision.data["title"] == "Better title"

    # Editing again updates the same proposal, and the form starts from it.
    assert "Better title" in editor.get(f"/resources/{item.slug}/edit/").content.decode()
    editor.post(f"/resources/{item.slug}/edit/", resource_data(organisation, title="Best title"))
    assert Revision.objects.get().data["title"] == "Best title"

    Revision.objects.get().accept(by=curator)
    item.refresh_from_db()
    assert (item.title, item.status) == ("Best title", Status.PUBLISHED)
    assert list(item.regions.values_list("slug", flat=True)) == ["europe"]


PLACED = {
    "stages": ["testing-decision"],
    "barriers": ["patients-unaware-of-testing"],
    "regions": ["europe"],
}


def test_a_change_to_the_text_alone_of_a_published_item_is_proposed(
    partner, organisation, make_resource
):
    item = make_resource("Live title", "published", **PLACED)

    response = logged_in(partner).post(
        f"/resources/{item.slug}/edit/", resource_data(organisation, title="Better title")
    )

    assert response.status_code == 302
    assert Revision.objects.get().data["title"] == "Better title"
    assert Resource.objects.get().title == "Live title"


def test_an_unchanged_published_item_proposes_nothing(partner, organisation, make_resource):
    item = make_resource("Live title", "published", **PLACED)
    data = resource_data(
        organisation,
        title="Live title",
        summary=item.summary,
        description="",
        resource_type=item.resource_type,
        url=item.url,
        year="",
    )

    response = logged_in(partner).post(f"/resources/{item.slug}/edit/", data, follow=True)

    assert "Nothing changed." in response.content.decode()
    assert not Revision.objects.exists()


def test_a_change_may_not_take_a_published_item_off_the_pathway(
    partner, organisation, make_resource
):
    item = make_resource("Live title", "published", **PLACED)

    response = logged_in(partner).post(
        f"/resources/{item.slug}/edit/", resource_data(organisation, stages=[])
    )

    assert response.status_code == 400
    assert response.context["form"].errors["stages"] == ["Choose at least one pathway stage."]
    assert not Revision.objects.exists()


def test_items_under_review_and_other_organisations_items_cannot_be_edited(
    partner, other_partner, curator, make_resource
):
    submitted = make_resource("Under review", "submitted")
    published = make_resource("Live", "published")
    assert logged_in(partner).get(f"/resources/{submitted.slug}/edit/").status_code == 403
    assert logged_in(other_partner).get(f"/resources/{published.slug}/edit/").status_code == 403
    assert logged_in(curator).get(f"/resources/{published.slug}/edit/").status_code == 403


def test_my_contributions_lists_status_and_curator_notes(partner, make_resource, make_initiative):
    make_resource("Sent back", "changes_requested")
    make_initiative("Going well", "published")
    response = logged_in(partner).get("/contributions/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sent back" in body and "Changes requested" in body and "Please add sources." in body
    assert "Going well" in body and "Published" in body


def test_my_contributions_shows_only_the_users_organisations(other_partner, make_resource):
    make_resource("Not theirs", "draft")
    body = logged_in(other_partner).get("/contributions/").content.decode()
    assert "Not theirs" not in body


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.dangers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        sources = dict(attrs).get("src") or ""
        if tag in ("iframe", "svg", "style", "object", "embed") or (
            tag == "script" and not sources.startswith("/static/")
        ):
            self.dangers.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.dangers.append(f"{tag} {name}")
            if (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.dangers.append(f"{tag} {name}={value}")


def live_markup_dangers(html: str) -> list[str]:
    collector = TagCollector()
    collector.feed(html)
    return collector.dangers


XSS_PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    '<svg onload="alert(1)">',
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_user_content_never_reaches_a_page_as_markup(
    client, partner, curator, organisation, payload
):
    data = resource_data(
        organisation,
        title=f"T {payload}"[:200],
        summary=f"S {payload}",
        description=f"B {payload}",
        publisher=f"P {payload}"[:200],
    )
    logged_in(partner).post("/resources/new/", data)
    resource = Resource.objects.get()
    resource.publish(by=curator)
    for url in (
        f"/resources/{resource.slug}/",
        "/resources/",
        "/feeds/resources/",
        "/contributions/",
    ):
        viewer = client if url != "/contributions/" else logged_in(partner)
        body = viewer.get(url).content.decode()
        # The payloads may appear as escaped text, never as live markup.
        assert live_markup_dangers(body) == [], url


def test_a_new_user_without_organisation_sees_an_empty_list():
    user = make_user("newbie")
    body = logged_in(user).get("/contributions/").content.decode()
    assert "not an approved member" in body
