"""Subscribing (double opt-in) without ever revealing who is subscribed."""

import pytest
from django.utils import timezone

from digests.models import Subscription
from outbox.models import OutgoingEmail
from tests.conftest import logged_in
from tests.digests.support import FORM, FORM_QUERY, emails_to, link_in, subscribe

pytestmark = pytest.mark.django_db

# Subscribing ------------------------------------------------------------------


def test_subscribing_creates_an_unconfirmed_subscription_and_emails_a_link(client, settings):
    settings.SITE_URL = "https://ft3.example.org"

    response = subscribe(client)

    assert response.status_code == 302
    assert response["Location"] == "/digest/subscribe/check-your-inbox/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.frequency == "weekly"
    assert subscription.query == FORM_QUERY
    assert subscription.kinds == ("resource", "initiative")
    assert subscription.user is None
    [email] = emails_to("reader@example.org")
    assert email.template == "subscription_confirm"
    assert email.subject == "Confirm your FT3 Pathway Portal digest"
    url = "https://ft3.example.org" + link_in(email.text, "confirm")
    assert url in email.text
    assert f'href="{url}"' in email.html
    assert "7 days" in email.text and "7 days" in email.html
    assert client.get(response["Location"]).status_code == 200


def test_a_form_with_mistakes_shows_them_and_creates_nothing(client):
    response = subscribe(client, email="not-an-address", kinds=[], stages=["no-such-stage"])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Choose resources, initiatives or both." in html
    assert "Select a valid choice." in html
    assert Subscription.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_subscribing_an_unconfirmed_address_again_updates_it_and_resends_the_link(client):
    first = subscribe(client)
    second = subscribe(client, email="Reader@Example.org", frequency="monthly", stages=[])

    assert (second.status_code, second["Location"]) == (first.status_code, first["Location"])
    subscription = Subscription.objects.get()
    assert subscription.frequency == "monthly"
    assert subscription.query == FORM_QUERY.replace("&stage=testing-decision", "")
    confirmations = OutgoingEmail.objects.filter(template="subscription_confirm")
    assert confirmations.count() == 2


def test_subscribing_a_confirmed_address_changes_nothing_and_mails_a_manage_link(client):
    subscribe(client)
    subscription = Subscription.objects.get()
    subscription.confirm()

    response = subscribe(client, email="READER@example.org", frequency="monthly", stages=[])

    assert response.status_code == 302
    assert response["Location"] == "/digest/subscribe/check-your-inbox/"
    subscription.refresh_from_db()
    assert Subscription.objects.count() == 1
    assert subscription.frequency == "weekly"
    assert subscription.query == FORM_QUERY
    [notice] = emails_to("reader@example.org", "subscription_exists")
    assert subscription.manage_url() in notice.text
    assert subscription.manage_url() in notice.html
    assert notice.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_answer_is_the_same_whether_or_not_an_address_is_subscribed(client):
    fresh = subscribe(client, email="new@example.org")
    subscribe(client, email="known@example.org")
    Subscription.objects.filter(email="known@example.org").update(confirmed_at=timezone.now())
    known = subscribe(client, email="known@example.org")

    assert fresh.status_code == known.status_code == 302
    assert fresh["Location"] == known["Location"]
    assert client.get(fresh["Location"]).content == client.get(known["Location"]).content


def test_a_logged_in_users_subscription_belongs_to_their_account(partner):
    logged_in(partner).post("/digest/subscribe/", {**FORM, "email": "Partner@Example.org"})

    assert Subscription.objects.get().user == partner


def test_someone_elses_address_is_not_tied_to_the_account(partner):
    logged_in(partner).post("/digest/subscribe/", {**FORM, "email": "colleague@example.org"})

    assert Subscription.objects.get().user is None


def test_an_address_that_unsubscribed_can_subscribe_again(client):
    subscribe(client)
    old = Subscription.objects.get()
    old.confirm()
    old.unsubscribe()

    subscribe(client)

    assert Subscription.objects.count() == 2
    assert Subscription.objects.not_unsubscribed().get().confirmed_at is None
