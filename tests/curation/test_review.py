"""The review page: what a curator sees, and every action they can take on it."""

import re

import pytest
from django.core.exceptions import ValidationError

from contributions.models import (
    Initiative,
    ModerationEvent,
    RejectionReason,
    Resource,
    Revision,
    Status,
)
from curation.diff import inline_diff
from outbox.models import OutgoingEmail
from pathway.models import Stage
from tests.conftest import logged_in


def review_url(item) -> str:
    return f"/curation/{item.kind}/{item.slug}/"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def submitted(make_resource, partner):
    item = make_resource(
        "Know your biomarker",
        "submitted",
        countries=["DE"],
        stages=["testing-decision"],
        description="## What to ask\n\nAsk your doctor about **testing**.",
    )
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner, publisher="Lung Group")
    item.refresh_from_db()
    return item


@pytest.fixture
def published(make_resource, partner):
    item = make_resource(
        "Testing leaflet",
        "published",
        countries=["DE"],
        stages=["testing-decision"],
        summary="A leaflet about testing.",
        description="First line.\nSecond line stays.\n",
    )
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    return item


@pytest.fixture
def client(curator):
    return logged_in(curator)


def post(client, item, action: str, **fields):
    data = {"action": action}
    for name, value in fields.items():
        data[f"{action}-{name}"] = value
    return client.post(review_url(item), data)


# What the page shows.


def test_the_review_page_shows_content_metadata_and_history(client, submitted, partner):
    response = client.get(review_url(submitted))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Know your biomarker" in body
    assert "<strong>testing</strong>" in body  # the Markdown body, rendered
    assert "Lung Group" in body
    assert "Germany" in body
    assert partner.email in body
    assert "Submitted for review" in body  # the history's submit event
    for action in ("publish", "request_changes", "reject"):
        assert f'name="action" value="{action}"' in body
    assert 'value="archive"' not in body


def test_reject_reasons_are_grouped_into_blocking_and_advisory(client, submitted):
    body = client.get(review_url(submitted)).content.decode()
    blocking = body.index("Blocking:")
    advisory = body.index("Advisory:")
    assert blocking < body.index('value="promotional"') < advisory
    assert advisory < body.index('value="missing_sources"')


@pytest.mark.parametrize("status", ["draft", "changes_requested", "rejected", "archived"])
def test_curators_can_see_an_item_in_any_status(client, make_resource, status):
    item = make_resource("Whatever its state", status)
    response = client.get(review_url(item))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="publish"' not in body
    assert ('value="unarchive"' in body) is (status == "archived")


def test_a_published_item_offers_archive(client, published):
    body = client.get(review_url(published)).content.decode()
    assert 'value="archive"' in body
    assert 'value="publish"' not in body
    assert published.get_absolute_url() in body


def test_an_initiative_shows_its_own_fields(client, make_initiative, organisation):
    item = make_initiative("Test all pilot", "submitted")
    Initiative.objects.filter(pk=item.pk).update(
        website="https://pilot.example.org", outcomes="Twice as many *tests*."
    )
    item.partner_organisations.add(organisation)
    body = client.get(review_url(item)).content.decode()
    assert "https://pilot.example.org" in body
    assert "<em>tests</em>" in body
    assert "Active" in body


def test_the_body_is_sanitised_on_the_review_page(client, make_resource):
    item = make_resource(
        "Sneaky", "submitted", description="<script>alert(1)</script>[x](javascript:alert(2))"
    )
    body = client.get(review_url(item)).content.decode()
    assert "<script>alert(1)" not in body
    # The link is refused: what is left is its text, shown as typed.
    assert 'href="javascript' not in body.lower()


# Each action, its event, its message.


def test_publish_with_a_note(client, submitted, curator):
    response = post(client, submitted, "publish", note="Thanks, lovely guide.")
    assert response.status_code == 302
    assert response.url == "/curation/"
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
    event = submitted.moderation_events.first()
    assert (event.action, event.actor, event.note) == ("publish", curator, "Thanks, lovely guide.")
    assert (event.from_status, event.to_status) == (Status.SUBMITTED, Status.PUBLISHED)
    followed = client.get(response.url)
    assert "“Know your biomarker” is published; the submitter has been told." in messages_of(
        followed
    )


def test_request_changes_with_a_note(client, submitted, curator):
    response = post(client, submitted, "request_changes", note="Add the source.")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.CHANGES_REQUESTED
    assert submitted.review_note == "Add the source."
    event = submitted.moderation_events.first()
    assert (event.action, event.actor, event.note) == (
        "request_changes",
        curator,
        "Add the source.",
    )


def test_request_changes_without_a_note_shows_the_error_and_keeps_the_page(client, submitted):
    response = post(client, submitted, "request_changes", note="   ")
    assert response.status_code == 400
    form = response.context["forms"]["request_changes"]
    assert form.errors["note"] == ["Say what needs to change."]
    assert "Say what needs to change." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.moderation_events.count() == 1


