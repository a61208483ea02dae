"""A person's copy of their data, and deleting their account: their organisation's
work stays, attributed to the organisation; their personal data goes."""

import json
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import APIToken, User
from contributions.models import ModerationEvent, Resource
from digests.models import DigestDelivery, Subscription
from sitepages.models import ContactMessage
from stakeholders.models import Membership
from tests.conftest import PASSWORD, logged_in

pytestmark = pytest.mark.django_db

EXPORT = reverse("portal:export-data")
DELETE = reverse("portal:delete-account")


@pytest.fixture
def partner_with_data(partner, make_resource, organisation):
    partner.display_name = "Marta Nowak"
    partner.save()
    EmailAddress.objects.create(user=partner, email=partner.email, verified=True, primary=True)
    item = make_resource(
        title="Biomarker testing guide",
        stages=["testing-decision"],
        barriers=["test-not-reimbursed"],
        countries=["DE"],
    )
    Resource.objects.filter(pk=item.pk).update(submitted_by=partner)
    item.submit(by=partner)
    subscription = Subscription.objects.create(
        email=partner.email, user=partner, confirmed_at=item.created_at, query="stage=testing"
    )
    DigestDelivery.objects.create(
        subscription=subscription, period_start=date(2026, 11, 30), status="sent"
    )
    APIToken.issue(partner, "My sync script")
    ContactMessage.objects.create(
        name="Marta", email=partner.email, topic="privacy", message="What do you keep?"
    )
    return partner


def test_a_person_downloads_everything_the_portal_holds_about_them(partner_with_data):
    response = logged_in(partner_with_data).get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["display_name"] == "Marta Nowak"
    assert data["account"]["email"] == partner_with_data.email
    assert data["account"]["email_addresses"] == [
        {"email": partner_with_data.email, "verified": True, "primary": True}
    ]
    assert [m["organisation"] for m in data["memberships"]] == ["Lung Patients Network"]
    [subscription] = data["subscriptions"]
    assert subscription["query"] == "stage=testing"
    assert subscription["deliveries"][0]["period_start"] == "2026-11-30"
    [token] = data["api_tokens"]
    assert token["name"] == "My sync script" and token["prefix"].startswith("ft3_")
    assert [item["title"] for item in data["submitted_items"]] == ["Biomarker testing guide"]
    assert [event["action"] for event in data["moderation_events"]] == ["submit"]
    assert data["contact_messages"][0]["message"] == "What do you keep?"


def test_the_export_never_holds_secrets(partner_with_data):
    raw = logged_in(partner_with_data).get(EXPORT).content.decode()

    assert partner_with_data.api_tokens.get().digest not in raw
    assert partner_with_data.password not in raw
    assert "password" not in raw


def test_the_export_holds_nobody_elses_data(partner_with_data, other_partner, make_resource):
    ContactMessage.objects.create(
        name="Other", email=other_partner.email, topic="other", message="Someone else's words"
    )
    Subscription.objects.create(email=other_partner.email, query="country=FR")
    APIToken.issue(other_partner, "Other script")

    raw = logged_in(partner_with_data).get(EXPORT).content.decode()

    for secret in [other_partner.email, "Someone else's words", "country=FR", "Other script"]:
        assert secret not in raw
    assert "Colorectal Alliance" not in raw


def test_the_export_and_deletion_need_a_signed_in_person(client, partner):
    for url in (EXPORT, DELETE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302
    assert User.objects.filter(pk=partner.pk).exists()


def test_deleting_needs_the_password_and_keeps_what_was_typed_otherwise(partner_with_data):
    client = logged_in(partner_with_data)

    response = client.post(DELETE, {"password": "wrong"})

    assert response.status_code == 400
    assert 'id="id_password_error"' in response.text
    assert User.objects.filter(pk=partner_with_data.pk).exists()


def test_deleting_an_account_keeps_the_organisations_work_without_the_person(
    partner_with_data, organisation
):
    client = logged_in(partner_with_data)
    item = Resource.objects.get(title="Biomarker testing guide")

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=partner_with_data.pk).exists()
    item.refresh_from_db()
    assert item.organisation == organisation and item.submitted_by is None
    [event] = ModerationEvent.objects.filter(resource=item)
    assert event.actor is None and event.action == "submit"
    assert not Membership.objects.filter(organisation=organisation).exists()
    assert not Subscription.objects.exists() and not DigestDelivery.objects.exists()
    assert not APIToken.objects.exists() and not ContactMessage.objects.exists()
    assert not EmailAddress.objects.exists()
    # Logged out: the profile asks for a log-in again.
    assert client.get(reverse("portal:profile")).status_code == 302


def test_deleting_one_account_leaves_the_others_alone(partner_with_data, other_partner):
    Subscription.objects.create(email=other_partner.email, user=other_partner)

    logged_in(partner_with_data).post(DELETE, {"password": PASSWORD})

    assert User.objects.filter(pk=other_partner.pk).exists()
    assert Subscription.objects.get().email == other_partner.email


def test_the_review_history_shows_a_deleted_persons_step_without_a_name(partner_with_data, curator):
    item = Resource.objects.get(title="Biomarker testing guide")
    review = reverse("curation:review", args=["resource", item.slug])
    assert "by Marta Nowak" in logged_in(curator).get(review).text

    logged_in(partner_with_data).post(DELETE, {"password": PASSWORD})

    page = logged_in(curator).get(review)
    assert page.status_code == 200
    assert "Marta Nowak" not in page.text
    assert "Submitted" in page.text or "submit" in page.text


def test_the_profile_lists_the_persons_subscriptions_with_manage_and_delete_links(
    partner_with_data,
):
    subscription = Subscription.objects.get()

    page = logged_in(partner_with_data).get(reverse("portal:profile")).text

    assert f'href="{subscription.manage_url()}"' in page
    assert f'href="{reverse("digests:delete", args=[subscription.manage_token()])}"' in page
    assert f'href="{EXPORT}"' in page and f'href="{DELETE}"' in page
