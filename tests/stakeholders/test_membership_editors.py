"""An organisation's editors decide on its members, and only its members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from outbox.models import OutgoingEmail
from stakeholders.models import Membership
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(organisation):
    user = make_user("editor")
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=Membership.Role.EDITOR,
        status=Membership.Status.APPROVED,
    )
    return user


def membership_of(user) -> Membership:
    return Membership.objects.get(user=user)


def act(client, organisation, user, action: str, data: dict | None = None):
    url = reverse(f"stakeholders:member-{action}", args=[organisation.slug, membership_of(user).pk])
    return client.post(url, data or {})


def test_members_page_lists_requests_and_members(editor, organisation, partner, pending_member):
    response = logged_in(editor).get(organisation.get_members_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert [m.user for m in response.context["pending"]] == [pending_member]
    assert {m.user for m in response.context["members"]} == {editor, partner}
    assert "pending@example.org" in html
    assert "This is you." in html
    approve_url = reverse(
        "stakeholders:member-approve", args=[organisation.slug, membership_of(pending_member).pk]
    )
    assert f'<form method="post" action="{approve_url}" class="decision__actions">' in html


def test_members_page_query_count_does_not_grow(editor, organisation):
    client = logged_in(editor)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(organisation.get_members_url()).status_code == 200
        return len(queries)

    # session, user, the user's groups (curators see proposed organisations too),
    # the organisation, "is the user its editor?", pending requests with their
    # people, approved members with their people
    assert count() == 7
    for number in range(5):
        Membership.objects.create(user=make_user(f"asker{number}"), organisation=organisation)
        Membership.objects.create(
            user=make_user(f"member{number}"),
            organisation=organisation,
            status=Membership.Status.APPROVED,
        )
    assert count() == 7


def test_editor_approves_a_request_and_the_person_is_told(editor, organisation, pending_member):
    response = act(logged_in(editor), organisation, pending_member, "approve")

    assert response.status_code == 302
    assert response["Location"] == organisation.get_members_url()
    membership = membership_of(pending_member)
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == editor
    assert organisation.is_member(pending_member)
    email = OutgoingEmail.objects.get()
    assert email.to == pending_member.email
    assert email.template == "membership_approved"
    assert "Lung Patients Network" in email.text
    assert "Lung Patients Network" in email.html


def test_editor_declines_a_request_with_a_note(editor, organisation, pending_member):
    act(logged_in(editor), organisation, pending_member, "decline", {"note": "Who are you?"})

    assert membership_of(pending_member).status == Membership.Status.DECLINED
    email = OutgoingEmail.objects.get()
    assert email.template == "membership_declined"
    assert "Who are you?" in email.text
    assert "Who are you?" in email.html


def test_editor_removes_a_member(editor, organisation, partner):
    response = act(logged_in(editor), organisation, partner, "decline")

    assert response.status_code == 302
    assert not organisation.is_member(partner)
    assert OutgoingEmail.objects.get().template == "membership_declined"


def test_editor_makes_a_member_an_editor_and_back(editor, organisation, partner):
    client = logged_in(editor)

    act(client, organisation, partner, "role", {"role": "editor"})
    assert organisation.is_member(partner, role=Membership.Role.EDITOR)
    act(client, organisation, partner, "role", {"role": "member"})
    assert organisation.is_member(partner, role=Membership.Role.MEMBER)

    promoted, demoted = OutgoingEmail.objects.order_by("pk")
    assert promoted.template == demoted.template == "membership_role_changed"
    assert "You are now an editor of Lung Patients Network" in promoted.text
    assert "You are now an editor of Lung Patients Network" in promoted.html
    assert "You are now a member of Lung Patients Network" in demoted.text
    assert "You are now a member of Lung Patients Network" in demoted.html


def test_setting_the_same_role_sends_nothing(editor, organisation, partner):
    act(logged_in(editor), organisation, partner, "role", {"role": "member"})

    assert not OutgoingEmail.objects.exists()


def test_a_pending_request_cannot_be_given_a_role(editor, organisation, pending_member):
    response = act(logged_in(editor), organisation, pending_member, "role", {"role": "editor"})

    assert response.status_code == 302
    membership = membership_of(pending_member)
    assert membership.status == Membership.Status.PENDING
    assert membership.role == Membership.Role.MEMBER


def test_an_unknown_role_changes_nothing(editor, organisation, partner):
    act(logged_in(editor), organisation, partner, "role", {"role": "owner"})

    assert membership_of(partner).role == Membership.Role.MEMBER


def test_editors_cannot_change_their_own_membership(editor, organisation):
    client = logged_in(editor)

    for action, data in (("decline", {}), ("role", {"role": "member"}), ("approve", {})):
        assert act(client, organisation, editor, action, data).status_code == 403
    assert organisation.is_member(editor, role=Membership.Role.EDITOR)


def test_a_membership_of_another_organisation_is_404_through_this_one(
    editor, organisation, other_partner
):
    url = reverse(
        "stakeholders:member-decline", args=[organisation.slug, membership_of(other_partner).pk]
    )

    assert logged_in(editor).post(url).status_code == 404
    assert membership_of(other_partner).status == Membership.Status.APPROVED


def test_an_editor_of_one_organisation_cannot_manage_another(
    editor, other_organisation, other_partner
):
    client = logged_in(editor)

    assert client.get(other_organisation.get_members_url()).status_code == 403
    assert act(client, other_organisation, other_partner, "decline").status_code == 403
    assert membership_of(other_partner).status == Membership.Status.APPROVED