def test_reject_with_reasons_and_a_note(client, submitted, curator):
    response = post(
        client,
        submitted,
        "reject",
        reasons=[RejectionReason.PROMOTIONAL, RejectionReason.MISSING_SOURCES],
        note="It reads like an advert.",
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    assert submitted.review_reasons == ["promotional", "missing_sources"]
    event = submitted.moderation_events.first()
    assert event.action == "reject"
    assert event.reasons == ["promotional", "missing_sources"]
    assert event.note == "It reads like an advert."


def test_reject_without_reasons_keeps_what_the_curator_typed(client, submitted):
    response = post(client, submitted, "reject", note="My careful explanation")
    assert response.status_code == 400
    form = response.context["forms"]["reject"]
    assert form.errors["reasons"] == ["Choose at least one reason from the list."]
    body = response.content.decode()
    assert "My careful explanation</textarea>" in body
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_reject_with_only_advisory_reasons_needs_a_note_and_keeps_the_ticks(client, submitted):
    response = post(client, submitted, "reject", reasons=[RejectionReason.NEEDS_PLAIN_LANGUAGE])
    assert response.status_code == 400
    assert "note" in response.context["forms"]["reject"].errors
    assert re.search(r'value="needs_plain_language"[^>]* checked', response.content.decode())


def test_reject_with_an_unknown_reason_is_a_form_error(client, submitted):
    response = post(client, submitted, "reject", reasons=["because"])
    assert response.status_code == 400
    assert "reasons" in response.context["forms"]["reject"].errors
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_an_over_long_note_is_a_form_error(client, submitted):
    response = post(client, submitted, "publish", note="x" * 5001)
    assert response.status_code == 400
    assert "note" in response.context["forms"]["publish"].errors
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_archive_and_unarchive(client, published, curator):
    response = post(client, published, "archive", note="Superseded by the 2025 edition.")
    assert response.status_code == 302
    assert response.url == review_url(published)
    published.refresh_from_db()
    assert published.status == Status.ARCHIVED
    response = post(client, published, "unarchive", note="")
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    actions = [e.action for e in published.moderation_events.all()]
    assert actions[:2] == ["unarchive", "archive"]
    assert published.moderation_events.get(action="archive").note == (
        "Superseded by the 2025 edition."
    )


@pytest.mark.parametrize(
    "action, fields",
    [
        ("publish", {"note": ""}),
        ("request_changes", {"note": "Please fix"}),
        ("reject", {"reasons": ["promotional"]}),
        ("archive", {"note": ""}),
        ("unarchive", {"note": ""}),
    ],
)
def test_an_action_the_status_does_not_allow_changes_nothing(client, make_resource, action, fields):
    draft = make_resource("Still a draft", "draft")
    response = post(client, draft, action, **fields)
    assert response.status_code == 302
    assert response.url == review_url(draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not ModerationEvent.objects.filter(resource=draft).exists()
    followed = client.get(response.url)
    assert any(
        "That is not possible while “Still a draft” is draft" in m for m in messages_of(followed)
    )


def test_when_another_curator_acted_first_the_second_gets_a_message(client, submitted, admin_user):
    page = client.get(review_url(submitted))
    assert page.status_code == 200
    submitted.reject(by=admin_user, reasons=[RejectionReason.DUPLICATE])
    response = post(client, submitted, "publish", note="")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    followed = client.get(response.url)
    assert any("someone may have acted on it first" in m for m in messages_of(followed))


def test_an_unknown_action_is_a_bad_request(client, submitted):
    response = client.post(review_url(submitted), {"action": "delete"})
    assert response.status_code == 400
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_actions_need_the_csrf_token(curator, submitted):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    response = client.post(review_url(submitted), {"action": "publish"})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


# Revisions of published items.


@pytest.fixture
def revision(published, partner):
    stage = Stage.objects.get(slug="results-interpretation")
    return Revision.propose(
        published,
        {
            "title": "Testing leaflet <b>2nd</b> edition",
            "summary": "A leaflet about testing.",
            "description": "First line, edited.\nSecond line stays.\n",
            "countries": ["DE", "FR"],
            "stages": [published.stages.get().pk, stage.pk],
            "language": "fr",
        },
        by=partner,
    )


def revision_fields(revision, action: str, **extra) -> dict:
    return {
        "revision": revision.pk,
        "version": revision.updated_at.isoformat(),
        **extra,
    }


def test_the_review_page_shows_the_revision_field_by_field(client, published, revision):
    response = client.get(review_url(published))
    assert response.status_code == 200
    diff = {change.label: change for change in response.context["diff"]}
    assert set(diff) == {"Title", "Description", "Countries", "Pathway stages", "Language"}
    assert diff["Countries"].added == ["France"]
    assert diff["Countries"].removed == []
    assert diff["Pathway stages"].added == [str(Stage.objects.get(slug="results-interpretation"))]
    assert (diff["Language"].before, diff["Language"].after) == ("English", "French")
    assert diff["Description"].segments == [
        ("same", "First line"),
        ("added", ", edited"),
        ("same", ".\nSecond line stays.\n"),
    ]
    body = response.content.decode()
    # Proposed text is escaped, never rendered as HTML.
    assert "&lt;b&gt;2nd&lt;/b&gt;" in body
    assert "<b>2nd</b>" not in body
    assert "<ins>" in body and "<del>" in body
    assert 'value="accept_revision"' in body and 'value="decline_revision"' in body


def test_accepting_a_revision_applies_it_while_the_item_stays_published(
    client, published, revision, curator
):
    assert Resource.objects.published().get().title == "Testing leaflet"
    response = post(
        client, published, "accept_revision", **revision_fields(revision, "accept", note="Good.")
    )
    assert response.status_code == 302
    item = Resource.objects.published().get()
    assert item.title == "Testing leaflet <b>2nd</b> edition"
    assert item.language == "fr"
    assert sorted(item.countries.values_list("code", flat=True)) == ["DE", "FR"]
    assert item.status == Status.PUBLISHED
    revision.refresh_from_db()
    assert revision.status == Revision.Status.ACCEPTED
    assert revision.decided_by == curator
    event = item.moderation_events.first()
    assert (event.action, event.from_status, event.to_status, event.note) == (
        "accept_revision",
        Status.PUBLISHED,
        Status.PUBLISHED,
        "Good.",
    )
    # The public page shows the new version.
    assert "2nd" in client.get(item.get_absolute_url()).content.decode()


def test_a_revision_taking_the_item_off_the_pathway_is_not_accepted(client, published, partner):
    # Proposed before the rule: Revision.propose refuses such a change now.
    stale = Revision.objects.create(resource=published, data={"stages": []}, proposed_by=partner)
    with pytest.raises(ValidationError):
        Revision.propose(published, {"stages": []}, by=partner)

    response = post(client, published, "accept_revision", **revision_fields(stale, "accept"))

    assert response.status_code == 400
    assert "Choose at least one pathway stage." in response.content.decode()
    assert published.stages.exists()
    assert Revision.objects.get().status == Revision.Status.PENDING


def test_declining_a_revision_needs_a_note_and_keeps_the_live_version(client, published, revision):
    response = post(client, published, "decline_revision", **revision_fields(revision, "decline"))
    assert response.status_code == 400
    assert response.context["forms"]["decline_revision"].errors["note"] == [
        "Say why the change was not accepted."
    ]
    revision.refresh_from_db()
    assert revision.status == Revision.Status.PENDING

    response = post(
        client,
        published,
        "decline_revision",
        **revision_fields(revision, "decline", note="Keep the English title."),
    )
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.status == Revision.Status.DECLINED
    item = Resource.objects.published().get()
    assert item.title == "Testing leaflet"
    assert item.moderation_events.first().action == "decline_revision"


def test_a_revision_edited_again_after_the_page_was_opened_is_not_accepted_unseen(
    client, published, revision, partner
):
    seen = revision_fields(revision, "accept")
    Revision.propose(published, {**revision.data, "title": "Something else entirely"}, by=partner)
    response = post(client, published, "accept_revision", **seen)
    assert response.status_code == 302
    assert Resource.objects.get().title == "Testing leaflet"
    assert Revision.objects.get().status == Revision.Status.PENDING
    followed = client.get(response.url)
    assert any("Please review it again" in m for m in messages_of(followed))


def test_a_revision_already_decided_cannot_be_decided_again(
    client, published, revision, admin_user
):
    seen = revision_fields(revision, "decline", note="No.")
    revision.accept(by=admin_user)
    response = post(client, published, "decline_revision", **seen)
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.status == Revision.Status.ACCEPTED


def test_decisions_write_notifications_in_the_same_transaction(client, submitted):
    before = OutgoingEmail.objects.count()
    post(client, submitted, "publish", note="")
    assert OutgoingEmail.objects.count() == before + 1


# The inline text diff.


def test_inline_diff_marks_words_and_keeps_unchanged_text():
    assert inline_diff("The quick fox", "The slow fox") == [
        ("same", "The "),
        ("removed", "quick"),
        ("added", "slow"),
        ("same", " fox"),
    ]


def test_inline_diff_handles_added_and_removed_lines():
    before = "one\ntwo\nthree\n"
    after = "one\nthree\nfour\n"
    segments = inline_diff(before, after)
    assert ("removed", "two\n") in segments
    assert ("added", "four\n") in segments
    assert "".join(t for op, t in segments if op != "added") == before
    assert "".join(t for op, t in segments if op != "removed") == after


def test_inline_diff_of_empty_texts():
    assert inline_diff("", "") == []
    assert inline_diff("", "new") == [("added", "new")]
    assert inline_diff("old", "") == [("removed", "old")]
