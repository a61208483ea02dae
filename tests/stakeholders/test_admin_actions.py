"""The admin decides on organisations and memberships through the same model methods
as the curation and members pages: the same people end in the same state and get
the same emails, whichever way a curator took. The change forms cannot bypass them.

Each comparison runs one way, records the outcome, rolls it back and runs the next.
"""

from collections.abc import Callable

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.models import User
from outbox.models import OutgoingEmail
from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(patients_group) -> Membership:
    """Someone waiting on the organisation they proposed."""
    organisation = Organisation.objects.propose(
        by=make_user("proposer"), name="Rare Voices", group=patients_group
    )
    return organisation.memberships.get()


@pytest.fixture
def request_to_join(organisation) -> Membership:
    return Membership.objects.create(user=make_user("asker"), organisation=organisation)


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


def admin_url(model: type, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_action(client: Client, model: type, action: str, pks: list[int]):
    response = client.post(
        admin_url(model, "changelist"), {"action": action, "_selected_action": pks}
    )
    assert response.status_code == 302
    return response


def outcome_of(act: Callable[[], object]) -> dict:
    """What `act` leaves behind (organisations, memberships, emails), then undone."""
    savepoint = transaction.savepoint_create()
    act()
    outcome = {
        "organisations": sorted(Organisation.objects.values_list("slug", "verified")),
        "memberships": sorted(
            Membership.objects.values_list(
                "user__username",
                "organisation__slug",
                "role",
                "status",
                "decided_by__username",
            )
        ),
        "emails": sorted(
            OutgoingEmail.objects.values_list("to", "template", "subject", "text", "html")
        ),
    }
    transaction.savepoint_rollback(savepoint)
    return outcome


def templates(outcome: dict) -> list[tuple[str, str]]:
    return [(to, template) for to, template, *_parts in outcome["emails"]]


def test_verifying_in_the_admin_does_what_the_curation_page_does(curator, proposal):
    client = logged_in(curator)
    organisation = proposal.organisation

    page = outcome_of(
        lambda: client.post(reverse("curation:organisation-verify", args=[organisation.pk]))
    )
    verify_action = outcome_of(
        lambda: admin_action(client, Organisation, "verify_selected", [organisation.pk])
    )
    # Approving whoever proposed it is verifying it.
    approve_action = outcome_of(
        lambda: admin_action(client, Membership, "approve_selected", [proposal.pk])
    )

    assert verify_action == page
    assert approve_action == page
    assert ("rare-voices", True) in page["organisations"]
    assert ("proposer", "rare-voices", "editor", "approved", "curator") in page["memberships"]
    assert templates(page) == [("proposer@example.org", "organisation_verified")]


def test_declining_a_proposal_in_the_admin_does_what_the_curation_page_does(curator, proposal):
    client = logged_in(curator)
    organisation = proposal.organisation

    page = outcome_of(
        lambda: client.post(
            reverse("curation:membership-decline", args=[proposal.pk]), {"note": ""}
        )
    )
    decline_membership = outcome_of(
        lambda: admin_action(client, Membership, "decline_selected", [proposal.pk])
    )
    decline_organisation = outcome_of(
        lambda: admin_action(client, Organisation, "decline_selected_proposals", [organisation.pk])
    )

    assert decline_membership == page
    assert decline_organisation == page
    assert "rare-voices" not in {slug for slug, _verified in page["organisations"]}
    assert templates(page) == [("proposer@example.org", "organisation_declined")]


@pytest.mark.parametrize(
    ("decision", "status", "template"),
    [
        ("approve", "approved", "membership_approved"),
        ("decline", "declined", "membership_declined"),
    ],
)
def test_deciding_on_a_request_to_join_in_the_admin_does_what_the_curation_page_does(
    curator, request_to_join, decision, status, template
):
    client = logged_in(curator)

    page = outcome_of(
        lambda: client.post(
            reverse(f"curation:membership-{decision}", args=[request_to_join.pk]), {"note": ""}
        )
    )
    action = outcome_of(
        lambda: admin_action(client, Membership, f"{decision}_selected", [request_to_join.pk])
    )

    assert action == page
    assert ("asker", "lung-patients-network", "member", status, "curator") in page["memberships"]
    assert templates(page) == [("asker@example.org", template)]


def test_changing_a_role_in_the_admin_does_what_the_members_page_does(
    curator, editor, partner, organisation
):
    membership = partner.memberships.get()

    page = outcome_of(
        lambda: logged_in(editor).post(
            reverse("stakeholders:member-role", args=[organisation.slug, membership.pk]),
            {"role": "editor"},
        )
    )
    action = outcome_of(
        lambda: admin_action(logged_in(curator), Membership, "make_editors", [membership.pk])
    )

    assert action == page
    assert templates(page) == [("partner@example.org", "membership_role_changed")]
    assert ("partner", "lung-patients-network", "editor", "approved", None) in page["memberships"]


def test_the_admin_gives_roles_to_approved_members_only(curator, request_to_join):
    admin_action(logged_in(curator), Membership, "make_editors", [request_to_join.pk])

    request_to_join.refresh_from_db()
    assert request_to_join.role == Membership.Role.MEMBER
    assert not OutgoingEmail.objects.exists()


def test_a_second_verification_changes_nothing_and_sends_nothing(curator, proposal):
    client = logged_in(curator)
    admin_action(client, Organisation, "verify_selected", [proposal.organisation_id])
    sent = OutgoingEmail.objects.count()

    response = client.post(
        reverse("curation:organisation-verify", args=[proposal.organisation_id]), follow=True
    )

    assert "Rare Voices was already verified." in [str(m) for m in response.context["messages"]]
    assert OutgoingEmail.objects.count() == sent


def test_the_organisation_change_form_cannot_verify(admin_user, proposal):
    organisation = proposal.organisation
    url = admin_url(Organisation, "change", organisation.pk)
    client = logged_in(admin_user)

    response = client.post(
        url,
        {
            "name": organisation.name,
            "slug": organisation.slug,
            "group": organisation.group_id,
            "verified": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": proposal.pk,
            "memberships-0-organisation": organisation.pk,
            "memberships-0-status": "approved",
            "memberships-0-role": "editor",
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    proposal.refresh_from_db()
    assert not organisation.verified
    assert proposal.status == Membership.Status.PENDING
    assert "verified" not in client.get(url).context["adminform"].form.fields


def test_the_membership_change_form_cannot_decide_or_change_the_role(
    admin_user, request_to_join, other_organisation
):
    url = admin_url(Membership, "change", request_to_join.pk)
    client = logged_in(admin_user)

    response = client.post(
        url,
        {
            "user": request_to_join.user_id,
            "organisation": other_organisation.pk,
            "role": "editor",
            "status": "approved",
        },
    )

    assert response.status_code == 302
    request_to_join.refresh_from_db()
    assert (request_to_join.organisation_id, request_to_join.role, request_to_join.status) == (
        request_to_join.organisation.pk,
        Membership.Role.MEMBER,
        Membership.Status.PENDING,
    )
    assert not client.get(url).context["adminform"].form.fields


def test_a_membership_added_in_the_admin_waits_for_a_decision(admin_user, organisation):
    newcomer = make_user("newcomer")

    response = logged_in(admin_user).post(
        admin_url(Membership, "add"),
        {
            "user": newcomer.pk,
            "organisation": organisation.pk,
            "role": "editor",
            "status": "approved",
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    assert membership.status == Membership.Status.PENDING
    assert not organisation.is_member(newcomer)


def test_memberships_are_listed_read_only_on_the_organisation_and_user_pages(
    admin_user, partner, organisation
):
    client = logged_in(admin_user)

    for url in (
        admin_url(Organisation, "change", organisation.pk),
        admin_url(User, "change", partner.pk),
    ):
        (memberships,) = client.get(url).context["inline_admin_formsets"]
        assert not memberships.has_add_permission
        assert not memberships.formset.can_delete
        for form in memberships.formset:
            assert set(form.fields) <= {"id", "user", "organisation"}
