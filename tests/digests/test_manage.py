"""Managing a subscription (interests, frequency, pause) and unsubscribing (RFC 8058
one-click POST; a GET only asks)."""

import pytest
from django.test import Client

from digests.models import Subscription
from tests.digests.support import checked, kept_filters

pytestmark = pytest.mark.django_db

# Managing ---------------------------------------------------------------------


def test_the_manage_page_changes_interests_frequency_and_pauses(client, make_subscription):
    subscription = make_subscription(query="country=DE&stage=testing-decision")
    url = subscription.manage_url()

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert checked(html, "stages", "testing-decision")
    assert 'name="countries" value="DE" id="id_countries_DE" checked' in html

    response = client.post(
        url,
        {
            "frequency": "monthly",
            "kinds": ["initiatives"],
            "stages": ["monitoring", "treatment-access"],
            "countries": ["FR"],
            "paused": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url
    subscription.refresh_from_db()
    assert subscription.frequency == "monthly"
    assert subscription.kinds == ("initiative",)
    assert subscription.query == "country=FR&stage=monitoring&stage=treatment-access"
    assert subscription.paused
    assert "Your digests are paused" in client.get(url).content.decode()


def test_the_manage_page_shows_the_query_and_keeps_or_drops_its_other_filters(
    client, make_subscription
):
    subscription = make_subscription(query="country=DE&language=de&q=biomarker")
    url = subscription.manage_url()

    html = client.get(url).content.decode()

    assert "It follows: Search: biomarker · Country: Germany · Language: German." in html
    assert 'name="countries" value="DE" id="id_countries_DE" checked' in html
    assert kept_filters(html) == [
        ("q=biomarker", "Search: biomarker"),
        ("language=de", "Language: German"),
    ]
    assert f'href="/resources/?{subscription.query.replace("&", "&amp;")}"' in html

    client.post(
        url,
        {
            "frequency": "weekly",
            "kinds": ["resources"],
            "countries": ["DE"],
            "filters": ["q=biomarker"],
        },
    )

    subscription.refresh_from_db()
    assert subscription.query == "country=DE&q=biomarker"


def test_a_stored_value_the_library_no_longer_knows_is_reported_and_dropped_on_saving(
    client, make_subscription
):
    subscription = make_subscription(query="country=DE&stage=renamed-stage")
    url = subscription.manage_url()

    html = client.get(url).content.decode()

    assert "We ignored “renamed-stage” for pathway stage: there is no such option." in html
    client.post(url, {"frequency": "weekly", "kinds": ["resources"], "countries": ["DE"]})
    subscription.refresh_from_db()
    assert subscription.query == "country=DE"


def test_the_manage_form_keeps_its_csrf_protection(make_subscription):
    subscription = make_subscription()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        subscription.manage_url(), {"frequency": "monthly", "kinds": ["resources"]}
    )

    assert response.status_code == 403
    assert Subscription.objects.get().frequency == "weekly"


def test_an_unconfirmed_subscription_has_no_manage_page(client, make_subscription):
    subscription = make_subscription(confirmed_at=None)

    assert client.get(subscription.manage_url()).status_code == 404


# Unsubscribing ----------------------------------------------------------------


def test_opening_the_unsubscribe_link_only_asks(client, make_subscription):
    subscription = make_subscription()

    for method in (client.get, client.head):
        assert method(subscription.unsubscribe_url()).status_code == 200

    html = client.get(subscription.unsubscribe_url()).content.decode()
    assert "Yes, unsubscribe" in html
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_a_one_click_post_without_cookies_or_csrf_token_unsubscribes_at_once(make_subscription):
    subscription = make_subscription()
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        subscription.unsubscribe_url(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not response.cookies
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    again = mail_client.post(subscription.unsubscribe_url())
    assert again.status_code == 200
    assert Subscription.objects.get().unsubscribed_at == subscription.unsubscribed_at


def test_after_unsubscribing_the_manage_link_says_so(client, make_subscription):
    subscription = make_subscription()
    subscription.unsubscribe()

    response = client.get(subscription.manage_url())

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert client.post(subscription.manage_url(), {"frequency": "monthly"}).status_code == 200
    assert Subscription.objects.get().frequency == "weekly"


def test_other_methods_are_not_allowed(client, make_subscription):
    subscription = make_subscription()

    assert client.put("/digest/subscribe/").status_code == 405
    assert client.delete(subscription.unsubscribe_url()).status_code == 405
    assert client.post("/digest/subscribe/check-your-inbox/").status_code == 405
