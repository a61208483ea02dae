"""Curators decide on requests to join and on proposed organisations; people are told by email."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingEmail
from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

QUEUE = reverse("curation:memberships")


@pytest.fixture
def request_to_join(pending_member) -> Membership:
    return Membership.objects.get(user=pending_member)


@pytest.fixture
def proposer():
    return make_user("proposer")


@pytest.fixture
def proposed(proposer, patients_group) -> Organisation:
    return Organisation.objects.propose(
        by=proposer,
        name="Rare Voices",
        group=patients_group,
        website="https://rare-voices.example",
        description="Patients with rare cancers.",
    )


def approve(client, membership: Membership):
    return client.post(reverse("curation:membership-approve", args=[membership.pk]))


def decline(client, membership: Membership, note: str = ""):
    return client.post(reverse("curation:membership-decline", args=[membership.pk]), {"note": note})


def verify(client, organisation: Organisation):
    return client.post(reverse("curation:organisation-verify", args=[organisation.pk]))


def test_queue_lists_proposals_and_requests_oldest_first(
    curator, organisation, patients_group, proposed
):
    now = timezone.now()
    for days, name in ((1, "recent"), (9, "oldest"), (4, "middle")):
        Membership.objects.create(
            user=make_user(name), organisation=organisation, created_at=now - timedelta(days)
        )

    response = logged_in(curator).get(QUEUE)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["proposals"][0].organisation == proposed
    assert [m.user.username for m in response.context["requests"]] == [
        "oldest",
        "middle",
        "recent",
    ]
    assert html.index("oldest@example.org") < html.index("middle@example.org")
    assert "Rare Voices" in html
    assert "https://rare-voices.example" in html
    assert "1 proposed organisation" in html
    assert "3 requests to join" in html


def test_queue_leaves_out_decided_memberships(curator, partner, request_to_join):
    request_to_join.decline(by=curator)

    response = logged_in(curator).get(QUEUE)

    assert list(response.context["requests"]) == []
    assert "Nobody is waiting to join an organisation." in response.content.decode()


def test_queue_buttons_are_post_forms_with_csrf(curator, request_to_join, proposed):
    html = logged_in(curator).get(QUEUE).content.decode()

    for url in (
        reverse("curation:membership-approve", args=[request_to_join.pk]),
        reverse("curation:organisation-verify", args=[proposed.pk]),
    ):
        assert f'<form method="post" action="{url}"' in html
    for url in (
        reverse("curation:membership-decline", args=[request_to_join.pk]),
        reverse("curation:membership-decline", args=[proposed.memberships.get().pk]),
    ):
        assert f'formaction="{url}"' in html
    main = html[html.index('<main id="main"') : html.index("</main>")]
    assert main.count("csrfmiddlewaretoken") == 2


def test_queue_query_count_does_not_grow(curator, organisation, patients_group):
    client = logged_in(curator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE).status_code == 200
        return len(queries)

    def add(number: int) -> None:
        Membership.objects.create(user=make_user(f"asker{number}"), organisation=organisation)
        Organisation.objects.propose(
            by=make_user(f"proposer{number}"), name=f"Proposed {number}", group=patients_group
        )

    add(0)
    # session, user, the user's groups (curator?), proposals with their people,
    # organisations, groups and countries, requests with their people and organisations
    assert count() == 5
    for number in range(1, 6):
        add(number)
    assert count() == 5


def test_approving_a_request_lets_the_person_act_and_tells_them(
    curator, organisation, pending_member, request_to_join
):
    response = approve(logged_in(curator), request_to_join)

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.APPROVED
    assert request_to_join.decided_by == curator
    assert request_to_join.decided_at is not None
    assert organisation.is_member(pending_member)
    email = OutgoingEmail.objects.get()
    assert email.to == pending_member.email
    assert email.template == "membership_approved"
    assert email.subject == "You can now act for Lung Patients Network"
    for part in (email.text, email.html):
        assert "your request to join Lung Patients Network" in part
        assert "/accounts/profile/" in part


def test_declining_a_request_tells_the_person_with_the_note(
    curator, organisation, pending_member, request_to_join
):
    response = decline(logged_in(curator), request_to_join, "Please use your work address.")

    assert response.status_code == 302
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.DECLINED
    assert request_to_join.decided_by == curator
    assert not organisation.is_member(pending_member)
    email = OutgoingEmail.objects.get()
    assert email.template == "membership_declined"
    assert email.to == pending_member.email
    for part in (email.text, email.html):
        assert "Please use your work address." in part
        assert "/organisations/lung-patients-network/" in part


def test_a_decision_escapes_the_note_in_html_only(curator, request_to_join):
    decline(logged_in(curator), request_to_join, "Use <b>work</b> address & retry")

    email = OutgoingEmail.objects.get()
    assert "Use <b>work</b> address & retry" in email.text
    assert "Use &lt;b&gt;work&lt;/b&gt; address &amp; retry" in email.html


def test_deciding_twice_sends_one_email(curator, request_to_join):
    client = logged_in(curator)
    approve(client, request_to_join)

    response = client.post(
        reverse("curation:membership-approve", args=[request_to_join.pk]), follow=True
    )
    decline(client, request_to_join)

    assert "That request had already been decided." in response.content.decode()
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.APPROVED
    assert OutgoingEmail.objects.count() == 1


def test_decline_with_an_overlong_note_changes_nothing_and_keeps_the_text(curator, request_to_join):
    response = decline(logged_in(curator), request_to_join, "x" * 1001)

    assert response.status_code == 200
    assert "Ensure this value has at most 1000 characters" in response.content.decode()
    assert "x" * 1001 in response.content.decode()
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.PENDING
    assert not OutgoingEmail.objects.exists()


def test_approving_the_proposer_of_an_unverified_organisation_asks_to_verify_it(curator, proposed):
    membership = proposed.memberships.get()

    response = approve(logged_in(curator), membership)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Verify Rare Voices too?" in html
    verify_url = reverse("curation:organisation-verify", args=[proposed.pk])
    assert f'<form method="post" action="{verify_url}">' in html
    membership.refresh_from_db()
    proposed.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert not proposed.verified
    assert not OutgoingEmail.objects.exists()


def test_verifying_an_organisation_approves_its_proposer_as_editor(
    client, curator, proposer, proposed
):
    response = verify(logged_in(curator), proposed)

    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.verified
    assert proposed.is_member(proposer, role=Membership.Role.EDITOR)
    assert proposed.memberships.get().decided_by == curator
    assert client.get(proposed.get_absolute_url()).status_code == 200
    email = OutgoingEmail.objects.get()
    assert email.to == proposer.email
    assert email.template == "organisation_verified"
    assert email.subject == "Rare Voices is now on FT3 Pathway Portal"
    for part in (email.text, email.html):
        assert "/organisations/rare-voices/" in part
        assert "/organisations/rare-voices/members/" in part


def test_verifying_twice_sends_one_email(curator, proposed):
    client = logged_in(curator)
    verify(client, proposed)
    verify(client, proposed)

    assert OutgoingEmail.objects.count() == 1


def test_declining_a_proposal_removes_it_and_tells_the_proposer(curator, proposer, proposed):
    response = decline(logged_in(curator), proposed.memberships.get(), "It is a duplicate.")

    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=proposed.pk).exists()
    assert not Membership.objects.filter(user=proposer).exists()
    email = OutgoingEmail.objects.get()
    assert email.to == proposer.email
    assert email.template == "organisation_declined"
    assert email.subject == "About your proposal of Rare Voices"
    for part in (email.text, email.html):
        assert "It is a duplicate." in part
        assert "Rare Voices" in part


def test_declining_a_proposal_that_has_content_keeps_it_hidden(
    curator, proposer, proposed, make_resource
):
    make_resource("Attached in the admin", organisation=proposed)

    decline(logged_in(curator), proposed.memberships.get())

    proposed.refresh_from_db()
    assert not proposed.verified
    assert proposed.memberships.get().status == Membership.Status.DECLINED
    assert OutgoingEmail.objects.get().template == "organisation_declined"


def test_decisions_by_get_are_not_allowed(curator, request_to_join, proposed):
    client = logged_in(curator)

    for url in (
        reverse("curation:membership-approve", args=[request_to_join.pk]),
        reverse("curation:membership-decline", args=[request_to_join.pk]),
        reverse("curation:organisation-verify", args=[proposed.pk]),
    ):
        assert client.get(url).status_code == 405
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.PENDING


def test_deciding_on_an_unknown_membership_is_404(curator):
    client = logged_in(curator)

    assert client.post(reverse("curation:membership-approve", args=[999999])).status_code == 404
    assert client.post(reverse("curation:organisation-verify", args=[999999])).status_code == 404


def test_admin_approve_action_also_tells_the_person(admin_user, request_to_join, pending_member):
    response = logged_in(admin_user).post(
        reverse("admin:stakeholders_membership_changelist"),
        {"action": "approve_selected", "_selected_action": [request_to_join.pk]},
    )

    assert response.status_code == 302
    email = OutgoingEmail.objects.get()
    assert email.to == pending_member.email
    assert email.template == "membership_approved"


def test_the_moderation_queue_links_the_memberships_with_their_count(
    curator, request_to_join, proposed
):
    html = logged_in(curator).get(reverse("curation:queue")).content.decode()

    assert f'<a href="{QUEUE}">2 requests to join and proposed organisations waiting' in html
    Membership.objects.update(status=Membership.Status.APPROVED)
    html = logged_in(curator).get(reverse("curation:queue")).content.decode()
    assert f'<a href="{QUEUE}">Requests to join organisations: none waiting</a>' in html
