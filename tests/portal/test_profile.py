"""Your account: sign-in details and the organisations you act for or asked to join."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from stakeholders.models import Membership, Organisation
from tests.accounts.conftest import make_verified_user
from tests.conftest import logged_in


@pytest.fixture
def member(db) -> User:
    return make_verified_user("member")


@pytest.mark.django_db
def test_profile_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("portal:profile"))

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/accounts/profile/"


@pytest.mark.django_db
def test_profile_lists_memberships_with_their_status(partner, other_organisation):
    Membership.objects.create(user=partner, organisation=other_organisation)

    response = logged_in(partner).get(reverse("portal:profile"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Lung Patients Network" in html
    assert 'class="status status--approved">Approved<' in html
    assert "Colorectal Alliance" in html
    assert 'class="status status--pending">Waiting for approval<' in html
    assert reverse("stakeholders:propose") in html
    assert reverse("portal:stakeholders") in html


@pytest.mark.django_db
def test_profile_offers_editors_their_members_page(partner, organisation):
    Membership.objects.filter(user=partner).update(role=Membership.Role.EDITOR)

    response = logged_in(partner).get(reverse("portal:profile"))

    assert organisation.get_members_url().encode() in response.content


@pytest.mark.django_db
def test_profile_links_a_proposed_organisation_to_the_page_its_proposer_may_see(
    partner, patients_group
):
    proposed = Organisation.objects.propose(by=partner, name="New Group", group=patients_group)

    response = logged_in(partner).get(reverse("portal:profile"))

    html = response.content.decode()
    assert f'<a href="{proposed.get_absolute_url()}">New Group</a>' in html
    assert "(proposed, not yet on the portal)" in html


@pytest.mark.django_db
def test_profile_does_not_link_a_proposal_that_was_declined(
    partner, patients_group, curator, make_resource
):
    proposed = Organisation.objects.propose(by=partner, name="New Group", group=patients_group)
    # Kept, hidden, because content was attached to it: its proposer may no longer see it.
    make_resource("Attached", organisation=proposed)
    proposed.decline_proposal(by=curator)

    response = logged_in(partner).get(reverse("portal:profile"))

    html = response.content.decode()
    assert "New Group" in html
    assert proposed.get_absolute_url() not in html


@pytest.mark.django_db
def test_profile_without_memberships_explains_what_to_do(member):
    response = logged_in(member).get(reverse("portal:profile"))

    assert "You do not act for any organisation yet." in response.content.decode()


@pytest.mark.django_db
def test_profile_links_curators_to_the_membership_queue(curator, partner):
    curation = reverse("curation:memberships").encode()

    assert curation in logged_in(curator).get(reverse("portal:profile")).content
    assert curation not in logged_in(partner).get(reverse("portal:profile")).content


@pytest.mark.django_db
def test_profile_logs_out_with_a_post_form(partner):
    html = logged_in(partner).get(reverse("portal:profile")).content.decode()

    assert f'<form method="post" action="{reverse("account_logout")}">' in html


@pytest.mark.django_db
def test_profile_query_count_does_not_grow_with_memberships(partner, patients_group):
    client = logged_in(partner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("portal:profile")).status_code == 200
        return len(queries)

    # session, user, primary email address, memberships with their organisations,
    # the user's groups (is the user a curator?), the user's digest subscriptions
    assert count() == 6
    for number in range(5):
        organisation = Organisation.objects.create(
            name=f"Org {number}", slug=f"org-{number}", group=patients_group, verified=True
        )
        Membership.objects.create(user=partner, organisation=organisation)
    assert count() == 6
