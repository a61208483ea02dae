"""A subscriber deletes their subscription and every delivery record from the
signed link of its manage page: no account needed."""

from datetime import date

import pytest
from django.urls import reverse

from digests.models import DigestDelivery, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(make_subscription):
    subscription = make_subscription("reader@example.org")
    for day in (date(2026, 11, 23), date(2026, 11, 30)):
        DigestDelivery.objects.create(subscription=subscription, period_start=day, status="sent")
    return subscription


def delete_url(subscription: Subscription) -> str:
    return reverse("digests:delete", args=[subscription.manage_token()])


def test_the_manage_page_links_to_deleting(client, subscription):
    page = client.get(subscription.manage_url()).text
    assert f'href="{delete_url(subscription)}"' in page


def test_opening_the_link_only_asks(client, subscription):
    page = client.get(delete_url(subscription))

    assert page.status_code == 200
    assert "reader@example.org" in page.text
    assert Subscription.objects.exists() and DigestDelivery.objects.count() == 2


def test_deleting_removes_the_subscription_with_every_delivery(
    client, subscription, make_subscription
):
    other = make_subscription("other@example.org")
    DigestDelivery.objects.create(subscription=other, period_start=date(2026, 11, 30))

    response = client.post(delete_url(subscription))

    assert response.status_code == 302
    assert response["Location"] == reverse("digests:deleted")
    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.org"]
    assert list(DigestDelivery.objects.values_list("subscription", flat=True)) == [other.pk]
    assert client.get(response["Location"]).status_code == 200


def test_an_unsubscribed_subscription_can_be_deleted_from_its_page(client, subscription):
    subscription.unsubscribe()
    page = client.post(subscription.unsubscribe_url()).text
    assert f'href="{delete_url(subscription)}"' in page

    client.post(delete_url(subscription))

    assert not Subscription.objects.exists() and not DigestDelivery.objects.exists()


def test_a_tampered_link_deletes_nothing(client, subscription):
    response = client.post(delete_url(subscription)[:-3] + "xyz/")

    assert response.status_code == 400
    assert Subscription.objects.exists()


def test_a_second_delete_finds_nothing(client, subscription):
    url = delete_url(subscription)
    client.post(url)

    assert client.post(url).status_code == 404
