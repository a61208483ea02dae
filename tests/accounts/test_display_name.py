"""A display name, required at sign-up, editable on the profile and shown wherever
the portal names a person, instead of the username or email address."""

import importlib

import pytest
from django.urls import reverse

from accounts.models import User
from outbox.models import OutgoingEmail
from stakeholders.models import Membership
from tests.conftest import PASSWORD, logged_in, make_user

pytestmark = pytest.mark.django_db

migration = importlib.import_module("accounts.migrations.0006_user_display_name")
SIGNUP = {"email": "marta.nowak@example.org", "password1": PASSWORD, "password2": PASSWORD}


def test_sign_up_asks_for_a_name(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 200
    assert 'id="id_display_name_error"' in response.text
    assert 'value="marta.nowak@example.org"' in response.text
    assert not User.objects.exists()


def test_sign_up_keeps_the_name(client):
    client.post(reverse("account_signup"), {**SIGNUP, "display_name": "  Marta \x07 Nowak "})

    assert User.objects.get().display_name == "Marta Nowak"


def test_the_profile_changes_the_name_and_refuses_a_blank_one(partner):
    client = logged_in(partner)

    assert client.post(reverse("portal:profile"), {"display_name": "M. Nowak", "language": "en"})
    partner.refresh_from_db()
    assert partner.display_name == "M. Nowak"
    assert "You are logged in as M. Nowak" in client.get(reverse("portal:profile")).text

    response = client.post(reverse("portal:profile"), {"display_name": "  ", "language": "pl"})
    assert response.status_code == 400
    assert 'id="id_display_name_error"' in response.text
    partner.refresh_from_db()
    assert (partner.display_name, partner.language) == ("M. Nowak", "en")


def test_the_name_is_shown_instead_of_the_username(partner):
    partner.display_name = "Marta Nowak"
    assert str(partner) == partner.get_full_name() == "Marta Nowak"
    assert partner.username not in str(partner)


def test_editors_and_curators_decide_on_a_request_by_name(partner, organisation, curator):
    Membership.objects.filter(user=partner).update(role=Membership.Role.EDITOR)
    asker = make_user("marta.nowak", display_name="Marta Nowak")
    Membership.objects.create(user=asker, organisation=organisation)

    members = logged_in(partner).get(organisation.get_members_url()).text
    queue = logged_in(curator).get(reverse("curation:memberships")).text

    for page in (members, queue):
        assert "Marta Nowak" in page
        assert "Approve marta.nowak" not in page


def test_emails_greet_people_by_name(make_resource, partner, curator):
    partner.display_name = "Marta Nowak"
    partner.save()
    item = make_resource(
        title="Guide",
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
    )
    type(item).objects.filter(pk=item.pk).update(submitted_by=partner)
    item.refresh_from_db()
    item.submit(by=partner)
    item.publish(by=curator)

    [email] = OutgoingEmail.objects.filter(to=partner.email, template="contribution_published")
    assert email.text.startswith("Hello Marta Nowak,")


@pytest.mark.parametrize(
    "first, last, email, expected",
    [
        ("Ana", "Weber", "ana@example.org", "Ana Weber"),
        ("", "", "marta.nowak@example.org", "Marta Nowak"),
        ("", "", "j_smith-jones@example.org", "J Smith Jones"),
    ],
)
def test_the_migration_names_existing_accounts(first, last, email, expected):
    user = User(username="x", first_name=first, last_name=last, email=email)
    assert migration.name_from(user) == expected
