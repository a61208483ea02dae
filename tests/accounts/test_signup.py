"""Signing up with an email address that must be verified before the account is used."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from outbox.models import OutgoingEmail
from tests.conftest import PASSWORD

SIGNUP = {
    "email": "new.partner@example.org",
    "display_name": "New Partner",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def confirmation_path(email: OutgoingEmail) -> str:
    """The verification link of a queued email, checked in both parts; returns its path."""
    links = re.findall(r"https?://\S+/accounts/confirm-email/[^/\s\"<]+/", email.text)
    assert len(links) == 1, email.text
    assert links[0] in email.html
    return urlsplit(links[0]).path


@pytest.mark.django_db
def test_signup_sends_a_verification_email_with_text_and_html_parts(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    email = OutgoingEmail.objects.get(to="new.partner@example.org")
    assert email.template == "account_email_confirmation_signup"
    assert email.subject == "Confirm your email address for FT3 Pathway Portal"
    assert "Thank you for signing up to FT3 Pathway Portal" in email.text
    assert "Thank you for signing up to FT3 Pathway Portal" in email.html
    assert "Confirm my email address" in email.html
    confirmation_path(email)


@pytest.mark.django_db
def test_signup_does_not_log_in_before_the_address_is_verified(client):
    client.post(reverse("account_signup"), SIGNUP)

    response = client.get(reverse("portal:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not EmailAddress.objects.get(email="new.partner@example.org").verified


@pytest.mark.django_db
def test_following_the_verification_link_verifies_and_logs_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    path = confirmation_path(OutgoingEmail.objects.get(to="new.partner@example.org"))

    page = client.get(path)
    assert page.status_code == 200
    assert b'method="post"' in page.content
    assert b"style=" not in page.content
    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile")
    user = User.objects.get(email="new.partner@example.org")
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("portal:profile")).status_code == 200


@pytest.mark.django_db
def test_signup_derives_a_username_from_the_email(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "new.partner@example.com"},
    )

    usernames = set(
        User.objects.filter(email__startswith="new.partner@").values_list("username", flat=True)
    )
    assert len(usernames) == 2
    assert all(name.startswith("new.partner") for name in usernames)


@pytest.mark.django_db
def test_signup_keeps_djangos_password_validators(client):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "weak@example.org", "password1": "password", "password2": "password"},
    )

    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(email="weak@example.org").exists()
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_signup_with_a_taken_address_looks_the_same_and_tells_the_owner(client, partner):
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": partner.email.upper()})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=partner.email).count() == 1
    email = OutgoingEmail.objects.get(to__iexact=partner.email)
    assert email.template == "account_account_already_exists"
    assert "/accounts/password/reset/" in email.text
    assert "/accounts/password/reset/" in email.html


@pytest.mark.django_db
def test_signup_is_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for number in range(2):
        response = client.post(
            reverse("account_signup"), {**SIGNUP, "email": f"person{number}@example.org"}
        )
        assert response.status_code == 302

    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "third@example.org"})

    assert response.status_code == 429
    assert not User.objects.filter(email="third@example.org").exists()


@pytest.mark.django_db
def test_signup_page_is_a_labelled_form_in_the_portal_layout(client):
    response = client.get(reverse("account_signup"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert "css/accounts.css" in html
    assert "<title>" in html and "· FT3 Pathway Portal</title>" in html
    for name in ("email", "password1", "password2"):
        field_id = re.search(rf'<input[^>]*name="{name}"[^>]*id="([^"]+)"', html)
        assert field_id, name
        assert f'<label for="{field_id.group(1)}"' in html
    assert "style=" not in html
    assert "<script" not in html
