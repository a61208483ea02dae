"""The moderation workflow: every status change goes through a model method that
checks the move, records a ModerationEvent, and changes nothing when refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from barriers.models import Barrier
from contributions.models import (
    Initiative,
    ModerationEvent,
    RejectionReason,
    Resource,
    Status,
    TransitionNotAllowed,
)
from pathway.models import Region, Stage


def place_on_the_pathway(item) -> None:
    item.stages.set([Stage.objects.get(slug="testing-decision")])
    item.barriers.set([Barrier.objects.get(slug="patients-unaware-of-testing")])
    item.regions.set([Region.objects.get(slug="europe")])


@pytest.fixture
def resource(organisation, partner):
    resource = Resource.objects.create(
        title="Biomarker testing explained",
        summary="A plain guide.",
        organisation=organisation,
        submitted_by=partner,
        resource_type=Resource.Type.PATIENT_INFORMATION,
        url="https://example.org/guide",
    )
    place_on_the_pathway(resource)
    return resource


@pytest.fixture
def submitted(resource, partner):
    resource.submit(by=partner)
    return resource


def test_a_new_contribution_is_a_draft_with_a_slug_from_its_title(resource):
    assert resource.status == Status.DRAFT
    assert resource.slug == "biomarker-testing-explained"


def test_slugs_stay_unique_when_titles_repeat(resource, organisation):
    again = Resource.objects.create(
        title=resource.title,
        summary="Another.",
        organisation=organisation,
        resource_type=Resource.Type.REPORT,
        url="https://example.org/other",
    )
    assert again.slug == "biomarker-testing-explained-2"


def test_submit_records_the_event_and_time(resource, partner):
    event = resource.submit(by=partner)
    resource.refresh_from_db()
    assert resource.status == Status.SUBMITTED
    assert resource.submitted_at is not None
    assert (event.actor, event.from_status, event.to_status, event.action) == (
        partner,
        Status.DRAFT,
        Status.SUBMITTED,
        "submit",
    )
    assert event.resource == resource and event.initiative is None


def test_submit_refuses_a_draft_not_placed_on_the_pathway(organisation, partner):
    draft = Resource.objects.create(
        title="Untagged",
        summary="Nothing chosen yet.",
        organisation=organisation,
        resource_type=Resource.Type.REPORT,
        url="https://example.org/untagged",
    )

    with pytest.raises(ValidationError) as error:
        draft.submit(by=partner)

    assert error.value.message_dict == {
        "stages": ["Choose at least one pathway stage."],
        "barriers": ["Choose at least one barrier it addresses."],
        "regions": ["Choose the countries or regions it covers (Global if everywhere)."],
    }
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.submitted_at is None
    assert not ModerationEvent.objects.exists()


def test_a_country_alone_places_an_item_in_the_world(resource, partner):
    resource.regions.clear()
    resource.countries.set(["DE"])

    assert resource.submission_errors() == {}
    resource.submit(by=partner)
    assert Resource.objects.get().status == Status.SUBMITTED


def test_the_status_is_checked_before_the_tags(resource, partner):
    resource.submit(by=partner)
    resource.stages.clear()

    with pytest.raises(TransitionNotAllowed):
        resource.submit(by=partner)


def test_publish_sets_published_at_and_reviewer(submitted, curator):
    submitted.publish(by=curator, note="Thank you")
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
    assert submitted.published_at is not None
    assert submitted.reviewed_by == curator
    assert submitted.review_note == "Thank you"
    assert Resource.objects.published().get() == submitted


def test_request_changes_needs_a_note(submitted, curator):
    with pytest.raises(ValidationError):
        submitted.request_changes(by=curator, note="  ")
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    submitted.request_changes(by=curator, note="Add the source")
    submitted.refresh_from_db()
    assert submitted.status == Status.CHANGES_REQUESTED
    assert submitted.review_note == "Add the source"


def test_changes_requested_can_be_resubmitted(submitted, curator, partner):
    submitted.request_changes(by=curator, note="Add the source")
    submitted.submit(by=partner)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.moderation_events.count() == 3


def test_reject_needs_reasons_from_the_fixed_list(submitted, curator):
    with pytest.raises(ValidationError):
        submitted.reject(by=curator, reasons=[])
    with pytest.raises(ValidationError):
        submitted.reject(by=curator, reasons=["because"])
    with pytest.raises(ValidationError, match="Advisory reasons alone"):
        submitted.reject(by=curator, reasons=[RejectionReason.MISSING_SOURCES])
    event = submitted.reject(
        by=curator, reasons=[RejectionReason.PROMOTIONAL, RejectionReason.MISSING_SOURCES]
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    assert submitted.review_reasons == ["promotional", "missing_sources"]
    assert event.reason_labels() == [
        "Promotional rather than informative",
        "Sources or evidence missing",
    ]


def test_archive_and_unarchive_keep_the_first_publication_date(submitted, curator):
    submitted.publish(by=curator)
    first_published = Resource.objects.get().published_at
    submitted.archive(by=curator, note="Outdated")
    assert Resource.objects.get().status == Status.ARCHIVED
    assert not Resource.objects.published().exists()
    submitted.unarchive(by=curator)
    assert Resource.objects.get().status == Status.PUBLISHED
    assert Resource.objects.get().published_at == first_published


@pytest.mark.parametrize(
    "action, kwargs",
    [
        ("publish", {}),
        ("request_changes", {"note": "x"}),
        ("reject", {"reasons": ["promotional"]}),
        ("archive", {}),
        ("unarchive", {}),
    ],
)
def test_an_illegal_transition_raises_and_writes_nothing(resource, curator, action, kwargs):
    before = Resource.objects.values().get(pk=resource.pk)
    with pytest.raises(TransitionNotAllowed, match="Cannot"):
        getattr(resource, action)(by=curator, **kwargs)
    assert Resource.objects.values().get(pk=resource.pk) == before
    assert resource.status == Status.DRAFT
    assert not ModerationEvent.objects.exists()


def test_a_stale_instance_cannot_move_an_item_twice(submitted, curator):
    stale = Resource.objects.get(pk=submitted.pk)
    submitted.publish(by=curator)
    with pytest.raises(TransitionNotAllowed):
        stale.reject(by=curator, reasons=[RejectionReason.PROMOTIONAL])
    assert Resource.objects.get().status == Status.PUBLISHED
    assert stale.status == Status.PUBLISHED
    assert ModerationEvent.objects.count() == 2


def test_initiatives_share_the_workflow(organisation, partner, curator):
    initiative = Initiative.objects.create(
        title="Test all, treat right", summary="A pilot.", organisation=organisation
    )
    place_on_the_pathway(initiative)
    initiative.submit(by=partner)
    initiative.publish(by=curator)
    assert Initiative.objects.published().get() == initiative
    assert [e.to_status for e in initiative.moderation_events.all()] == [
        Status.PUBLISHED,
        Status.SUBMITTED,
    ]


def test_an_initiative_cannot_end_before_it_starts(organisation):
    initiative = Initiative(
        title="Backwards",
        summary="x",
        organisation=organisation,
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        initiative.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        initiative.save()


def test_a_moderation_event_belongs_to_exactly_one_contribution(curator):
    with pytest.raises(IntegrityError), transaction.atomic():
        ModerationEvent.objects.create(
            actor=curator, action="publish", from_status="submitted", to_status="published"
        )
