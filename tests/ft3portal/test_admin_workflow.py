"""Contributions in the admin: status moved only by the workflow actions, the
models' rules kept, memberships and organisations decided by curators."""

from contributions.models import (
    Initiative,
    ItemTranslation,
    RejectionReason,
    Resource,
    Status,
)
from stakeholders.models import Membership, Organisation
from tests.ft3portal.support import admin_form, admin_url, client_for, make_resource, post_action


def test_an_admin_edit_may_not_take_an_item_under_review_off_the_pathway(admin_user, resource):
    form = admin_form(admin_user, resource, stages=[], regions=[])

    assert not form.is_valid()
    assert form.errors == {
        "stages": ["This field is required."],
        "regions": ["Choose the countries or regions it covers (Global if everywhere)."],
    }
    assert admin_form(admin_user, resource, title="Retitled").is_valid()


def test_a_draft_may_lose_its_place_in_the_world_in_the_admin(admin_user, organisation):
    draft = make_resource(organisation, title="Draft")

    assert admin_form(admin_user, draft, regions=[]).is_valid()


def test_the_admin_keeps_the_models_date_rule(admin_user, initiative):
    form = admin_form(admin_user, initiative, start_date="2025-05-01", end_date="2025-04-01")

    assert form.errors == {"end_date": ["The end date cannot be before the start date."]}


def test_a_contribution_shows_its_moderation_history(admin_user, resource):
    response = client_for(admin_user).get(admin_url(Resource, "change", resource.pk))
    history, translations = response.context["inline_admin_formsets"]
    assert [form.original for form in history] == [resource.moderation_events.get()]
    assert translations.opts.model is ItemTranslation
    assert not history.has_add_permission
    assert not history.has_delete_permission


def test_rejection_reasons_are_shown_in_words(admin_user, resource, curator):
    resource.reject(by=curator, reasons=[RejectionReason.OUT_OF_SCOPE])

    response = client_for(admin_user).get(admin_url(Resource, "change", resource.pk))

    assert response.text.count("Out of scope for precision-medicine access") == 2
    assert "out_of_scope" not in response.text


def test_publish_action_publishes_submitted_items_and_skips_drafts(curator, resource, organisation):
    draft = make_resource(organisation, title="Still a draft")
    messages = post_action(client_for(curator), Resource, "publish_selected", [resource, draft])

    resource.refresh_from_db()
    draft.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    assert resource.reviewed_by == curator
    assert draft.status == Status.DRAFT
    event = resource.moderation_events.first()
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "publish",
        curator,
        Status.SUBMITTED,
        Status.PUBLISHED,
    )
    assert not draft.moderation_events.exists()
    assert messages == ["1 item published. 1 skipped because its status does not allow it."]


def test_archive_and_unarchive_actions_move_initiatives_through_the_workflow(curator, initiative):
    client = client_for(curator)
    initiative.publish(by=curator)

    assert post_action(client, Initiative, "archive_selected", [initiative]) == ["1 item archived."]
    initiative.refresh_from_db()
    assert initiative.status == Status.ARCHIVED

    assert post_action(client, Initiative, "unarchive_selected", [initiative]) == [
        "1 item unarchived."
    ]
    initiative.refresh_from_db()
    assert initiative.status == Status.PUBLISHED
    assert list(initiative.moderation_events.values_list("action", flat=True)) == [
        "unarchive",
        "archive",
        "publish",
        "submit",
    ]


def test_membership_approve_action_records_who_decided(curator, pending_member, partner):
    pending = pending_member.memberships.get()
    approved = partner.memberships.get()

    messages = post_action(client_for(curator), Membership, "approve_selected", [pending, approved])

    pending.refresh_from_db()
    approved.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED
    assert pending.decided_by == curator
    assert pending.decided_at is not None
    assert approved.decided_by is None
    assert messages == ["1 membership set to “Approved”. 1 skipped: it already was."]


def test_membership_decline_action_records_who_decided(curator, pending_member):
    membership = pending_member.memberships.get()

    post_action(client_for(curator), Membership, "decline_selected", [membership])

    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert membership.decided_by == curator


def test_verify_action_marks_proposed_organisations_as_verified(curator, patients_group):
    proposed = Organisation.objects.create(
        name="Rural Testing Alliance", slug="rural-testing-alliance", group=patients_group
    )

    messages = post_action(client_for(curator), Organisation, "verify_selected", [proposed])

    proposed.refresh_from_db()
    assert proposed.verified
    assert messages == ["1 organisation verified; whoever proposed it is its editor."]
