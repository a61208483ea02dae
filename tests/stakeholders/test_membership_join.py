"""Asking to join an organisation, and what its page offers the visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingEmail
from stakeholders.models import Membership, Organisation
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer():
    return make_user("newcomer")


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


def join(client, organisation: Organisation):
    return client.post(reverse("stakeholders:join", args=[organisation.slug]))


def test_join_creates_a_pending_membership(newcomer, organisation):
    response = join(logged_in(newcomer), organisation)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile")
    membership = Membership.objects.get(user=newcomer)
    assert membership.organisation == organisation
    assert membership.status == Membership.Status.PENDING
    assert membership.role == Membership.Role.MEMBER
    assert not organisation.is_member(newcomer)


def test_join_says_what_happens_next(newcomer, organisation):
    response = logged_in(newcomer).post(
        reverse("stakeholders:join", args=[organisation.slug]), follow=True
    )

    assert "You asked to join Lung Patients Network." in response.content.decode()


def test_join_tells_the_organisations_editors(newcomer, organisation, editor, partner):
    join(logged_in(newcomer), organisation)

    email = OutgoingEmail.objects.get()
    assert email.to == editor.email
    assert email.template == "membership_requested"
    assert email.subject == "Someone asks to join Lung Patients Network"
    members_url = "/organisations/lung-patients-network/members/"
    for part in (email.text, email.html):
        assert "newcomer@example.org" in part
        assert members_url in part


def test_editors_are_told_the_name_of_who_asks(organisation, editor):
    named = make_user("named", first_name="Ada", last_name="Lovelace")

    join(logged_in(named), organisation)

    email = OutgoingEmail.objects.get()
    for part in (email.text, email.html):
        assert "Ada Lovelace (named@example.org) asks to act for Lung Patients Network" in part


def test_join_twice_makes_one_request(newcomer, organisation, editor):
    client = logged_in(newcomer)
    join(client, organisation)

    response = client.post(reverse("stakeholders:join", args=[organisation.slug]), follow=True)

    assert Membership.objects.filter(user=newcomer).count() == 1
    assert OutgoingEmail.objects.count() == 1
    assert "is waiting for approval" in response.content.decode()


def test_join_as_an_approved_member_changes_nothing(partner, organisation):
    response = logged_in(partner).post(
        reverse("stakeholders:join", args=[organisation.slug]), follow=True
    )

    membership = Membership.objects.get(user=partner)
    assert membership.status == Membership.Status.APPROVED
    assert "You already act for Lung Patients Network." in response.content.decode()


def test_a_declined_person_can_ask_again(newcomer, organisation, curator):
    membership = Membership.objects.create(user=newcomer, organisation=organisation)
    membership.decline(by=curator)
    asked_before = membership.created_at

    response = join(logged_in(newcomer), organisation)

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert membership.decided_by is None
    assert membership.decided_at is None
    assert membership.created_at > asked_before
    assert Membership.objects.filter(user=newcomer).count() == 1


def test_join_sends_anonymous_visitors_to_log_in_then_back_to_the_page(client, organisation):
    response = join(client, organisation)

    assert response.status_code == 302
    assert response["Location"] == (
        reverse("account_login") + "?next=/organisations/lung-patients-network/"
    )
    assert not Membership.objects.exists()


def test_join_by_get_is_not_allowed(newcomer, organisation):
    response = logged_in(newcomer).get(reverse("stakeholders:join", args=[organisation.slug]))

    assert response.status_code == 405
    assert not Membership.objects.exists()


def test_join_an_unknown_organisation_is_404(newcomer):
    response = logged_in(newcomer).post(reverse("stakeholders:join", args=["nope"]))

    assert response.status_code == 404


def test_join_a_proposed_organisation_is_404_and_403_for_curators(
    newcomer, curator, patients_group
):
    proposed = Organisation.objects.propose(
        by=make_user("proposer"), name="Proposed", group=patients_group
    )

    assert join(logged_in(newcomer), proposed).status_code == 404
    assert join(logged_in(curator), proposed).status_code == 403
    assert not Membership.objects.filter(user__in=[newcomer, curator]).exists()


def render_box(organisation, user, membership) -> str:
    request = RequestFactory().get(organisation.get_absolute_url())
    request.user = user
    return render_to_string(
        "stakeholders/organisation_membership.html",
        {"organisation": organisation, "membership": membership, "user": user},
        request=request,
    )


def test_membership_box_invites_anonymous_visitors_to_log_in_or_sign_up(organisation):
    html = render_box(organisation, AnonymousUser(), None)

    assert 'href="/accounts/login/?next=/organisations/lung-patients-network/"' in html
    assert 'href="/accounts/signup/?next=/organisations/lung-patients-network/"' in html
    assert "<form" not in html


def test_membership_box_offers_a_post_form_to_people_without_membership(organisation, newcomer):
    html = render_box(organisation, newcomer, None)

    assert 'method="post" action="/organisations/lung-patients-network/join/"' in html
    assert "csrfmiddlewaretoken" in html


def test_membership_box_offers_the_form_again_after_a_decline(organisation, newcomer, curator):
    membership = Membership.objects.create(user=newcomer, organisation=organisation)
    membership.decline(by=curator)

    html = render_box(organisation, newcomer, organisation.membership_of(newcomer))

    assert 'action="/organisations/lung-patients-network/join/"' in html


def test_membership_box_shows_a_pending_request(organisation, pending_member):
    html = render_box(organisation, pending_member, organisation.membership_of(pending_member))

    assert "waiting for approval" in html
    assert "<form" not in html


def test_membership_box_links_editors_to_the_members_page(organisation, editor, partner):
    editor_html = render_box(organisation, editor, organisation.membership_of(editor))
    member_html = render_box(organisation, partner, organisation.membership_of(partner))

    assert "You act for this organisation." in editor_html
    assert organisation.get_members_url() in editor_html
    assert "You act for this organisation." in member_html
    assert organisation.get_members_url() not in member_html


def test_membership_of_returns_none_for_strangers_and_anonymous(organisation, newcomer):
    assert organisation.membership_of(newcomer) is None
    assert organisation.membership_of(AnonymousUser()) is None


def test_renewed_request_goes_to_the_end_of_the_queue(organisation, newcomer, curator):
    membership = Membership.objects.create(
        user=newcomer, organisation=organisation, created_at=timezone.now()
    )
    membership.decline(by=curator)
    later = make_user("later")
    organisation.request_membership(later)

    organisation.request_membership(newcomer)

    queue = list(Membership.objects.requests_to_join().order_by("created_at"))
    assert [m.user for m in queue] == [later, newcomer]
