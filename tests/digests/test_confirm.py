"""Confirming a subscription: a GET only asks, tampered, expired and deleted links
say so."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone, translation

from digests.models import Subscription
from portal.tasks import expire_personal_data
from tests.digests.support import emails_to, link_in, subscribe

pytestmark = pytest.mark.django_db

# Confirming -------------------------------------------------------------------


def test_opening_the_confirmation_link_asks_and_only_a_post_confirms(client):
    subscribe(client)
    path = link_in(emails_to("reader@example.org")[0].text, "confirm")

    page = client.get(path)

    assert page.status_code == 200
    assert "Yes, confirm my subscription" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None

    response = client.post(path)

    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert response.status_code == 302
    assert response["Location"] == subscription.manage_url()
    assert "You are subscribed" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("kind", ["confirm", "manage", "unsubscribe"])
def test_a_tampered_link_is_rejected_with_a_clear_page(client, make_subscription, kind):
    subscription = make_subscription()
    token = subscription.confirm_token() if kind == "confirm" else subscription.manage_token()
    value, signature = token.rsplit(":", 1)
    tampered = [
        f"{value}x:{signature}",
        f"{value}:{signature[:-2]}",
        value,
        "garbage",
        subscription.token,
    ]
    for bad in tampered:
        for method in (client.get, client.post):
            response = method(f"/digest/{kind}/{bad}/")
            assert response.status_code == 400, bad
            assert "This link is not valid" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_a_manage_link_does_not_confirm_and_a_confirm_link_does_not_manage(
    client, make_subscription
):
    subscription = make_subscription(confirmed_at=None)

    assert client.post(f"/digest/confirm/{subscription.manage_token()}/").status_code == 400
    assert client.get(f"/digest/manage/{subscription.confirm_token()}/").status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_a_confirmation_link_expires_after_seven_days(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = subscription.confirm_token()

    response = client.post(f"/digest/confirm/{token}/")

    assert response.status_code == 400
    assert "This confirmation link has expired" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(make_subscription):
    now = timezone.now()
    make_subscription(
        "old@example.org", confirmed_at=None, confirmation_sent_at=now - timedelta(days=8)
    )
    make_subscription(
        "recent@example.org", confirmed_at=None, confirmation_sent_at=now - timedelta(days=6)
    )
    make_subscription("confirmed@example.org", confirmation_sent_at=now - timedelta(days=30))

    assert expire_personal_data()["unconfirmed_subscriptions"] == 1

    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "recent@example.org",
    ]


def test_a_link_to_a_deleted_subscription_says_so(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)
    token = subscription.confirm_token()
    subscription.delete()

    response = client.get(f"/digest/confirm/{token}/")

    assert response.status_code == 404
    assert "We could not find this subscription" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "frequency", "expected"),
    [
        ("en", "weekly", "(weekly, on Monday morning)"),
        ("en", "monthly", "(monthly, on the 1st)"),
        ("es", "weekly", "lunes"),
        ("de", "weekly", "Montag"),
    ],
)
def test_the_confirmation_names_the_frequency_as_the_language_writes_it(
    client, make_subscription, language, frequency, expected
):
    subscription = make_subscription(frequency=frequency, confirmed_at=None)

    with translation.override(language):
        html = client.get(subscription.confirm_url()).content.decode()

    assert expected in html
    assert "monday" not in html


def test_the_confirmation_email_names_the_day_with_its_capital(client):
    subscribe(client, frequency="weekly")

    email = emails_to("reader@example.org")[0]

    for part in (email.text, email.html):
        assert "weekly, on Monday morning" in part
